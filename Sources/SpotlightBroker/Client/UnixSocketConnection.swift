import Foundation

/// One connected `AF_UNIX` stream socket, used from one thread at a time. Plain POSIX calls,
/// no event loop: a CLI command makes one or two requests, and starting SwiftNIO's loop thread
/// for them would cost more than the requests (issue 17 counts start-up instructions).
/// Reads and writes are non-blocking under `poll(2)`, so each waits at most until its deadline
/// and, when given a cancel descriptor, wakes the moment it becomes readable.
final class UnixSocketConnection {
    private(set) var descriptor: Int32
    /// Bytes handed to the kernel so far: zero means the broker cannot have seen a request.
    private(set) var bytesSent = 0

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close() }

    /// Connects to the socket at `path`. A Unix socket's connect waits only while the
    /// listener's queue is full; `SO_SNDTIMEO` bounds that wait by the deadline (Linux applies
    /// the send timeout to `unix_stream_connect`).
    static func connect(path: String, deadline: MonotonicDeadline) throws(SocketFailure) -> UnixSocketConnection {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !pathBytes.isEmpty, pathBytes.count < capacity, !pathBytes.contains(0) else { throw .pathTooLong }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .connect(errno: errno) }
        let connection = UnixSocketConnection(descriptor: descriptor)
        if var timeout = deadline.remaining {
            _ = setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + 1)
        var result: Int32
        repeat {
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, length) }
            }
        } while result != 0 && errno == EINTR && !deadline.hasPassed
        guard result == 0 else {
            let error = errno
            // EAGAIN: the listener's queue stayed full until the send timeout (the deadline).
            if error == EAGAIN || error == EINPROGRESS { throw .timedOut(connected: false) }
            throw .connect(errno: error)
        }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw .io(operation: "fcntl", errno: errno)
        }
        return connection
    }

    func close() {
        if descriptor >= 0 {
            _ = Glibc.close(descriptor)
            descriptor = -1
        }
    }

    /// True when the connection still looks usable for a new request: the broker has not
    /// closed it (end of file) or sent anything unasked while it sat idle. One `poll` with no wait.
    var isReusable: Bool {
        guard descriptor >= 0 else { return false }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&entry, 1, 0)
        if ready == 0 { return true }
        // Readable while idle: end of file, an error, or stray bytes. None is a connection to reuse.
        return false
    }

    /// Writes all of `bytes` by the deadline. `MSG_NOSIGNAL`: a broker that went away is an
    /// EPIPE here, never a SIGPIPE that kills the client.
    func writeAll(_ bytes: [UInt8], deadline: MonotonicDeadline, cancel: Int32? = nil) throws(SocketFailure) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
            }
            if sent > 0 {
                offset += sent
                bytesSent += sent
                continue
            }
            let error = errno
            if sent < 0 && (error == EAGAIN || error == EWOULDBLOCK) {
                try wait(for: Int16(POLLOUT), deadline: deadline, cancel: cancel)
            } else if sent < 0 && error == EINTR {
                continue
            } else {
                throw .io(operation: "send", errno: error)
            }
        }
    }

    /// Reads what is available (up to `maximum` bytes), waiting by the deadline for at least
    /// one byte. An empty result is the end of the stream.
    func read(maximum: Int, deadline: MonotonicDeadline, cancel: Int32? = nil) throws(SocketFailure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maximum)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                Glibc.recv(descriptor, raw.baseAddress!, raw.count, Int32(MSG_DONTWAIT))
            }
            if count >= 0 {
                buffer.removeSubrange(count...)
                return buffer
            }
            let error = errno
            if error == EAGAIN || error == EWOULDBLOCK {
                try wait(for: Int16(POLLIN), deadline: deadline, cancel: cancel)
            } else if error != EINTR {
                throw .io(operation: "recv", errno: error)
            }
        }
    }

    /// Sleeps in `poll` until the socket is ready for `events`, the deadline passes or the
    /// cancel descriptor becomes readable. No busy loop: an idle wait costs no CPU.
    private func wait(for events: Int16, deadline: MonotonicDeadline, cancel: Int32?) throws(SocketFailure) {
        var entries = [pollfd(fd: descriptor, events: events, revents: 0)]
        if let cancel { entries.append(pollfd(fd: cancel, events: Int16(POLLIN), revents: 0)) }
        while true {
            let ready = poll(&entries, nfds_t(entries.count), deadline.pollTimeout)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "poll", errno: errno)
            }
            if ready == 0 { throw .timedOut(connected: true) }
            if entries.count > 1 && entries[1].revents != 0 { throw .cancelled }
            // POLLHUP/POLLERR also end the wait: the next send/recv reports what happened.
            return
        }
    }
}
