/// One sitting of a quiz, on the grading side: the questions and each question's answers in an
/// order drawn for this attempt, the answers given so far, and the score. It holds the answer
/// key, so it lives where the rules run (the process in file mode, the broker in broker mode);
/// the quiz screen sees only `prompts` and a `QuizVerdict` per answer. Pure: the random source
/// is injected, and its `result` exists only once every question is answered, so a hang-up
/// halfway records no result (phase 2's store counts the attempt when it starts).
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

    public var count: Int { questionOrder.count }
    /// The position being asked (== count when complete).
    public var position: Int { chosen.count }
    public var isComplete: Bool { chosen.count == count }

    /// The question at `position` as this attempt shows it, without its answer key.
    public func prompt(at position: Int) -> QuizPrompt {
        let question = quiz.questions[questionOrder[position]]
        return QuizPrompt(text: question.text, answers: answerOrders[position].map { question.answers[$0] })
    }

    /// Every prompt in the order asked: all a quiz screen needs before the answers are given
    /// (phase 2's broker can send these and keep the key).
    public var prompts: [QuizPrompt] { (0..<count).map(prompt(at:)) }

    /// The right answer at `position`, as shown: the key, for grading and `--answers`.
    public func correctChoice(at position: Int) -> Int {
        let question = quiz.questions[questionOrder[position]]
        return answerOrders[position].firstIndex(of: question.correct) ?? 0
    }

    /// Grades the shown answer `choice` for the current question and records it.
    public mutating func answer(_ choice: Int) throws(SpotlightError) -> QuizVerdict {
        guard !isComplete else { throw .usage("the quiz is already complete") }
        let shown = prompt(at: position)
        guard shown.answers.indices.contains(choice) else {
            throw .usage("choose an answer from 1 to \(shown.answers.count)")
        }
        let asked = position
        chosen.append(choice)
        return QuizVerdict(chosen: choice, correct: correctChoice(at: asked),
                           explanation: quiz.questions[questionOrder[asked]].explanation)
    }

    /// The verdict on the answer given at `position` (nil when not answered yet).
    public func verdict(at position: Int) -> QuizVerdict? {
        guard chosen.indices.contains(position) else { return nil }
        return QuizVerdict(chosen: chosen[position], correct: correctChoice(at: position),
                           explanation: quiz.questions[questionOrder[position]].explanation)
    }

    /// Whether the answer given at `position` was right (nil when not answered yet).
    public func wasCorrect(at position: Int) -> Bool? { verdict(at: position)?.isRight }

    public var score: Int { chosen.indices.filter { wasCorrect(at: $0) == true }.count }

    /// Nil until complete: an unfinished attempt neither passes nor fails.
    public var result: QuizResult? {
        isComplete ? QuizResult(score: score, total: count, passingScore: quiz.passingScore) : nil
    }
}

/// A question as an attempt shows it: its answers shuffled, no key.
public struct QuizPrompt: Equatable, Sendable, Codable {
    public var text: String
    public var answers: [String]

    public init(text: String, answers: [String]) {
        self.text = text
        self.answers = answers
    }
}

/// What answering one question tells the person: what they chose, which answer was right (both
/// as shown) and why.
public struct QuizVerdict: Equatable, Sendable, Codable {
    public var chosen: Int
    public var correct: Int
    public var explanation: String?

    public init(chosen: Int, correct: Int, explanation: String? = nil) {
        self.chosen = chosen
        self.correct = correct
        self.explanation = explanation
    }

    public var isRight: Bool { chosen == correct }
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
