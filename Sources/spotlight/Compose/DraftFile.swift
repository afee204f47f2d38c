import Foundation
import SpotlightCore

/// The compose form's draft on disk, so that a dropped ssh connection or a closed terminal loses
/// nothing: saved after edits, offered back the next time `spotlight` starts on the same board.
///
/// One JSON file per board under `$XDG_STATE_HOME/spotlight/drafts/` (default
/// `~/.local/state`), named from a hash of the board's path, mode 0600 in a 0700 directory.
/// Written atomically (a temporary file, fsync, rename), so a kill at any moment leaves either
/// the old draft or the new one, never half of one. A file that cannot be read as a draft is
/// moved aside to `<name>.corrupt-<time>` for its owner to inspect, and never deleted.
struct DraftFile {
    /// The board this draft belongs to, as an absolute path.
    let boardPath: String
    let directory: String
    /// The draft file itself.
    let path: String

    /// Larger than any draft can be (every field at its byte limit): anything bigger is not ours.
    static let maximumBytes = 1 << 20

    init(boardPath: String, environment: [String: String]) {
        self.boardPath = Self.absolute(boardPath)
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
        // The XDG spec says a relative XDG_STATE_HOME is invalid and must be ignored.
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? home + "/.local/state"
        directory = state + "/spotlight/drafts"
        path = directory + "/draft-" + Self.hash(self.boardPath) + ".json"
    }

    /// What the file holds. `board` guards against the (unlikely) clash of two paths' hashes.
    private struct Stored: Codable {
        var version: Int
        var board: String
        var editing: StoryID?
        var savedAt: Date
        var draft: StoryDraft
    }

    /// Replaces the saved draft with `draft` (for story `editing`, or a new story when nil).
    func save(_ draft: StoryDraft, editing: StoryID?) throws(SpotlightError) {
        let stored = Stored(version: 1, board: boardPath, editing: editing, savedAt: Date(), draft: draft)
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            data = try encoder.encode(stored)
        } catch {
            throw .runtime("could not save your draft: \(error)")
        }
        try makeDirectory()
        try Self.writeAtomically(data, to: path, directory: directory)
    }

    /// The saved draft, or nil when there is none (or it belongs to another board). A file that
    /// is not a draft is moved aside, never deleted, and reported as none.
    func load() -> (draft: StoryDraft, editing: StoryID?)? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        guard info.st_size <= Self.maximumBytes else {
            setAside()
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }   // unreadable: leave it
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let stored = try? decoder.decode(Stored.self, from: data), stored.version == 1 else {
            setAside()
            return nil
        }
        guard stored.board == boardPath else { return nil }
        return (stored.draft, stored.editing)
    }

    /// Forgets the draft (after it was posted, or the person chose to discard it).
    func discard() {
        unlink(path)
    }

    // MARK: - Files

    private func makeDirectory() throws(SpotlightError) {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .runtime("could not save your draft: cannot create \(directory): \(error.localizedDescription)")
        }
    }

    /// Moves a file that is not a draft out of the way, keeping it for its owner.
    private func setAside() {
        let base = path + ".corrupt-\(Int(Date().timeIntervalSince1970))"
        var target = base
        var n = 1
        while access(target, F_OK) == 0, n < 100 {   // never over an earlier one
            n += 1
            target = base + "-\(n)"
        }
        rename(path, target)
    }

    /// Temporary file in the same directory (so rename is atomic), mode 0600, fsync'd, renamed
    /// over `target`; the directory is fsync'd so the rename itself survives a power cut.
    private static func writeAtomically(_ data: Data, to target: String, directory: String) throws(SpotlightError) {
        let temporary = directory + "/.draft-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create \(temporary)") }
        var ok = fchmod(fd, 0o600) == 0
        if ok {
            ok = data.withUnsafeBytes { raw -> Bool in
                var offset = 0
                while offset < raw.count {
                    let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += n
                }
                return true
            }
        }
        let error = errno
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno == 0 ? error : errno))
            unlink(temporary)
            throw .runtime("could not save your draft to \(target): \(reason)")
        }
        let dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    private static func failure(_ what: String) -> SpotlightError {
        .runtime("could not save your draft: \(what): \(String(cString: strerror(errno)))")
    }

    private static func absolute(_ path: String) -> String {
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
