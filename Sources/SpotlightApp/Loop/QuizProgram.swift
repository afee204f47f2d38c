import Foundation
import SpotlightCore
import SpotlightUI

/// A quiz sitting (`spotlight cert quiz`) as a `LoopProgram`, on the same loop as the wall, the
/// reel and the board. It never holds the answer key: each answer goes to the service's
/// `answerQuiz`, whose verdict comes back as a message, and the service records the result when
/// the last answer is graded. Ending before that leaves the attempt unfinished: nothing recorded.
@LoopActor
public final class QuizProgram: LoopProgram {
    public enum Message: Sendable, Equatable {
        case key(Key)
        case resize
        /// The service's verdict on the answer just given.
        case verdict(QuizVerdict)
    }

    public enum Effect: Sendable, Equatable {
        /// Grade shown answer `choice` to the question at `position` (`QuizEffect.answer`).
        case answer(position: Int, choice: Int)
        /// Leave the quiz screen (`QuizEffect.close`).
        case close
        case redraw
        case repaint
    }

    /// How the sitting ended, once the loop has quit.
    public enum Outcome: Sendable, Equatable {
        case finished(QuizResult)
        /// Left early (Esc twice): unscored.
        case left
    }

    public private(set) var state: QuizState
    public let sitting: QuizSitting
    let service: any BoardService
    let shownTheme: Theme
    let isUTF8: Bool
    public var needsDraw = true
    public private(set) var exitRequested: Int32?
    /// Grading failed (the board went away, a rule refused): the loop ended with status 1 and
    /// the front end reports this error as the command's.
    public private(set) var failure: SpotlightError?

    public init(sitting: QuizSitting, service: any BoardService, theme: Theme, isUTF8: Bool) {
        self.sitting = sitting
        self.service = service
        self.shownTheme = theme
        self.isUTF8 = isUTF8
        state = QuizState(programName: sitting.program, levelTitle: sitting.levelTitle, prompts: sitting.prompts,
                          passingScore: sitting.passingScore, attemptsLeft: sitting.attemptsLeft)
    }

    /// Finished when every question has its verdict; left otherwise.
    public var outcome: Outcome { state.result.map(Outcome.finished) ?? .left }

    public func messages(for input: LoopInput) -> [Message] {
        switch input {
        case .key(let key): [.key(key)]
        case .resize: [.resize]
        case .paste, .mouse, .tick, .board: []   // the quiz has no timers and reads no board changes
        }
    }

    public func handle(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key):
            let effects: [Effect] = state.handle(key).map {
                switch $0 {
                case .answer(let position, let choice): .answer(position: position, choice: choice)
                case .close: .close
                }
            }
            return [.redraw] + effects
        case .resize:
            return [.repaint]
        case .verdict(let verdict):
            state.receive(verdict)
            return [.redraw]
        }
    }

    public func action(for effect: Effect) -> LoopAction? {
        switch effect {
        case .redraw: .redraw
        case .repaint: .repaint
        case .close: .quit
        case .answer: nil
        }
    }

    public func run(_ effect: Effect) async -> [Message] {
        guard case .answer(let position, let choice) = effect else { return [] }
        do {
            return [.verdict(try await service.answerQuiz(sitting.id, position: position, choice: choice))]
        } catch {
            failure = error
            exitRequested = 1
            return []
        }
    }

    public var nextWake: Date? { nil }

    public func theme() -> Theme { shownTheme }

    public func view(width: Int, height: Int) -> LoopFrame {
        LoopFrame(grid: QuizScreen.render(state, isUTF8: isUTF8, width: width, height: height, border: shownTheme.border.glyphs))
    }
}
