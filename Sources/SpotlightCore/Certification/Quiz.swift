/// The level-1 quiz of a program: questions with one correct answer each, and how many correct
/// answers pass. Kept exactly as the program file gave it; the sanitizer runs when it is drawn.
public struct Quiz: Equatable, Sendable, Codable {
    public var questions: [QuizQuestion]
    /// Correct answers needed to pass, 1...questions.count.
    public var passingScore: Int

    public init(questions: [QuizQuestion], passingScore: Int) {
        self.questions = questions
        self.passingScore = passingScore
    }
}

public struct QuizQuestion: Equatable, Sendable, Codable {
    public var text: String
    /// 2...6 answers, as the author ordered them (attempts shuffle them).
    public var answers: [String]
    /// Index into `answers` of the one correct answer.
    public var correct: Int
    /// Shown after the question is answered, right or wrong.
    public var explanation: String?

    public init(text: String, answers: [String], correct: Int, explanation: String? = nil) {
        self.text = text
        self.answers = answers
        self.correct = correct
        self.explanation = explanation
    }
}
