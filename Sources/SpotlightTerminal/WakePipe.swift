import Glibc
import Synchronization

/// A descriptor another thread makes readable to wake the terminal's `poll`: work done off the
/// main thread (the board's `changes()` stream) writes a byte, `nextEvent(watching:)` returns
/// `.fileReady`, and the loop drains it. Idle costs nothing: no timer, no busy loop.
public final class WakePipe: Sendable {
    private let readEnd: Int32
    /// The write end; -1 once closed, so a late `wake()` never writes to a reused number.
    private let writeEnd: Mutex<Int32>

    public init() throws(TerminalError) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw .setupFailed("no pipe to wake the screen's loop") }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = Mutex(fds[1])
    }

    /// What the loop watches.
    public var fileDescriptor: Int32 { readEnd }

    /// From any thread: the loop's next `poll` returns. A full pipe already wakes it.
    public func wake() {
        writeEnd.withLock { fd in
            guard fd >= 0 else { return }
            var byte: UInt8 = 1
            _ = write(fd, &byte, 1)
        }
    }

    /// Reads every pending byte (level-triggered: left unread, the next wait returns at once).
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }

    public func close() {
        let fd = writeEnd.withLock { fd in
            defer { fd = -1 }
            return fd
        }
        guard fd >= 0 else { return }
        Glibc.close(fd)
        Glibc.close(readEnd)
    }
}
