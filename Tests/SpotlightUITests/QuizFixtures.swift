import SpotlightCore
@testable import SpotlightUI

/// A quiz for the quiz screen's tests and goldens: five questions (one with six answers, one
/// long), explanations on some, pass at 4, shuffled by a fixed seed.
enum QuizFixtures {
    static let quiz = Quiz(questions: [
        QuizQuestion(
            text: "A customer calls while you are finishing an email to a colleague. What comes first?",
            answers: ["Finish the email, then pick up", "Answer within three rings and give the caller your full attention",
                      "Let it go to voicemail and call back later today"],
            correct: 1, explanation: "The person waiting on the line comes first; the email can wait a minute."),
        QuizQuestion(text: "How quickly does a customer's email get a first reply?",
                     answers: ["Within one business day", "Within a week", "Only when the issue is solved"], correct: 0),
        QuizQuestion(
            text: "A customer is angry about a mistake that was not yours. What is the right first response?",
            answers: ["Explain which department made the mistake", "Apologise and take ownership of putting it right",
                      "Ask them to calm down", "Transfer the call", "Offer a refund at once", "Say nothing"],
            correct: 1,
            explanation: "To the customer we are one company. Owning the fix ends the problem sooner than finding who caused it."),
        QuizQuestion(text: "Which opening shows that you are listening?",
                     answers: ["Repeating their concern in your own words", "Quoting the policy first"], correct: 0),
        QuizQuestion(text: "A colleague went out of their way for a customer today. What do you do?",
                     answers: ["Nothing; it is their job", "Recognise it, for example with a story on the board"], correct: 1,
                     explanation: "Recognition that comes soon and in public keeps great service going."),
    ], passingScore: 4)

    static func state(seed: UInt64 = 5, attemptsLeft: Int? = nil) -> QuizState {
        QuizState(programName: "Service Standards", levelTitle: "Standards",
                  attempt: QuizAttempt(quiz: quiz, seed: seed), attemptsLeft: attemptsLeft)
    }

    /// Answers the questions on screen: right, except at the positions in `wrong`; stops after
    /// `count` answers (all by default) without moving past the last verdict.
    static func answer(_ state: inout QuizState, count: Int = .max, wrong: Set<Int> = []) -> [QuizEffect] {
        var effects: [QuizEffect] = []
        var given = 0
        while given < count, !state.attempt.isComplete {
            if case .answered = state.phase { effects += state.handle(.enter) }
            let shown = state.current
            let choice = wrong.contains(state.attempt.position) ? (shown.correct + 1) % shown.answers.count : shown.correct
            effects += state.handle(.char(Character("\(choice + 1)")))
            effects += state.handle(.enter)
            given += 1
        }
        return effects
    }

    static let hostile = "\u{1B}[2J\u{1B}[H\u{202E}Pwned\u{202C} \u{1B}]52;c;SGVsbG8=\u{07}\u{9B}31m"
        + "\u{1}\u{7F}\u{85}\u{2066}x\u{2069}\u{200B}\u{FEFF}\r\n\u{1B}P+q\u{1B}\\"
        + "e" + String(repeating: "\u{0301}", count: 300) + String(repeating: "W", count: 4000)
}
