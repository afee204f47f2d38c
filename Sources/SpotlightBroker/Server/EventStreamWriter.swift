import NIOCore
import NIOHTTP1
import SpotlightApp

/// One `GET /v1/events` response: the application's events as Server-Sent Events, a
/// heartbeat while idle, until the application's stream ends, the server stops or the
/// client goes. Output is bounded: a subscriber that stops reading is dropped once its
/// unwritten bytes pass `maximumUnwrittenEventBytes` or its socket stays full for
/// `unwritableTimeout` — never buffered forever. Lives on the connection's event loop.
final class EventStreamWriter {
    private let context: ChannelHandlerContext
    private let limits: BrokerLimits
    private let log: BrokerLog
    private let who: String
    private var unwrittenBytes = 0
    private var sentSinceHeartbeat = false
    private var finished = false
    private var heartbeat: Scheduled<Void>?
    private var unwritable: Scheduled<Void>?
    private var pump: Task<Void, Never>?

    init(context: ChannelHandlerContext, limits: BrokerLimits, log: BrokerLog, who: String) {
        self.context = context
        self.limits = limits
        self.log = log
        self.who = who
    }

    func start(events: AsyncStream<BrokerEvent>, keepAlive: Bool) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/event-stream")
        headers.add(name: "Cache-Control", value: "no-store")
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        context.write(NIOAny(HTTPServerResponsePart.head(NIOHTTP1.HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        context.flush()

        scheduleHeartbeat()
        // The application's stream is consumed off the loop; each frame hops back to it.
        let loop = context.eventLoop
        let target = NIOLoopBound(self, eventLoop: loop)
        pump = Task {
            for await event in events {
                let frame = event.serverSentFrame
                loop.execute { target.value.send(frame) }
            }
            loop.execute { target.value.finish() }
        }
        if !context.channel.isWritable { writabilityChanged(false) }
    }

    /// A heartbeat comment after every interval in which nothing else was sent.
    private func scheduleHeartbeat() {
        heartbeat = context.eventLoop.assumeIsolated().scheduleTask(in: ConnectionTimer.time(limits.heartbeatInterval)) { [weak self] in
            guard let self, !self.finished else { return }
            if !self.sentSinceHeartbeat { self.send(BrokerEvent.heartbeatFrame) }
            self.sentSinceHeartbeat = false
            self.scheduleHeartbeat()
        }
    }

    /// Ends the stream normally (the application finished it, or the server is stopping).
    func finish() {
        guard !finished else { return }
        stop()
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).assumeIsolated().whenComplete { [context] _ in
            context.close(promise: nil)
        }
    }

    /// The connection closed: stop producing.
    func stop() {
        guard !finished else { return }
        finished = true
        heartbeat?.cancel()
        unwritable?.cancel()
        pump?.cancel()
    }

    func writabilityChanged(_ writable: Bool) {
        guard !finished else { return }
        if writable {
            unwritable?.cancel()
            unwritable = nil
        } else if unwritable == nil {
            unwritable = context.eventLoop.assumeIsolated().scheduleTask(in: ConnectionTimer.time(limits.unwritableTimeout)) { [weak self] in
                self?.drop("its event stream stayed unwritable for \(self?.limits.unwritableTimeout ?? .zero)")
            }
        }
    }

    private func send(_ frame: String) {
        guard !finished else { return }
        let buffer = context.channel.allocator.buffer(string: frame)
        let size = buffer.readableBytes
        unwrittenBytes += size
        sentSinceHeartbeat = true
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer)))).assumeIsolated().whenComplete { [weak self] _ in
            self?.unwrittenBytes -= size
        }
        if unwrittenBytes > limits.maximumUnwrittenEventBytes {
            drop("its event stream has \(unwrittenBytes) unwritten bytes (limit \(limits.maximumUnwrittenEventBytes))")
        }
    }

    private func drop(_ reason: String) {
        guard !finished else { return }
        stop()
        log("dropped \(who): \(reason)")
        context.close(promise: nil)
    }
}
