import Dispatch
import Foundation
import SpotlightApp
import SpotlightCore
import Synchronization

/// `BrokerTransport` over the broker's Unix socket (`unix:/run/spotlight/board.sock`): HTTP/1.1
/// on one persistent keep-alive connection, reused by every request of this transport.
///
/// Plain POSIX sockets on a serial dispatch queue, not a SwiftNIO event loop group: a command
/// like `spotlight list` makes one request, and its start-up cost must stay below opening the
/// SQLite file (issue 17); the queue's one thread does blocking-free I/O under `poll` and
/// serialises requests on the connection (HTTP/1.1 answers in order, one at a time).
///
/// A request is sent at most once. The only retry is before any byte of it left: the broker
/// closed the idle connection (seen as end of file before writing, or EPIPE on the first
/// byte), and a fresh connection is made once. Anything after that is an error that says the
/// write may or may not have been recorded.
public final class UnixSocketTransport: BrokerTransport, @unchecked Sendable {
    // @unchecked: `connection` is touched only on `queue`; everything else is immutable or a Mutex.

    public let path: String
    public let options: UnixSocketTransportOptions
    public var location: String { "unix:" + path }

    private let queue = DispatchQueue(label: "spotlight.broker-client")
    private var connection: UnixSocketConnection?
    private let state = Mutex(State())

    /// One request's result. Not `Result<BrokerResponse, SpotlightError>`: instantiating that
    /// generic type checks `SpotlightError: Error` at run time, a scan of every conformance in
    /// the binary on a CLI's one request (issue 17 counts those).
    enum Outcome: Sendable {
        case response(BrokerResponse)
        case failure(SpotlightError)
    }

    private struct State {
        var closed = false
        var subscriptions: [ObjectIdentifier: CancelSignal] = [:]
    }

    /// A transport for the socket at `path` (nothing is connected until the first request).
    public init(path: String, options: UnixSocketTransportOptions = .init()) throws(SpotlightError) {
        guard !path.isEmpty, path.utf8.count < 108, !path.utf8.contains(0) else { throw BrokerClientWording.pathTooLong(path) }
        self.path = path
        self.options = options
    }

    /// A transport for a board location `unix:PATH` (`--board`, `SPOTLIGHT_BOARD`, config).
    public convenience init(location: String, options: UnixSocketTransportOptions = .init()) throws(SpotlightError) {
        guard location.hasPrefix("unix:") else {
            throw .usage("\(location) is not a broker's address (expected unix:/path/to/board.sock)")
        }
        try self.init(path: String(location.dropFirst("unix:".count)), options: options)
    }

    public func send(_ request: BrokerRequest) async throws(SpotlightError) -> BrokerResponse {
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            queue.async { continuation.resume(returning: self.exchange(request)) }
        }
        switch outcome {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }

    public func close() async {
        let signals = state.withLock { state in
            state.closed = true
            defer { state.subscriptions = [:] }
            return Array(state.subscriptions.values)
        }
        for signal in signals { signal.fire() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.connection?.close()
                self.connection = nil
                continuation.resume()
            }
        }
    }

    // MARK: - One request (on `queue`)

    /// Internal (not private) so a test can run it on a thread whose credentials it changed.
    func exchange(_ request: BrokerRequest) -> Outcome {
        if state.withLock({ $0.closed }) {
            return .failure(.runtime("the connection to the broker at \(path) is closed"))
        }
        let deadline = MonotonicDeadline.after(options.timeout)
        // The connection being written and its byte count before this request: any byte past
        // it may have reached the broker, and then the request is never sent again.
        var writing: (socket: UnixSocketConnection, before: Int)?
        var answering = false
        do throws(SocketFailure) {
            let bytes = try HTTPRequestWriter.encode(request)
            if let idle = connection, !idle.isReusable {
                idle.close()
                connection = nil
            }
            let reused = connection != nil
            // Not `connection ?? connect(…)`: `??` takes an untyped throwing autoclosure.
            var socket: UnixSocketConnection
            if let connection {
                socket = connection
            } else {
                socket = try connect(deadline: deadline)
                connection = socket
            }
            writing = (socket, socket.bytesSent)
            do throws(SocketFailure) {
                try socket.writeAll(bytes, deadline: deadline)
            } catch let failure where reused && socket.bytesSent == writing?.before && Self.isPeerGone(failure) {
                // The broker closed the idle connection as the request began: none of it
                // reached the broker, so one fresh connection may carry it.
                socket.close()
                connection = nil
                socket = try connect(deadline: deadline)
                connection = socket
                writing = (socket, 0)
                try socket.writeAll(bytes, deadline: deadline)
            }
            answering = true
            let response = try readResponse(on: socket, method: request.method, deadline: deadline)
            return .response(response)
        } catch {
            connection?.close()
            connection = nil
            let mayHaveArrived = answering || writing.map { $0.socket.bytesSent > $0.before } ?? false
            return .failure(word(error, method: request.method, mayHaveArrived: mayHaveArrived))
        }
    }

    private func connect(deadline: MonotonicDeadline) throws(SocketFailure) -> UnixSocketConnection {
        try UnixSocketConnection.connect(path: path, deadline: deadline)
    }

    private func readResponse(on socket: UnixSocketConnection, method: String, deadline: MonotonicDeadline) throws(SocketFailure) -> BrokerResponse {
        var reader = HTTPResponseReader(source: SocketByteSource(connection: socket, deadline: deadline))
        let head = try reader.readHead()
        let framing = try HTTPResponseReader.framing(of: head, method: method)
        var body: [UInt8] = []
        try reader.readBody(framing, limit: options.maximumResponse) { piece in body += piece }
        let keepAlive = head.minorVersion == 1 && !head.tokens("connection").contains("close")
            && framing != .untilClose && !reader.hasBufferedBytes
        if !keepAlive {
            socket.close()
            connection = nil
        }
        return BrokerResponse(status: head.status, contentType: head.value("content-type") ?? "application/json", body: body)
    }

    static func isPeerGone(_ failure: SocketFailure) -> Bool {
        if case .io(_, let error) = failure { return error == EPIPE || error == ECONNRESET }
        return false
    }

    func word(_ failure: SocketFailure, method: String, mayHaveArrived: Bool) -> SpotlightError {
        switch failure {
        case .connect(let error):
            let facts = error == EACCES || error == EPERM || error == ECONNREFUSED ? BrokerClientWording.socketFacts(path: path) : nil
            return BrokerClientWording.connectFailure(path: path, errno: error, facts: facts, callerGroups: BrokerClientWording.callerGroups())
        case .pathTooLong:
            return BrokerClientWording.pathTooLong(path)
        default:
            return BrokerClientWording.requestFailure(path: path, failure: failure, method: method, timeout: options.timeout, mayHaveArrived: mayHaveArrived)
        }
    }

    // MARK: - Event subscriptions

    /// Registers a subscription's cancel signal; false once the transport is closed.
    func register(_ signal: CancelSignal) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.subscriptions[ObjectIdentifier(signal)] = signal
            return true
        }
    }

    func unregister(_ signal: CancelSignal) {
        _ = state.withLock { $0.subscriptions.removeValue(forKey: ObjectIdentifier(signal)) }
    }
}
