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
    /// For the time a draft was saved and the name of a file set aside.
    let clock: Clock

    /// Larger than any draft can be (every field at its byte limit): anything bigger is not ours.
    static let maximumBytes = 1 << 20

    init(boardPath: String, environment: [String: String], clock: Clock = .system) {
        self.clock = clock
        (self.boardPath, directory, path) = StateFile.location("draft", folder: "drafts", boardPath: boardPath, environment: environment)
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
        let stored = Stored(version: 1, board: boardPath, editing: editing, savedAt: clock.now, draft: draft)
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            data = try encoder.encode(stored)
        } catch {
            throw .runtime("could not save your draft: \(error)")
        }
        try StateFile.makeDirectory(directory, purpose: "your draft")
        try StateFile.writeAtomically(data, to: path, directory: directory, purpose: "your draft")
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

    /// Moves a file that is not a draft out of the way, keeping it for its owner.
    private func setAside() {
        let base = path + ".corrupt-\(Int(clock.now.timeIntervalSince1970))"
        var target = base
        var n = 1
        while access(target, F_OK) == 0, n < 100 {   // never over an earlier one
            n += 1
            target = base + "-\(n)"
        }
        rename(path, target)
    }
}
