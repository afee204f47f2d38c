import Foundation
import SpotlightCore
import SpotlightStore

/// Every operation the CLI, the wall and the board perform on a board, whatever holds it: a
/// file opened by this process (`SQLiteBoard`), memory shared by test handles (`InMemoryBoard`),
/// later a broker or PostgreSQL (DESIGN §12). Names and typed throws are `BoardStore`'s, so a
/// caller moves over by changing the type it holds. Each handle acts as one `account`; the
/// rules of `BoardRules` are applied by the implementation, never by the caller.
///
/// "Has the board changed?" is `changes()`: the one stream every front end re-reads on.
public protocol BoardService: BoardReports, AnyObject {
    // MARK: Who and what

    /// The account every write of this handle is made as.
    var account: Account { get }
    /// The clock this handle stamps its writes with; the CLI words ages from the same one.
    var clock: Clock { get }
    /// Where the board is, for messages (a file path, later a socket or a database).
    var location: String { get }
    /// This handle cannot write; writes fail with exit code 3 (or say the disk is full).
    var isReadOnly: Bool { get }
    /// Other writers' changes are not seen until reopened (an `immutable` SQLite file).
    var isImmutable: Bool { get }
    /// Read-only because the disk is full.
    var isOutOfSpace: Bool { get }

    /// Ends the `changes()` stream and releases the board; the handle is unusable afterwards.
    func close() async
    /// One stream per call: `.changed` when someone else changed the board (never for this
    /// handle's own writes) or it is readable again; `.unavailable` while it cannot be read.
    /// It finishes when the handle is closed; cancelling the consumer stops its work.
    func changes() -> AsyncStream<BoardChange>
    /// Like `changes()`, but `.changed` only for other processes' writes, each one heard — for a
    /// broker, whose own handles' writes it announces itself. Nil (the default) when the board
    /// cannot tell whose a change was (an SQLite file only says that it changed).
    func othersChanges() -> AsyncStream<BoardChange>?

    // MARK: Reads (and `settings()`, from `BoardReports`)

    func managers() async throws(SpotlightError) -> [String]
    func isManager(_ login: String) async throws(SpotlightError) -> Bool
    /// The story as this account may see it: not found when removed, or hidden from it.
    func story(_ id: StoryID) async throws(SpotlightError) -> Story
    func stories(_ query: StoryQuery) async throws(SpotlightError) -> [Story]
    func pinnedStories() async throws(SpotlightError) -> [Story]
    func departments() async throws(SpotlightError) -> [(name: String, stories: Int)]
    func hasVoted(_ id: StoryID) async throws(SpotlightError) -> Bool
    func medallionsLeft() async throws(SpotlightError) -> Int
    func auditEvents(limit: Int) async throws(SpotlightError) -> [AuditEvent]
    /// Visible stories.
    func storyCount() async throws(SpotlightError) -> Int

    // MARK: Paging (the interactive board)

    func page(_ query: StoryQuery, counting: Bool, matches: Int?) async throws(SpotlightError) -> StoryPage
    func storyCount(_ query: StoryQuery, cap: Int?) async throws(SpotlightError) -> (count: Int, capped: Bool)
    func votedStories(among ids: [StoryID]) async throws(SpotlightError) -> Set<StoryID>
    func page(of ids: [StoryID], offset: Int, limit: Int) async throws(SpotlightError) -> StoryPage

    // MARK: The wall

    func wallSnapshot(highlightSince: Date?) async throws(SpotlightError) -> WallSnapshot

    // MARK: Writes

    func post(_ draft: StoryDraft) async throws(SpotlightError) -> Story
    func edit(_ id: StoryID, to draft: StoryDraft, unchangedSince base: Story?) async throws(SpotlightError) -> Story
    @discardableResult func upvote(_ id: StoryID) async throws(SpotlightError) -> Bool
    @discardableResult func unvote(_ id: StoryID) async throws(SpotlightError) -> Bool
    func giveMedallion(_ id: StoryID) async throws(SpotlightError) -> Int
    func revokeMedallion(_ id: StoryID) async throws(SpotlightError)
    @discardableResult func pin(_ id: StoryID, until: Date?, note: String?) async throws(SpotlightError) -> Date
    func unpin(_ id: StoryID) async throws(SpotlightError)
    func setStatus(_ id: StoryID, to status: StoryStatus) async throws(SpotlightError)
    func addManager(_ login: String) async throws(SpotlightError)
    func removeManager(_ login: String) async throws(SpotlightError)
    func setSetting(_ key: String, to value: String) async throws(SpotlightError)
    /// `spotlight demo`: sample stories on an empty board.
    func seed(_ samples: [SampleStory]) async throws(SpotlightError) -> Int

    // MARK: Reports' inputs: `BoardReports`

    // MARK: Visits (what's new since your last visit)

    func identity() async throws(SpotlightError) -> String
    func newestIDs() async throws(SpotlightError) -> (story: StoryID, audit: Int)
    func visibleStories(above id: StoryID, limit: Int) async throws(SpotlightError) -> [Story]
    func recognition(of author: String, afterAudit auditID: Int) async throws(SpotlightError) -> [News.Recognition]
    func departments(recognising names: [String]) async throws(SpotlightError) -> Set<String>
    func newStoryCount(since marks: VisitMarks, for account: Account) async throws(SpotlightError) -> Int
    func news(since marks: VisitMarks, for account: Account, limit: Int) async throws(SpotlightError) -> News
    func marksForEverythingNow(at now: Date) async throws(SpotlightError) -> VisitMarks
    func closing(_ marks: VisitMarks, at now: Date) async throws(SpotlightError) -> VisitMarks

    // MARK: Export and import

    func export() async throws(SpotlightError) -> BoardExport
    func importBoard(_ data: BoardExport) async throws(SpotlightError)

    // MARK: What `doctor` asks

    func integrityCheck() async throws(SpotlightError) -> String
    func schemaVersion() async throws(SpotlightError) -> Int
    /// Differences from what spotlight itself would have written, one line each.
    func outsideChanges() async throws(SpotlightError) -> [String]

    // MARK: Certification (issue 16; rules in CertificationRules, the answer key stays inside)

    @discardableResult func addProgram(_ program: CertProgram) async throws(SpotlightError) -> CertProgram
    func programs() async throws(SpotlightError) -> [CertProgram]
    /// The program called `name`, compared by `NameKey`; not found otherwise.
    func program(named name: String) async throws(SpotlightError) -> CertProgram
    /// Starts (and counts) a quiz attempt: prompts and seed, never the key.
    func startQuiz(_ program: String) async throws(SpotlightError) -> QuizSitting
    /// Grades the shown answers chosen, per question as asked; a pass records level 1.
    func finishQuiz(_ attempt: Int, answers: [Int]) async throws(SpotlightError) -> QuizResult
    /// Grades and keeps the answer to question `position` (the next one): its verdict, for the
    /// quiz screen; the last answer finishes the attempt as `finishQuiz` does.
    func answerQuiz(_ attempt: Int, position: Int, choice: Int) async throws(SpotlightError) -> QuizVerdict
    @discardableResult func grantCertification(to login: String, program: String, level: Int, note: String)
        async throws(SpotlightError) -> Certification
    func revokeCertification(of login: String, program: String, level: Int) async throws(SpotlightError)
    /// Held (unrevoked) levels of `login`, newest first.
    func certifications(of login: String) async throws(SpotlightError) -> [Certification]
    /// Held levels earned or granted at `since` or later, newest first.
    func recentCertifications(since: Date, limit: Int) async throws(SpotlightError) -> [Certification]
}

/// The defaults `BoardStore` callers use today.
extension BoardService {
    public func othersChanges() -> AsyncStream<BoardChange>? { nil }

    public func auditEvents() async throws(SpotlightError) -> [AuditEvent] { try await auditEvents(limit: 50) }

    public func page(_ query: StoryQuery) async throws(SpotlightError) -> StoryPage {
        try await page(query, counting: true, matches: nil)
    }

    public func storyCount(_ query: StoryQuery) async throws(SpotlightError) -> (count: Int, capped: Bool) {
        try await storyCount(query, cap: nil)
    }

    public func wallSnapshot() async throws(SpotlightError) -> WallSnapshot { try await wallSnapshot(highlightSince: nil) }

    public func edit(_ id: StoryID, to draft: StoryDraft) async throws(SpotlightError) -> Story {
        try await edit(id, to: draft, unchangedSince: nil)
    }

    public func reportStories(from start: Date, to end: Date) async throws(SpotlightError) -> [Story] {
        try await reportStories(from: start, to: end, bodyLength: BoardStore.reportBodyLength)
    }

    public func visibleStories(above id: StoryID) async throws(SpotlightError) -> [Story] {
        try await visibleStories(above: id, limit: 1000)
    }

    public func news(since marks: VisitMarks, for account: Account) async throws(SpotlightError) -> News {
        try await news(since: marks, for: account, limit: 1000)
    }
}
