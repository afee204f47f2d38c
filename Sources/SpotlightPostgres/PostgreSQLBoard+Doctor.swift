#if PostgreSQLSupport
import Foundation
import SpotlightCore
import SpotlightStore

/// What `doctor` asks (`BoardStore+Consistency`): anyone with the role's rights can change the
/// tables with psql; spotlight writes every change with its audit record and recounts every
/// counter from rows, so such edits leave traces, reported one line each.
extension PostgreSQLBoard {
    /// PostgreSQL checks its own pages; here: the marker and every table of the board are there.
    public func integrityCheck() async throws(SpotlightError) -> String {
        try await read { (s: PGSession) async throws(SpotlightError) -> String in
            let present = Set(try await s.rows("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r'
                """).map { $0.string("relname") })
            let missing = PGSchema.tables.filter { !present.contains($0) }
            return missing.isEmpty ? "ok" : "missing tables: " + missing.joined(separator: ", ")
        }
    }

    public func schemaVersion() async throws(SpotlightError) -> Int {
        try await read { (s: PGSession) async throws(SpotlightError) -> Int in
            try await s.scalarInt("SELECT schema_version FROM spotlight_board")
        }
    }

    public func outsideChanges() async throws(SpotlightError) -> [String] {
        try await snapshot { (s: PGSession) async throws(SpotlightError) -> [String] in
            var found = try await Self.schemaDifferences(s)
            found += try await Self.counterDifferences(s)
            found += try await Self.managerDifferences(s)
            found += try await Self.storyDifferences(s)
            found += try await Self.certificationDifferences(s)
            return found
        }
    }

    /// Triggers, rules and policies nobody but spotlight should have put on its tables: they
    /// would run inside every write.
    static func schemaDifferences(_ s: PGSession) async throws(SpotlightError) -> [String] {
        let names = PGSchema.tables.map { "'\($0)'" }.joined(separator: ", ")
        var found = try await s.rows("""
            SELECT t.tgname AS name, c.relname AS tbl FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND n.nspname = current_schema() AND c.relname IN (\(names)) ORDER BY 2, 1
            """).map { "the table \($0.string("tbl")) has a trigger spotlight did not make: \($0.string("name"))" }
        found += try await s.rows("""
            SELECT r.rulename AS name, r.tablename AS tbl FROM pg_rules r
            WHERE r.schemaname = current_schema() AND r.tablename IN (\(names)) ORDER BY 2, 1
            """).map { "the table \($0.string("tbl")) has a rule spotlight did not make: \($0.string("name"))" }
        return found
    }

    static func counterDifferences(_ s: PGSession) async throws(SpotlightError) -> [String] {
        try await s.rows("""
            SELECT id, votes, medallions, points, vote_rows, medallion_rows FROM (
                SELECT s.id, s.votes, s.medallions, s.points,
                       (SELECT count(*) FROM votes v WHERE v.story_id = s.id) AS vote_rows,
                       (SELECT count(*) FROM medallions m WHERE m.story_id = s.id) AS medallion_rows
                FROM stories s) t
            WHERE votes <> vote_rows OR medallions <> medallion_rows
               OR points <> 1 + vote_rows + \(HotScore.medallionWeight) * medallion_rows
            ORDER BY id
            """).map { row in
            OutsideChanges.counterLine(StoryCounters(
                id: row.int("id") ?? 0, votes: row.int("votes") ?? 0, voteRows: row.int("vote_rows") ?? 0,
                medallions: row.int("medallions") ?? 0, medallionRows: row.int("medallion_rows") ?? 0,
                points: row.int("points") ?? 0))
        }
    }

    static func managerDifferences(_ s: PGSession) async throws(SpotlightError) -> [String] {
        let managers = try await s.managers()
        let events = try await s.rows("""
            SELECT actor, action, detail FROM audit WHERE action IN ('init', 'add-manager', 'remove-manager') ORDER BY id
            """).map { AuditFact(actor: $0.string("actor"), action: $0.string("action"), detail: $0.string("detail")) }
        return OutsideChanges.managerDifferences(managers: managers, events: events)
    }

    static func storyDifferences(_ s: PGSession) async throws(SpotlightError) -> [String] {
        let events = try await s.rows("""
            SELECT story_id, action, actor FROM audit
            WHERE story_id IS NOT NULL AND action IN ('post', 'pin', 'unpin', 'hide', 'unhide', 'remove') ORDER BY id
            """).compactMap { event -> AuditFact? in
            guard let id = event.int("story_id") else { return nil }
            return AuditFact(storyID: id, actor: event.string("actor"), action: event.string("action"))
        }
        let stories = try await s.rows("SELECT id, author, status, pinned_by FROM stories ORDER BY id").map { story in
            StoryFacts(id: story.int("id") ?? 0, author: story.string("author"), status: story.string("status"),
                       pinnedBy: story.text("pinned_by"))
        }
        return OutsideChanges.storyDifferences(events: events, stories: stories)
    }

    static func certificationDifferences(_ s: PGSession) async throws(SpotlightError) -> [String] {
        let events = try await s.rows("""
            SELECT actor, action, detail FROM audit WHERE action IN ('cert-pass', 'cert-grant', 'cert-revoke')
            """).map { AuditFact(actor: $0.string("actor"), action: $0.string("action"), detail: $0.string("detail")) }
        let held = Array(try await certifications(s, where: "true", []).reversed())
        var programs: [String: CertProgram] = [:]
        for name in held.map(\.program) where programs[name] == nil { programs[name] = try await storedProgram(s, named: name).program }
        return OutsideChanges.certificationDifferences(events: events, held: held, programs: programs)
    }
}
#endif
