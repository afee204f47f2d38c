import Foundation
import SpotlightCore
import SpotlightUI

/// The live wall as a `LoopProgram`: `WallState` decides, `WallEffectRunner` reads and writes
/// the board and the themes, `view` draws the state.
@LoopActor
public final class WallProgram: LoopProgram {
    public private(set) var state: WallState
    public let effects: WallEffectRunner
    /// The big-type font for a frame of this size, if any (the executable reads Unifont).
    let font: (_ width: Int, _ height: Int) -> HexFont?
    public var needsDraw = false

    public init(state: WallState, effects: WallEffectRunner, font: @escaping (_ width: Int, _ height: Int) -> HexFont? = { _, _ in nil }) {
        self.state = state
        self.effects = effects
        self.font = font
    }

    public func messages(for input: LoopInput) -> [WallMessage] {
        switch input {
        case .key(let key): [.key(key)]
        case .paste: []   // the wall takes no text
        case .mouse: []
        case .resize(let width, let height): [.resize(width: width, height: height)]
        case .tick(let now): [.tick(now: now)]
        case .board(let change): WallEffectRunner.messages(for: change)
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

    public func run(_ effect: WallEffect) async -> [WallMessage] { await effects.run(effect) }

    public var nextWake: Date? { state.nextWake }

    public func theme() -> Theme { effects.themes.shown(candidates: state.themeCandidates) }

    public func view(width: Int, height: Int) -> LoopFrame {
        LoopFrame(grid: state.view(theme: theme(), font: font(state.size.width, state.size.height)))
    }
}
