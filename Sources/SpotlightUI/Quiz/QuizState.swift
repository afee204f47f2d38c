import SpotlightCore

/// What the quiz loop (phase 2's runner) must do after a key.
public enum QuizEffect: Equatable, Sendable {
    /// Grade shown answer `choice` to the question at `position` and hand the verdict back with
    /// `QuizState.receive(_:)`. The grader (a `QuizAttempt` where the rules run) holds the key;
    /// when this answer completes it, the grader's `result` is what to record.
    case answer(position: Int, choice: Int)
    /// Leave the quiz screen (from the result screen, or after confirming to leave early).
    case close
}

/// The quiz screen's state, bubbletea-style like `BoardState`: `handle(key)` changes it and
/// says what the loop must do; `QuizScreen.render` draws it. It never holds the answer key:
/// it has the questions as shown (`QuizPrompt`) and learns each verdict after answering, so a
/// screen whose process may not see the key (broker mode) works the same.
///
/// One question per screen; the digits 1–6 or ↑/↓ choose an answer and Enter gives it (a
/// stray digit never costs a point); then the verdict and the explanation, Enter for the next
/// question; at the end the result.
public struct QuizState: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        case asking
        /// Answer `choice` was given; its verdict has not arrived.
        case grading(choice: Int)
        /// The verdict on the question on screen.
        case answered(QuizVerdict)
        case result
    }

    public let programName: String
    /// The level the quiz earns: "Standards".
    public let levelTitle: String
    public let prompts: [QuizPrompt]
    public let passingScore: Int
    public private(set) var verdicts: [QuizVerdict] = []
    public private(set) var phase: Phase = .asking
    /// The highlighted answer (shown order) while asking.
    public private(set) var selected = 0
    /// Esc (or q) was pressed once: the next one leaves, any other key stays.
    public private(set) var confirmingLeave = false
    /// Attempts still allowed in the next 24 hours after this one, for the result screen (the
    /// runner knows it; nil says nothing).
    public var attemptsLeft: Int?

    public init(programName: String, levelTitle: String, prompts: [QuizPrompt], passingScore: Int, attemptsLeft: Int? = nil) {
        self.programName = programName
        self.levelTitle = levelTitle
        self.prompts = prompts
        self.passingScore = passingScore
        self.attemptsLeft = attemptsLeft
    }

    /// The question on screen (the last one on the result screen).
    public var position: Int {
        switch phase {
        case .asking, .grading: verdicts.count
        case .answered, .result: verdicts.count - 1
        }
    }

    /// An empty prompt only for a quiz with no questions, which no valid program has.
    public var current: QuizPrompt { prompts.isEmpty ? QuizPrompt(text: "", answers: []) : prompts[min(position, prompts.count - 1)] }
    public var isComplete: Bool { verdicts.count == prompts.count }

    /// The score as the verdicts tell it, once every question is answered (the grader's result
    /// is the one recorded; they agree).
    public var result: QuizResult? {
        isComplete ? QuizResult(score: verdicts.filter(\.isRight).count, total: prompts.count, passingScore: passingScore) : nil
    }

    public mutating func handle(_ key: Key) -> [QuizEffect] {
        if key == .escape || key == .char("q") || key == .char("Q") {
            if phase == .result || confirmingLeave { return [.close] }
            confirmingLeave = true
            return []
        }
        confirmingLeave = false
        switch phase {
        case .asking: return ask(key)
        case .grading: return []
        case .answered: return next(key)
        case .result: return key == .enter ? [.close] : []
        }
    }

    /// The grader's verdict on the answer just given; anything else (late, repeated) is ignored.
    public mutating func receive(_ verdict: QuizVerdict) {
        guard case .grading(let choice) = phase, verdict.chosen == choice,
              current.answers.indices.contains(verdict.correct) else { return }
        verdicts.append(verdict)
        phase = .answered(verdict)
    }

    private mutating func ask(_ key: Key) -> [QuizEffect] {
        let count = current.answers.count
        guard count > 0 else { return [] }   // nothing to choose (never from a valid program)
        switch key {
        case .char(let c):
            if c.isASCII, let digit = c.wholeNumberValue, (1...count).contains(digit) { selected = digit - 1 }
            else if c == "k" { selected = max(0, selected - 1) }
            else if c == "j" { selected = min(count - 1, selected + 1) }
        case .up: selected = max(0, selected - 1)
        case .down, .tab: selected = min(count - 1, selected + 1)
        case .home: selected = 0
        case .end: selected = count - 1
        case .enter:
            phase = .grading(choice: selected)
            return [.answer(position: position, choice: selected)]
        default: break
        }
        return []
    }

    private mutating func next(_ key: Key) -> [QuizEffect] {
        guard key == .enter || key == .right || key == .char(" ") || key == .char("n") else { return [] }
        if isComplete {
            phase = .result
        } else {
            phase = .asking
            selected = 0
        }
        return []
    }
}
