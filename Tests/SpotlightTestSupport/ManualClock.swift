import Foundation
import SpotlightCore

/// A `Clock` whose time the test sets: update functions are driven by `.tick(now)` messages
/// exactly as the runners drive them from the real clock, so timers are tested without waiting.
public final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public var now: Date { lock.withLock { current } }
    public var clock: Clock { Clock { [self] in now } }

    public func set(_ date: Date) { lock.withLock { current = date } }
    public func advance(by seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}
