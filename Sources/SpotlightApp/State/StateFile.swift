import Foundation
import SpotlightCore

/// Files spotlight keeps per account under `$XDG_STATE_HOME/spotlight/` (default
/// `~/.local/state`): compose drafts and last-visit marks. Mode 0600 in a 0700 directory, written
/// atomically, and never read or written through a symbolic link.
enum StateFile {
    /// `$XDG_STATE_HOME/spotlight/<folder>` (a relative XDG_STATE_HOME is invalid and ignored).
    static func directory(_ folder: String, environment: [String: String]) -> String {
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/state"
        return state + "/spotlight/" + folder
    }

    /// Where one board's file of `kind` ("draft", "visit") lives for this account: the board as an
    /// absolute path (stored in the file to guard against a hash clash), the folder and the file.
    static func location(_ kind: String, folder: String, boardPath: String, environment: [String: String])
        -> (board: String, directory: String, path: String) {
        let board = absolute(boardPath)
        let directory = directory(folder, environment: environment)
        return (board, directory, directory + "/\(kind)-" + hash(board) + ".json")
    }

    enum Read {
        case missing
        case data(Data)
        /// Not a file of ours to read (a link, a directory, too big, unreadable): why.
        case unusable(String)
    }

    /// The file's bytes, if it is a regular file (not followed through a link) of at most `limit`.
    static func read(_ path: String, limit: Int) -> Read {
        do {
            guard let data = try RegularFile.contents(path, limit: limit, followingLinks: false) else { return .missing }
            return .data(data)
        } catch {
            return .unusable(error.reason)
        }
    }

    static func makeDirectory(_ directory: String, purpose: String) throws(SpotlightError) {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .runtime("could not save \(purpose): cannot create \(directory): \(error.localizedDescription)")
        }
    }

    /// Temporary file in the same directory (so rename is atomic), mode 0600, fsync'd, renamed
    /// over `target`; the directory is fsync'd so the rename itself survives a power cut. rename
    /// replaces a symbolic link at `target` itself, never the file it points to.
    static func writeAtomically(_ data: Data, to target: String, directory: String, purpose: String) throws(SpotlightError) {
        let temporary = directory + "/.state-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(purpose, "cannot create \(temporary)") }
        var ok = fchmod(fd, 0o600) == 0 && RegularFile.writeAll(data, to: fd)
        let error = errno
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno == 0 ? error : errno))
            unlink(temporary)
            throw .runtime("could not save \(purpose) to \(target): \(reason)")
        }
        let dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    private static func failure(_ purpose: String, _ what: String) -> SpotlightError {
        .runtime("could not save \(purpose): \(what): \(String(cString: strerror(errno)))")
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }

    /// FNV-1a, 64 bits, as 16 hex digits: stable across runs and platforms (unlike `hashValue`).
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
