import Foundation
import SQLiteNIO
import SpotlightCore

/// The certification tables for `export`/`import` and for `doctor` (issue 16).
extension BoardStore {
    // MARK: Export and import

    /// The certification tables for `export` (nil on a board of schema 1 opened read-only).
    func exportCertification() async throws(SpotlightError) -> BoardExport.CertificationRecords? {
        guard try await schemaVersion() >= 2 else { return nil }
        var programs: [BoardExport.ProgramRecord] = []
        for row in try await rows("SELECT id, CAST(program AS BLOB) AS program, added_by, added_at FROM cert_programs ORDER BY id") {
            programs.append(BoardExport.ProgramRecord(id: row.column("id")?.integer ?? 0, program: try Self.decodeProgram(row),
                                                      addedBy: row.column("added_by")?.string ?? "",
                                                      addedAt: row.column("added_at")?.integer ?? 0))
        }
        let held = try await rows("""
            SELECT id, login, program_id, level, source, granted_by, at, CAST(note AS BLOB) AS note, revoked_by, revoked_at
            FROM certifications ORDER BY id
            """).map { row in
            BoardExport.HeldRecord(
                id: row.column("id")?.integer ?? 0, login: row.column("login")?.string ?? "",
                programID: row.column("program_id")?.integer ?? 0, level: row.column("level")?.integer ?? 0,
                source: row.column("source")?.string ?? "", grantedBy: row.column("granted_by")?.string ?? "",
                at: row.column("at")?.integer ?? 0, note: row.column("note")?.lossless ?? "",
                revokedBy: row.column("revoked_by").flatMap { $0.isNull ? nil : $0.string },
                revokedAt: row.column("revoked_at").flatMap { $0.isNull ? nil : $0.integer })
        }
        let attempts = try await rows("""
            SELECT id, login, program_id, seed, started_at, answers, finished_at, score, passed FROM quiz_attempts ORDER BY id
            """).map { row in
            BoardExport.AttemptRecord(
                id: row.column("id")?.integer ?? 0, login: row.column("login")?.string ?? "",
                programID: row.column("program_id")?.integer ?? 0, seed: row.column("seed")?.integer ?? 0,
                startedAt: row.column("started_at")?.integer ?? 0, answers: row.column("answers")?.string ?? "",
                finishedAt: row.column("finished_at").flatMap { $0.isNull ? nil : $0.integer },
                score: row.column("score").flatMap { $0.isNull ? nil : $0.integer },
                passed: row.column("passed").flatMap { $0.isNull ? nil : $0.integer.map { $0 != 0 } })
        }
        let records = BoardExport.CertificationRecords(programs: programs, certifications: held, attempts: attempts)
        return records.isEmpty ? nil : records
    }

    /// Inside `importBoard`'s transaction, after `validateForImport`.
    func importCertification(_ records: BoardExport.CertificationRecords?) async throws(SpotlightError) {
        guard let records else { return }
        for p in records.programs {
            try await execute("INSERT INTO cert_programs(id, name, name_key, program, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)",
                              [.integer(p.id), .text(p.program.name), .text(NameKey.key(p.program.name)), .text(try Self.encode(p.program)),
                               .text(p.addedBy), .integer(p.addedAt)])
        }
        for c in records.certifications {
            try await execute("""
                INSERT INTO certifications(id, login, program_id, level, source, granted_by, at, note, revoked_by, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(c.id), .text(c.login), .integer(c.programID), .integer(c.level), .text(c.source), .text(c.grantedBy),
                      .integer(c.at), .text(c.note), c.revokedBy.map { .text($0) } ?? .null, c.revokedAt.map { .integer($0) } ?? .null])
        }
        for a in records.attempts {
            try await execute("""
                INSERT INTO quiz_attempts(id, login, program_id, seed, started_at, answers, finished_at, score, passed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(a.id), .text(a.login), .integer(a.programID), .integer(a.seed), .integer(a.startedAt), .text(a.answers),
                      a.finishedAt.map { .integer($0) } ?? .null, a.score.map { .integer($0) } ?? .null,
                      a.passed.map { .integer($0 ? 1 : 0) } ?? .null])
        }
    }

    // MARK: What doctor asks

    /// Levels held with no audit record of being earned or granted (`OutsideChanges`).
    func certificationDifferences() async throws(SpotlightError) -> [String] {
        guard try await schemaVersion() >= 2 else { return [] }
        let events = try await rows("""
            SELECT actor, action, CAST(detail AS BLOB) AS detail FROM audit
            WHERE action IN ('cert-pass', 'cert-grant', 'cert-revoke')
            """).map { event in
            AuditFact(actor: event.column("actor")?.string ?? "", action: event.column("action")?.string ?? "",
                      detail: event.column("detail")?.lossless ?? "")
        }
        let held = Array(try await certifications(where: "1", []).reversed())
        var programs: [String: CertProgram] = [:]
        for name in held.map(\.program) where programs[name] == nil { programs[name] = try await program(named: name) }
        return OutsideChanges.certificationDifferences(events: events, held: held, programs: programs)
    }
}
