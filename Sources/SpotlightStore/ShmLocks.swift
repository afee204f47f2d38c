import Foundation
import SpotlightCore

/// Who holds the locks SQLite's write-ahead log keeps on bytes of the board's `-shm` file. In
/// the shared-file mode any member may open that file, so a member's `lockf` on byte 120 (the
/// write lock) blocks every writer, and on byte 121 (the checkpoint lock) lets the `-wal` grow
/// without bound. Nothing here can stop that; it names the process, so a writer that gives up
/// and `doctor` say who. Read from `/proc/locks`, so Linux only; elsewhere nobody is named.
public enum ShmLocks {
    public enum Lock: Int, Sendable, CaseIterable {
        case write = 120
        case checkpoint = 121

        var name: String { self == .write ? "write lock" : "checkpoint lock" }
    }

    public struct Holder: Equatable, Sendable {
        /// -1 for an open-file-description lock, whose owner the kernel does not show.
        public let pid: Int32
        public let lock: Lock
    }

    /// The `-shm` locks on bytes 120 and 121 held by processes other than this one.
    public static func holders(board: String) -> [Holder] {
        var info = stat()
        guard lstat(board + "-shm", &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let table = lockTable() else { return [] }
        return parse(table, device: UInt64(info.st_dev), inode: UInt64(info.st_ino)).filter { $0.pid != getpid() }
    }

    /// All of `/proc/locks`, read to its end. Foundation's `String(contentsOfFile:)` trusts the
    /// size `stat` reports (0 in /proc) and stops after one 4 KB read; on a busy host the board's
    /// lines come later, so a held lock went unnamed (seen in CI with the other suites running).
    static func lockTable() -> String? {
        guard let data = try? RegularFile.contents("/proc/locks", limit: 64 << 20) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The holders in a `/proc/locks` table of the file `device`/`inode`. Lines look like
    /// `3: POSIX  ADVISORY  WRITE 4242 fe:00:16220742 120 120`; waiters (`->`) hold nothing.
    static func parse(_ table: String, device: UInt64, inode: UInt64) -> [Holder] {
        let file = String(format: "%02x:%02x:%llu", major(device), minor(device), inode)
        var found: [Holder] = []
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 8, fields[1] != "->", fields[1] == "POSIX" || fields[1] == "OFDLCK",
                  fields[5] == file, let pid = Int32(fields[4]), let start = Int(fields[6]) else { continue }
            let end = fields[7] == "EOF" ? Int.max : Int(fields[7]) ?? -1
            for lock in Lock.allCases where start <= lock.rawValue && lock.rawValue <= end && !found.contains(Holder(pid: pid, lock: lock)) {
                found.append(Holder(pid: pid, lock: lock))
            }
        }
        return found
    }

    /// "pid 4242 (python3, account bob) holds the write lock (byte 120 of board.sqlite-shm)".
    public static func describe(_ holder: Holder, board: String) -> String {
        let place = "byte \(holder.lock.rawValue) of \((board as NSString).lastPathComponent)-shm"
        guard holder.pid > 0 else { return "a process (an open-file-description lock, pid not shown) holds the \(holder.lock.name) (\(place))" }
        let command = (try? String(contentsOfFile: "/proc/\(holder.pid)/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var info = stat()
        let owner = stat("/proc/\(holder.pid)", &info) == 0 ? (getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "uid \(info.st_uid)") : nil
        let who = [command, owner.map { "account \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return "pid \(holder.pid)\(who.isEmpty ? "" : " (\(who))") holds the \(holder.lock.name) (\(place))"
    }

    /// Whether the holder is a spotlight process (a writer mid-transaction, normally brief).
    public static func isSpotlight(_ holder: Holder) -> Bool {
        (try? String(contentsOfFile: "/proc/\(holder.pid)/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) == "spotlight"
    }

    /// glibc's encoding of `dev_t` (the `major`/`minor` macros Swift does not import).
    static func major(_ device: UInt64) -> UInt64 { ((device >> 8) & 0xFFF) | ((device >> 32) & ~0xFFF) }
    static func minor(_ device: UInt64) -> UInt64 { (device & 0xFF) | ((device >> 12) & ~0xFF) }
}
