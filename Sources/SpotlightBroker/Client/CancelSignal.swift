import Foundation
import Synchronization

/// Wakes a thread blocked in `poll`: the read end of a pipe becomes readable when `fire` is
/// called (the consumer of an event stream went away, or the transport closed). The pipe is
/// closed only when the last owner lets go, so a late `fire` never writes to a reused descriptor.
final class CancelSignal: Sendable {
    let readEnd: Int32
    private let writeEnd: Int32
    private let fired = Mutex(false)

    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    var isFired: Bool { fired.withLock { $0 } }

    func fire() {
        let first = fired.withLock { fired in
            defer { fired = true }
            return !fired
        }
        if first {
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
    }

    /// Sleeps for `duration` unless fired first; true when fired.
    func sleep(_ duration: Duration) -> Bool {
        if duration == .zero { return isFired }
        let deadline = MonotonicDeadline.after(duration)
        var entry = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, deadline.pollTimeout)
            if ready > 0 { return true }
            if ready == 0 { return isFired }
            if errno != EINTR { return isFired }
        }
    }
}
