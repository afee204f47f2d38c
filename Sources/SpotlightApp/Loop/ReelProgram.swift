import Foundation
import SpotlightCore
import SpotlightUI

/// The celebration reel as a `LoopProgram`: it plays what was read when it started, so it has
/// no effect runner — every effect of `ReelState` is the loop's own.
@LoopActor
public final class ReelProgram: LoopProgram {
    public private(set) var state: ReelState
    let shownTheme: Theme
    let boardName: String
    let isUTF8: Bool
    let timeZone: TimeZone
    let font: (_ width: Int, _ height: Int) -> HexFont?
    public var needsDraw = false

    public init(state: ReelState, theme: Theme, boardName: String, isUTF8: Bool, timeZone: TimeZone = .current,
                font: @escaping (_ width: Int, _ height: Int) -> HexFont? = { _, _ in nil }) {
        self.state = state
        self.shownTheme = theme
        self.boardName = boardName
        self.isUTF8 = isUTF8
        self.timeZone = timeZone
        self.font = font
    }

    public func messages(for input: LoopInput) -> [WallMessage] {
        switch input {
        case .key(let key): [.key(key)]
        case .resize(let width, let height): [.resize(width: width, height: height)]
        case .tick(let now): [.tick(now: now)]
        case .paste, .mouse, .board: []
        }
    }

    public func handle(_ message: WallMessage) -> [WallEffect] { state.handle(message) }

    public func action(for effect: WallEffect) -> LoopAction? {
        switch effect {
        case .redraw: .redraw
        case .repaint: .repaint
        case .quit: .quit
        case .loadSnapshot, .upvote, .nextTheme: nil
        }
    }

    /// The reel asks for no board or theme effect (`ReelState` ignores every such message).
    public func run(_ effect: WallEffect) async -> [WallMessage] {
        switch effect {
        case .loadSnapshot, .upvote, .nextTheme, .redraw, .repaint, .quit: []
        }
    }

    public var nextWake: Date? { state.nextWake }

    public func theme() -> Theme { shownTheme }

    public func view(width: Int, height: Int) -> LoopFrame {
        let grid = state.view(boardName: boardName, theme: shownTheme, isUTF8: isUTF8, timeZone: timeZone,
                              font: font(state.size.width, state.size.height))
        return LoopFrame(grid: grid ?? Grid(width: width, height: height))
    }
}
