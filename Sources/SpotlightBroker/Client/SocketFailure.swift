/// What went wrong on a broker connection, before it is worded for the user
/// (`BrokerClientWording`). Internal: callers of the transport only ever see `SpotlightError`.
enum SocketFailure: Error, Equatable {
    /// `connect(2)` failed with this errno (nothing was sent).
    case connect(errno: Int32)
    /// The socket path does not fit `sockaddr_un` (108 bytes with its NUL).
    case pathTooLong
    /// The deadline passed while connecting (`connected: false`) or while sending or reading.
    case timedOut(connected: Bool)
    /// The broker closed the connection before a whole response arrived.
    case closedByPeer
    /// A `send`/`recv`/`poll` failed with this errno (ECONNRESET, EPIPE, …).
    case io(operation: String, errno: Int32)
    /// The consumer went away (event streams only).
    case cancelled
    /// The response (head or body) is larger than the transport accepts.
    case responseTooLarge(limit: Int)
    /// The bytes are not an HTTP/1.x response.
    case malformed(String)
    /// The request cannot be written as HTTP (a method or header with forbidden characters).
    case badRequest(String)
}
