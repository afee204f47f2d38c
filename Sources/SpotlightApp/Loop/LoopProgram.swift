import Foundation
import SpotlightUI

/// One program the loop runs — the wall, the reel or the board: its state's update function
/// with an effect runner behind it and a view. The terminal loop (executable) and the headless
/// driver (tests) carry events to it the same way (`LoopDriver`).
@LoopActor
public protocol LoopProgram: AnyObject {
    associatedtype Message: Sendable
    associatedtype Effect: Sendable

    /// The messages an input becomes.
    func messages(for input: LoopInput) -> [Message]
    /// The state's update function.
    func handle(_ message: Message) -> [Effect]
    /// The loop's own part of an effect (draw, repaint, quit); nil: the effect runner's.
    func action(for effect: Effect) -> LoopAction?
    /// Runs one effect through the effect runner; the messages it answers with.
    func run(_ effect: Effect) async -> [Message]
    /// When the program next needs a `.tick` by itself; nil: only input or the board wakes it.
    var nextWake: Date? { get }
    /// Set when the next frame should be drawn; the loop clears it when it draws.
    var needsDraw: Bool { get set }
    /// The theme the frame is drawn in.
    func theme() -> Theme
    func view(width: Int, height: Int) -> LoopFrame
    /// After a frame reached the screen (the board marks what was on it as seen).
    func drawn()
    /// Set when the program must end with this status (a signal during the board's wall).
    var exitRequested: Int32? { get }
    /// True while typed characters should arrive as one `.paste` (the compose form).
    var collectsTypedText: Bool { get }
}

extension LoopProgram {
    public func drawn() {}
    public var exitRequested: Int32? { nil }
    public var collectsTypedText: Bool { false }
}

/// The loop's own effects.
public enum LoopAction: Sendable, Equatable {
    case redraw
    /// Forget what the terminal shows and paint every cell (Ctrl-L).
    case repaint
    case quit
}

/// One frame: the cells and where the cursor goes (nil: hidden).
public struct LoopFrame {
    public var grid: Grid
    public var cursor: (x: Int, y: Int)?

    public init(grid: Grid, cursor: (x: Int, y: Int)? = nil) {
        self.grid = grid
        self.cursor = cursor
    }
}
