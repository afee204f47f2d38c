import NIOCore

/// Answers a connection that was refused before any request (too many connections, an
/// unknown uid) with one raw HTTP response, then closes it (lingering, see `LingeringClose`). No HTTP handlers are installed:
/// nothing the client sends is read or parsed.
final class RefusingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let response: String
    private let linger: Duration

    init(status: Int, reason: String, body: [UInt8], linger: Duration) {
        self.linger = linger
        self.response = Self.rawResponse(status: status, reason: reason, body: body)
    }

    /// A whole `Connection: close` response, written below the HTTP encoder.
    static func rawResponse(status: Int, reason: String, body: [UInt8]) -> String {
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
        if status == 503 || status == 429 { head += "Retry-After: 1\r\n" }
        return head + "\r\n" + String(decoding: body, as: UTF8.self)
    }

    func channelActive(context: ChannelHandlerContext) {
        let buffer = context.channel.allocator.buffer(string: response)
        let loopBound = context.loopBound
        let linger = self.linger
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in
            LingeringClose.close(loopBound.value, linger: linger)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Discarded unread: the connection is closing.
    }
}
