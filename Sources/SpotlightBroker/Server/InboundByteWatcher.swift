import NIOCore
import SpotlightApp
import SpotlightCore

/// Sits before the HTTP decoder: tells the timer that bytes arrived, so a request head that
/// never completes is still timed, and answers a timed-out request itself — with a raw 408,
/// below the HTTP handlers, because a head that never completed is no request to them —
/// then drops everything the client still sends.
final class InboundByteWatcher: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let timer: ConnectionTimer
    private let limits: BrokerLimits
    private let log: BrokerLog
    private let who: String
    private var timedOut = false

    init(timer: ConnectionTimer, limits: BrokerLimits, log: BrokerLog, who: String) {
        self.timer = timer
        self.limits = limits
        self.log = log
        self.who = who
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let bound = context.loopBound
        timer.onRequestTimeout = { [weak self] in self?.timeOut(bound.value) }
        timer.onIdle = { [weak self] in
            guard let self else { return }
            self.timedOut = true
            self.log("closed idle connection of \(self.who) after \(self.limits.idleTimeout)")
            bound.value.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !timedOut else { return }
        timer.bytesArrived()
        context.fireChannelRead(data)
    }

    private func timeOut(_ context: ChannelHandlerContext) {
        timedOut = true
        let error = SpotlightError.usage("the request did not arrive within \(limits.requestTimeout)")
        log("refused a request from \(who): 408 \(error.message)")
        let text = RefusingHandler.rawResponse(status: 408, reason: "Request Timeout", body: BrokerErrorBody(error).encoded())
        let linger = limits.refusalLinger
        let bound = context.loopBound
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text))).assumeIsolated().whenComplete { _ in
            LingeringClose.close(bound.value, linger: linger)
        }
    }
}
