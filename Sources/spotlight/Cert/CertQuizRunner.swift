import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightTerminal
import SpotlightUI

/// Runs one quiz sitting full-screen (`spotlight cert quiz`): a `QuizProgram` on the
/// `TerminalLoop`, like the reel. It only sets up and tears down; grading goes through the
/// board's `answerQuiz` inside the program. A hang-up before the last answer leaves the attempt
/// unfinished: nothing is recorded.
@LoopActor
enum CertQuizRunner {
    /// How the sitting ended.
    enum Outcome: Equatable {
        case finished(QuizResult)
        /// Left early (Esc twice): unscored.
        case left
        /// A signal (hang-up, interrupt) ended it: exit 128 + it.
        case signal(Int32)
    }

    /// Plays the sitting; the terminal is restored whatever happens, then a grading failure is
    /// the command's error.
    static func play(_ sitting: QuizSitting, service: any BoardService, theme: Theme, clock: Clock = .system)
        async throws(SpotlightError) -> Outcome {
        let session: TerminalSession
        do {
            session = try TerminalSession.start(options: TerminalOptions(commandName: "spotlight cert quiz", mouse: false))
        } catch {
            throw .runtime("cannot start the quiz screen: \(error)")
        }
        let program = QuizProgram(sitting: sitting, service: service, theme: theme, isUTF8: session.isUTF8)
        let ending = await TerminalLoop(program: program, session: session, clock: clock, inbox: nil).run()
        session.stop()
        if let failure = program.failure { throw failure }
        if case .signal(let signal) = ending { return .signal(signal) }
        switch program.outcome {
        case .finished(let result): return .finished(result)
        case .left: return .left
        }
    }
}
