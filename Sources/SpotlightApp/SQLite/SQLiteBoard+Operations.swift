import Foundation
import SpotlightCore
import SpotlightStore

/// Every `BoardService` operation is the store's own: rules, transactions and audit records
/// stay in `BoardStore`, so file mode behaves exactly as before.
extension SQLiteBoard {
    // MARK: Reads

    public func settings() async throws(SpotlightError) -> BoardSettings { try await connected().settings() }
    public func managers() async throws(SpotlightError) -> [String] { try await connected().managers() }
    public func isManager(_ login: String) async throws(SpotlightError) -> Bool { try await connected().isManager(login) }
    public func story(_ id: StoryID) async throws(SpotlightError) -> Story { try await connected().story(id) }
    public func stories(_ query: StoryQuery) async throws(SpotlightError) -> [Story] { try await connected().stories(query) }
    public func pinnedStories() async throws(SpotlightError) -> [Story] { try await connected().pinnedStories() }
    public func departments() async throws(SpotlightError) -> [(name: String, stories: Int)] { try await connected().departments() }
    public func hasVoted(_ id: StoryID) async throws(SpotlightError) -> Bool { try await connected().hasVoted(id) }
    public func medallionsLeft() async throws(SpotlightError) -> Int { try await connected().medallionsLeft() }
    public func auditEvents(limit: Int) async throws(SpotlightError) -> [AuditEvent] { try await connected().auditEvents(limit: limit) }
    public func storyCount() async throws(SpotlightError) -> Int { try await connected().storyCount() }

    // MARK: Paging

    public func page(_ query: StoryQuery, counting: Bool, matches: Int?) async throws(SpotlightError) -> StoryPage {
        try await connected().page(query, counting: counting, matches: matches)
    }

    public func storyCount(_ query: StoryQuery, cap: Int?) async throws(SpotlightError) -> (count: Int, capped: Bool) {
        try await connected().storyCount(query, cap: cap)
    }

    public func votedStories(among ids: [StoryID]) async throws(SpotlightError) -> Set<StoryID> {
        try await connected().votedStories(among: ids)
    }

    public func page(of ids: [StoryID], offset: Int, limit: Int) async throws(SpotlightError) -> StoryPage {
        try await connected().page(of: ids, offset: offset, limit: limit)
    }

    public func wallSnapshot(highlightSince: Date?) async throws(SpotlightError) -> WallSnapshot {
        try await connected().wallSnapshot(highlightSince: highlightSince)
    }

    // MARK: Writes

    public func post(_ draft: StoryDraft) async throws(SpotlightError) -> Story { try await connected().post(draft) }

    public func edit(_ id: StoryID, to draft: StoryDraft, unchangedSince base: Story?) async throws(SpotlightError) -> Story {
        try await connected().edit(id, to: draft, unchangedSince: base)
    }

    @discardableResult
    public func upvote(_ id: StoryID) async throws(SpotlightError) -> Bool { try await connected().upvote(id) }
    @discardableResult
    public func unvote(_ id: StoryID) async throws(SpotlightError) -> Bool { try await connected().unvote(id) }
    public func giveMedallion(_ id: StoryID) async throws(SpotlightError) -> Int { try await connected().giveMedallion(id) }
    public func revokeMedallion(_ id: StoryID) async throws(SpotlightError) { try await connected().revokeMedallion(id) }

    @discardableResult
    public func pin(_ id: StoryID, until: Date?, note: String?) async throws(SpotlightError) -> Date {
        try await connected().pin(id, until: until, note: note)
    }

    public func unpin(_ id: StoryID) async throws(SpotlightError) { try await connected().unpin(id) }
    public func setStatus(_ id: StoryID, to status: StoryStatus) async throws(SpotlightError) { try await connected().setStatus(id, to: status) }
    public func addManager(_ login: String) async throws(SpotlightError) { try await connected().addManager(login) }
    public func removeManager(_ login: String) async throws(SpotlightError) { try await connected().removeManager(login) }
    public func setSetting(_ key: String, to value: String) async throws(SpotlightError) { try await connected().setSetting(key, to: value) }
    public func seed(_ samples: [SampleStory]) async throws(SpotlightError) -> Int { try await connected().seed(samples) }

    // MARK: Reports' inputs

    public func reportStories(from start: Date, to end: Date, bodyLength: Int) async throws(SpotlightError) -> [Story] {
        try await connected().reportStories(from: start, to: end, bodyLength: bodyLength)
    }

    public func reportPinnedStories(from start: Date, to end: Date) async throws(SpotlightError) -> [Story] {
        try await connected().reportPinnedStories(from: start, to: end)
    }

    public func reportMedallions(from start: Date, to end: Date) async throws(SpotlightError) -> [GivenMedallion] {
        try await connected().reportMedallions(from: start, to: end)
    }

    public func reportFirstPosts(from start: Date, to end: Date) async throws(SpotlightError) -> [String: Date] {
        try await connected().reportFirstPosts(from: start, to: end)
    }

    public func reportVoteTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date] {
        try await connected().reportVoteTimes(from: start, to: end)
    }

    public func reportMedallionTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date] {
        try await connected().reportMedallionTimes(from: start, to: end)
    }

    // MARK: Visits

    public func identity() async throws(SpotlightError) -> String { try await connected().identity() }
    public func newestIDs() async throws(SpotlightError) -> (story: StoryID, audit: Int) { try await connected().newestIDs() }

    public func visibleStories(above id: StoryID, limit: Int) async throws(SpotlightError) -> [Story] {
        try await connected().visibleStories(above: id, limit: limit)
    }

    public func recognition(of author: String, afterAudit auditID: Int) async throws(SpotlightError) -> [News.Recognition] {
        try await connected().recognition(of: author, afterAudit: auditID)
    }

    public func departments(recognising names: [String]) async throws(SpotlightError) -> Set<String> {
        try await connected().departments(recognising: names)
    }

    public func newStoryCount(since marks: VisitMarks, for account: Account) async throws(SpotlightError) -> Int {
        try await connected().newStoryCount(since: marks, for: account)
    }

    public func news(since marks: VisitMarks, for account: Account, limit: Int) async throws(SpotlightError) -> News {
        try await connected().news(since: marks, for: account, limit: limit)
    }

    public func marksForEverythingNow(at now: Date) async throws(SpotlightError) -> VisitMarks {
        try await connected().marksForEverythingNow(at: now)
    }

    public func closing(_ marks: VisitMarks, at now: Date) async throws(SpotlightError) -> VisitMarks {
        try await connected().closing(marks, at: now)
    }

    // MARK: Export, import, doctor

    public func export() async throws(SpotlightError) -> BoardExport { try await connected().export() }
    public func importBoard(_ data: BoardExport) async throws(SpotlightError) { try await connected().importBoard(data) }
    public func integrityCheck() async throws(SpotlightError) -> String { try await connected().integrityCheck() }
    public func schemaVersion() async throws(SpotlightError) -> Int { try await connected().schemaVersion() }
    public func outsideChanges() async throws(SpotlightError) -> [String] { try await connected().outsideChanges() }
}
