import Foundation
import SpotlightCore

/// What we can learn about a board file *before* SQLite touches it, so that a directory, a
/// stranger's file or a truncated database is refused without a single byte being written.
struct BoardFile {
    enum State: Equatable {
        case missing
        case empty
        case sqlite(pageSize: Int, pageCount: Int, fileSize: Int)
    }

    let path: String

    func inspect() throws(SpotlightError) -> State {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT {
                if let target = symlinkTarget {
                    throw .runtime("the board path \(path) is a symbolic link to \(target), which does not exist")
                }
                return .missing
            }
            if errno == EACCES {
                let why = SharedBoardCheck.reachAdvice(board: path) ?? "permission denied on a parent directory"
                throw .permission("cannot reach the board \(path): \(why)")
            }
            throw .runtime("cannot read the board \(path): \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .runtime("the board path \(path) is a directory; give the path of a board file, e.g. \(path)/board.sqlite")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .runtime("the board path \(path) is not a regular file")
        }
        let size = Int(info.st_size)
        if size == 0 { return .empty }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let why = SharedBoardCheck.readAdvice(board: path) ?? "ask its owner for read access"
            throw .permission("cannot read the board \(path): permission denied (\(why))")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        let magic = Array("SQLite format 3\0".utf8)
        guard header.count >= 100, Array(header.prefix(16)) == magic else {
            throw .runtime("\(path) is not a Spotlight board (it is not an SQLite database); it was left unchanged")
        }
        let bytes = [UInt8](header)
        func be(_ offset: Int, _ count: Int) -> Int {
            bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
        }
        var pageSize = be(16, 2)
        if pageSize == 1 { pageSize = 65536 }
        let pageCount = be(28, 4)
        // The in-header page count is trustworthy only when the two change counters agree, and
        // only while no one is writing: a checkpoint by another process writes page 1 (with the
        // new count) before the pages that grow the file, so with a `-wal` beside the board a
        // short file is normal for a moment and SQLite itself (under its locks) is the judge.
        let countValid = be(24, 4) == be(92, 4) && pageCount > 0
        let walInUse = access(path + "-wal", F_OK) == 0
        if countValid && !walInUse && size < pageSize * pageCount {
            throw .runtime("the board \(path) is damaged: the file is shorter than its header says (truncated?); it was left unchanged — restore it from a backup (`spotlight export`)")
        }
        return .sqlite(pageSize: pageSize, pageCount: pageCount, fileSize: size)
    }

    /// Whether this process may write the board: the file itself and its directory (SQLite
    /// creates `-wal` and `-shm` beside it).
    func isWritable(directory: String) -> Bool {
        access(path, W_OK) == 0 && access(directory, W_OK) == 0
    }
}
