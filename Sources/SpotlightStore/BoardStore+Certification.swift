import Foundation
import SQLiteNIO
import SpotlightCore

/// Certification (issue 16): programs, quiz attempts and the levels people hold. Every write is
/// one transaction with its audit record, and `CertificationRules` decides inside it from facts
/// read under the write lock, as `BoardRules` does for stories. The answer key never leaves
/// the store: a sitting carries prompts only, and `finishQuiz` grades here.
extension BoardStore {
    // MARK: Programs

    /// Adds a program (managers only); its name must be new by `NameKey`.
    @discardableResult
    public func addProgram(_ program: CertProgram) async throws(SpotlightError) -> CertProgram {
        let json = try Self.encode(program)
        return try await transaction { () async throws(SpotlightError) -> CertProgram in
            let existing = try await programs().map(\.name)
            try CertificationRules.checkAddProgram(by: account, isManager: try await isManager(account.login), program,
                                                   existing: existing)
            try await execute("INSERT INTO cert_programs(name, name_key, program, added_by, added_at) VALUES (?, ?, ?, ?, ?)",
                              [.text(program.name), .text(NameKey.key(program.name)), .text(json), .text(account.login),
                               .integer(clock.now.millis)])
            try await audit("cert-program", story: nil, detail: "added certification program \(program.name)")
            return program
        }
    }

    /// Every program, by name.
    public func programs() async throws(SpotlightError) -> [CertProgram] {
        try await requireCertificationTables()
        return try await rows("SELECT CAST(program AS BLOB) AS program FROM cert_programs ORDER BY name_key")
            .map { row throws(SpotlightError) in try Self.decodeProgram(row) }
    }

    /// The program called `name` (compared by `NameKey`).
    public func program(named name: String) async throws(SpotlightError) -> CertProgram {
        try await storedProgram(named: name).program
    }

    // MARK: The quiz

    /// Starts an attempt at `program`'s quiz: counted at once (a hang-up still used it), refused
    /// past the board's `quiz-attempts-per-day` or when level 1 is already held.
    public func startQuiz(_ programName: String) async throws(SpotlightError) -> QuizSitting {
        let seed = UInt64.random(in: .min ... .max)
        return try await transaction { () async throws(SpotlightError) -> QuizSitting in
            let (programID, program) = try await storedProgram(named: programName)
            let now = clock.now
            let held = try await certifications(where: "c.login = ?", [.text(account.login)])
            let attempts = try await rows("SELECT started_at FROM quiz_attempts WHERE login = ? AND program_id = ?",
                                          [.text(account.login), .integer(programID)])
                .map { Date(millis: $0.column("started_at")?.integer ?? 0) }
            let perDay = try await settings().quizAttemptsPerDay
            try CertificationRules.checkQuizStart(by: account, program: program, held: held, attempts: attempts,
                                                  perDay: perDay, now: now)
            let inserted = try await rows("""
                INSERT INTO quiz_attempts(login, program_id, seed, started_at) VALUES (?, ?, ?, ?) RETURNING id
                """, [.text(account.login), .integer(programID), .integer(Int(Int64(bitPattern: seed))), .integer(now.millis)])
            guard let id = inserted.first?.column("id")?.integer else {
                throw Self.missingValue("INSERT INTO quiz_attempts … RETURNING id", found: nil, what: "the new attempt's id")
            }
            let attempt = QuizAttempt(quiz: program.quiz, seed: seed)
            return QuizSitting(id: id, program: program.name, levelTitle: program.level(1)?.title ?? "", seed: seed, prompts: attempt.prompts,
                               passingScore: program.quiz.passingScore,
                               attemptsLeft: CertificationRules.attemptsLeft(after: attempts, perDay: perDay, now: now))
        }
    }

    /// Grades `answers` (the shown answer chosen, per question as asked) for the account's
    /// unfinished attempt `id`; answers already given one by one (`answerQuiz`) cannot change.
    /// A pass records level 1 and its audit record.
    public func finishQuiz(_ id: Int, answers: [Int]) async throws(SpotlightError) -> QuizResult {
        try await transaction { () async throws(SpotlightError) -> QuizResult in
            let open = try await openAttempt(id)
            var attempt = open.attempt
            try attempt.finish(with: answers, attempt: id)
            return try await settle(id, attempt, programID: open.programID, program: open.program)
        }
    }

    /// Grades one answer, the next of the account's unfinished attempt `id`, and keeps it: the
    /// quiz screen shows the verdict (and the explanation) before the next question, and no
    /// question is graded twice. The last answer finishes the attempt as `finishQuiz` does.
    public func answerQuiz(_ id: Int, position: Int, choice: Int) async throws(SpotlightError) -> QuizVerdict {
        try await transaction { () async throws(SpotlightError) -> QuizVerdict in
            let open = try await openAttempt(id)
            var attempt = open.attempt
            let verdict = try attempt.answer(choice, at: position, attempt: id)
            if attempt.isComplete {
                _ = try await settle(id, attempt, programID: open.programID, program: open.program)
            } else {
                try await execute("UPDATE quiz_attempts SET answers = ? WHERE id = ?", [.text(attempt.storedAnswers), .integer(id)])
            }
            return verdict
        }
    }

    /// The account's unfinished attempt `id`, replayed from its seed with the answers kept.
    private func openAttempt(_ id: Int) async throws(SpotlightError) -> (attempt: QuizAttempt, programID: Int, program: CertProgram) {
        let found = try await rows("""
            SELECT program_id, seed, answers, finished_at FROM quiz_attempts WHERE id = ? AND login = ?
            """, [.integer(id), .text(account.login)])
        guard let row = found.first, let programID = row.column("program_id")?.integer,
              let seed = row.column("seed")?.integer else {
            throw .notFound("you have no quiz attempt #\(id)")
        }
        guard row.column("finished_at")?.integer == nil else { throw .usage("quiz attempt #\(id) is already finished") }
        let program = try await storedProgram(id: programID)
        let attempt = try QuizAttempt.replaying(row.column("answers")?.string ?? "", quiz: program.quiz,
                                                seed: UInt64(bitPattern: Int64(seed)), attempt: id)
        return (attempt, programID, program)
    }

    /// Records a complete attempt's result; a pass earns level 1 (once).
    private func settle(_ id: Int, _ attempt: QuizAttempt, programID: Int, program: CertProgram) async throws(SpotlightError) -> QuizResult {
        guard let result = attempt.result else { throw .runtime("quiz attempt #\(id) could not be graded") }
        let now = clock.now
        try await execute("UPDATE quiz_attempts SET answers = ?, finished_at = ?, score = ?, passed = ? WHERE id = ?",
                          [.text(attempt.storedAnswers), .integer(now.millis),
                           .integer(result.score), .integer(result.passed ? 1 : 0), .integer(id)])
        if let earned = CertificationRules.certification(for: result, login: account.login, program: program, at: now) {
            let held = try await certifications(where: "c.login = ? AND c.program_id = ? AND c.level = 1",
                                                [.text(account.login), .integer(programID)])
            guard held.isEmpty else { throw .usage("you already hold \(program.describe(level: 1))") }
            try await insert(earned, programID: programID, source: .quiz)
            try await audit("cert-pass", story: nil, detail: "passed the quiz of \(program.name): \(result.sentence)")
        }
        return result
    }

    // MARK: Granting and revoking

    /// A manager grants `level` (2 and up) of `programName` to `login`.
    @discardableResult
    public func grantCertification(to login: String, program programName: String, level: Int, note: String = "")
        async throws(SpotlightError) -> Certification {
        try await transaction { () async throws(SpotlightError) -> Certification in
            let (programID, program) = try await storedProgram(named: programName)
            let held = try await certifications(where: "c.login = ?", [.text(login)])
            try CertificationRules.checkGrant(by: account, isManager: try await isManager(account.login), to: login,
                                              program: program, level: level, held: held, note: note)
            let granted = Certification(id: 0, login: login, program: program.name, level: level, source: .manager,
                                        grantedBy: account.login, at: clock.now, note: note)
            let id = try await insert(granted, programID: programID, source: .manager)
            try await audit("cert-grant", story: nil, detail: "granted \(program.describe(level: level)) to \(login)")
            var stored = granted
            stored.id = id
            stored.at = Date(millis: granted.at.millis)
            return stored
        }
    }

    /// Takes back `login`'s `level` of `programName` (within 24 hours; see `CertificationRules`).
    public func revokeCertification(of login: String, program programName: String, level: Int) async throws(SpotlightError) {
        try await transaction { () async throws(SpotlightError) in
            let (programID, program) = try await storedProgram(named: programName)
            let held = try await certifications(where: "c.login = ?", [.text(login)])
            guard let certification = held.first(where: { $0.isOf(program.name) && $0.level == level }) else {
                throw .notFound("\(login) does not hold \(program.describe(level: level))")
            }
            try CertificationRules.checkRevoke(by: account, isManager: try await isManager(account.login), certification,
                                               held: held, now: clock.now)
            try await execute("UPDATE certifications SET revoked_by = ?, revoked_at = ? WHERE id = ? AND program_id = ?",
                              [.text(account.login), .integer(clock.now.millis), .integer(certification.id), .integer(programID)])
            try await audit("cert-revoke", story: nil, detail: "revoked \(program.describe(level: level)) of \(login)")
        }
    }

    // MARK: Who holds what

    /// The levels `login` holds (not revoked), newest first.
    public func certifications(of login: String) async throws(SpotlightError) -> [Certification] {
        try await requireCertificationTables()
        return try await certifications(where: "c.login = ?", [.text(login)])
    }

    /// Levels granted or earned at `since` or later (not revoked), newest first.
    public func recentCertifications(since: Date, limit: Int = 100) async throws(SpotlightError) -> [Certification] {
        try await requireCertificationTables()
        return try await certifications(where: "c.at >= ?", [.integer(since.millis)], limit: limit)
    }

    // MARK: Helpers

    /// Held (unrevoked) levels matching `condition`, newest first.
    func certifications(where condition: String, _ binds: [SQLiteData], limit: Int = 10_000)
        async throws(SpotlightError) -> [Certification] {
        try await rows("""
            SELECT c.id, c.login, CAST(p.name AS BLOB) AS program, c.level, c.source, c.granted_by, c.at,
                   CAST(c.note AS BLOB) AS note
            FROM certifications c JOIN cert_programs p ON p.id = c.program_id
            WHERE c.revoked_at IS NULL AND \(condition) ORDER BY c.at DESC, c.id DESC LIMIT ?
            """, binds + [.integer(limit)]).map { row in
            Certification(id: row.column("id")?.integer ?? 0, login: row.column("login")?.string ?? "",
                          program: row.column("program")?.lossless ?? "", level: row.column("level")?.integer ?? 0,
                          source: Certification.Source(rawValue: row.column("source")?.string ?? "") ?? .manager,
                          grantedBy: row.column("granted_by")?.string ?? "",
                          at: Date(millis: row.column("at")?.integer ?? 0), note: row.column("note")?.lossless ?? "")
        }
    }

    @discardableResult
    private func insert(_ certification: Certification, programID: Int, source: Certification.Source) async throws(SpotlightError) -> Int {
        let inserted = try await rows("""
            INSERT INTO certifications(login, program_id, level, source, granted_by, at, note)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [.text(certification.login), .integer(programID), .integer(certification.level), .text(source.rawValue),
                  .text(certification.grantedBy), .integer(certification.at.millis), .text(certification.note)])
        guard let id = inserted.first?.column("id")?.integer else {
            throw Self.missingValue("INSERT INTO certifications … RETURNING id", found: nil, what: "the new certification's id")
        }
        return id
    }

    /// A board of schema 1 gains the certification tables when someone who may write opens it;
    /// until then a reader who may not (read-only) is told why, not "no such table".
    private func requireCertificationTables() async throws(SpotlightError) {
        guard isReadOnly, try await schemaVersion() < 2 else { return }
        throw .runtime("the board \(path) was made by an older spotlight and has no certifications yet: it gains them the first time someone who may write to it runs spotlight")
    }

    private func storedProgram(named name: String) async throws(SpotlightError) -> (id: Int, program: CertProgram) {
        try await requireCertificationTables()
        let found = try await rows("SELECT id, CAST(program AS BLOB) AS program FROM cert_programs WHERE name_key = ?",
                                   [.text(NameKey.key(name))])
        guard let row = found.first, let id = row.column("id")?.integer else {
            throw .notFound("no certification program named \(name) (see `spotlight cert program list`)")
        }
        return (id, try Self.decodeProgram(row))
    }

    private func storedProgram(id: Int) async throws(SpotlightError) -> CertProgram {
        let found = try await rows("SELECT CAST(program AS BLOB) AS program FROM cert_programs WHERE id = ?", [.integer(id)])
        guard let row = found.first else { throw .notFound("no certification program #\(id)") }
        return try Self.decodeProgram(row)
    }

    static func encode(_ program: CertProgram) throws(SpotlightError) -> String { try StoredProgram.encode(program) }

    static func decodeProgram(_ row: SQLiteRow) throws(SpotlightError) -> CertProgram {
        try StoredProgram.decode(row.column("program")?.lossless ?? "")
    }
}
