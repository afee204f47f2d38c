import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightTerminal
import SpotlightUI

/// Plays a `ReelPlan` once and exits: a `ReelProgram` on the `TerminalLoop`, like the wall.
@LoopActor
enum ReelRunner {
    /// Starts the terminal and plays; the exit status: 0 when the reel ends or is stopped,
    /// 128 + n on a signal.
    static func play(plan: ReelPlan, theme: Theme, boardName: String, baseSeconds: Int, bigType: Bool = true,
                     clock: Clock = .system) async throws -> Int32 {
        let session = try TerminalSession.start(options: TerminalOptions(commandName: "spotlight wall --reel", mouse: false))
        let program = ReelProgram(state: ReelState(plan: plan, baseSeconds: baseSeconds, now: clock.now), theme: theme,
                                  boardName: boardName, isUTF8: session.isUTF8) { width, height in
            BigType.font(enabled: bigType, width: width, height: height)
        }
        let ending = await TerminalLoop(program: program, session: session, clock: clock, inbox: nil).run()
        session.stop()
        if case .signal(let signal) = ending { return 128 + signal }
        return 0
    }
}
