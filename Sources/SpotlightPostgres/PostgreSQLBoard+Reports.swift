#if PostgreSQLSupport
import Foundation
import SpotlightCore
import SpotlightStore

/// The awards', newsletter's and stats' inputs (`BoardStore+Reports`): visible stories only.
extension PostgreSQLBoard {
    /// The body cut to `bodyLength` characters (code points, as SQLite's substr); cut in Swift
    /// after unescaping, with room for escapes read in SQL.
    static func reportColumns(bodyLength: Int) -> String {
        PGStoryRow.columns.replacingOccurrences(of: "s.body,", with: "left(s.body, \(max(0, bodyLength) * 2)) AS body,")
    }

    static func cutBodies(_ stories: [Story], to bodyLength: Int) -> [Story] {
        stories.map { story in
            var story = story
            let scalars = story.body.unicodeScalars
            if scalars.count > bodyLength {
                story.body = String(String.UnicodeScalarView(scalars.prefix(max(0, bodyLength))))
            }
            return story
        }
    }

    public func reportStories(from start: Date, to end: Date, bodyLength: Int) async throws(SpotlightError) -> [Story] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [Story] in
            Self.cutBodies(try await s.rows("""
                SELECT \(Self.reportColumns(bodyLength: bodyLength)) FROM stories s
                WHERE s.status = 'visible' AND s.created_at >= ? AND s.created_at < ? ORDER BY s.created_at, s.id
                """, [.int(start.millis), .int(end.millis)]).map(PGStoryRow.decode), to: bodyLength)
        }
    }

    public func reportPinnedStories(from start: Date, to end: Date) async throws(SpotlightError) -> [Story] {
        let length = BoardStore.reportBodyLength
        return try await read { (s: PGSession) async throws(SpotlightError) -> [Story] in
            Self.cutBodies(try await s.rows("""
                SELECT \(Self.reportColumns(bodyLength: length)) FROM stories s
                WHERE s.status = 'visible' AND s.pinned_at IS NOT NULL AND s.pinned_at < ? AND (s.pin_until IS NULL OR s.pin_until > ?)
                ORDER BY s.pinned_at DESC, s.id DESC
                """, [.int(end.millis), .int(start.millis)]).map(PGStoryRow.decode), to: length)
        }
    }

    public func reportMedallions(from start: Date, to end: Date) async throws(SpotlightError) -> [GivenMedallion] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [GivenMedallion] in
            try await s.rows("""
                SELECT m.id AS medallion_id, m.giver, m.hero AS medallion_hero, m.given_at, m.year, \(Self.reportColumns(bodyLength: 0))
                FROM medallions m JOIN stories s ON s.id = m.story_id
                WHERE s.status = 'visible' AND m.given_at >= ? AND m.given_at < ? ORDER BY m.given_at, m.id
                """, [.int(start.millis), .int(end.millis)]).map { row in
                var story = PGStoryRow.decode(row)
                story.body = ""
                let medallion = Medallion(id: row.int("medallion_id") ?? 0, storyID: story.id, giver: row.string("giver"),
                                          hero: row.string("medallion_hero"), givenAt: Date(millis: row.int("given_at") ?? 0),
                                          year: row.int("year") ?? 0)
                return GivenMedallion(medallion: medallion, story: StoryReference(story))
            }
        }
    }

    public func reportFirstPosts(from start: Date, to end: Date) async throws(SpotlightError) -> [String: Date] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [String: Date] in
            var firsts: [String: Date] = [:]
            for row in try await s.rows("""
                SELECT author, min(created_at) AS first FROM stories
                WHERE status = 'visible' AND author IN (
                    SELECT author FROM stories WHERE status = 'visible' AND created_at >= ? AND created_at < ?)
                GROUP BY author
                """, [.int(start.millis), .int(end.millis)]) {
                firsts[row.string("author")] = Date(millis: row.int("first") ?? 0)
            }
            return firsts
        }
    }

    public func reportVoteTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date] {
        try await times("""
            SELECT v.at AS at FROM votes v JOIN stories s ON s.id = v.story_id
            WHERE s.status = 'visible' AND v.at >= ? AND v.at < ?
            """, start, end)
    }

    public func reportMedallionTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date] {
        try await times("""
            SELECT m.given_at AS at FROM medallions m JOIN stories s ON s.id = m.story_id
            WHERE s.status = 'visible' AND m.given_at >= ? AND m.given_at < ?
            """, start, end)
    }

    private func times(_ sql: String, _ start: Date, _ end: Date) async throws(SpotlightError) -> [Date] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [Date] in
            try await s.rows(sql, [.int(start.millis), .int(end.millis)]).map { Date(millis: $0.int("at") ?? 0) }
        }
    }
}
#endif
