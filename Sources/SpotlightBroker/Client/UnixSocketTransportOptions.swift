/// The limits of a `UnixSocketTransport`; tests shorten them.
public struct UnixSocketTransportOptions: Sendable {
    /// The whole of one request: connect, write, and read the complete response.
    public var timeout: Duration = .seconds(30)
    /// The largest response body accepted (an export of a big board is the largest answer).
    public var maximumResponse = 256 << 20
    /// An event stream that delivers nothing (not even the broker's heartbeat comment) for
    /// this long is taken as a hung broker and reconnected; nil waits for ever. Three times the
    /// broker's heartbeat interval (`BrokerLimits.heartbeatInterval`, 30 s), so one late
    /// heartbeat on a busy broker is no reconnect.
    public var eventIdleTimeout: Duration? = .seconds(90)
    /// Waits between attempts to reopen the event stream.
    public var backoff = ReconnectBackoff()

    public init() {}
}

/// How long an event stream waits before each attempt to reconnect: the first retry at once,
/// then 250 ms, doubling up to 1 s, so a wall is back within 1 s of the broker's return
/// while a broker that stays down costs a client one failed `connect` a second.
public struct ReconnectBackoff: Sendable, Equatable {
    public var first: Duration = .zero
    public var second: Duration = .milliseconds(250)
    public var cap: Duration = .seconds(1)
    /// A stream that stayed up this long starts over at `first`; one that is accepted and
    /// dropped at once (a broker refusing subscribers) keeps backing off instead of spinning.
    public var resetAfter: Duration = .seconds(1)

    public init() {}

    /// The wait before attempt `attempt` (0-based) since the stream last stayed up.
    public func delay(beforeAttempt attempt: Int) -> Duration {
        if attempt == 0 { return first }
        var delay = second
        for _ in 1..<min(attempt, 16) { delay = min(delay * 2, cap) }
        return min(delay, cap)
    }
}
