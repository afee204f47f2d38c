import Foundation
import SpotlightCore
import SpotlightStore

/// The wall's connection to the board file, kept alive across trouble: when the board is
/// deleted, replaced, made unreadable or damaged, the wall keeps its last good snapshot, says
/// what is wrong in `problem`, and reconnects when the file is usable again.
@MainActor
final class BoardLink {
    let location: BoardLocation
    let account: Account
    private(set) var store: BoardStore?
    private(set) var snapshot: WallSnapshot?
    /// A one-line explanation while the board cannot be read; nil when all is well.
    private(set) var problem: String?
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
        let current = watcher.fileIdentity()
        if current == nil || current != identity {
            await close()
            guard current != nil else {
                problem = "board file missing; showing the last stories read"
                return false
            }
        }
        do {
            let store = try await connected(identity: current)
            let version = try await store.dataVersion()
            guard version != dataVersion || problem != nil || (readsWallSnapshot && snapshot == nil) else { return false }
            try await read(store)
            return true
        } catch {
            problem = "board unavailable (\(error.message)); showing the last stories read"
            await close()
            return false
        }
    }

    /// After this process wrote (an upvote): data_version does not move for our own commits.
    func reread() async {
        guard let store else { return }
        try? await read(store)
    }

    func close() async {
        await store?.close()
        store = nil
        dataVersion = nil
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
        problem = nil
    }
}
