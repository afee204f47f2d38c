import Foundation
import Synchronization

/// A tiny broker stand-in for the transport's tests: a POSIX listening socket on a temporary
/// path, each accepted connection handed to the test's script on a thread of its own. It
/// records what arrived (connections, raw requests) so a test can prove a request was sent
/// once, on which connection.
final class ScriptedServer: Sendable {
    let path: String
    private let listener: Int32
    private let record = Mutex(Record())
    private let script: @Sendable (ServerConnection) -> Void

    struct Record {
        var connections = 0
        var requests: [ReceivedRequest] = []
        var open: [Int32] = []
        var stopped = false
    }

    /// Listens on `path` (a fresh temporary one by default); `script` runs once per connection.
    init(path: String? = nil, mode: mode_t = 0o666, script: @escaping @Sendable (ServerConnection) -> Void) throws {
        self.path = path ?? Self.temporaryPath()
        self.script = script
        unlink(self.path)
        listener = try Self.listen(at: self.path, mode: mode)
        let server = self
        Thread.detachNewThread { server.acceptLoop() }
    }

    static func temporaryPath() -> String {
        let directory = NSTemporaryDirectory() + "spotlight-client-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        chmod(directory, 0o755)
        return directory + "/board.sock"
    }

    /// A bound, listening socket at `path`; `backlog` 0 with `listen: false` leaves a socket file
    /// nobody listens on (a broker that crashed).
    static func listen(at path: String, mode: mode_t = 0o666, listening: Bool = true) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8))
            raw[path.utf8.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        chmod(path, mode)
        if listening { guard Glibc.listen(descriptor, 64) == 0 else { throw POSIXError(.EIO) } }
        return descriptor
    }

    var connections: Int { record.withLock { $0.connections } }
    var requests: [ReceivedRequest] { record.withLock { $0.requests } }

    func recordRequest(_ request: ReceivedRequest) { record.withLock { $0.requests.append(request) } }

    /// Stops listening and drops every open connection, as a killed broker would; removes the socket file.
    func stop() {
        // Under the lock: a connection's thread forgets its descriptor (under the same lock)
        // before closing it, so no descriptor shut down here can have been reused meanwhile.
        record.withLock { record in
            record.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for descriptor in record.open { shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
        unlink(path)
    }

    private func acceptLoop() {
        while true {
            let descriptor = accept(listener, nil, nil)
            if descriptor < 0 {
                if errno == EINTR { continue }
                break
            }
            let stopped = record.withLock { record in
                record.connections += 1
                record.open.append(descriptor)
                return record.stopped
            }
            if stopped { Glibc.close(descriptor); break }
            let connection = ServerConnection(descriptor: descriptor, server: self)
            Thread.detachNewThread {
                self.script(connection)
                connection.close()
            }
        }
        Glibc.close(listener)
    }

    fileprivate func forget(_ descriptor: Int32) {
        record.withLock { $0.open.removeAll { $0 == descriptor } }
    }
}

/// One request as the server read it: the head's lines and the body.
struct ReceivedRequest: Sendable, Equatable {
    var lines: [String]
    var body: [UInt8]
    var requestLine: String { lines.first ?? "" }
    func header(_ name: String) -> String? {
        lines.dropFirst().first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
            .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
    }
}

/// The server's end of one connection, driven by a test's script with blocking calls.
final class ServerConnection: @unchecked Sendable {
    // @unchecked: used by the one thread running the script.
    let descriptor: Int32
    private weak var server: ScriptedServer?
    private var buffer: [UInt8] = []
    private var closed = false

    init(descriptor: Int32, server: ScriptedServer) {
        self.descriptor = descriptor
        self.server = server
    }

    /// Reads one request (head, then a body of its Content-Length) and records it; nil at end of stream.
    @discardableResult
    func readRequest() -> ReceivedRequest? {
        while true {
            if let end = buffer.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                let lines = head.components(separatedBy: "\r\n")
                buffer.removeSubrange(..<end.upperBound)
                var request = ReceivedRequest(lines: lines, body: [])
                let length = Int(request.header("Content-Length") ?? "0") ?? 0
                while buffer.count < length { guard fill() else { return nil } }
                request.body = Array(buffer.prefix(length))
                buffer.removeFirst(length)
                server?.recordRequest(request)
                return request
            }
            guard fill() else { return nil }
        }
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        buffer += chunk.prefix(count)
        return true
    }

    /// Waits until the client closes its end (or the server is stopped).
    func waitForClose() {
        while fill() {}
    }

    @discardableResult
    func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// A complete JSON response with a Content-Length.
    func respond(status: Int = 200, _ body: String, extraHeaders: String = "") {
        write("HTTP/1.1 \(status) OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\(extraHeaders)\r\n\(body)")
    }

    func close() {
        guard !closed else { return }
        closed = true
        server?.forget(descriptor)
        Glibc.close(descriptor)
    }
}
