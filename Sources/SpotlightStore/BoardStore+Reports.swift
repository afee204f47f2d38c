import Foundation
import SQLiteNIO
import SpotlightCore

/// Reads for the awards, the newsletter and the stats. Every query here keeps to visible
/// stories — hidden and removed ones never count in any report, not even through their votes
/// or medallions — and the core re-checks it. Read-only, so reports work on read-only boards.
extension BoardStore {
    /// Story columns for reports: the body is cut to its first `bodyLength` characters in SQL,
    /// because reports show at most an excerpt and a year of a big board should not load every body.
    static func reportColumns(bodyLength: Int = reportBodyLength) -> String {
        StoryRow.columns.replacingOccurrences(
            of: "CAST(s.body AS BLOB) AS body", with: "CAST(substr(s.body, 1, \(max(0, bodyLength))) AS BLOB) AS body")
    }
    public static let reportBodyLength = 600

    /// Visible stories posted in `[start, end)`, oldest first. Awards and stats need no body
    /// and pass `bodyLength: 0`.
    public func reportStories(from start: Date, to end: Date, bodyLength: Int = reportBodyLength) async throws(SpotlightError) -> [Story] {
        try await rows("""
            SELECT \(Self.reportColumns(bodyLength: bodyLength)) FROM stories s
            WHERE s.status = 'visible' AND s.created_at >= ? AND s.created_at < ? ORDER BY s.created_at, s.id
            """, [.integer(start.millis), .integer(end.millis)]).map(StoryRow.decode)
    }

    /// Visible stories whose pin was live at some moment of `[start, end)`, whenever posted.
    public func reportPinnedStories(from start: Date, to end: Date) async throws(SpotlightError) -> [Story] {
        try await rows("""
            SELECT \(Self.reportColumns()) FROM stories s
            WHERE s.status = 'visible' AND s.pinned_at IS NOT NULL AND s.pinned_at < ? AND (s.pin_until IS NULL OR s.pin_until > ?)
            ORDER BY s.pinned_at DESC, s.id DESC
            """, [.integer(end.millis), .integer(start.millis)]).map(StoryRow.decode)
    }

    /// Medallions given in `[start, end)` for visible stories, with the story each was given for.
    public func reportMedallions(from start: Date, to end: Date) async throws(SpotlightError) -> [GivenMedallion] {
        let found: [SQLiteRow] = try await rows("""
            SELECT m.id AS medallion_id, m.giver, CAST(m.hero AS BLOB) AS medallion_hero, m.given_at, m.year, \(Self.reportColumns(bodyLength: 0))
            FROM medallions m JOIN stories s ON s.id = m.story_id
            WHERE s.status = 'visible' AND m.given_at >= ? AND m.given_at < ? ORDER BY m.given_at, m.id
            """, [.integer(start.millis), .integer(end.millis)])
        return found.map { row in
            let story = StoryRow.decode(row)
            let medallion = Medallion(
                id: row.column("medallion_id")?.integer ?? 0, storyID: story.id, giver: row.column("giver")?.lossless ?? "",
                hero: row.column("medallion_hero")?.lossless ?? "", givenAt: .init(millis: row.column("given_at")?.integer ?? 0),
                year: row.column("year")?.integer ?? 0)
            return GivenMedallion(medallion: medallion, story: StoryReference(story))
        }
    }

    /// For every author of a visible story in `[start, end)`: when their first visible story was posted.
    public func reportFirstPosts(from start: Date, to end: Date) async throws(SpotlightError) -> [String: Date] {
        let found: [SQLiteRow] = try await rows("""
            SELECT CAST(author AS BLOB) AS author, min(created_at) AS first FROM stories
            WHERE status = 'visible' AND author IN (
                SELECT author FROM stories WHERE status = 'visible' AND created_at >= ? AND created_at < ?)
            GROUP BY author
            """, [.integer(start.millis), .integer(end.millis)])
        var firsts: [String: Date] = [:]
        for row in found { firsts[row.column("author")?.lossless ?? ""] = Date(millis: row.column("first")?.integer ?? 0) }
        return firsts
    }

    /// When each vote on a visible story was cast within `[start, end)`.
    public func reportVoteTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date] {
        try await times("""
            SELECT v.at AS at FROM votes v JOIN stories s ON s.id = v.story_id
            WHERE s.status = 'visible' AND v.at >= ? AND v.at < ?
            """, start, end)
    }

    /// When each medallion for a visible story was given within `[start, end)`.
    public func reportMedallionTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date] {
        try await times("""
            SELECT m.given_at AS at FROM medallions m JOIN stories s ON s.id = m.story_id
            WHERE s.status = 'visible' AND m.given_at >= ? AND m.given_at < ?
            """, start, end)
    }

    private func times(_ sql: String, _ start: Date, _ end: Date) async throws(SpotlightError) -> [Date] {
        let found: [SQLiteRow] = try await rows(sql, [.integer(start.millis), .integer(end.millis)])
        return found.map { Date(millis: $0.column("at")?.integer ?? 0) }
    }
}
