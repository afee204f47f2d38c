import SpotlightCore

/// What the quiz loop (phase 2's runner) must do after a key.
public enum QuizEffect: Equatable, Sendable {
    /// The last question has been answered: record the result, once. Emitted at that answer, not
    /// when the result screen is left, so a hang-up while reading the last explanation still
    /// counts the completed attempt; a hang-up any earlier records no result.
    case finished(QuizResult)
    /// Leave the quiz screen (from the result screen, or after confirming to leave early).
    case close
}

/// The quiz screen's state, bubbletea-style like `BoardState`: `handle(key)` changes it and
/// says what the loop must do; `QuizScreen.render` draws it. One question per screen; the
/// digits 1–6 or ↑/↓ choose an answer and Enter gives it (a stray digit never costs a point);
/// then the verdict and the explanation, Enter for the next question; at the end the result.
public struct QuizState: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        case asking
        /// The current question was answered with shown answer `choice`.
        case answered(choice: Int)
        case result
    }

    public let programName: String
    /// The level the quiz earns: "Standards".
    public let levelTitle: String
    public private(set) var attempt: QuizAttempt
    public private(set) var phase: Phase = .asking
    /// The highlighted answer (shown order) while asking.
    public private(set) var selected = 0
    /// Esc (or q) was pressed once: the next one leaves, any other key stays.
    public private(set) var confirmingLeave = false
    /// Attempts still allowed in the next 24 hours after this one, for the result screen (the
    /// runner knows it; nil says nothing).
    public var attemptsLeft: Int?

    public init(programName: String, levelTitle: String, attempt: QuizAttempt, attemptsLeft: Int? = nil) {
        self.programName = programName
        self.levelTitle = levelTitle
        self.attempt = attempt
        self.attemptsLeft = attemptsLeft
    }

    /// The question on screen (the last one on the result screen).
    public var position: Int { phase == .result ? attempt.count - 1 : (phase == .asking ? attempt.position : attempt.position - 1) }

    public var current: QuizAttempt.Shown { attempt.question(at: position) }

    public mutating func handle(_ key: Key) -> [QuizEffect] {
        if key == .escape || key == .char("q") || key == .char("Q") {
            if phase == .result || confirmingLeave { return [.close] }
            confirmingLeave = true
            return []
        }
        confirmingLeave = false
        switch phase {
        case .asking: return ask(key)
        case .answered: return next(key)
        case .result: return key == .enter ? [.close] : []
        }
    }

    private mutating func ask(_ key: Key) -> [QuizEffect] {
        let count = current.answers.count
        switch key {
        case .char(let c):
            if let digit = c.wholeNumberValue, c.isASCII, (1...count).contains(digit) { selected = digit - 1 }
            else if c == "k" { selected = max(0, selected - 1) }
            else if c == "j" { selected = min(count - 1, selected + 1) }
            return []
        case .up: selected = max(0, selected - 1)
        case .down, .tab: selected = min(count - 1, selected + 1)
        case .home: selected = 0
        case .end: selected = count - 1
        case .enter: return give(selected)
        default: break
        }
        return []
    }

    private mutating func give(_ choice: Int) -> [QuizEffect] {
        // `selected` is always within the answers, so the attempt accepts it.
        guard (try? attempt.answer(choice)) != nil else { return [] }
        phase = .answered(choice: choice)
        if let result = attempt.result { return [.finished(result)] }
        return []
    }

    private mutating func next(_ key: Key) -> [QuizEffect] {
        guard key == .enter || key == .right || key == .char(" ") || key == .char("n") else { return [] }
        if attempt.isComplete {
            phase = .result
        } else {
            phase = .asking
            selected = 0
        }
        return []
    }
}
