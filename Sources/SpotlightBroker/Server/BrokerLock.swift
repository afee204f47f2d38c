#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import NIOConcurrencyHelpers
import SpotlightCore

/// One broker per board (issue 13): an exclusive `flock` on `BOARD.broker-lock` beside the
/// board, held for the broker's life. The kernel drops it when the process dies, so a crashed
/// broker never blocks the next one; the file keeps the holder's pid for the refusal message.
/// The file is opened `O_NOFOLLOW` (a planted link is refused, never followed), created
/// `0600`, and never deleted (deleting a lock file races with the next broker opening it).
public final class BrokerLock: Sendable {
    public let path: String
    private let descriptor: NIOLockedValueBox<Int32>

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = NIOLockedValueBox(descriptor)
    }

    deinit { release() }

    /// The lock file of the board at `boardPath`.
    public static func lockPath(forBoard boardPath: String) -> String { boardPath + ".broker-lock" }

    /// Takes the board's lock, or refuses: "another broker (pid N) serves this board".
    public static func acquire(boardPath: String) throws(SpotlightError) -> BrokerLock {
        let path = lockPath(forBoard: boardPath)
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard fd >= 0 else {
            let error = errno
            if error == ELOOP { throw .permission("\(path) is a symbolic link; refusing to use it as the broker's lock") }
            throw .runtime("cannot open the broker's lock \(path): \(String(cString: strerror(error)))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .permission("\(path) is not a regular file; refusing to use it as the broker's lock")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            let holder = readPID(fd)
            close(fd)
            if error == EWOULDBLOCK {
                throw .runtime("another broker\(holder.map { " (pid \($0))" } ?? "") serves this board (\(boardPath))")
            }
            throw .runtime("cannot lock \(path): \(String(cString: strerror(error)))")
        }
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) != 0 || pwrite(fd, pid, pid.count, 0) != pid.count {
            // The lock is what matters; the pid is only for the message.
        }
        return BrokerLock(path: path, descriptor: fd)
    }

    /// Gives the lock up (also on deinit; the kernel does it if the process dies).
    public func release() {
        descriptor.withLockedValue { fd in
            guard fd >= 0 else { return }
            close(fd)
            fd = -1
        }
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &bytes, bytes.count, 0)
        guard n > 0 else { return nil }
        return Int32(String(decoding: bytes[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
