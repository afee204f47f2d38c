/// A quiz attempt as the board hands it to the person taking it (issue 16, phase 2): its id,
/// the seed that fixed the shuffle, and the questions as shown, without the answer key. The
/// board keeps the key; `finishQuiz` grades the answers there.
public struct QuizSitting: Equatable, Sendable, Codable {
    public var id: Int
    public var program: String
    /// The title of level 1, which a pass earns ("Standards").
    public var levelTitle: String
    public var seed: UInt64
    public var prompts: [QuizPrompt]
    public var passingScore: Int
    /// Attempts still allowed in the 24 hours after this one started (for the result screen).
    public var attemptsLeft: Int?

    public init(id: Int, program: String, levelTitle: String, seed: UInt64, prompts: [QuizPrompt], passingScore: Int,
                attemptsLeft: Int? = nil) {
        self.id = id
        self.program = program
        self.levelTitle = levelTitle
        self.seed = seed
        self.prompts = prompts
        self.passingScore = passingScore
        self.attemptsLeft = attemptsLeft
    }
}
