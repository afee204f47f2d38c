import Foundation
import SQLiteNIO
import SpotlightCore

/// What the wall needs from the board in one read.
public struct WallSnapshot: Sendable, Equatable, Codable {
    public var settings: BoardSettings
    /// The rotation's working set: live pins, the hottest stories, the newest, and each
    /// department's best — not the whole board, so a 100,000-story board costs the same as a small one.
    public var stories: [Story]
    /// Newest headlines first, for the ticker.
    public var headlines: [String]
    public var totalStories: Int
    /// The story most upvoted since `highlightSince` (Customer Service Week's daily slot).
    public var highlight: Story?
    /// Certifications held and earned or granted in the last week (`Celebration.window`), newest
    /// first, at most `wallCelebrations`; named by login (the executable knows display names).
    public var celebrations: [Celebration]

    public init(settings: BoardSettings, stories: [Story], headlines: [String], totalStories: Int, highlight: Story?,
                celebrations: [Celebration] = []) {
        self.settings = settings
        self.stories = stories
        self.headlines = headlines
        self.totalStories = totalStories
        self.highlight = highlight
        self.celebrations = celebrations
    }
}

extension BoardStore {
    /// How many of the hottest stories the wall rotates through.
    public static let wallWorkingSet = 300
    /// How many of the week's certifications the wall celebrates at most (newest first).
    public static let wallCelebrations = 100

    /// `highlightSince`: during Customer Service Week, the start of today, to find the day's
    /// most upvoted story; nil the rest of the year (it costs a pass over today's votes).
    public func wallSnapshot(highlightSince: Date? = nil) async throws(SpotlightError) -> WallSnapshot {
        let settings = try await settings()
        let pinned = try await pinnedStories()
        let hottest = try await stories(StoryQuery(order: .hot, limit: Self.wallWorkingSet))
        let newest = try await stories(StoryQuery(order: .new, limit: 20))
        // Each department's best story: a skip-scan over the department index (one seek per
        // department) rather than a DISTINCT over every row, so 100,000 stories cost the same as 100.
        let best = try await rows("""
            WITH RECURSIVE department(name) AS (
                SELECT (SELECT min(department) FROM stories)
                UNION ALL
                SELECT (SELECT min(department) FROM stories WHERE department > department.name)
                FROM department WHERE department.name IS NOT NULL)
            SELECT \(StoryRow.columns) FROM stories s WHERE s.id IN (
                SELECT (SELECT s2.id FROM stories s2 WHERE s2.department = department.name AND s2.status = 'visible'
                        ORDER BY s2.hot DESC, s2.id DESC LIMIT 1)
                FROM department WHERE department.name IS NOT NULL)
            """).map(StoryRow.decode)
        var highlight: Story?
        if let since = highlightSince {
            highlight = try await rows("""
                SELECT \(StoryRow.columns) FROM stories s JOIN (
                    SELECT story_id, count(*) AS n FROM votes WHERE at >= ? GROUP BY story_id) v ON v.story_id = s.id
                WHERE s.status = 'visible' ORDER BY v.n DESC, s.id DESC LIMIT 1
                """, [.integer(since.millis)]).first.map(StoryRow.decode)
        }
        return WallSnapshot(settings: settings, stories: WallSnapshot.workingSet([pinned, hottest, newest, best]),
                            headlines: newest.prefix(10).map(\.title), totalStories: try await storyCount(),
                            highlight: highlight, celebrations: try await weekCelebrations())
    }

    /// The week's held certifications with their level titles, in one indexed read
    /// (`certifications_by_at`); the title comes out of the stored program's JSON with
    /// `json_extract`, so no program (and its quiz) is decoded. None on a schema-1 board, which a
    /// read-only wall cannot upgrade.
    func weekCelebrations() async throws(SpotlightError) -> [Celebration] {
        guard try await schemaVersion() >= 2 else { return [] }
        let since = clock.now.addingTimeInterval(-Celebration.window)
        return try await rows("""
            SELECT c.id, c.login, CAST(p.name AS BLOB) AS program, c.level, c.source, c.granted_by, c.at,
                   CAST(c.note AS BLOB) AS note,
                   CAST(json_extract(p.program, '$.levels[' || (c.level - 1) || '].title') AS BLOB) AS level_title
            FROM certifications c JOIN cert_programs p ON p.id = c.program_id
            WHERE c.revoked_at IS NULL AND c.at >= ? ORDER BY c.at DESC, c.id DESC LIMIT ?
            """, [.integer(since.millis), .integer(Self.wallCelebrations)]).map { row in
            let certification = Certification(
                id: row.column("id")?.integer ?? 0, login: row.column("login")?.string ?? "",
                program: row.column("program")?.lossless ?? "", level: row.column("level")?.integer ?? 0,
                source: Certification.Source(rawValue: row.column("source")?.string ?? "") ?? .manager,
                grantedBy: row.column("granted_by")?.string ?? "",
                at: Date(millis: row.column("at")?.integer ?? 0), note: row.column("note")?.lossless ?? "")
            return Celebration(certification: certification, levelTitle: row.column("level_title")?.lossless ?? "")
        }
    }
}
