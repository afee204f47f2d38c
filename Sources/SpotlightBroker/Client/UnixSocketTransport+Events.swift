import Foundation
import SpotlightApp

extension UnixSocketTransport {
    /// `GET /v1/events` on a connection of its own, read by a thread of its own that sleeps in
    /// `poll` (an idle wall costs no CPU). When the stream fails or ends it yields
    /// `.unavailable` once and reconnects with `ReconnectBackoff`; back, it yields
    /// `.changed(origin: nil)` so the client re-reads what it may have missed.
    public func events(clientTag: String) -> AsyncStream<BrokerEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: BrokerEvent.self, bufferingPolicy: .bufferingNewest(16))
        guard let signal = CancelSignal() else {
            continuation.yield(.unavailable("cannot watch the broker at \(path): out of file descriptors"))
            continuation.finish()
            return stream
        }
        guard register(signal) else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { _ in signal.fire() }
        let subscription = EventSubscription(
            path: path, clientTag: clientTag, options: options, signal: signal, continuation: continuation
        )
        Thread.detachNewThread { [self] in
            subscription.run()
            unregister(signal)
        }
        return stream
    }
}

/// One subscriber's event stream and its reconnect loop, run on its own thread.
final class EventSubscription: Sendable {
    let path: String
    let clientTag: String
    let options: UnixSocketTransportOptions
    let signal: CancelSignal
    let continuation: AsyncStream<BrokerEvent>.Continuation

    init(path: String, clientTag: String, options: UnixSocketTransportOptions, signal: CancelSignal,
         continuation: AsyncStream<BrokerEvent>.Continuation) {
        self.path = path
        self.clientTag = clientTag
        self.options = options
        self.signal = signal
        self.continuation = continuation
    }

    var unavailableReason: String { "the broker at \(path) is not answering" }

    func run() {
        defer { continuation.finish() }
        var announcedDown = false
        var attempt = 0
        while !signal.isFired {
            let started = MonotonicDeadline.monotonicNow()
            let connected = session(announcedDown: &announcedDown)
            if signal.isFired { return }
            let lasted = MonotonicDeadline.monotonicNow() - started
            if connected && lasted >= options.backoff.resetAfter.wholeNanoseconds { attempt = 0 }
            if !announcedDown {
                continuation.yield(.unavailable(unavailableReason))
                announcedDown = true
            }
            if signal.sleep(options.backoff.delay(beforeAttempt: attempt)) { return }
            attempt += 1
        }
    }

    /// One connection: subscribe, then hand every event to the consumer until the stream
    /// ends, fails or is cancelled. True when the broker accepted the subscription.
    private func session(announcedDown: inout Bool) -> Bool {
        var connected = false
        do throws(SocketFailure) {
            let deadline = MonotonicDeadline.after(options.timeout)
            let socket = try UnixSocketConnection.connect(path: path, deadline: deadline)
            defer { socket.close() }
            let request = BrokerRequest(method: "GET", path: "/v1/events", clientTag: clientTag)
            try socket.writeAll(HTTPRequestWriter.encode(request, accept: "text/event-stream"), deadline: deadline, cancel: signal.readEnd)
            let source = SocketByteSource(connection: socket, deadline: deadline, cancel: signal.readEnd)
            var reader = HTTPResponseReader(source: source)
            let head = try reader.readHead()
            // A refusal (too many connections, …) is the broker not serving this wall now.
            guard head.status == 200 else { return false }
            connected = true
            if announcedDown {
                continuation.yield(.changed(origin: nil))
                announcedDown = false
            }
            let framing = try HTTPResponseReader.framing(of: head, method: "GET")
            source.deadline = .never
            source.idle = options.eventIdleTimeout
            var parser = ServerSentEventParser()
            try reader.readBody(framing, limit: .max) { bytes in
                for event in parser.feed(bytes) { continuation.yield(event) }
            }
        } catch {
            // Every failure ends this connection the same way: the loop announces it and retries.
        }
        return connected
    }
}
