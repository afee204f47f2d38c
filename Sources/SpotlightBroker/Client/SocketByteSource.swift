/// Feeds a response reader from a connection, each read bounded by a fixed deadline (a
/// request's timeout) or by an idle limit counted from the read's start (an event stream).
final class SocketByteSource: ResponseByteSource {
    let connection: UnixSocketConnection
    var deadline: MonotonicDeadline
    var idle: Duration?
    var cancel: Int32?
    static let readSize = 64 * 1024

    init(connection: UnixSocketConnection, deadline: MonotonicDeadline, idle: Duration? = nil, cancel: Int32? = nil) {
        self.connection = connection
        self.deadline = deadline
        self.idle = idle
        self.cancel = cancel
    }

    func read() throws(SocketFailure) -> [UInt8] {
        let limit = idle.map { MonotonicDeadline.after($0) } ?? deadline
        return try connection.read(maximum: Self.readSize, deadline: limit, cancel: cancel)
    }
}
