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

    static func attempt(seed: UInt64 = 5) -> QuizAttempt { QuizAttempt(quiz: quiz, seed: seed) }

    static func state(seed: UInt64 = 5, attemptsLeft: Int? = nil) -> QuizState {
        QuizState(programName: "Service Standards", levelTitle: "Standards", prompts: attempt(seed: seed).prompts,
                  passingScore: quiz.passingScore, attemptsLeft: attemptsLeft)
    }

    /// Runs the screen's effects as phase 2's loop will: grades each answer with the attempt
    /// (the key's holder) and hands the verdict back. Returns the effects other than grading.
    @discardableResult
    static func press(_ key: Key, _ state: inout QuizState, grader: inout QuizAttempt) -> [QuizEffect] {
        var rest: [QuizEffect] = []
        for effect in state.handle(key) {
            if case .answer(let position, let choice) = effect, position == grader.position,
               let verdict = try? grader.answer(choice) {
                state.receive(verdict)
            } else {
                rest.append(effect)
            }
        }
        return rest
    }

    /// Answers the questions on screen: right, except at the positions in `wrong`; stops after
    /// `count` answers (all by default) without moving past the last verdict.
    static func answer(_ state: inout QuizState, grader: inout QuizAttempt, count: Int = .max, wrong: Set<Int> = []) {
        var given = 0
        while given < count, !grader.isComplete {
            if case .answered = state.phase { press(.enter, &state, grader: &grader) }
            let position = grader.position
            let correct = grader.correctChoice(at: position)
            let choice = wrong.contains(position) ? (correct + 1) % state.current.answers.count : correct
            press(.char(Character("\(choice + 1)")), &state, grader: &grader)
            press(.enter, &state, grader: &grader)
            given += 1
        }
    }

    static let hostile = "\u{1B}[2J\u{1B}[H\u{202E}Pwned\u{202C} \u{1B}]52;c;SGVsbG8=\u{07}\u{9B}31m"
        + "\u{1}\u{7F}\u{85}\u{2066}x\u{2069}\u{200B}\u{FEFF}\r\n\u{1B}P+q\u{1B}\\"
        + "e" + String(repeating: "\u{0301}", count: 300) + String(repeating: "W", count: 4000)
}
