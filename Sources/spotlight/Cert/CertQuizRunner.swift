import Foundation
import SpotlightCore
import SpotlightTerminal
import SpotlightUI

/// Runs one quiz sitting full-screen (`spotlight cert quiz`), like the reel's runner: terminal
/// event → `QuizState.handle` → effects. It never holds the answer key: each `.answer` effect
/// goes to `grade` (the board's `answerQuiz`), whose verdict comes back to the state, and the
/// board records the result when the last answer is graded. A hang-up before that leaves the
/// attempt unfinished: nothing is recorded.
@MainActor
final class CertQuizRunner {
    /// How the sitting ended.
    enum Outcome: Equatable {
        case finished(QuizResult)
        /// Left early (Esc twice): unscored.
        case left
        /// A signal (hang-up, interrupt) ended it: exit 128 + it.
        case signal(Int32)
    }

    typealias Grader = (_ position: Int, _ choice: Int) async throws(SpotlightError) -> QuizVerdict

    let session: TerminalSession
    let theme: Theme
    let grade: Grader
    var state: QuizState

    init(sitting: QuizSitting, session: TerminalSession, theme: Theme, grade: @escaping Grader) {
        self.session = session
        self.theme = theme
        self.grade = grade
        self.state = QuizState(programName: sitting.program, levelTitle: sitting.levelTitle, prompts: sitting.prompts,
                               passingScore: sitting.passingScore, attemptsLeft: sitting.attemptsLeft)
    }

    /// Plays the sitting; the terminal is restored whatever happens.
    func run() async throws(SpotlightError) -> Outcome {
        session.apply(theme: theme)
        defer { session.stop() }
        draw()
        while true {
            switch session.nextEvent(timeout: nil) {
            case .signal(let signal):
                return .signal(signal)
            case .resize:
                session.repaintAll()
                draw()
            case .key(let key):
                for effect in state.handle(key) {
                    switch effect {
                    case .answer(let position, let choice):
                        draw()
                        state.receive(try await grade(position, choice))
                    case .close:
                        return state.result.map(Outcome.finished) ?? .left
                    }
                }
                draw()
            case .mouse, .fileReady, .timeout:
                break
            }
        }
    }

    private func draw() {
        let (width, height) = session.size()
        session.draw(QuizScreen.render(state, isUTF8: session.isUTF8, width: width, height: height,
                                       border: theme.border.glyphs))
    }
}
