/// One sitting of a quiz: the questions and each question's answers in an order drawn for this
/// attempt, the answers given so far, and the score. Pure: the random source is injected, and
/// nothing is recorded until the attempt is complete (a hang-up halfway leaves no trace but
/// the attempt itself, which phase 2's store counts when it starts).
public struct QuizAttempt: Equatable, Sendable {
    public let quiz: Quiz
    /// Position on screen → index into `quiz.questions`.
    public let questionOrder: [Int]
    /// Per position: shown answer → index into that question's `answers`.
    public let answerOrders: [[Int]]
    /// Per answered position: the shown answer chosen.
    public private(set) var chosen: [Int] = []

    public init(quiz: Quiz, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        self.init(quiz: quiz, using: &rng)
    }

    public init<G: RandomNumberGenerator>(quiz: Quiz, using rng: inout G) {
        self.quiz = quiz
        let order = Array(quiz.questions.indices).stablyShuffled(using: &rng)
        questionOrder = order
        answerOrders = order.map { Array(quiz.questions[$0].answers.indices).stablyShuffled(using: &rng) }
    }

    /// A question as this attempt shows it.
    public struct Shown: Equatable, Sendable {
        public var text: String
        public var answers: [String]
        /// Which of `answers` (as shown) is right.
        public var correct: Int
        public var explanation: String?
    }

    public var count: Int { questionOrder.count }
    /// The position being asked (== count when complete).
    public var position: Int { chosen.count }
    public var isComplete: Bool { chosen.count == count }

    public func question(at position: Int) -> Shown {
        let question = quiz.questions[questionOrder[position]]
        let order = answerOrders[position]
        return Shown(
            text: question.text, answers: order.map { question.answers[$0] },
            correct: order.firstIndex(of: question.correct) ?? 0, explanation: question.explanation
        )
    }

    /// Records the shown answer `choice` for the current question; true when it was right.
    public mutating func answer(_ choice: Int) throws(SpotlightError) -> Bool {
        guard !isComplete else { throw .usage("the quiz is already complete") }
        let shown = question(at: position)
        guard shown.answers.indices.contains(choice) else {
            throw .usage("choose an answer from 1 to \(shown.answers.count)")
        }
        chosen.append(choice)
        return choice == shown.correct
    }

    /// Whether the answer given at `position` was right (nil when not answered yet).
    public func wasCorrect(at position: Int) -> Bool? {
        guard chosen.indices.contains(position) else { return nil }
        return chosen[position] == question(at: position).correct
    }

    public var score: Int { chosen.indices.filter { wasCorrect(at: $0) == true }.count }

    /// Nil until complete: an unfinished attempt neither passes nor fails.
    public var result: QuizResult? {
        isComplete ? QuizResult(score: score, total: count, passingScore: quiz.passingScore) : nil
    }
}

/// How a completed attempt went: what phase 2 records and the result screen shows.
public struct QuizResult: Equatable, Sendable, Codable {
    public var score: Int
    public var total: Int
    public var passingScore: Int

    public init(score: Int, total: Int, passingScore: Int) {
        self.score = score
        self.total = total
        self.passingScore = passingScore
    }

    public var passed: Bool { score >= passingScore }

    /// "8 of 10 correct (7 needed to pass)".
    public var sentence: String { "\(score) of \(total) correct (\(passingScore) needed to pass)" }
}
