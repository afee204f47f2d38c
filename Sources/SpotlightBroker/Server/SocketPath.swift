#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SpotlightCore

/// Where the broker listens, made safe to bind. What may already be at the path:
/// nothing (fine); a socket nobody answers on, left by a crashed broker (replaced); a socket a
/// broker answers on (refused: "another broker is listening on PATH"); anything else — a
/// file, a symbolic link, a directory — is refused and never followed or deleted.
///
/// The socket is bound inside a fresh `0700` directory next to the path, given its mode and
/// group there, and only then renamed into place, so nobody can connect before its
/// permissions are final, and a stale socket is replaced atomically.
enum SocketPath {
    /// What `inspect` found at the path.
    enum Existing: Equatable {
        case nothing
        case staleSocket
    }

    /// Longest path `sockaddr_un` holds (including the NUL).
    static let maximumLength = MemoryLayout.size(ofValue: sockaddr_un().sun_path)

    static func inspect(_ path: String) throws(SpotlightError) -> Existing {
        guard path.utf8.count < maximumLength else {
            throw .usage("socket path \(path) is longer than \(maximumLength - 1) bytes")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let error = errno
            if error == ENOENT { return .nothing }
            throw .runtime("cannot inspect \(path): \(String(cString: strerror(error)))")
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFSOCK else {
            let what = kind == S_IFLNK ? "a symbolic link" : kind == S_IFDIR ? "a directory" : kind == S_IFREG ? "a regular file" : "not a socket"
            throw .usage("\(path) exists and is \(what); refusing to replace it (remove it yourself if it is not needed)")
        }
        switch probe(path) {
        case 0: throw .runtime("another broker is listening on \(path)")
        case ECONNREFUSED: return .staleSocket
        case let error:
            // EACCES and the like: we cannot tell whether someone listens, so it is not ours to replace.
            throw .runtime("cannot tell whether a broker is listening on \(path) (\(String(cString: strerror(error)))); refusing to replace it")
        }
    }

    /// 0 when something accepts connections on the socket at `path` (or would: its backlog is
    /// full), else the `connect` error: `ECONNREFUSED` when nobody listens (a stale socket).
    static func probe(_ path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if result == 0 || errno == EAGAIN || errno == EINPROGRESS { return 0 }
        return errno
    }

    /// The gid of group `name`; a usage error naming it when the system has no such group.
    static func groupID(_ name: String) throws(SpotlightError) -> gid_t {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else {
            throw .usage("no group named \(name) for the socket")
        }
        return entry.gr_gid
    }

    /// A fresh `0700` directory beside `path` to bind in.
    static func privateDirectory(beside path: String) throws(SpotlightError) -> String {
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        var template = Array(((parent.isEmpty && path.hasPrefix("/") ? "" : parent.isEmpty ? "." : parent) + "/.spotlight-bind-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw .runtime("cannot create a directory beside \(path) to bind the socket in: \(String(cString: strerror(errno)))")
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Gives the freshly bound socket at `temporary` its mode and group, then moves it to `path`.
    static func publish(_ temporary: String, at path: String, mode: mode_t, group: gid_t?) throws(SpotlightError) {
        if let group, lchown(temporary, uid_t.max, group) != 0 {
            throw .runtime("cannot give the socket to group \(group): \(String(cString: strerror(errno)))")
        }
        guard chmod(temporary, mode) == 0 else {
            throw .runtime("cannot set the socket's mode: \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, path) == 0 else {
            throw .runtime("cannot move the socket to \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The device and inode of the socket file at `path` (nil when it is not one).
    static func identity(_ path: String) -> (dev_t, ino_t)? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK else { return nil }
        return (info.st_dev, info.st_ino)
    }
}
