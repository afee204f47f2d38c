/// Every hard limit of the broker's network layer (issue 13, DESIGN §12). Each one protects
/// the other clients from one connection, or one account, that asks too much: a refused
/// request gets a 4xx/5xx or its connection is closed, with a logged reason, and nobody else
/// notices. The defaults suit a busy office; tests lower them.
public struct BrokerLimits: Sendable, Equatable {
    /// Largest request body (413 above it; a larger `Content-Length` is refused before reading).
    public var maximumBodyBytes: Int = 1 << 20
    /// Largest request head: all header names and values together (431 above it).
    public var maximumHeaderBytes: Int = 16 * 1024
    /// Most header fields in one request (431 above it).
    public var maximumHeaderFields: Int = 100
    /// Open connections in all (a further one gets 503 and is closed).
    public var maximumConnections: Int = 1024
    /// Open connections of one account (a further one gets 429 and is closed).
    public var maximumConnectionsPerAccount: Int = 64
    /// Writes (`BrokerApplication.isWrite`) one account may burst...
    public var writeBurst: Int = 30
    /// ...and then sustain per second (429 with `Retry-After` above it).
    public var writesPerSecond: Double = 10
    /// A request whose head and body have not all arrived this long after its first byte is
    /// answered 408 and its connection closed (slowloris).
    public var requestTimeout: Duration = .seconds(10)
    /// A keep-alive connection that sends nothing for this long is closed.
    public var idleTimeout: Duration = .seconds(120)
    /// An event stream whose unwritten output passes this many bytes is dropped.
    public var maximumUnwrittenEventBytes: Int = 256 * 1024
    /// An event stream the socket cannot take anything from for this long is dropped.
    public var unwritableTimeout: Duration = .seconds(30)
    /// How often an idle event stream gets a heartbeat comment.
    public var heartbeatInterval: Duration = .seconds(30)
    /// After a refusal, how long the broker keeps reading (and discarding) what the client
    /// still sends, so the client reads the answer instead of failing on a closed socket.
    public var refusalLinger: Duration = .milliseconds(500)
    /// How long `stop()` waits for in-flight requests before closing what is left.
    public var shutdownGrace: Duration = .seconds(10)

    public init() {}

    public static let standard = BrokerLimits()
}
