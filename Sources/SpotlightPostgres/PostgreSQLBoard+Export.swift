#if PostgreSQLSupport
import Foundation
import SpotlightCore
import SpotlightStore

/// Export and import (`BoardStore+Export`): ids kept, so export → import → export is identical;
/// after an import every id sequence is moved past the ids it kept.
extension PostgreSQLBoard {
    public func export() async throws(SpotlightError) -> BoardExport {
        try await snapshot { (s: PGSession) async throws(SpotlightError) -> BoardExport in
            var settings: [String: String] = [:]
            for row in try await s.rows("SELECT key, value FROM settings") { settings[row.string("key")] = row.string("value") }
            let managers = try await s.rows("SELECT login, added_by, added_at FROM managers ORDER BY login").map {
                BoardExport.ManagerRecord(login: $0.string("login"), addedBy: $0.string("added_by"), addedAt: $0.int("added_at") ?? 0)
            }
            let stories = try await s.rows("SELECT \(PGStoryRow.columns) FROM stories s ORDER BY s.id")
                .map { BoardExport.StoryRecord(PGStoryRow.decode($0)) }
            let votes = try await s.rows("SELECT story_id, voter, at FROM votes ORDER BY story_id, voter").map {
                BoardExport.VoteRecord(storyID: $0.int("story_id") ?? 0, voter: $0.string("voter"), at: $0.int("at") ?? 0)
            }
            let medallions = try await s.rows("SELECT id, story_id, giver, hero, given_at, year FROM medallions ORDER BY id").map {
                BoardExport.MedallionRecord(Medallion(id: $0.int("id") ?? 0, storyID: $0.int("story_id") ?? 0, giver: $0.string("giver"),
                                                      hero: $0.string("hero"), givenAt: Date(millis: $0.int("given_at") ?? 0),
                                                      year: $0.int("year") ?? 0))
            }
            let audit = try await s.rows("SELECT id, at, actor, action, story_id, detail, host FROM audit ORDER BY id")
                .map { BoardExport.AuditRecord(PGStoryRow.decodeAudit($0)) }
            return BoardExport(settings: settings, managers: managers, stories: stories, votes: votes, medallions: medallions,
                               audit: audit, certification: try await Self.exportCertification(s))
        }
    }

    static func exportCertification(_ s: PGSession) async throws(SpotlightError) -> BoardExport.CertificationRecords? {
        var programs: [BoardExport.ProgramRecord] = []
        for row in try await s.rows("SELECT id, program, added_by, added_at FROM cert_programs ORDER BY id") {
            programs.append(BoardExport.ProgramRecord(id: row.int("id") ?? 0, program: try decodeProgram(row.string("program")),
                                                      addedBy: row.string("added_by"), addedAt: row.int("added_at") ?? 0))
        }
        let held = try await s.rows("""
            SELECT id, login, program_id, level, source, granted_by, at, note, revoked_by, revoked_at FROM certifications ORDER BY id
            """).map { row in
            BoardExport.HeldRecord(id: row.int("id") ?? 0, login: row.string("login"), programID: row.int("program_id") ?? 0,
                                   level: row.int("level") ?? 0, source: row.string("source"), grantedBy: row.string("granted_by"),
                                   at: row.int("at") ?? 0, note: row.string("note"), revokedBy: row.text("revoked_by"),
                                   revokedAt: row.int("revoked_at"))
        }
        let attempts = try await s.rows("""
            SELECT id, login, program_id, seed, started_at, answers, finished_at, score, passed FROM quiz_attempts ORDER BY id
            """).map { row in
            BoardExport.AttemptRecord(id: row.int("id") ?? 0, login: row.string("login"), programID: row.int("program_id") ?? 0,
                                      seed: row.int("seed") ?? 0, startedAt: row.int("started_at") ?? 0, answers: row.string("answers"),
                                      finishedAt: row.int("finished_at"), score: row.int("score"), passed: row.int("passed").map { $0 != 0 })
        }
        let records = BoardExport.CertificationRecords(programs: programs, certifications: held, attempts: attempts)
        return records.isEmpty ? nil : records
    }

    public func importBoard(_ data: BoardExport) async throws(SpotlightError) {
        try await write { (s: PGSession) async throws(SpotlightError) in
            try await PGLocks.board(s.tx)
            try BoardRules.requireManager(s.account, isManager: try await s.isManager(s.account.login), for: .manageManagers)
            guard try await s.scalarInt("SELECT count(*) FROM stories") == 0 else {
                throw .usage("import needs a board with no stories: give serve an empty database and import into it")
            }
            try data.validateForImport()
            try await s.execute("DELETE FROM settings")
            for (key, value) in data.settings.sorted(by: { $0.key < $1.key }) {
                try await s.execute("INSERT INTO settings(key, value) VALUES (?, ?)", [.text(key), .text(value)])
            }
            try await s.execute("DELETE FROM managers")
            for m in data.managers {
                try await s.execute("INSERT INTO managers(login, added_by, added_at) VALUES (?, ?, ?)",
                                    [.text(m.login), .text(m.addedBy), .int(m.addedAt)])
            }
            let votesByStory = Dictionary(grouping: data.votes, by: \.storyID).mapValues(\.count)
            let medallionsByStory = Dictionary(grouping: data.medallions, by: \.storyID).mapValues(\.count)
            for r in data.stories {
                let votes = votesByStory[r.id] ?? 0, medallions = medallionsByStory[r.id] ?? 0
                let hot = HotScore.score(votes: votes, medallions: medallions, createdAt: Date(millis: r.createdAt))
                let lexemes = PGSearchTerms.lexemes(title: r.title, body: r.body, hero: r.hero, tags: r.tags)
                try await s.execute("""
                    INSERT INTO stories(id, title, body, hero, department, customer, tags, author, author_name, on_behalf_of,
                        created_at, edited_at, status, votes, medallions, points, hot, pinned_by, pinned_at, pin_until, pin_note, search)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, array_to_tsvector(?::text[]))
                    """, [.int(r.id), .text(r.title), .text(r.body), .text(r.hero), .text(r.department), .text(r.customer),
                          .text(r.tags.joined(separator: " ")), .text(r.author), .text(r.authorName), .text(r.onBehalfOf),
                          .int(r.createdAt), .int(r.editedAt), .text(r.status), .int(votes), .int(medallions),
                          .int(HotScore.points(votes: votes, medallions: medallions)), .double(hot), .text(r.pinnedBy),
                          .int(r.pinnedAt), .int(r.pinUntil), .text(r.pinNote), .textArray(lexemes)])
            }
            for v in data.votes {
                try await s.execute("INSERT INTO votes(story_id, voter, at) VALUES (?, ?, ?)", [.int(v.storyID), .text(v.voter), .int(v.at)])
            }
            for m in data.medallions {
                try await s.execute("INSERT INTO medallions(id, story_id, giver, hero, given_at, year) VALUES (?, ?, ?, ?, ?, ?)",
                                    [.int(m.id), .int(m.storyID), .text(m.giver), .text(m.hero), .int(m.givenAt), .int(m.year)])
            }
            if let records = data.certification {
                for p in records.programs {
                    try await s.execute("INSERT INTO cert_programs(id, name, name_key, program, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                                        [.int(p.id), .text(p.program.name), .text(NameKey.key(p.program.name)),
                                         .text(try Self.encode(p.program)), .text(p.addedBy), .int(p.addedAt)])
                }
                for c in records.certifications {
                    try await s.execute("""
                        INSERT INTO certifications(id, login, program_id, level, source, granted_by, at, note, revoked_by, revoked_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, [.int(c.id), .text(c.login), .int(c.programID), .int(c.level), .text(c.source), .text(c.grantedBy),
                              .int(c.at), .text(c.note), .text(c.revokedBy), .int(c.revokedAt)])
                }
                for a in records.attempts {
                    try await s.execute("""
                        INSERT INTO quiz_attempts(id, login, program_id, seed, started_at, answers, finished_at, score, passed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, [.int(a.id), .text(a.login), .int(a.programID), .int(a.seed), .int(a.startedAt), .text(a.answers),
                              .int(a.finishedAt), .int(a.score), .int(a.passed.map { $0 ? 1 : 0 })])
                }
            }
            // A file board's history has no host (it stays absent, so adopt → export is identical);
            // another PostgreSQL board's keeps its own.
            try await s.execute("DELETE FROM audit")
            for a in data.audit {
                try await s.execute("INSERT INTO audit(id, at, actor, action, story_id, detail, host) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                    [.int(a.id), .int(a.at), .text(a.actor), .text(a.action), .int(a.storyID), .text(a.detail),
                                     .text(a.host)])
            }
            // New rows continue after the kept ids.
            for table in PGSchema.identityTables {
                try await s.execute("""
                    SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce((SELECT max(id) FROM \(table)), 0) + 1, false)
                    """)
            }
        }
    }
}
#endif
