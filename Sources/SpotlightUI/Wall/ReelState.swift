import Foundation
import SpotlightCore

/// The celebration reel playing a `ReelPlan` once (`spotlight wall --reel`): the wall's sibling,
/// with the same messages and effects. → skips ahead, ← goes back, space pauses, q stops; the
/// reel quits after its last step.
public struct ReelState: Sendable {
    public let plan: ReelPlan
    /// Seconds per story before reading-length adjustment.
    public let baseSeconds: Int
    public private(set) var index = 0
    /// When the step on screen began; its dwell counts from here.
    public private(set) var stepStarted: Date
    /// The clock's reading from the latest `.tick`.
    public private(set) var now: Date
    public private(set) var isPaused = false
    public private(set) var size = WallSize(width: 80, height: 24)

    public init(plan: ReelPlan, baseSeconds: Int, now: Date) {
        self.plan = plan
        self.baseSeconds = baseSeconds
        self.stepStarted = now
        self.now = now
    }

    public var isFinished: Bool { index >= plan.steps.count }

    /// When the step on screen is over; nil once the reel has ended.
    public var stepEnds: Date? {
        guard !isFinished else { return nil }
        return stepStarted.addingTimeInterval(Double(plan.dwell(of: plan.steps[index], baseSeconds: baseSeconds)))
    }

    /// Paused, the reel waits for a key however long it takes.
    public var nextWake: Date? { isPaused ? nil : stepEnds }

    public mutating func handle(_ message: WallMessage) -> [WallEffect] {
        switch message {
        case .key(let key):
            return keyPressed(key)
        case .resize(let width, let height):
            size = WallSize(width: width, height: height)
            return [.redraw]
        case .tick(let now):
            self.now = now
            guard !isPaused, let ends = stepEnds, now >= ends else { return [] }
            return step(by: 1)
        case .boardChanged, .snapshotLoaded, .loadFailed, .statsLoaded, .upvoted, .upvoteFailed, .themeChosen,
             .themeFailed:
            // The reel plays what was read when it started; it has no board link, upvote or theme key.
            return []
        }
    }

    private mutating func keyPressed(_ key: Key) -> [WallEffect] {
        switch key {
        case .right, .char("l"), .char("n"):
            return step(by: 1)
        case .left, .char("h"), .char("p"):
            return step(by: -1)
        case .char(" "):
            isPaused.toggle()
            if !isPaused { stepStarted = now }
            return [.redraw]
        case .char("q"), .escape:
            index = plan.steps.count
            return [.quit]
        default:
            return []
        }
    }

    private mutating func step(by delta: Int) -> [WallEffect] {
        index = max(0, index + delta)
        stepStarted = now
        return isFinished ? [.quit] : [.redraw]
    }

    /// The frame for the step on screen (nil once the reel has ended). Kiosk style: the wall's
    /// key hints name keys the reel does not have.
    public func view(boardName: String, theme: Theme, isUTF8: Bool, timeZone: TimeZone, font: HexFont? = nil) -> Grid? {
        guard !isFinished else { return nil }
        let context = WallPresenter.Context(boardName: boardName, theme: theme, now: now, timeZone: timeZone,
                                            isUTF8: isUTF8, kiosk: true, isPaused: isPaused, font: font)
        return WallScreen.render(plan.model(plan.steps[index], position: index + 1, context: context),
                                 width: size.width, height: size.height)
    }
}
