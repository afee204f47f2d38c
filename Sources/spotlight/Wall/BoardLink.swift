import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightUI

/// The connection to the board file, kept alive across trouble: when the board is deleted,
/// replaced, made unreadable or damaged, the link keeps its last good snapshot, says what is
/// wrong in `trouble`, and reconnects when the file is usable again. The wall reaches it only
/// through `WallBoardFeed`; the interactive board uses it directly.
@MainActor
final class BoardLink {
    let location: BoardLocation
    let account: Account
    private(set) var store: BoardStore?
    private(set) var snapshot: WallSnapshot?
    /// Why the board cannot be read right now; nil when all is well.
    private(set) var trouble: WallLoadFailure?
    /// The status line for `trouble` (worded in SpotlightUI).
    var problem: String? { trouble?.statusLine }
    /// Set by the wall during Customer Service Week (the start of today) so each read also
    /// finds the day's most upvoted story.
    var highlightSince: Date?
    /// Set by `spotlight wall --stats`: each read also renders the board statistics.
    var statsGlyphs: ChartGlyphs?
    private(set) var statsLines: [String]?
    private var identity: BoardWatcher.FileIdentity?
    private var dataVersion: Int?
    /// False for the interactive board, which reads its own pages: the link then only keeps
    /// the connection and says when the board changed.
    let readsWallSnapshot: Bool

    init(location: BoardLocation, account: Account, readsWallSnapshot: Bool = true) {
        self.location = location
        self.account = account
        self.readsWallSnapshot = readsWallSnapshot
    }

    /// The first open must succeed: a wall on a board that was never there is a mistake to report.
    func openFirst() async throws(SpotlightError) {
        let store = try await BoardStore.open(location.path, as: account)
        self.store = store
        identity = BoardWatcher.fileIdentity(of: location.path)
        do {
            try await read(store)
        } catch {
            await store.close()
            throw error
        }
    }

    /// Re-reads the board if another process changed it (or it came back); true when the
    /// snapshot changed.
    func refresh(watcher: BoardWatcher) async -> Bool {
        guard await hasChanged(watcher: watcher) else { return false }
        return await reread()
    }

    /// Whether another process changed the board (or it came back after trouble) since the
    /// last read; reconnects when the file was replaced. Sets `trouble` when it cannot tell.
    func hasChanged(watcher: BoardWatcher) async -> Bool {
        let current = watcher.fileIdentity()
        if current == nil || current != identity {
            await close()
            guard current != nil else {
                trouble = .fileMissing
                return false
            }
        }
        do {
            let store = try await connected(identity: current)
            let version = try await store.dataVersion()
            return version != dataVersion || trouble != nil || (readsWallSnapshot && snapshot == nil)
        } catch {
            await fail(error)
            return false
        }
    }

    /// Reads the board now (after a change, or after this process wrote: data_version does not
    /// move for our own commits); false when it could not, with `trouble` saying why.
    @discardableResult
    func reread() async -> Bool {
        guard let store else { return false }
        do {
            try await read(store)
            return true
        } catch {
            await fail(error)
            return false
        }
    }

    func close() async {
        await store?.close()
        store = nil
        dataVersion = nil
    }

    /// Keeps the last snapshot, says why, and drops the connection: the next check reconnects.
    private func fail(_ error: SpotlightError) async {
        trouble = .unavailable(error.message)
        await close()
    }

    private func connected(identity current: BoardWatcher.FileIdentity?) async throws(SpotlightError) -> BoardStore {
        if let store { return store }
        let store = try await BoardStore.open(location.path, as: account)
        self.store = store
        identity = current
        return store
    }

    private func read(_ store: BoardStore) async throws(SpotlightError) {
        dataVersion = try await store.dataVersion()
        if readsWallSnapshot { snapshot = try await store.wallSnapshot(highlightSince: highlightSince) }
        if let statsGlyphs { statsLines = try await StatsLines.lines(store, glyphs: statsGlyphs) }
        trouble = nil
    }
}
