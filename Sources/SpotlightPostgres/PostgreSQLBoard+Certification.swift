#if PostgreSQLSupport
import Foundation
import SpotlightCore
import SpotlightStore

/// Certification (issue 16), mirroring `BoardStore+Certification`: `CertificationRules` decides
/// inside the transaction from facts read under the lock; the answer key never leaves here.
/// Locks: programs take the board row; quiz attempts and grants/revokes take the advisory lock
/// of the login concerned (its quotas and held levels).
extension PostgreSQLBoard {
    @discardableResult
    public func addProgram(_ program: CertProgram) async throws(SpotlightError) -> CertProgram {
        let json = try Self.encode(program)
        return try await write { (s: PGSession) async throws(SpotlightError) -> CertProgram in
            try await PGLocks.board(s.tx)
            let existing = try await Self.programs(s).map(\.name)
            try CertificationRules.checkAddProgram(by: s.account, isManager: try await s.isManager(s.account.login), program,
                                                   existing: existing)
            try await s.execute("INSERT INTO cert_programs(name, name_key, program, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
                                [.text(program.name), .text(NameKey.key(program.name)), .text(json), .text(s.account.login),
                                 .int(s.clock.now.millis)])
            try await s.audit("cert-program", story: nil, detail: "added certification program \(program.name)")
            return program
        }
    }

    public func programs() async throws(SpotlightError) -> [CertProgram] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [CertProgram] in try await Self.programs(s) }
    }

    static func programs(_ s: PGSession) async throws(SpotlightError) -> [CertProgram] {
        var found: [CertProgram] = []
        for row in try await s.rows("SELECT program FROM cert_programs ORDER BY name_key") {
            found.append(try decodeProgram(row.string("program")))
        }
        return found
    }

    public func program(named name: String) async throws(SpotlightError) -> CertProgram {
        try await read { (s: PGSession) async throws(SpotlightError) -> CertProgram in try await Self.storedProgram(s, named: name).program }
    }

    public func startQuiz(_ programName: String) async throws(SpotlightError) -> QuizSitting {
        let seed = UInt64.random(in: .min ... .max)
        return try await write { (s: PGSession) async throws(SpotlightError) -> QuizSitting in
            try await PGLocks.account(s.tx, s.account.login)
            let (programID, program) = try await Self.storedProgram(s, named: programName)
            let now = s.clock.now
            let held = try await Self.certifications(s, where: "c.login = ?", [.text(s.account.login)])
            let attempts = try await s.rows("SELECT started_at FROM quiz_attempts WHERE login = ? AND program_id = ?",
                                            [.text(s.account.login), .int(programID)])
                .map { Date(millis: $0.int("started_at") ?? 0) }
            let perDay = try await s.settings().quizAttemptsPerDay
            try CertificationRules.checkQuizStart(by: s.account, program: program, held: held, attempts: attempts,
                                                  perDay: perDay, now: now)
            let inserted = try await s.rows("INSERT INTO quiz_attempts(login, program_id, seed, started_at) VALUES (?, ?, ?, ?) RETURNING id",
                                            [.text(s.account.login), .int(programID), .int(Int(Int64(bitPattern: seed))), .int(now.millis)])
            guard let id = inserted.first?.int("id") else { throw .runtime("PostgreSQL gave no id for the new quiz attempt") }
            let attempt = QuizAttempt(quiz: program.quiz, seed: seed)
            return QuizSitting(id: id, program: program.name, levelTitle: program.level(1)?.title ?? "", seed: seed,
                               prompts: attempt.prompts, passingScore: program.quiz.passingScore,
                               attemptsLeft: CertificationRules.attemptsLeft(after: attempts, perDay: perDay, now: now))
        }
    }

    public func finishQuiz(_ id: Int, answers: [Int]) async throws(SpotlightError) -> QuizResult {
        try await write { (s: PGSession) async throws(SpotlightError) -> QuizResult in
            try await PGLocks.account(s.tx, s.account.login)
            let open = try await Self.openAttempt(s, id)
            var attempt = open.attempt
            try attempt.finish(with: answers, attempt: id)
            return try await Self.settle(s, id, attempt, programID: open.programID, program: open.program)
        }
    }

    public func answerQuiz(_ id: Int, position: Int, choice: Int) async throws(SpotlightError) -> QuizVerdict {
        try await write { (s: PGSession) async throws(SpotlightError) -> QuizVerdict in
            try await PGLocks.account(s.tx, s.account.login)
            let open = try await Self.openAttempt(s, id)
            var attempt = open.attempt
            let verdict = try attempt.answer(choice, at: position, attempt: id)
            if attempt.isComplete {
                _ = try await Self.settle(s, id, attempt, programID: open.programID, program: open.program)
            } else {
                try await s.execute("UPDATE quiz_attempts SET answers = ? WHERE id = ?", [.text(attempt.storedAnswers), .int(id)])
            }
            return verdict
        }
    }

    private struct OpenAttempt: Sendable {
        let attempt: QuizAttempt
        let programID: Int
        let program: CertProgram
    }

    private static func openAttempt(_ s: PGSession, _ id: Int) async throws(SpotlightError) -> OpenAttempt {
        let found = try await s.rows("SELECT program_id, seed, answers, finished_at FROM quiz_attempts WHERE id = ? AND login = ?",
                                     [.int(id), .text(s.account.login)])
        guard let row = found.first, let programID = row.int("program_id"), let seed = row.int("seed") else {
            throw .notFound("you have no quiz attempt #\(id)")
        }
        guard row.int("finished_at") == nil else { throw .usage("quiz attempt #\(id) is already finished") }
        let program = try await storedProgram(s, id: programID)
        let attempt = try QuizAttempt.replaying(row.string("answers"), quiz: program.quiz,
                                                seed: UInt64(bitPattern: Int64(seed)), attempt: id)
        return OpenAttempt(attempt: attempt, programID: programID, program: program)
    }

    private static func settle(_ s: PGSession, _ id: Int, _ attempt: QuizAttempt, programID: Int, program: CertProgram)
        async throws(SpotlightError) -> QuizResult {
        guard let result = attempt.result else { throw .runtime("quiz attempt #\(id) could not be graded") }
        let now = s.clock.now
        try await s.execute("UPDATE quiz_attempts SET answers = ?, finished_at = ?, score = ?, passed = ? WHERE id = ?",
                            [.text(attempt.storedAnswers), .int(now.millis),
                             .int(result.score), .int(result.passed ? 1 : 0), .int(id)])
        if let earned = CertificationRules.certification(for: result, login: s.account.login, program: program, at: now) {
            let held = try await certifications(s, where: "c.login = ? AND c.program_id = ? AND c.level = 1",
                                                [.text(s.account.login), .int(programID)])
            guard held.isEmpty else { throw .usage("you already hold \(program.describe(level: 1))") }
            try await insert(s, earned, programID: programID, source: .quiz)
            try await s.audit("cert-pass", story: nil, detail: "passed the quiz of \(program.name): \(result.sentence)")
        }
        return result
    }

    @discardableResult
    public func grantCertification(to login: String, program programName: String, level: Int, note: String)
        async throws(SpotlightError) -> Certification {
        try await write { (s: PGSession) async throws(SpotlightError) -> Certification in
            try await PGLocks.account(s.tx, login)
            let (programID, program) = try await Self.storedProgram(s, named: programName)
            let held = try await Self.certifications(s, where: "c.login = ?", [.text(login)])
            try CertificationRules.checkGrant(by: s.account, isManager: try await s.isManager(s.account.login), to: login,
                                              program: program, level: level, held: held, note: note)
            let granted = Certification(id: 0, login: login, program: program.name, level: level, source: .manager,
                                        grantedBy: s.account.login, at: s.clock.now, note: note)
            let id = try await Self.insert(s, granted, programID: programID, source: .manager)
            try await s.audit("cert-grant", story: nil, detail: "granted \(program.describe(level: level)) to \(login)")
            var stored = granted
            stored.id = id
            stored.at = Date(millis: granted.at.millis)
            return stored
        }
    }

    public func revokeCertification(of login: String, program programName: String, level: Int) async throws(SpotlightError) {
        try await write { (s: PGSession) async throws(SpotlightError) in
            try await PGLocks.account(s.tx, login)
            let (programID, program) = try await Self.storedProgram(s, named: programName)
            let held = try await Self.certifications(s, where: "c.login = ?", [.text(login)])
            guard let certification = held.first(where: { $0.isOf(program.name) && $0.level == level }) else {
                throw .notFound("\(login) does not hold \(program.describe(level: level))")
            }
            try CertificationRules.checkRevoke(by: s.account, isManager: try await s.isManager(s.account.login), certification,
                                               held: held, now: s.clock.now)
            try await s.execute("UPDATE certifications SET revoked_by = ?, revoked_at = ? WHERE id = ? AND program_id = ?",
                                [.text(s.account.login), .int(s.clock.now.millis), .int(certification.id), .int(programID)])
            try await s.audit("cert-revoke", story: nil, detail: "revoked \(program.describe(level: level)) of \(login)")
        }
    }

    public func certifications(of login: String) async throws(SpotlightError) -> [Certification] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [Certification] in
            try await Self.certifications(s, where: "c.login = ?", [.text(login)])
        }
    }

    public func recentCertifications(since: Date, limit: Int) async throws(SpotlightError) -> [Certification] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [Certification] in
            try await Self.certifications(s, where: "c.at >= ?", [.int(since.millis)], limit: limit)
        }
    }

    // MARK: Helpers

    static func certifications(_ s: PGSession, where condition: String, _ binds: [PGValue], limit: Int = 10_000)
        async throws(SpotlightError) -> [Certification] {
        try await s.rows("""
            SELECT c.id, c.login, p.name AS program, c.level, c.source, c.granted_by, c.at, c.note
            FROM certifications c JOIN cert_programs p ON p.id = c.program_id
            WHERE c.revoked_at IS NULL AND \(condition) ORDER BY c.at DESC, c.id DESC LIMIT ?
            """, binds + [.int(limit)]).map { row in
            Certification(id: row.int("id") ?? 0, login: row.string("login"), program: row.string("program"),
                          level: row.int("level") ?? 0, source: Certification.Source(rawValue: row.string("source")) ?? .manager,
                          grantedBy: row.string("granted_by"), at: Date(millis: row.int("at") ?? 0), note: row.string("note"))
        }
    }

    @discardableResult
    private static func insert(_ s: PGSession, _ certification: Certification, programID: Int, source: Certification.Source)
        async throws(SpotlightError) -> Int {
        let inserted = try await s.rows("""
            INSERT INTO certifications(login, program_id, level, source, granted_by, at, note)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [.text(certification.login), .int(programID), .int(certification.level), .text(source.rawValue),
                  .text(certification.grantedBy), .int(certification.at.millis), .text(certification.note)])
        guard let id = inserted.first?.int("id") else { throw .runtime("PostgreSQL gave no id for the new certification") }
        return id
    }

    static func storedProgram(_ s: PGSession, named name: String) async throws(SpotlightError) -> (id: Int, program: CertProgram) {
        let found = try await s.rows("SELECT id, program FROM cert_programs WHERE name_key = ?", [.text(NameKey.key(name))])
        guard let row = found.first, let id = row.int("id") else {
            throw .notFound("no certification program named \(name) (see `spotlight cert program list`)")
        }
        return (id, try decodeProgram(row.string("program")))
    }

    static func storedProgram(_ s: PGSession, id: Int) async throws(SpotlightError) -> CertProgram {
        let found = try await s.rows("SELECT program FROM cert_programs WHERE id = ?", [.int(id)])
        guard let row = found.first else { throw .notFound("no certification program #\(id)") }
        return try decodeProgram(row.string("program"))
    }

    static func encode(_ program: CertProgram) throws(SpotlightError) -> String { try StoredProgram.encode(program) }

    static func decodeProgram(_ text: String) throws(SpotlightError) -> CertProgram { try StoredProgram.decode(text) }
}
#endif
