import NIOCore

/// Closes a connection after its last response without losing that response. Closing a Unix
/// socket at once would make a client that is still sending (its request, a body we refused)
/// fail on `send` (EPIPE) before it reads our answer; so the broker shuts its side for
/// writing, lets the client's remaining bytes drain unread, and closes when the client does
/// or after `linger`, whichever is first (the "lingering close" of Apache and nginx).
enum LingeringClose {
    static func close(_ context: ChannelHandlerContext, linger: Duration) {
        let bound = context.loopBound
        context.close(mode: .output).assumeIsolated().whenComplete { result in
            let context = bound.value
            guard case .success = result else {
                context.close(promise: nil)
                return
            }
            context.eventLoop.assumeIsolated().scheduleTask(in: ConnectionTimer.time(linger)) {
                context.close(promise: nil)
            }
        }
    }
}
