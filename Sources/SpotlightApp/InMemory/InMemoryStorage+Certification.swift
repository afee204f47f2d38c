import Foundation
import SpotlightCore
import SpotlightStore

/// The certification tables of the board file, in memory.
struct CertificationRows {
    struct Held {
        var certification: Certification
        var revokedBy: String?
        var revokedAt: Date?
    }

    struct Attempt {
        let id: Int
        let login: String
        /// Index into `programs`.
        let program: Int
        let seed: UInt64
        let startedAt: Date
        /// The shown answers chosen so far, one per question as asked.
        var chosen: [Int] = []
        var result: QuizResult?
        var finishedAt: Date?
    }

    /// In the order added; a program's id is its index + 1.
    var programs: [CertProgram] = []
    /// Who added each program and when, by the same index.
    var added: [(by: String, at: Date)] = []
    var held: [Held] = []
    var attempts: [Attempt] = []
}

/// Export and import, as the store's tables hold the rows. Program ids are positions here, so a
/// file whose program ids are not 1, 2, 3… is renumbered (the store keeps them).
extension CertificationRows {
    func exported() -> BoardExport.CertificationRecords? {
        func id(of name: String) -> Int { (programs.firstIndex { NameKey.key($0.name) == NameKey.key(name) } ?? -1) + 1 }
        let records = BoardExport.CertificationRecords(
            programs: programs.indices.map {
                BoardExport.ProgramRecord(id: $0 + 1, program: programs[$0], addedBy: added[$0].by, addedAt: added[$0].at.millis)
            },
            certifications: held.sorted { $0.certification.id < $1.certification.id }.map {
                let c = $0.certification
                return BoardExport.HeldRecord(id: c.id, login: c.login, programID: id(of: c.program), level: c.level,
                                              source: c.source.rawValue, grantedBy: c.grantedBy, at: c.at.millis, note: c.note,
                                              revokedBy: $0.revokedBy, revokedAt: $0.revokedAt?.millis)
            },
            attempts: attempts.sorted { $0.id < $1.id }.map {
                BoardExport.AttemptRecord(id: $0.id, login: $0.login, programID: $0.program + 1, seed: Int(Int64(bitPattern: $0.seed)),
                                          startedAt: $0.startedAt.millis, answers: $0.chosen.map(String.init).joined(separator: ","),
                                          finishedAt: $0.finishedAt?.millis, score: $0.result?.score, passed: $0.result?.passed)
            })
        return records.isEmpty ? nil : records
    }

    /// From an export already checked by `validateForImport`.
    init(imported records: BoardExport.CertificationRecords?) {
        guard let records else { return }
        let ordered = records.programs.sorted { $0.id < $1.id }
        let index = Dictionary(ordered.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        programs = ordered.map(\.program)
        added = ordered.map { ($0.addedBy, InMemoryStorage.date($0.addedAt)) }
        held = records.certifications.compactMap { c in
            guard let at = index[c.programID] else { return nil }
            return Held(certification: Certification(id: c.id, login: c.login, program: programs[at].name, level: c.level,
                                                     source: Certification.Source(rawValue: c.source) ?? .manager,
                                                     grantedBy: c.grantedBy, at: InMemoryStorage.date(c.at), note: c.note),
                        revokedBy: c.revokedBy, revokedAt: c.revokedAt.map(InMemoryStorage.date))
        }
        attempts = records.attempts.compactMap { a in
            guard let at = index[a.programID] else { return nil }
            let quiz = programs[at].quiz
            let result = a.score.map { QuizResult(score: $0, total: quiz.questions.count, passingScore: quiz.passingScore) }
            return Attempt(id: a.id, login: a.login, program: at, seed: UInt64(bitPattern: Int64(a.seed)),
                           startedAt: InMemoryStorage.date(a.startedAt), chosen: a.answers.split(separator: ",").compactMap { Int($0) },
                           result: result, finishedAt: a.finishedAt.map(InMemoryStorage.date))
        }
    }
}

/// Certification as `BoardStore+Certification` does it: the same `CertificationRules` against
/// facts read in the same step, an audit record with each change, the key kept here.
extension InMemoryStorage {
    func addProgram(_ program: CertProgram, as caller: Caller) throws(SpotlightError) -> CertProgram {
        try requireWritable()
        try CertificationRules.checkAddProgram(by: caller.account, isManager: try isManager(caller.account.login), program,
                                               existing: rows.certification.programs.map(\.name))
        rows.certification.programs.append(program)
        rows.certification.added.append((caller.account.login, Self.stored(caller.now)))
        audit("cert-program", story: nil, detail: "added certification program \(program.name)", by: caller)
        committed(by: caller.handle)
        return program
    }

    func programs() throws(SpotlightError) -> [CertProgram] {
        try requireAvailable()
        return rows.certification.programs.sorted { NameKey.key($0.name) < NameKey.key($1.name) }
    }

    func program(named name: String) throws(SpotlightError) -> CertProgram {
        try rows.certification.programs[programIndex(named: name)]
    }

    func startQuiz(_ name: String, as caller: Caller) throws(SpotlightError) -> QuizSitting {
        try requireWritable()
        let index = try programIndex(named: name)
        let program = rows.certification.programs[index]
        let login = caller.account.login
        let attempts = rows.certification.attempts.filter { $0.login == login && $0.program == index }.map(\.startedAt)
        let perDay = try settings().quizAttemptsPerDay
        try CertificationRules.checkQuizStart(by: caller.account, program: program, held: held(by: login), attempts: attempts,
                                              perDay: perDay, now: caller.now)
        let seed = UInt64.random(in: .min ... .max)
        let id = (rows.certification.attempts.map(\.id).max() ?? 0) + 1
        rows.certification.attempts.append(.init(id: id, login: login, program: index, seed: seed,
                                                 startedAt: Self.stored(caller.now)))
        committed(by: caller.handle)
        return QuizSitting(id: id, program: program.name, levelTitle: program.level(1)?.title ?? "", seed: seed, prompts: QuizAttempt(quiz: program.quiz, seed: seed).prompts,
                           passingScore: program.quiz.passingScore,
                           attemptsLeft: CertificationRules.attemptsLeft(after: attempts, perDay: perDay, now: caller.now))
    }

    func finishQuiz(_ id: Int, answers: [Int], as caller: Caller) throws(SpotlightError) -> QuizResult {
        try requireWritable()
        let open = try openAttempt(id, as: caller)
        var attempt = open.attempt
        try attempt.finish(with: answers, attempt: id)
        let result = try settle(open.index, attempt, as: caller)
        committed(by: caller.handle)
        return result
    }

    func answerQuiz(_ id: Int, position: Int, choice: Int, as caller: Caller) throws(SpotlightError) -> QuizVerdict {
        try requireWritable()
        let open = try openAttempt(id, as: caller)
        var attempt = open.attempt
        let verdict = try attempt.answer(choice, at: position, attempt: id)
        if attempt.isComplete {
            _ = try settle(open.index, attempt, as: caller)
        } else {
            rows.certification.attempts[open.index].chosen = attempt.chosen
        }
        committed(by: caller.handle)
        return verdict
    }

    private func openAttempt(_ id: Int, as caller: Caller) throws(SpotlightError) -> (index: Int, attempt: QuizAttempt) {
        guard let index = rows.certification.attempts.firstIndex(where: { $0.id == id && $0.login == caller.account.login }) else {
            throw .notFound("you have no quiz attempt #\(id)")
        }
        let stored = rows.certification.attempts[index]
        guard stored.result == nil else { throw .usage("quiz attempt #\(id) is already finished") }
        var attempt = QuizAttempt(quiz: rows.certification.programs[stored.program].quiz, seed: stored.seed)
        for choice in stored.chosen { _ = try attempt.answer(choice) }
        return (index, attempt)
    }

    /// Records a complete attempt's result; a pass earns level 1 (once). Checks before it
    /// changes anything, as the store's transaction rolls back.
    private func settle(_ index: Int, _ attempt: QuizAttempt, as caller: Caller) throws(SpotlightError) -> QuizResult {
        let stored = rows.certification.attempts[index]
        let program = rows.certification.programs[stored.program]
        let login = caller.account.login
        guard let result = attempt.result else { throw .runtime("quiz attempt #\(stored.id) could not be graded") }
        let earned = CertificationRules.certification(for: result, login: login, program: program, at: Self.stored(caller.now))
        if earned != nil, held(by: login).contains(where: { $0.isOf(program.name) && $0.level == 1 }) {
            throw .usage("you already hold \(program.describe(level: 1))")
        }
        rows.certification.attempts[index].chosen = attempt.chosen
        rows.certification.attempts[index].result = result
        rows.certification.attempts[index].finishedAt = Self.stored(caller.now)
        if var earned {
            earned.id = nextCertificationID()
            rows.certification.held.append(.init(certification: earned))
            audit("cert-pass", story: nil, detail: "passed the quiz of \(program.name): \(result.sentence)", by: caller)
        }
        return result
    }

    func grantCertification(to login: String, program name: String, level: Int, note: String, as caller: Caller)
        throws(SpotlightError) -> Certification {
        try requireWritable()
        let program = try rows.certification.programs[programIndex(named: name)]
        try CertificationRules.checkGrant(by: caller.account, isManager: try isManager(caller.account.login), to: login,
                                          program: program, level: level, held: held(by: login), note: note)
        let granted = Certification(id: nextCertificationID(), login: login, program: program.name, level: level,
                                    source: .manager, grantedBy: caller.account.login, at: Self.stored(caller.now), note: note)
        rows.certification.held.append(.init(certification: granted))
        audit("cert-grant", story: nil, detail: "granted \(program.describe(level: level)) to \(login)", by: caller)
        committed(by: caller.handle)
        return granted
    }

    func revokeCertification(of login: String, program name: String, level: Int, as caller: Caller) throws(SpotlightError) {
        try requireWritable()
        let program = try rows.certification.programs[programIndex(named: name)]
        let held = held(by: login)
        guard let certification = held.first(where: { $0.isOf(program.name) && $0.level == level }),
              let at = rows.certification.held.firstIndex(where: { $0.certification.id == certification.id }) else {
            throw .notFound("\(login) does not hold \(program.describe(level: level))")
        }
        try CertificationRules.checkRevoke(by: caller.account, isManager: try isManager(caller.account.login), certification,
                                           held: held, now: caller.now)
        rows.certification.held[at].revokedBy = caller.account.login
        rows.certification.held[at].revokedAt = Self.stored(caller.now)
        audit("cert-revoke", story: nil, detail: "revoked \(program.describe(level: level)) of \(login)", by: caller)
        committed(by: caller.handle)
    }

    func certifications(of login: String) throws(SpotlightError) -> [Certification] {
        try requireAvailable()
        return held(by: login)
    }

    func recentCertifications(since: Date, limit: Int) throws(SpotlightError) -> [Certification] {
        try requireAvailable()
        return Array(newestFirst(rows.certification.held.filter { $0.revokedAt == nil && $0.certification.at >= since }).prefix(limit))
    }

    // MARK: Helpers

    private func held(by login: String) -> [Certification] {
        newestFirst(rows.certification.held.filter { $0.revokedAt == nil && $0.certification.login == login })
    }

    private func newestFirst(_ held: [CertificationRows.Held]) -> [Certification] {
        held.map(\.certification).sorted { ($0.at, $0.id) > ($1.at, $1.id) }
    }

    private func nextCertificationID() -> Int {
        (rows.certification.held.map(\.certification.id).max() ?? 0) + 1
    }

    private func programIndex(named name: String) throws(SpotlightError) -> Int {
        try requireAvailable()
        guard let index = rows.certification.programs.firstIndex(where: { NameKey.key($0.name) == NameKey.key(name) }) else {
            throw .notFound("no certification program named \(name) (see `spotlight cert program list`)")
        }
        return index
    }
}
