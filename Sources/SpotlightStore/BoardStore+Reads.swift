import Foundation
import SQLiteNIO
import SpotlightCore

/// What to list: the order, a page, and optional filters.
public struct StoryQuery: Sendable, Equatable, Codable {
    public var order: StoryOrder = .hot
    public var limit: Int = 20
    public var offset: Int = 0
    public var department: String?
    /// Full-text search (FTS5) over title, body, hero and tags; words are matched as prefixes.
    public var search: String?
    public var author: String?
    public var pinnedOnly = false
    /// Managers may list hidden stories too; removed ones never appear.
    public var includeHidden = false

    public init(order: StoryOrder = .hot, limit: Int = 20, offset: Int = 0, department: String? = nil,
                search: String? = nil, author: String? = nil, pinnedOnly: Bool = false, includeHidden: Bool = false) {
        self.order = order
        self.limit = limit
        self.offset = offset
        self.department = department
        self.search = search
        self.author = author
        self.pinnedOnly = pinnedOnly
        self.includeHidden = includeHidden
    }
}

extension BoardStore {
    public func settings() async throws(SpotlightError) -> BoardSettings {
        var settings = BoardSettings()
        for row in try await rows("SELECT key, CAST(value AS BLOB) AS value FROM settings") {
            // A value this version cannot parse keeps its default rather than failing every read.
            try? settings.set(row.column("key")?.string ?? "", to: row.column("value")?.lossless ?? "")
        }
        return settings
    }

    public func managers() async throws(SpotlightError) -> [String] {
        try await rows("SELECT login FROM managers ORDER BY login").compactMap { $0.column("login")?.string }
    }

    public func isManager(_ login: String) async throws(SpotlightError) -> Bool {
        try await scalarInt("SELECT count(*) FROM managers WHERE login = ?", [.text(login)]) > 0
    }

    /// The story as the current account may see it; not-found for removed stories and for
    /// hidden ones unless the account is a manager or the author.
    public func story(_ id: StoryID) async throws(SpotlightError) -> Story {
        let story = try await rawStory(id)
        try BoardRules.requireVisible(story, to: account, isManager: try await isManager(account.login))
        return story
    }

    func rawStory(_ id: StoryID) async throws(SpotlightError) -> Story {
        let found = try await rows("SELECT \(StoryRow.columns) FROM stories s WHERE s.id = ?", [.integer(id)])
        guard let row = found.first else { throw .storyNotFound(id) }
        return StoryRow.decode(row)
    }

    public func stories(_ query: StoryQuery) async throws(SpotlightError) -> [Story] {
        var conditions: [String] = [query.includeHidden ? "s.status IN ('visible', 'hidden')" : "s.status = 'visible'"]
        var binds: [SQLiteData] = []
        var from = "stories s"
        if let department = query.department {
            conditions.append("s.department = ? COLLATE NOCASE")
            binds.append(.text(department))
        }
        if let author = query.author {
            conditions.append("s.author = ?")
            binds.append(.text(author))
        }
        if query.pinnedOnly {
            // `+s.status` keeps the planner on the small partial index of pinned stories instead
            // of walking every visible story.
            conditions[0] = conditions[0].replacingOccurrences(of: "s.status", with: "+s.status")
            conditions.append("s.pinned_at IS NOT NULL AND (s.pin_until IS NULL OR s.pin_until > ?)")
            binds.append(.integer(clock.now.millis))
        }
        if let search = query.search, let match = Self.ftsQuery(search) {
            from = "stories_fts f JOIN stories s ON s.id = f.rowid"
            conditions.append("stories_fts MATCH ?")
            binds.append(.text(match))
        }
        let order = switch query.order {
        case .hot: "s.hot DESC, s.id DESC"
        case .new: "s.created_at DESC, s.id DESC"
        case .top: "s.points DESC, s.id DESC"
        }
        binds.append(.integer(max(0, query.limit)))
        binds.append(.integer(max(0, query.offset)))
        let sql = "SELECT \(StoryRow.columns) FROM \(from) WHERE \(conditions.plainlyJoined(separator: " AND ")) ORDER BY \(order) LIMIT ? OFFSET ?"
        return try await rows(sql, binds).map(StoryRow.decode)
    }

    /// Live pins, newest first (the wall's pinned share).
    public func pinnedStories() async throws(SpotlightError) -> [Story] {
        try await stories(StoryQuery(order: .new, limit: 1000, pinnedOnly: true))
    }

    /// Departments with visible stories and how many each has.
    public func departments() async throws(SpotlightError) -> [(name: String, stories: Int)] {
        try await rows("""
            SELECT CAST(department AS BLOB) AS department, count(*) AS n FROM stories
            WHERE status = 'visible' GROUP BY department ORDER BY department
            """).map { ($0.column("department")?.lossless ?? "", $0.column("n")?.integer ?? 0) }
    }

    public func hasVoted(_ id: StoryID) async throws(SpotlightError) -> Bool {
        try await scalarInt("SELECT count(*) FROM votes WHERE story_id = ? AND voter = ?", [.integer(id), .text(account.login)]) > 0
    }

    /// How many medallions the current account has left this calendar year.
    public func medallionsLeft() async throws(SpotlightError) -> Int {
        let perYear = try await settings().medallionsPerYear
        let year = BoardRules.medallionYear(of: clock.now)
        let used = try await scalarInt("SELECT count(*) FROM medallions WHERE giver = ? AND year = ?",
                                       [.text(account.login), .integer(year)])
        return max(0, perYear - used)
    }

    public func auditEvents(limit: Int = 50) async throws(SpotlightError) -> [AuditEvent] {
        try await rows("""
            SELECT id, at, actor, action, story_id, CAST(detail AS BLOB) AS detail FROM audit ORDER BY id DESC LIMIT ?
            """, [.integer(limit)]).map(Self.decodeAudit)
    }

    static func decodeAudit(_ row: SQLiteRow) -> AuditEvent {
        AuditEvent(id: row.column("id")?.integer ?? 0, at: .init(millis: row.column("at")?.integer ?? 0),
                   actor: row.column("actor")?.string ?? "", action: row.column("action")?.string ?? "",
                   storyID: row.column("story_id")?.integer, detail: row.column("detail")?.lossless ?? "")
    }

    /// Changes whenever *another* connection commits (SQLite's `data_version`): the wall's
    /// cheap "has the board changed since I last looked?".
    public func dataVersion() async throws(SpotlightError) -> Int {
        try await scalarInt("PRAGMA data_version")
    }

    public func schemaVersion() async throws(SpotlightError) -> Int {
        try await scalarInt("PRAGMA user_version")
    }

    public func integrityCheck() async throws(SpotlightError) -> String {
        try await rows("PRAGMA integrity_check").compactMap { $0.columns.first?.data.string }.joined(separator: "; ")
    }

    public func storyCount() async throws(SpotlightError) -> Int {
        try await scalarInt("SELECT count(*) FROM stories WHERE status = 'visible'")
    }

    /// Turns what a person typed into an FTS5 query: each word a quoted prefix term, so
    /// punctuation and FTS syntax in the input are never interpreted.
    static func ftsQuery(_ text: String) -> String? {
        let words = SearchText.searchWords(text).map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"*" }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The schema version this build writes (`doctor`'s "schema" line).
    public static var currentSchemaVersion: Int { Schema.currentVersion }
}
