import Foundation

/// The certification rules of issue 16, in `BoardRules`' style: pure functions of facts the
/// store reads inside its write transaction (phase 2), so the CLI, the quiz screen and any
/// other front end obey one set of rules. Every refusal is one line.
public enum CertificationRules {
    /// A certification may be taken back within 24 hours, as a medallion may.
    public static let revokeWindow: TimeInterval = BoardRules.medallionRevokeWindow
    /// Quiz attempts are counted over the 24 hours before now, so no time zone decides "today".
    public static let attemptWindow: TimeInterval = 24 * 3600

    /// A manager grants `level` of `program` to `login`, who already holds `held` (any programs).
    public static func checkGrant(
        by actor: Account, isManager: Bool, to login: String, program: CertProgram, level: Int,
        held: [Certification], note: String = ""
    ) throws(SpotlightError) {
        guard isManager else {
            throw .permission("only a manager may grant a certification; \(actor.login) is not a manager of this board")
        }
        guard login != actor.login else { throw .permission("you cannot certify yourself") }
        guard let granted = program.level(level) else {
            throw .usage("\(program.name) has no level \(level); its levels are 1 to \(program.levels.count)")
        }
        guard !granted.isEarnedByQuiz else {
            throw .usage("level 1 of \(program.name) is earned by passing its quiz (spotlight cert quiz), not granted")
        }
        guard note.utf8.count <= CertLimits.maxNoteBytes else {
            throw .usage("the note is \(note.utf8.count) bytes; the limit is \(CertLimits.maxNoteBytes)")
        }
        let mine = held.filter { $0.login == login && $0.isOf(program.name) }
        guard !mine.contains(where: { $0.level == level }) else {
            throw .usage("\(login) already holds \(program.describe(level: level))")
        }
        // Tiers build on each other: case studies come after the standards quiz.
        guard mine.contains(where: { $0.level == level - 1 }) else {
            throw .usage("\(login) needs level \(level - 1) of \(program.name) before level \(level)")
        }
    }

    /// `actor` takes back `certification`; `held` are the same person's certifications.
    /// A manager's grant only by that manager (as a medallion only by its giver); a quiz pass by
    /// any manager (a pass obtained unfairly); never a level a higher one rests on.
    public static func checkRevoke(
        by actor: Account, isManager: Bool, _ certification: Certification, held: [Certification], now: Date
    ) throws(SpotlightError) {
        guard isManager else {
            throw .permission("only a manager may revoke a certification; \(actor.login) is not a manager of this board")
        }
        if certification.source == .manager, certification.grantedBy != actor.login {
            throw .permission("only \(certification.grantedBy), who granted it, may revoke this certification")
        }
        guard now.timeIntervalSince(certification.at) <= revokeWindow else {
            throw .permission("a certification can only be revoked within 24 hours of being granted")
        }
        let above = held.contains {
            $0.login == certification.login && $0.isOf(certification.program) && $0.level > certification.level
        }
        guard !above else {
            throw .usage("\(certification.login) holds a higher level of \(certification.program); revoke that first")
        }
    }

    /// May `actor` start the quiz of `program` now? `attempts` are the start times of their
    /// earlier attempts at it (any age); `perDay` is the board's limit.
    public static func checkQuizStart(
        by actor: Account, program: CertProgram, held: [Certification], attempts: [Date], perDay: Int, now: Date
    ) throws(SpotlightError) {
        if held.contains(where: { $0.login == actor.login && $0.isOf(program.name) && $0.level == 1 }) {
            throw .usage("you already hold \(program.describe(level: 1))")
        }
        let recent = attempts.filter { now.timeIntervalSince($0) < attemptWindow && $0 <= now }.sorted()
        guard recent.count >= max(perDay, 1) else { return }
        // The attempt whose leaving the window frees a place.
        let freeing = recent[recent.count - max(perDay, 1)]
        let wait = attemptWindow - now.timeIntervalSince(freeing)
        throw .permission("you have used \(Plural.count(recent.count, "quiz attempt")) in the last 24 hours (the limit is \(perDay)); try again in \(waitText(wait))")
    }

    /// Attempts left in the 24 hours after one started `now`, counting it (never below 0).
    public static func attemptsLeft(after attempts: [Date], perDay: Int, now: Date) -> Int {
        let recent = attempts.filter { now.timeIntervalSince($0) < attemptWindow && $0 <= now }.count
        return max(0, perDay - recent - 1)
    }

    /// A finished attempt: the level-1 certification it earns, or nil when it did not pass.
    public static func certification(
        for result: QuizResult, login: String, program: CertProgram, at: Date
    ) -> Certification? {
        guard result.passed else { return nil }
        return Certification(id: 0, login: login, program: program.name, level: 1, source: .quiz,
                             grantedBy: login, at: at, note: result.sentence)
    }

    /// Only a manager adds a program; `existing` are the board's program names (unique by NameKey).
    public static func checkAddProgram(
        by actor: Account, isManager: Bool, _ program: CertProgram, existing: [String]
    ) throws(SpotlightError) {
        guard isManager else {
            throw .permission("only a manager may add a certification program; \(actor.login) is not a manager of this board")
        }
        try CertLimits.check(program)
        if let same = existing.first(where: { NameKey.key($0) == NameKey.key(program.name) }) {
            throw .usage("the board already has a program named \(same)")
        }
    }

    /// The answers to a sitting must answer every question, each with one of its answers.
    public static func checkAnswers(_ answers: [Int], to attempt: QuizAttempt) throws(SpotlightError) {
        guard answers.count == attempt.count else {
            throw .usage("the quiz has \(Plural.count(attempt.count, "question")); \(Plural.count(answers.count, "answer")) came back")
        }
    }

    /// The answer key (`cert program show --answers`) is for managers only.
    public static func checkAnswerKey(by actor: Account, isManager: Bool) throws(SpotlightError) {
        guard isManager else {
            throw .permission("only a manager may see a quiz's answers; \(actor.login) is not a manager of this board")
        }
    }

    /// "5 h 12 min", "3 min", rounded up so "try again in" is never too early.
    static func waitText(_ seconds: TimeInterval) -> String {
        let minutes = max(1, Int((seconds / 60).rounded(.up)))
        let (h, m) = (minutes / 60, minutes % 60)
        if h == 0 { return "\(m) min" }
        return m == 0 ? "\(h) h" : "\(h) h \(m) min"
    }
}
