import Foundation

/// A raw POSIX client on a Unix socket: for requests curl will not send (malformed, slow,
/// huge, pipelined) and for many connections at once.
final class RawClient: @unchecked Sendable {
    private(set) var fd: Int32

    init(_ path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw RawClientError.system("socket", errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            let error = errno
            close(fd)
            throw RawClientError.system("connect", error)
        }
    }

    deinit { disconnect() }

    /// Closes the client's end (once: a second close could hit a descriptor the broker, in this
    /// same process, has since been given).
    func disconnect() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    /// Sends all of `text`; false when the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Reads what arrives until the server closes the connection, `until` appears, or
    /// `timeout` passes without a byte. On a thread of its own: blocking the cooperative pool
    /// would starve the broker's application, which runs there.
    func read(until marker: String? = nil, timeout: Duration = .seconds(10)) async -> String {
        await offPool { self.readBlocking(until: marker, timeout: timeout) }
    }

    private func readBlocking(until marker: String?, timeout: Duration) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, milliseconds) == 1 else { break }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { closedByServer = true; break }
            received += buffer[0..<n]
            if let marker, String(decoding: received, as: UTF8.self).contains(marker) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Set by `read` when it saw the end of the stream (or a reset).
    private(set) var closedByServer = false

    /// Sets the receive buffer small (to stall an event stream quickly).
    func shrinkReceiveBuffer() {
        var size: Int32 = 4096
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }
}

enum RawClientError: Error {
    case system(String, Int32)
}

/// The status code of the first response in `text` (0 when there is none).
func statusCode(_ text: String) -> Int {
    guard text.hasPrefix("HTTP/1.1 ") else { return 0 }
    return Int(text.dropFirst(9).prefix(3)) ?? 0
}

/// Runs blocking client work (poll, waiting for curl) on a thread of its own, off Swift's
/// cooperative pool, where the broker's application answers.
func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}
