import Foundation
import SpotlightCore
import SpotlightTerminal
import SpotlightUI

/// Plays a `ReelPlan` once and exits. Like the wall's runner it only carries events: terminal
/// event → `WallMessage` → `ReelState.handle` → effects → draw.
@MainActor
final class ReelRunner {
    let session: TerminalSession
    let theme: Theme
    let boardName: String
    /// Headlines in big type on large screens (`--no-big-type` turns it off).
    let bigType: Bool
    let clock: Clock
    var state: ReelState

    init(plan: ReelPlan, session: TerminalSession, theme: Theme, boardName: String, baseSeconds: Int, bigType: Bool = true,
         clock: Clock = .system) {
        self.session = session
        self.theme = theme
        self.boardName = boardName
        self.bigType = bigType
        self.clock = clock
        self.state = ReelState(plan: plan, baseSeconds: baseSeconds, now: clock.now)
    }

    /// Returns the exit status: 0 when the reel ends or is stopped, 128 + n on a signal.
    func run() -> Int32 {
        session.apply(theme: theme)
        let (width, height) = session.size()
        var messages: [WallMessage] = [.resize(width: width, height: height), .tick(now: clock.now)]
        while true {
            if process(messages) { break }
            let now = clock.now
            let event = session.nextEvent(timeout: state.nextWake.map { .until($0, from: now) })
            messages = [.tick(now: clock.now)]
            switch event {
            case .signal(let signal):
                session.stop()
                return 128 + signal
            case .resize:
                let (width, height) = session.size()
                messages.append(.resize(width: width, height: height))
            case .key(let key):
                messages.append(.key(key))
            case .mouse, .fileReady, .timeout:
                break
            }
        }
        session.stop()
        return 0
    }

    /// True when the reel is over.
    private func process(_ messages: [WallMessage]) -> Bool {
        var redraw = false
        for message in messages {
            for effect in state.handle(message) {
                switch effect {
                case .redraw:
                    redraw = true
                case .repaint:
                    session.repaintAll()
                case .quit:
                    return true
                case .loadSnapshot, .upvote, .nextTheme:
                    break   // the reel asks for none of these: it plays what was read at its start
                }
            }
        }
        if redraw, let frame = state.view(boardName: boardName, theme: theme, isUTF8: session.isUTF8, timeZone: .current,
                                          font: BigType.font(enabled: bigType, width: state.size.width, height: state.size.height)) {
            session.draw(frame)
        }
        return false
    }
}
