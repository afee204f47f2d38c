/// The grading steps every board takes with a stored, unfinished attempt (SQLite, PostgreSQL
/// and in memory): replay it, then finish it with all answers or take the next one. Here once,
/// so the rules (answers already given cannot change, one question at a time) and their
/// messages cannot part between the boards.
extension QuizAttempt {
    /// The answers chosen so far as a board stores them: shown positions, comma-separated.
    public var storedAnswers: String { chosen.map(String.init).joined(separator: ",") }

    /// Attempt `id` as stored: replayed from its seed with `storedAnswers`; a list that is not
    /// such answers (edited by hand) is damage, not a usage error.
    public static func replaying(_ storedAnswers: String, quiz: Quiz, seed: UInt64, attempt id: Int)
        throws(SpotlightError) -> QuizAttempt {
        var attempt = QuizAttempt(quiz: quiz, seed: seed)
        for part in storedAnswers.split(separator: ",") {
            guard let choice = Int(part), !attempt.isComplete, (try? attempt.answer(choice)) != nil else {
                throw .runtime("quiz attempt #\(id) on the board is damaged: run `spotlight doctor`")
            }
        }
        return attempt
    }

    /// Completes attempt `id` with `answers`, one per question as asked; those already given one
    /// by one must be among them unchanged.
    public mutating func finish(with answers: [Int], attempt id: Int) throws(SpotlightError) {
        try CertificationRules.checkAnswers(answers, to: self)
        guard Array(answers.prefix(position)) == chosen else {
            throw .usage("quiz attempt #\(id) already has answers that differ; answers given cannot change")
        }
        for choice in answers.dropFirst(position) { _ = try answer(choice) }
    }

    /// Grades `choice` as the answer to question `position` of attempt `id`, which must be the
    /// next one: no question is graded twice, none skipped.
    public mutating func answer(_ choice: Int, at position: Int, attempt id: Int) throws(SpotlightError) -> QuizVerdict {
        guard position == self.position else {
            throw .usage(position < self.position ? "question \(position + 1) of quiz attempt #\(id) is already answered"
                                                  : "answer question \(self.position + 1) of quiz attempt #\(id) first")
        }
        return try answer(choice)
    }
}
