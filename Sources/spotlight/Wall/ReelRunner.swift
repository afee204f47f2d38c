import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

/// Plays a `ReelPlan` once and exits: → skips ahead, ← goes back, space pauses, q stops.
@MainActor
final class ReelRunner {
    let plan: ReelPlan
    let session: TerminalSession
    let theme: Theme
    let boardName: String
    let baseSeconds: Int
    /// Headlines in big type on large screens (`--no-big-type` turns it off).
    let bigType: Bool
    var index = 0
    var stepStarted = Date()
    var isPaused = false

    init(plan: ReelPlan, session: TerminalSession, theme: Theme, boardName: String, baseSeconds: Int, bigType: Bool = true) {
        self.plan = plan
        self.session = session
        self.theme = theme
        self.boardName = boardName
        self.baseSeconds = baseSeconds
        self.bigType = bigType
    }

    /// Returns the exit status: 0 when the reel ends or is stopped, 128 + n on a signal. The
    /// frame hides the wall's key hints (kiosk style): they name keys the reel does not have.
    func run() -> Int32 {
        session.apply(theme: theme)
        while index < plan.steps.count {
            draw()
            let ends = stepStarted.addingTimeInterval(Double(plan.dwell(of: plan.steps[index], baseSeconds: baseSeconds)))
            let wait = isPaused ? nil : Duration.milliseconds(max(0, Int(ends.timeIntervalSinceNow * 1000)))
            switch session.nextEvent(timeout: wait) {
            case .signal(let signal):
                session.stop()
                return 128 + signal
            case .timeout:
                step(by: 1)
            case .key(.right), .key(.char("l")), .key(.char("n")):
                step(by: 1)
            case .key(.left), .key(.char("h")), .key(.char("p")):
                step(by: -1)
            case .key(.char(" ")):
                isPaused.toggle()
                if !isPaused { stepStarted = Date() }
            case .key(.char("q")), .key(.escape):
                index = plan.steps.count
            default:
                break
            }
        }
        session.stop()
        return 0
    }

    private func step(by delta: Int) {
        index = max(0, index + delta)
        stepStarted = Date()
    }

    private func draw() {
        let (width, height) = session.size()
        let context = WallPresenter.Context(boardName: boardName, theme: theme, now: Date(), timeZone: .current,
                                            isUTF8: session.isUTF8, kiosk: true, isPaused: isPaused,
                                            font: BigType.font(enabled: bigType, width: width, height: height))
        session.draw(WallScreen.render(plan.model(plan.steps[index], position: index + 1, context: context),
                                       width: width, height: height))
    }
}
