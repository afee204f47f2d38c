import Foundation

/// The one way spotlight reads a file someone names or places for it (config, theme, import):
/// only a regular file, and only up to a limit. A FIFO would hang the reader (it is opened
/// `O_NONBLOCK`, so not even the open waits), and a link to `/dev/zero` would grow without end.
/// The only I/O in SpotlightCore, kept here so every layer shares one rule.
public enum RegularFile {
    /// Why a file was not read: `reason` completes "cannot read PATH: …".
    public struct Failure: Error, Sendable {
        public let reason: String
        public let isPermission: Bool
        /// The file is there but is not a regular file.
        public let isWrongKind: Bool
    }

    /// The file's bytes, or nil when there is no such file. Anything else that stops it being
    /// read is one line: "cannot read `what` PATH: it is a FIFO (named pipe), not a regular file".
    /// `hint` is added to a refusal of the file's kind (e.g. "to read standard input, give -").
    public static func read(_ path: String, what: String, limit: Int?, hint: String? = nil) throws(SpotlightError) -> Data? {
        do {
            return try contents(path, limit: limit)
        } catch {
            let message = "cannot read \(what) \(path): \(error.reason)" + (error.isWrongKind ? hint.map { " (\($0))" } ?? "" : "")
            throw error.isPermission ? .permission(message) : .runtime(message)
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them; nil when it does not exist.
    /// `followingLinks: false` refuses a symbolic link at `path` (files spotlight keeps for itself,
    /// which nobody should be able to point elsewhere).
    public static func contents(_ path: String, limit: Int?, followingLinks: Bool = true) throws(Failure) -> Data? {
        func failure(_ reason: String, permission: Bool = false, wrongKind: Bool = false) -> Failure {
            Failure(reason: reason, isPermission: permission, isWrongKind: wrongKind)
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return nil
            case ELOOP where !followingLinks: throw failure("it is a symbolic link", wrongKind: true)
            case EACCES: throw failure("permission denied", permission: true)
            default: throw failure(String(cString: strerror(errno)))
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw failure("it is \(kind(info.st_mode)), not a regular file", wrongKind: true)
        }
        if let limit, Int(info.st_size) > limit {
            throw failure("it is \(info.st_size) bytes, more than the \(limit) allowed")
        }
        // A regular file can still grow while it is read (or, in /proc, report size 0): stop at the limit.
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(String(cString: strerror(errno)))
            }
            if n == 0 { return data }
            data.append(contentsOf: buffer[..<n])
            if let limit, data.count > limit { throw failure("it is more than the \(limit) bytes allowed") }
        }
    }

    /// "a directory", "a FIFO (named pipe)", … for the refusal.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    /// Writes all of `data` to `fd`, retrying short writes and EINTR; false on any other error
    /// (errno says which). The one write loop behind `-o FILE` outputs and spotlight's state files.
    public static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}
