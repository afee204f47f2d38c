/// Elapsed time for the broker's rate limits, never the wall clock (which jumps): production
/// reads `ContinuousClock`; tests advance a manual one.
public struct MonotonicClock: Sendable {
    private let read: @Sendable () -> Duration

    /// `read` returns the time elapsed since any fixed origin; it must never go backwards.
    public init(_ read: @escaping @Sendable () -> Duration) { self.read = read }

    public var now: Duration { read() }

    public static var continuous: MonotonicClock {
        let origin = ContinuousClock.now
        return MonotonicClock { ContinuousClock.now - origin }
    }
}
