import Foundation
import SpotlightCore

/// Making a new board file without ever following a symbolic link. In a shared board's
/// directory every member may create files, so a member could plant `board.sqlite -> /etc/x`
/// and wait for root to run `init` or `import`: SQLite resolves links before it creates a file,
/// and would make a root-owned database wherever the link points.
extension BoardFile {
    /// Where the board path points when it is itself a symbolic link (`lstat`), else nil.
    var symlinkTarget: String? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }

    /// The refusal for a board path that is a link, naming it and where it leads.
    func linkRefusal(target: String) -> SpotlightError {
        .runtime("the board path \(path) is a symbolic link (to \(target)); spotlight never creates or restores a board "
                 + "through a link, because anyone who can write its directory could point it anywhere: "
                 + "remove the link (rm \(path)) or give the real path; nothing was written")
    }

    /// A descriptor for the file the new board goes into: created here with `O_EXCL` and
    /// `O_NOFOLLOW` when `missing` (so no link planted meanwhile is followed), else the existing
    /// empty file, opened without following a link. When another spotlight created the file a
    /// moment ago (`EEXIST`), that regular file is opened the same way and its migration
    /// (under SQLite's write lock) decides. SQLite's default mode (0644, less the umask) is kept.
    /// The caller closes it.
    func openForCreation(missing: Bool) throws(SpotlightError) -> Int32 {
        var fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC | (missing ? O_CREAT | O_EXCL : 0), 0o644)
        if fd < 0 && errno == EEXIST { fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else {
            let code = errno
            if let target = symlinkTarget { throw linkRefusal(target: target) }
            switch code {
            case EACCES, EPERM:
                throw .permission("cannot create the board \(path): permission denied")
            default:
                throw .runtime("cannot create the board \(path): \(String(cString: strerror(code)))")
            }
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .runtime("cannot create the board \(path): it is not a regular file; nothing was written")
        }
        return fd
    }

    /// Whether another descriptor of this process (SQLite's) refers to the same file as `fd`:
    /// proof that SQLite opened the file created above and not something a link was swapped to
    /// after it was made. Checked right after opening, before SQLite takes any lock, because
    /// closing `fd` later would drop POSIX locks held on the same file.
    static func isOpenElsewhere(_ fd: Int32) -> Bool {
        var ours = stat()
        guard fstat(fd, &ours) == 0,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return false }
        for entry in entries {
            guard let other = Int32(entry), other != fd else { continue }
            var info = stat()
            if fstat(other, &info) == 0, info.st_dev == ours.st_dev, info.st_ino == ours.st_ino { return true }
        }
        return false
    }

    /// The path SQLite really uses (links resolved): its `-wal` and `-shm` live beside that.
    var resolvedPath: String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// A `-wal` or `-shm` beside the board that is a symbolic link, and where it leads. SQLite
    /// opens both with `O_NOFOLLOW`, so such a link makes the board unusable until removed.
    var linkedSidecar: (path: String, target: String)? {
        for suffix in ["-wal", "-shm"] {
            let sidecar = BoardFile(path: resolvedPath + suffix)
            if let target = sidecar.symlinkTarget { return (sidecar.path, target) }
        }
        return nil
    }

    /// What to say when SQLite refused the board because of such a link.
    static func sidecarRefusal(board: String, link: String, target: String) -> SpotlightError {
        .runtime("SQLite refuses to open the board \(board) because \(link) is a symbolic link (to \(target)), not the file "
                 + "SQLite makes there: remove the link (rm \(link)); it is not part of the board, and \(target) is not touched")
    }
}
