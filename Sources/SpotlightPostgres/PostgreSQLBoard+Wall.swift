#if PostgreSQLSupport
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// The wall's one read, in one snapshot (`BoardStore+Wall`).
extension PostgreSQLBoard {
    public func wallSnapshot(highlightSince: Date?) async throws(SpotlightError) -> WallSnapshot {
        try await snapshot { (s: PGSession) async throws(SpotlightError) -> WallSnapshot in
            let settings = try await s.settings()
            let pinned = try await Self.stories(s, StoryQuery(order: .new, limit: 1000, pinnedOnly: true), departmentIgnoresCase: false)
            let hottest = try await Self.stories(s, StoryQuery(order: .hot, limit: BoardStore.wallWorkingSet), departmentIgnoresCase: false)
            let newest = try await Self.stories(s, StoryQuery(order: .new, limit: 20), departmentIgnoresCase: false)
            // Each department's best story.
            let best = try await s.rows("""
                SELECT \(PGStoryRow.columns) FROM stories s WHERE s.id IN (
                    SELECT DISTINCT ON (department) id FROM stories WHERE status = 'visible'
                    ORDER BY department, hot DESC, id DESC)
                ORDER BY s.department
                """).map(PGStoryRow.decode)
            var highlight: Story?
            if let since = highlightSince {
                highlight = try await s.rows("""
                    SELECT \(PGStoryRow.columns) FROM stories s JOIN (
                        SELECT story_id, count(*) AS n FROM votes WHERE at >= ? GROUP BY story_id) v ON v.story_id = s.id
                    WHERE s.status = 'visible' ORDER BY v.n DESC, s.id DESC LIMIT 1
                    """, [.int(since.millis)]).first.map(PGStoryRow.decode)
            }
            let total = try await s.scalarInt("SELECT count(*) FROM stories WHERE status = 'visible'")
            return WallSnapshot(settings: settings, stories: WallSnapshot.workingSet([pinned, hottest, newest, best]),
                                headlines: newest.prefix(10).map(\.title), totalStories: total,
                                highlight: highlight, celebrations: try await Self.weekCelebrations(s))
        }
    }

    /// The week's held certifications with their level titles (from the stored programs).
    static func weekCelebrations(_ s: PGSession) async throws(SpotlightError) -> [Celebration] {
        let since = s.clock.now.addingTimeInterval(-Celebration.window)
        let held = try await certifications(s, where: "c.at >= ?", [.int(since.millis)], limit: BoardStore.wallCelebrations)
        guard !held.isEmpty else { return [] }
        var programs: [String: CertProgram] = [:]
        for row in try await s.rows("SELECT program FROM cert_programs") {
            if let program = try? decodeProgram(row.string("program")) { programs[program.name] = program }
        }
        return held.map { certification in
            Celebration(certification: certification, levelTitle: programs[certification.program]?.level(certification.level)?.title ?? "")
        }
    }
}
#endif
