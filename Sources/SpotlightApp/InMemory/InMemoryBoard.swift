import Foundation
import Synchronization
import SpotlightCore
import SpotlightStore

/// A `BoardService` in memory, for tests: one handle on an `InMemoryStorage`, acting as one
/// account with its own clock. Two handles on one storage are two processes on one file: a
/// write through one is `.changed` on the other's `changes()`, never on its own.
///
/// Not modelled (each a property of the file, not of the rules):
/// - read-only, immutable and full-disk boards: `isReadOnly`, `isImmutable` and `isOutOfSpace`
///   are always false and every write may succeed; a board that cannot be read at all is
///   `InMemoryStorage.interrupt(_:)` (every operation fails, streams hear `.unavailable`);
/// - `doctor`'s checks of the file: `integrityCheck()` is "ok", `schemaVersion()` is this
///   build's, `outsideChanges()` is empty (nothing outside spotlight can edit memory);
/// - SQLite's FTS5 tokenizer exactly: a search word must prefix a word of the title, body, hero
///   or tags, words split at anything not a letter or digit, case and accents folded by
///   Foundation (the store: `unicode61 remove_diacritics 2`), which may differ for unusual
///   scripts and symbols; `departments(recognising:)` compares every hero (the store first
///   narrows by the full-text index, at most 1,000 stories per name);
/// - the store's reading plans: `page(_:counting:matches:)` ignores `matches` (a plan hint);
/// - busy timeouts and lock contention: each operation is one atomic step of the storage actor;
/// - time: the handle's clock is read once per operation (the store reads it where needed;
///   the same for a fixed clock).
public actor InMemoryBoard: BoardService {
    public nonisolated let storage: InMemoryStorage
    public nonisolated let account: Account
    public nonisolated let clock: Clock
    public nonisolated let location: String
    public nonisolated var isReadOnly: Bool { false }
    public nonisolated var isImmutable: Bool { false }
    public nonisolated var isOutOfSpace: Bool { false }
    private nonisolated let isClosed = Mutex(false)

    public init(storage: InMemoryStorage, as account: Account, clock: Clock = .system, location: String = "memory") {
        self.storage = storage
        self.account = account
        self.clock = clock
        self.location = location
    }

    /// Who acts, and the handle's clock read once for the whole operation.
    private var caller: InMemoryStorage.Caller {
        get throws(SpotlightError) {
            guard !isClosed.withLock({ $0 }) else { throw .runtime("the board \(location) was closed") }
            return InMemoryStorage.Caller(handle: ObjectIdentifier(self), account: account, now: clock.now)
        }
    }

    public func close() async {
        isClosed.withLock { $0 = true }
        storage.finish(handle: ObjectIdentifier(self))
    }

    /// Registered before it is returned: a write by another handle after this call is heard.
    /// (A stream asked for after `close()` ends at once.)
    public nonisolated func changes() -> AsyncStream<BoardChange> {
        let (stream, continuation) = AsyncStream.makeStream(of: BoardChange.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        let storage = storage
        guard !isClosed.withLock({ $0 }) else {
            continuation.finish()
            return stream
        }
        storage.subscribe(id, handle: ObjectIdentifier(self), continuation)
        continuation.onTermination = { _ in storage.unsubscribe(id) }
        return stream
    }

    // MARK: Reads

    public func settings() async throws(SpotlightError) -> BoardSettings { _ = try caller; return try await storage.settings() }
    public func managers() async throws(SpotlightError) -> [String] { _ = try caller; return try await storage.managers() }
    public func isManager(_ login: String) async throws(SpotlightError) -> Bool { _ = try caller; return try await storage.isManager(login) }
    public func story(_ id: StoryID) async throws(SpotlightError) -> Story { try await storage.story(id, as: caller) }
    public func stories(_ query: StoryQuery) async throws(SpotlightError) -> [Story] { try await storage.stories(query, at: caller.now) }

    public func pinnedStories() async throws(SpotlightError) -> [Story] {
        try await stories(StoryQuery(order: .new, limit: 1000, pinnedOnly: true))
    }

    public func departments() async throws(SpotlightError) -> [(name: String, stories: Int)] {
        _ = try caller
        return try await storage.departments()
    }

    public func hasVoted(_ id: StoryID) async throws(SpotlightError) -> Bool { try await storage.hasVoted(id, as: caller) }
    public func medallionsLeft() async throws(SpotlightError) -> Int { try await storage.medallionsLeft(as: caller) }

    public func auditEvents(limit: Int) async throws(SpotlightError) -> [AuditEvent] {
        _ = try caller
        return try await storage.auditEvents(limit: limit)
    }

    public func storyCount() async throws(SpotlightError) -> Int { _ = try caller; return try await storage.storyCount() }

    // MARK: Paging

    public func page(_ query: StoryQuery, counting: Bool, matches: Int?) async throws(SpotlightError) -> StoryPage {
        try await storage.page(query, counting: counting, as: caller)
    }

    public func storyCount(_ query: StoryQuery, cap: Int?) async throws(SpotlightError) -> (count: Int, capped: Bool) {
        try await storage.storyCount(query, cap: cap, at: caller.now)
    }

    public func votedStories(among ids: [StoryID]) async throws(SpotlightError) -> Set<StoryID> {
        try await storage.votedStories(among: ids, as: caller)
    }

    public func page(of ids: [StoryID], offset: Int, limit: Int) async throws(SpotlightError) -> StoryPage {
        try await storage.page(of: ids, offset: offset, limit: limit, as: caller)
    }

    public func wallSnapshot(highlightSince: Date?) async throws(SpotlightError) -> WallSnapshot {
        try await storage.wallSnapshot(highlightSince: highlightSince, at: caller.now)
    }

    // MARK: Writes

    public func post(_ draft: StoryDraft) async throws(SpotlightError) -> Story { try await storage.post(draft, as: caller) }

    public func edit(_ id: StoryID, to draft: StoryDraft, unchangedSince base: Story?) async throws(SpotlightError) -> Story {
        try await storage.edit(id, to: draft, unchangedSince: base, as: caller)
    }

    @discardableResult
    public func upvote(_ id: StoryID) async throws(SpotlightError) -> Bool { try await storage.upvote(id, as: caller) }
    @discardableResult
    public func unvote(_ id: StoryID) async throws(SpotlightError) -> Bool { try await storage.unvote(id, as: caller) }
    public func giveMedallion(_ id: StoryID) async throws(SpotlightError) -> Int { try await storage.giveMedallion(id, as: caller) }
    public func revokeMedallion(_ id: StoryID) async throws(SpotlightError) { try await storage.revokeMedallion(id, as: caller) }

    @discardableResult
    public func pin(_ id: StoryID, until: Date?, note: String?) async throws(SpotlightError) -> Date {
        try await storage.pin(id, until: until, note: note, as: caller)
    }

    public func unpin(_ id: StoryID) async throws(SpotlightError) { try await storage.unpin(id, as: caller) }

    public func setStatus(_ id: StoryID, to status: StoryStatus) async throws(SpotlightError) {
        try await storage.setStatus(id, to: status, as: caller)
    }

    public func addManager(_ login: String) async throws(SpotlightError) {
        try await storage.changeManagers(login, adding: true, as: caller)
    }

    public func removeManager(_ login: String) async throws(SpotlightError) {
        try await storage.changeManagers(login, adding: false, as: caller)
    }

    public func setSetting(_ key: String, to value: String) async throws(SpotlightError) {
        try await storage.setSetting(key, to: value, as: caller)
    }

    public func seed(_ samples: [SampleStory]) async throws(SpotlightError) -> Int {
        try await storage.seed(samples, as: caller, location: location)
    }

    // MARK: Reports' inputs

    public func reportStories(from start: Date, to end: Date, bodyLength: Int) async throws(SpotlightError) -> [Story] {
        _ = try caller
        return try await storage.reportStories(from: start, to: end, bodyLength: bodyLength)
    }

    public func reportPinnedStories(from start: Date, to end: Date) async throws(SpotlightError) -> [Story] {
        _ = try caller
        return try await storage.reportPinnedStories(from: start, to: end)
    }

    public func reportMedallions(from start: Date, to end: Date) async throws(SpotlightError) -> [GivenMedallion] {
        _ = try caller
        return try await storage.reportMedallions(from: start, to: end)
    }

    public func reportFirstPosts(from start: Date, to end: Date) async throws(SpotlightError) -> [String: Date] {
        _ = try caller
        return try await storage.reportFirstPosts(from: start, to: end)
    }

    public func reportVoteTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date] {
        _ = try caller
        return try await storage.reportVoteTimes(from: start, to: end)
    }

    public func reportMedallionTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date] {
        _ = try caller
        return try await storage.reportMedallionTimes(from: start, to: end)
    }

    // MARK: Visits

    public func identity() async throws(SpotlightError) -> String { _ = try caller; return try await storage.identity() }

    public func newestIDs() async throws(SpotlightError) -> (story: StoryID, audit: Int) {
        _ = try caller
        return try await storage.newestIDs()
    }

    public func visibleStories(above id: StoryID, limit: Int) async throws(SpotlightError) -> [Story] {
        _ = try caller
        return try await storage.visibleStories(above: id, limit: limit)
    }

    public func recognition(of author: String, afterAudit auditID: Int) async throws(SpotlightError) -> [News.Recognition] {
        try await storage.recognition(of: author, afterAudit: auditID, as: caller)
    }

    public func departments(recognising names: [String]) async throws(SpotlightError) -> Set<String> {
        _ = try caller
        return try await storage.departments(recognising: names)
    }

    public func newStoryCount(since marks: VisitMarks, for account: Account) async throws(SpotlightError) -> Int {
        _ = try caller
        return try await storage.newStoryCount(since: marks, for: account)
    }

    public func news(since marks: VisitMarks, for account: Account, limit: Int) async throws(SpotlightError) -> News {
        try await storage.news(since: marks, for: account, limit: limit, as: caller)
    }

    public func marksForEverythingNow(at now: Date) async throws(SpotlightError) -> VisitMarks {
        _ = try caller
        return try await storage.marksForEverythingNow(at: now)
    }

    public func closing(_ marks: VisitMarks, at now: Date) async throws(SpotlightError) -> VisitMarks {
        try await storage.closing(marks, at: now, as: caller)
    }

    // MARK: Export, import, doctor

    public func export() async throws(SpotlightError) -> BoardExport { _ = try caller; return try await storage.export() }
    public func importBoard(_ data: BoardExport) async throws(SpotlightError) { try await storage.importBoard(data, as: caller) }
    /// Memory cannot be damaged like a file: "ok" while the board is readable.
    public func integrityCheck() async throws(SpotlightError) -> String { _ = try await settings(); return "ok" }
    public func schemaVersion() async throws(SpotlightError) -> Int { _ = try await settings(); return BoardStore.currentSchemaVersion }
    /// Nothing outside spotlight can edit memory.
    public func outsideChanges() async throws(SpotlightError) -> [String] { _ = try await settings(); return [] }
}

// MARK: Certification

extension InMemoryBoard {
    @discardableResult
    public func addProgram(_ program: CertProgram) async throws(SpotlightError) -> CertProgram {
        try await storage.addProgram(program, as: caller)
    }

    public func programs() async throws(SpotlightError) -> [CertProgram] { _ = try caller; return try await storage.programs() }

    public func program(named name: String) async throws(SpotlightError) -> CertProgram {
        _ = try caller
        return try await storage.program(named: name)
    }

    public func startQuiz(_ program: String) async throws(SpotlightError) -> QuizSitting {
        try await storage.startQuiz(program, as: caller)
    }

    public func finishQuiz(_ attempt: Int, answers: [Int]) async throws(SpotlightError) -> QuizResult {
        try await storage.finishQuiz(attempt, answers: answers, as: caller)
    }

    public func answerQuiz(_ attempt: Int, position: Int, choice: Int) async throws(SpotlightError) -> QuizVerdict {
        try await storage.answerQuiz(attempt, position: position, choice: choice, as: caller)
    }

    @discardableResult
    public func grantCertification(to login: String, program: String, level: Int, note: String) async throws(SpotlightError) -> Certification {
        try await storage.grantCertification(to: login, program: program, level: level, note: note, as: caller)
    }

    public func revokeCertification(of login: String, program: String, level: Int) async throws(SpotlightError) {
        try await storage.revokeCertification(of: login, program: program, level: level, as: caller)
    }

    public func certifications(of login: String) async throws(SpotlightError) -> [Certification] {
        _ = try caller
        return try await storage.certifications(of: login)
    }

    public func recentCertifications(since: Date, limit: Int) async throws(SpotlightError) -> [Certification] {
        _ = try caller
        return try await storage.recentCertifications(since: since, limit: limit)
    }
}
