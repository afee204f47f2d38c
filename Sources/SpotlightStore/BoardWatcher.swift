import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the wall when another process may have changed the board. inotify on the board's
/// *directory* (SQLite commits touch `-wal`; a replaced or deleted board shows up as a
/// create/delete/move there) is only a hint: the caller confirms with `PRAGMA data_version`,
/// and keeps a slow poll, because changes through the `-shm` mapping and network filesystems
/// report nothing.
public final class BoardWatcher {
    /// The descriptor to include in the event loop's `poll`; nil when inotify is unavailable.
    public let fileDescriptor: Int32?
    public let path: String

    public init(boardPath: String) {
        path = boardPath
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { fileDescriptor = nil; return }
        let directory = (boardPath as NSString).deletingLastPathComponent
        let mask = UInt32(IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_CLOSE_WRITE | IN_ATTRIB)
        guard inotify_add_watch(fd, directory, mask) >= 0 else {
            close(fd)
            fileDescriptor = nil
            return
        }
        fileDescriptor = fd
    }

    deinit {
        if let fileDescriptor { close(fileDescriptor) }
    }

    /// Reads and discards pending events; returns true when any concerned the board's files.
    @discardableResult
    public func drain() -> Bool {
        guard let fd = fileDescriptor else { return false }
        let name = (path as NSString).lastPathComponent
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (length, eventName) = buffer.withUnsafeBytes { raw -> (Int, String) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = raw[nameStart..<min(count, nameStart + Int(event.len))].prefix { $0 != 0 }
                    return (Int(event.len), String(decoding: nameBytes, as: UTF8.self))
                }
                if eventName.hasPrefix(name) { relevant = true }
                offset += MemoryLayout<inotify_event>.size + length
            }
        }
        return relevant
    }

    /// The board file's identity (device and inode), or nil when it is gone. A change means the
    /// file was replaced or deleted: an open connection would keep reading the old one.
    public func fileIdentity() -> FileIdentity? {
        Self.fileIdentity(of: path)
    }

    public static func fileIdentity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    public struct FileIdentity: Equatable, Sendable {
        public let device: UInt64
        public let inode: UInt64
    }
}
