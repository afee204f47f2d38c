import NIOCore

/// The two clocks of a connection: `idleTimeout` while it sends nothing, and `requestTimeout`
/// from the first byte of a request until its last (slowloris: a head or body dribbled a
/// byte at a time never finishes in time). While the application answers, or an event stream
/// runs, neither clock runs. Lives on the connection's event loop.
final class ConnectionTimer {
    private enum State {
        case idle, receiving, busy, stopped
    }

    private let loop: EventLoop
    private let limits: BrokerLimits
    private var state = State.idle
    private var scheduled: Scheduled<Void>?
    private var bytesWhileBusy = false
    /// Called on the loop when the idle clock runs out (close, log).
    var onIdle: () -> Void = {}
    /// Called on the loop when a request does not finish in time (408, close, log).
    var onRequestTimeout: () -> Void = {}

    init(loop: EventLoop, limits: BrokerLimits) {
        self.loop = loop
        self.limits = limits
    }

    /// The connection is open and waiting for its first request.
    func start() { armIdle() }

    /// Bytes arrived from the client.
    func bytesArrived() {
        switch state {
        case .idle: armRequest()
        case .busy: bytesWhileBusy = true
        case .receiving, .stopped: break
        }
    }

    /// A request head was decoded (it may have arrived while the previous request was busy).
    func requestStarted() {
        if state == .idle || state == .busy { armRequest() }
    }

    /// The whole request has arrived: the application has it now.
    func requestComplete() {
        cancel()
        state = .busy
        bytesWhileBusy = false
    }

    /// The response is written; a keep-alive connection waits for its next request.
    func responseFinished() {
        guard state == .busy else { return }
        if bytesWhileBusy { armRequest() } else { armIdle() }
    }

    func stop() {
        cancel()
        state = .stopped
    }

    private func armIdle() {
        cancel()
        state = .idle
        scheduled = loop.assumeIsolated().scheduleTask(in: Self.time(limits.idleTimeout)) { [weak self] in
            self?.state = .stopped
            self?.onIdle()
        }
    }

    private func armRequest() {
        cancel()
        state = .receiving
        scheduled = loop.assumeIsolated().scheduleTask(in: Self.time(limits.requestTimeout)) { [weak self] in
            self?.state = .stopped
            self?.onRequestTimeout()
        }
    }

    private func cancel() {
        scheduled?.cancel()
        scheduled = nil
    }

    static func time(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
