import Foundation

/// A point on the monotonic clock (CLOCK_MONOTONIC) by which a socket operation must finish.
/// Timeouts are intervals, not dates: the wall clock (`SpotlightCore.Clock`) can jump when an
/// administrator or NTP sets it, which must neither fire nor stretch a timeout.
struct MonotonicDeadline: Sendable {
    /// Nanoseconds on the monotonic clock; nil waits for ever.
    let nanoseconds: UInt64?

    static let never = MonotonicDeadline(nanoseconds: nil)

    static func after(_ interval: Duration) -> MonotonicDeadline {
        MonotonicDeadline(nanoseconds: monotonicNow() &+ interval.wholeNanoseconds)
    }

    /// Milliseconds to hand `poll(2)`: -1 for never, 0 once passed, else rounded up so a
    /// sub-millisecond remainder sleeps instead of spinning.
    var pollTimeout: Int32 {
        guard let nanoseconds else { return -1 }
        let now = Self.monotonicNow()
        guard nanoseconds > now else { return 0 }
        let milliseconds = (nanoseconds - now + 999_999) / 1_000_000
        return Int32(clamping: milliseconds)
    }

    var hasPassed: Bool { pollTimeout == 0 }

    /// What is left, for `SO_SNDTIMEO` on connect; nil for never.
    var remaining: timeval? {
        guard let nanoseconds else { return nil }
        let now = Self.monotonicNow()
        let left = nanoseconds > now ? nanoseconds - now : 1_000
        return timeval(tv_sec: Int(left / 1_000_000_000), tv_usec: Int((left % 1_000_000_000) / 1_000))
    }

    static func monotonicNow() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }
}

extension Duration {
    /// The interval in whole nanoseconds, 0 for a negative one.
    var wholeNanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) &* 1_000_000_000 &+ UInt64(attoseconds / 1_000_000_000)
    }
}
