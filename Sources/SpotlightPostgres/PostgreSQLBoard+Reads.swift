#if PostgreSQLSupport
import Foundation
import SpotlightCore
import SpotlightStore

/// Reads, lists and paging, mirroring `BoardStore+Reads` and `+Board`. PostgreSQL's planner has
/// statistics, so one query per list replaces the SQLite store's hand-chosen reading plans.
extension PostgreSQLBoard {
    public func settings() async throws(SpotlightError) -> BoardSettings {
        try await read { (s: PGSession) async throws(SpotlightError) -> BoardSettings in try await s.settings() }
    }

    public func managers() async throws(SpotlightError) -> [String] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [String] in try await s.managers() }
    }

    public func isManager(_ login: String) async throws(SpotlightError) -> Bool {
        try await read { (s: PGSession) async throws(SpotlightError) -> Bool in try await s.isManager(login) }
    }

    public func story(_ id: StoryID) async throws(SpotlightError) -> Story {
        try await read { (s: PGSession) async throws(SpotlightError) -> Story in
            let story = try await s.rawStory(id)
            try BoardRules.requireVisible(story, to: s.account, isManager: try await s.isManager(s.account.login))
            return story
        }
    }

    public func stories(_ query: StoryQuery) async throws(SpotlightError) -> [Story] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [Story] in
            try await Self.stories(s, query, departmentIgnoresCase: true)
        }
    }

    /// The WHERE clause of a list. `departmentIgnoresCase`: `stories(_:)` matches the department
    /// ignoring ASCII case (SQLite's NOCASE); the board's pages match it exactly.
    static func filter(_ query: StoryQuery, now: Date, departmentIgnoresCase: Bool) -> (sql: String, binds: [PGValue]) {
        var conditions = [query.includeHidden ? "s.status IN ('visible', 'hidden')" : "s.status = 'visible'"]
        var binds: [PGValue] = []
        if let department = query.department {
            conditions.append(departmentIgnoresCase ? "translate(s.department, '\(upper)', '\(lower)') = translate(?, '\(upper)', '\(lower)')"
                                                    : "s.department = ?")
            binds.append(.text(department))
        }
        if let author = query.author {
            conditions.append("s.author = ?")
            binds.append(.text(author))
        }
        if query.pinnedOnly {
            conditions.append("s.pinned_at IS NOT NULL AND (s.pin_until IS NULL OR s.pin_until > ?)")
            binds.append(.int(now.millis))
        }
        if let search = query.search, let tsquery = PGSearchTerms.tsquery(search) {
            conditions.append("s.search @@ ?::tsquery")
            binds.append(.text(tsquery))
        }
        return (conditions.joined(separator: " AND "), binds)
    }

    private static let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    private static let lower = "abcdefghijklmnopqrstuvwxyz"

    static func orderBy(_ order: StoryOrder) -> String {
        switch order {
        case .hot: "s.hot DESC, s.id DESC"
        case .new: "s.created_at DESC, s.id DESC"
        case .top: "s.points DESC, s.id DESC"
        }
    }

    static func stories(_ s: PGSession, _ query: StoryQuery, departmentIgnoresCase: Bool) async throws(SpotlightError) -> [Story] {
        let filter = filter(query, now: s.clock.now, departmentIgnoresCase: departmentIgnoresCase)
        return try await s.rows("""
            SELECT \(PGStoryRow.columns) FROM stories s WHERE \(filter.sql) ORDER BY \(orderBy(query.order)) LIMIT ? OFFSET ?
            """, filter.binds + [.int(max(0, query.limit)), .int(max(0, query.offset))]).map(PGStoryRow.decode)
    }

    public func pinnedStories() async throws(SpotlightError) -> [Story] {
        try await stories(StoryQuery(order: .new, limit: 1000, pinnedOnly: true))
    }

    public func departments() async throws(SpotlightError) -> [(name: String, stories: Int)] {
        let found = try await read { (s: PGSession) async throws(SpotlightError) -> [Department] in
            try await s.rows("""
                SELECT department, count(*) AS n FROM stories WHERE status = 'visible' GROUP BY department ORDER BY department
                """).map { Department(name: $0.string("department"), stories: $0.int("n") ?? 0) }
        }
        return found.map { ($0.name, $0.stories) }
    }

    private struct Department: Sendable {
        let name: String
        let stories: Int
    }

    public func hasVoted(_ id: StoryID) async throws(SpotlightError) -> Bool {
        try await read { (s: PGSession) async throws(SpotlightError) -> Bool in
            try await s.scalarInt("SELECT count(*) FROM votes WHERE story_id = ? AND voter = ?", [.int(id), .text(s.account.login)]) > 0
        }
    }

    public func medallionsLeft() async throws(SpotlightError) -> Int {
        try await read { (s: PGSession) async throws(SpotlightError) -> Int in
            let perYear = try await s.settings().medallionsPerYear
            let used = try await s.scalarInt("SELECT count(*) FROM medallions WHERE giver = ? AND year = ?",
                                             [.text(s.account.login), .int(BoardRules.medallionYear(of: s.clock.now))])
            return max(0, perYear - used)
        }
    }

    public func auditEvents(limit: Int) async throws(SpotlightError) -> [AuditEvent] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [AuditEvent] in
            try await s.rows("SELECT id, at, actor, action, story_id, detail, host FROM audit ORDER BY id DESC LIMIT ?", [.int(limit)])
                .map(PGStoryRow.decodeAudit)
        }
    }

    public func storyCount() async throws(SpotlightError) -> Int {
        try await read { (s: PGSession) async throws(SpotlightError) -> Int in
            try await s.scalarInt("SELECT count(*) FROM stories WHERE status = 'visible'")
        }
    }

    // MARK: Paging

    public func page(_ query: StoryQuery, counting: Bool, matches: Int?) async throws(SpotlightError) -> StoryPage {
        try await read { (s: PGSession) async throws(SpotlightError) -> StoryPage in
            var total = (count: 0, capped: false)
            if counting { total = try await Self.count(s, query, cap: query.search == nil ? nil : BoardStore.countCap) }
            let stories = try await Self.stories(s, query, departmentIgnoresCase: false)
            var page = StoryPage(offset: max(0, query.offset), stories: stories, total: total.count, totalIsCapped: total.capped)
            page.voted = try await Self.voted(s, among: stories.map(\.id))
            return page
        }
    }

    public func storyCount(_ query: StoryQuery, cap: Int?) async throws(SpotlightError) -> (count: Int, capped: Bool) {
        let counted = try await read { (s: PGSession) async throws(SpotlightError) -> Counted in
            let found = try await Self.count(s, query, cap: cap)
            return Counted(count: found.count, capped: found.capped)
        }
        return (counted.count, counted.capped)
    }

    private struct Counted: Sendable {
        let count: Int
        let capped: Bool
    }

    /// How many stories match (offset and limit ignored), counting at most `cap`.
    static func count(_ s: PGSession, _ query: StoryQuery, cap: Int?) async throws(SpotlightError) -> (count: Int, capped: Bool) {
        let filter = filter(query, now: s.clock.now, departmentIgnoresCase: false)
        guard let cap else { return (try await s.scalarInt("SELECT count(*) FROM stories s WHERE \(filter.sql)", filter.binds), false) }
        let n = try await s.scalarInt("SELECT count(*) FROM (SELECT 1 FROM stories s WHERE \(filter.sql) LIMIT ?) t",
                                      filter.binds + [.int(cap + 1)])
        return (min(n, cap), n > cap)
    }

    public func votedStories(among ids: [StoryID]) async throws(SpotlightError) -> Set<StoryID> {
        try await read { (s: PGSession) async throws(SpotlightError) -> Set<StoryID> in try await Self.voted(s, among: ids) }
    }

    static func voted(_ s: PGSession, among ids: [StoryID]) async throws(SpotlightError) -> Set<StoryID> {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let found = try await s.rows("SELECT story_id FROM votes WHERE voter = ? AND story_id IN (\(marks))",
                                     [.text(s.account.login)] + ids.map { .int($0) })
        return Set(found.compactMap { $0.int("story_id") })
    }

    /// The stories with these ids, in this order.
    static func storiesInOrder(_ s: PGSession, _ ids: [StoryID]) async throws(SpotlightError) -> [Story] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let found = try await s.rows("SELECT \(PGStoryRow.columns) FROM stories s WHERE s.id IN (\(marks))", ids.map { .int($0) })
        let byID = Dictionary(found.map(PGStoryRow.decode).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    public func page(of ids: [StoryID], offset: Int, limit: Int) async throws(SpotlightError) -> StoryPage {
        try await read { (s: PGSession) async throws(SpotlightError) -> StoryPage in
            let start = min(max(0, offset), ids.count)
            let slice = Array(ids[start..<min(ids.count, start + max(0, limit))])
            var page = StoryPage(offset: start, stories: try await Self.storiesInOrder(s, slice), total: ids.count, totalIsCapped: false)
            page.voted = try await Self.voted(s, among: page.stories.map(\.id))
            return page
        }
    }
}
#endif
