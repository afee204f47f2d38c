import Foundation
import SQLiteNIO
import SpotlightCore

/// What `doctor` reports as "changed outside spotlight": anyone who can write the file can edit
/// it with `sqlite3`, but spotlight writes every change together with its audit record and
/// recounts every counter from its rows, so such edits leave traces. Detection only — in the
/// shared-file mode nothing can prevent them (README, "For admins").
extension BoardStore {
    /// Each difference from what spotlight would have written, one line each; empty when none.
    public func outsideChanges() async throws(SpotlightError) -> [String] {
        var found = try await schemaDifferences()
        found += try await counterDifferences()
        found += try await managerDifferences()
        found += try await storyDifferences()
        found += try await certificationDifferences()
        return found
    }

    /// Vote and medallion counts (and the points made from them) that their rows do not add up to.
    private func counterDifferences() async throws(SpotlightError) -> [String] {
        let found = try await rows("""
            SELECT id, votes, medallions, points, vote_rows, medallion_rows FROM (
                SELECT s.id, s.votes, s.medallions, s.points,
                       (SELECT count(*) FROM votes v WHERE v.story_id = s.id) AS vote_rows,
                       (SELECT count(*) FROM medallions m WHERE m.story_id = s.id) AS medallion_rows
                FROM stories s)
            WHERE votes != vote_rows OR medallions != medallion_rows
               OR points != 1 + vote_rows + \(HotScore.medallionWeight) * medallion_rows
            ORDER BY id
            """)
        return found.map { row in
            OutsideChanges.counterLine(StoryCounters(
                id: row.column("id")?.integer ?? 0,
                votes: row.column("votes")?.integer ?? 0, voteRows: row.column("vote_rows")?.integer ?? 0,
                medallions: row.column("medallions")?.integer ?? 0, medallionRows: row.column("medallion_rows")?.integer ?? 0,
                points: row.column("points")?.integer ?? 0))
        }
    }

    /// The managers and the audit records that made or removed them (`OutsideChanges`).
    private func managerDifferences() async throws(SpotlightError) -> [String] {
        let events = try await rows("""
            SELECT actor, action, CAST(detail AS BLOB) AS detail FROM audit
            WHERE action IN ('init', 'add-manager', 'remove-manager') ORDER BY id
            """).map { event in
            AuditFact(actor: event.column("actor")?.string ?? "", action: event.column("action")?.string ?? "",
                      detail: event.column("detail")?.lossless ?? "")
        }
        return OutsideChanges.managerDifferences(managers: try await managers(), events: events)
    }

    /// Each story's author, pin and status, and the audit records that set them (`OutsideChanges`).
    private func storyDifferences() async throws(SpotlightError) -> [String] {
        let events = try await rows("""
            SELECT story_id, action, actor FROM audit
            WHERE story_id IS NOT NULL AND action IN ('post', 'pin', 'unpin', 'hide', 'unhide', 'remove') ORDER BY id
            """).compactMap { event -> AuditFact? in
            guard let id = event.column("story_id")?.integer, let action = event.column("action")?.string else { return nil }
            return AuditFact(storyID: id, actor: event.column("actor")?.string ?? "", action: action)
        }
        let stories = try await rows("SELECT id, author, status, pinned_by FROM stories ORDER BY id").map { story in
            StoryFacts(id: story.column("id")?.integer ?? 0, author: story.column("author")?.string ?? "",
                       status: story.column("status")?.string ?? "",
                       pinnedBy: story.column("pinned_by").flatMap { $0.isNull ? nil : $0.string })
        }
        return OutsideChanges.storyDifferences(events: events, stories: stories)
    }
}
