import NIOCore
import NIOHTTP1
import SpotlightApp
import SpotlightCore

/// One admitted connection's requests, after NIO has framed them: enforces the body limit,
/// the write rate and the parse errors' answers, hands every request to the application as
/// the connection's peer, and runs `GET /v1/events` as an event stream. Keep-alive and
/// pipelining are supported (`HTTPServerPipelineHandler` sits before this handler and
/// delivers one request at a time). Lives on the connection's event loop.
final class BrokerHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    struct Shared: Sendable {
        var application: any BrokerApplication
        var limits: BrokerLimits
        var rate: WriteRateLimiter
        var log: BrokerLog
    }

    private let shared: Shared
    private let peer: BrokerPeer
    private let timer: ConnectionTimer
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    /// A response has started and not ended (the application is answering, or a stream runs).
    private var responding = false
    /// Everything from the client is ignored: the connection is closing.
    private var closing = false
    private var quiescing = false
    private var stream: EventStreamWriter?
    /// Request parts that arrived while the socket was full (see `channelRead`).
    private var deferred: [HTTPServerRequestPart] = []

    init(shared: Shared, peer: BrokerPeer, timer: ConnectionTimer) {
        self.shared = shared
        self.peer = peer
        self.timer = timer
    }

    private var who: String { "\(peer.account.login) (uid \(peer.uid), pid \(peer.pid))" }

    func handlerAdded(context: ChannelHandlerContext) {
        timer.start()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closing else { return }
        let part = unwrapInboundIn(data)
        // A client that pipelines requests and never reads the answers is not answered ahead:
        // while the last response still fills the socket, the next request waits here (one
        // at most — `HTTPServerPipelineHandler` reads no further meanwhile), so the broker's
        // output per connection stays bounded.
        guard deferred.isEmpty, context.channel.isWritable else {
            deferred.append(part)
            return
        }
        handle(context: context, part)
    }

    /// Handles the parts that waited for the socket to drain, until it fills again.
    private func handleDeferred(context: ChannelHandlerContext) {
        while !deferred.isEmpty, context.channel.isWritable, !closing {
            handle(context: context, deferred.removeFirst())
        }
    }

    private func handle(context: ChannelHandlerContext, _ part: HTTPServerRequestPart) {
        switch part {
        case .head(let head):
            timer.requestStarted()
            self.head = head
            self.body = nil
            if let length = head.headers["Content-Length"].first.flatMap({ Int($0) }), length > shared.limits.maximumBodyBytes {
                refuse(context: context, status: .payloadTooLarge,
                       .usage("the request body of \(length) bytes is over the limit of \(shared.limits.maximumBodyBytes) bytes"))
            } else if head.headers["Expect"].contains(where: { $0.lowercased() == "100-continue" }) {
                // curl asks before sending a larger body and would otherwise wait a second.
                context.writeAndFlush(wrapOutboundOut(.head(NIOHTTP1.HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            }
        case .body(var chunk):
            let size = (body?.readableBytes ?? 0) + chunk.readableBytes
            guard size <= shared.limits.maximumBodyBytes else {
                refuse(context: context, status: .payloadTooLarge,
                       .usage("the request body is over the limit of \(shared.limits.maximumBodyBytes) bytes"))
                return
            }
            if body == nil { body = chunk } else { body!.writeBuffer(&chunk) }
        case .end:
            timer.requestComplete()
            guard let head else { return }
            self.head = nil
            let bytes = body.map { Array($0.readableBytesView) } ?? []
            body = nil
            dispatch(context: context, head: head, body: bytes)
        }
    }

    private func dispatch(context: ChannelHandlerContext, head: HTTPRequestHead, body: [UInt8]) {
        guard let request = BrokerRequest(head: head, body: body) else {
            refuse(context: context, status: .badRequest, .usage("the request target is not a valid path and query"))
            return
        }
        responding = true
        if request.path == "/v1/events" {
            guard request.method == "GET" else {
                respond(context: context, keepAlive: head.isKeepAlive,
                        .error(status: 405, .usage("\(request.path) only answers GET")))
                return
            }
            shared.log("events: \(who) subscribed")
            let writer = EventStreamWriter(context: context, limits: shared.limits, log: shared.log, who: who)
            stream = writer
            writer.start(events: shared.application.events(), keepAlive: head.isKeepAlive)
            return
        }
        if shared.application.isWrite(request), case .refused(let wait) = shared.rate.take(for: peer.account.login) {
            let seconds = max(1, Int((Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18).rounded(.up)))
            shared.log("refused \(request.method) \(BrokerLog.quoted(request.path)) from \(who): over \(shared.limits.writesPerSecond) writes a second; retry in \(seconds) s")
            let response = BrokerResponse.error(status: 429, .runtime("too many changes from \(peer.account.login); try again in \(seconds) s"))
            respond(context: context, keepAlive: head.isKeepAlive, response, extra: [("Retry-After", "\(seconds)")])
            return
        }
        let application = shared.application
        let peer = self.peer
        let keepAlive = head.isKeepAlive
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.makeFutureWithTask { await application.respond(to: request, from: peer) }
            .assumeIsolated().whenSuccess { response in
                let (handler, context) = bound.value
                handler.respond(context: context, keepAlive: keepAlive, response)
            }
    }

    /// Writes one whole response; closes afterwards unless the connection stays alive.
    private func respond(context: ChannelHandlerContext, keepAlive: Bool, _ response: BrokerResponse,
                         extra: [(String, String)] = []) {
        guard context.channel.isActive else { return }
        let keep = keepAlive && !quiescing && !closing
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: "\(response.body.count)")
        for (name, value) in extra { headers.add(name: name, value: value) }
        if !keep { headers.add(name: "Connection", value: "close") }
        let status = HTTPResponseStatus(statusCode: response.status)
        context.write(wrapOutboundOut(.head(NIOHTTP1.HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        }
        responding = false
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if keep {
            timer.responseFinished()
        } else {
            closing = true
            timer.stop()
            let linger = shared.limits.refusalLinger
            done.assumeIsolated().whenComplete { _ in LingeringClose.close(context, linger: linger) }
        }
    }

    /// Refuses the current request with `status` and closes the connection: what is left of
    /// the request is not read.
    private func refuse(context: ChannelHandlerContext, status: HTTPResponseStatus, _ error: SpotlightError) {
        guard !closing else { return }
        shared.log("refused a request from \(who): \(status.code) \(error.message)")
        if responding {
            closing = true
            context.close(promise: nil)
            return
        }
        responding = true
        respond(context: context, keepAlive: false, .error(status: Int(status.code), error))
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        guard let parse = error as? HTTPParserError else {
            // I/O errors (the peer reset the connection): nothing to answer.
            closing = true
            context.close(promise: nil)
            return
        }
        if case .headerOverflow = parse {
            refuse(context: context, status: .requestHeaderFieldsTooLarge,
                   .usage("the request head is over the limit of \(shared.limits.maximumHeaderBytes) bytes or \(shared.limits.maximumHeaderFields) fields"))
        } else {
            refuse(context: context, status: .badRequest, .usage("malformed HTTP request (\(parse))"))
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        stream?.writabilityChanged(context.channel.isWritable)
        handleDeferred(context: context)
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer.stop()
        stream?.stop()
        context.fireChannelInactive()
    }

    /// The server is stopping: close now when idle; after the response when one is in
    /// flight; an event stream is ended.
    func quiesce(context: ChannelHandlerContext) {
        quiescing = true
        if let stream {
            stream.finish()
        } else if !responding {
            closing = true
            timer.stop()
            context.close(promise: nil)
        }
    }
}

extension BrokerHTTPHandler {
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is BrokerQuiesceEvent {
            quiesce(context: context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
