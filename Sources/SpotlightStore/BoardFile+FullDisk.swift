import Foundation
import SpotlightCore

/// A full disk must not stop people reading the board: that is exactly when a backup is
/// needed, and a wall restarted by systemd must come up. SQLite's first read of a WAL board
/// creates `-shm` (32 KiB), which a full disk refuses with "disk I/O error"; an `immutable`
/// read needs no new file.
extension BoardFile {
    /// Less room than this beside the board counts as full: SQLite's shared memory needs 32 KiB.
    static let roomForSharedMemory = 64 * 1024

    /// Whether the filesystem holding the board has too little room left for SQLite's `-shm`.
    func isOnFullDisk(directory: String) -> Bool {
        var info = statvfs()
        guard statvfs(directory.isEmpty ? "." : directory, &info) == 0 else { return false }
        return Int(info.f_bavail) * Int(info.f_frsize) < Self.roomForSharedMemory
    }

    /// An `immutable` read sees only the main file, so it is exact only while the write-ahead
    /// log holds nothing (the last process to close the board empties and removes it). When it
    /// does hold changes, say so rather than show an older board.
    func requireEmptyLogOnFullDisk() throws(SpotlightError) {
        let resolved = resolvedPath
        var info = stat()
        guard lstat(resolved + "-wal", &info) == 0, info.st_size > 0 else { return }
        throw .runtime("the disk holding the board \(path) is full, and its latest changes are still in \(resolved)-wal, "
                       + "which SQLite cannot read without making \(resolved)-shm: free some space on that disk; nothing was changed")
    }
}
