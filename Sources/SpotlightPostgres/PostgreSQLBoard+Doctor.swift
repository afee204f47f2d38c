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
            let id = row.int("id") ?? 0
            let votes = row.int("votes") ?? 0, voteRows = row.int("vote_rows") ?? 0
            let medallions = row.int("medallions") ?? 0, medallionRows = row.int("medallion_rows") ?? 0
            if votes != voteRows { return "story #\(id) shows \(Plural.count(votes, "vote")) but \(voteRows) were cast" }
            if medallions != medallionRows {
                return "story #\(id) shows \(Plural.count(medallions, "medallion")) but \(medallionRows) were given"
            }
            return "story #\(id) shows \(row.int("points") ?? 0) points, which its votes and medallions do not make"
        }
    }

    static func managerDifferences(_ s: PGSession) async throws(SpotlightError) -> [String] {
        let managers = try await s.managers()
        var isManager: [String: Bool] = [:]
        for event in try await s.rows("""
            SELECT actor, action, detail FROM audit WHERE action IN ('init', 'add-manager', 'remove-manager') ORDER BY id
            """) {
            let actor = event.string("actor"), detail = event.string("detail")
            switch event.string("action") {
            case "init" where detail == AuditDetail.created(firstManager: actor): isManager[actor] = true
            case "add-manager": if let login = login(in: detail, of: AuditDetail.madeManager) { isManager[login] = true }
            case "remove-manager": if let login = login(in: detail, of: AuditDetail.removedManager) { isManager[login] = false }
            default: break
            }
        }
        var found: [String] = []
        for login in managers {
            switch isManager[login] {
            case nil: found.append("\(login) is a manager with no record of being made one")
            case false?: found.append("\(login) is a manager, but the audit log says they were removed")
            case true?: break
            }
        }
        for (login, manager) in isManager.sorted(by: { $0.key < $1.key }) where manager && !managers.contains(login) {
            found.append("\(login) is no longer a manager, with no record of their removal")
        }
        return found
    }

    private static func login(in detail: String, of template: (String) -> String) -> String? {
        let parts = template("\u{0}").components(separatedBy: "\u{0}")
        guard parts.count == 2, detail.hasPrefix(parts[0]), detail.hasSuffix(parts[1]),
              detail.count > parts[0].count + parts[1].count else { return nil }
        return String(detail.dropFirst(parts[0].count).dropLast(parts[1].count))
    }

    static func storyDifferences(_ s: PGSession) async throws(SpotlightError) -> [String] {
        var poster: [Int: String] = [:], lastPin: [Int: (action: String, actor: String)] = [:], lastStatus: [Int: String] = [:]
        for event in try await s.rows("""
            SELECT story_id, action, actor FROM audit
            WHERE story_id IS NOT NULL AND action IN ('post', 'pin', 'unpin', 'hide', 'unhide', 'remove') ORDER BY id
            """) {
            guard let id = event.int("story_id") else { continue }
            let action = event.string("action"), actor = event.string("actor")
            switch action {
            case "post": if poster[id] == nil { poster[id] = actor }
            case "pin", "unpin": lastPin[id] = (action, actor)
            default: lastStatus[id] = action
            }
        }
        var found: [String] = []
        for story in try await s.rows("SELECT id, author, status, pinned_by FROM stories ORDER BY id") {
            let id = story.int("id") ?? 0, author = story.string("author")
            switch poster[id] {
            case nil: found.append("story #\(id) (credited to \(author)) has no record of being posted")
            case let actor? where actor != author: found.append("story #\(id) is credited to \(author) but was posted by \(actor)")
            default: break
            }
            let pinnedBy = story.text("pinned_by")
            if let pinnedBy, !(lastPin[id]?.action == "pin" && lastPin[id]?.actor == pinnedBy) {
                found.append("story #\(id) is pinned by \(pinnedBy) with no record of the pin")
            } else if pinnedBy == nil, lastPin[id]?.action == "pin" {
                found.append("story #\(id) was unpinned with no record of it")
            }
            let status = story.string("status")
            let expected = switch lastStatus[id] {
            case "hide": "hidden"
            case "remove": "removed"
            default: "visible"
            }
            if status != expected { found.append("story #\(id) is \(status), but the audit log says \(expected)") }
        }
        return found
    }

    static func certificationDifferences(_ s: PGSession) async throws(SpotlightError) -> [String] {
        var passes: [String: Int] = [:], grants: [String: Int] = [:], revokes: [String: Int] = [:]
        for event in try await s.rows("""
            SELECT actor, action, detail FROM audit WHERE action IN ('cert-pass', 'cert-grant', 'cert-revoke')
            """) {
            let actor = event.string("actor"), detail = event.string("detail")
            switch event.string("action") {
            case "cert-pass": passes[actor + "\u{0}" + detail, default: 0] += 1
            case "cert-grant": grants[actor + "\u{0}" + detail, default: 0] += 1
            default: revokes[detail, default: 0] += 1
            }
        }
        var found: [String] = []
        var programs: [String: CertProgram] = [:]
        for held in try await certifications(s, where: "true", []).reversed() {
            let program: CertProgram
            if let known = programs[held.program] { program = known } else {
                program = try await storedProgram(s, named: held.program).program
                programs[held.program] = program
            }
            let what = program.describe(level: held.level)
            let revoked = revokes["revoked \(what) of \(held.login)"] ?? 0
            let recorded: Int
            switch held.source {
            case .quiz:
                let prefix = held.login + "\u{0}passed the quiz of \(program.name): "
                recorded = passes.filter { $0.key.hasPrefix(prefix) }.values.reduce(0, +)
            case .manager:
                recorded = grants[held.grantedBy + "\u{0}granted \(what) to \(held.login)"] ?? 0
            }
            if recorded - revoked < 1 {
                found.append("\(held.login) holds \(what) with no record of \(held.source == .quiz ? "passing its quiz" : "it being granted")")
            }
        }
        return found
    }
}
#endif
