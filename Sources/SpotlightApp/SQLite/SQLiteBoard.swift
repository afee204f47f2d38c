import Foundation
import Synchronization
import SpotlightCore
import SpotlightStore

/// File mode (DESIGN §12): this process opens the board file itself, through `BoardStore`.
/// Beyond the store, it owns "has the board changed?" (`changes()`, `SQLiteBoard+Changes`) and
/// the connection across trouble: a board file deleted or replaced is reopened when usable again.
public actor SQLiteBoard: BoardService {
    public nonisolated let account: Account
    public nonisolated let location: String
    public nonisolated let clock: Clock
    public nonisolated let isReadOnly: Bool
    public nonisolated let isImmutable: Bool
    public nonisolated let isOutOfSpace: Bool
    /// The re-check schedule every `changes()` stream starts from.
    public nonisolated let policy: RecheckPolicy

    /// The open connection; nil after the board file went away, until it is usable again.
    private var store: BoardStore?
    /// The file the connection was opened on (device and inode).
    private(set) var storeIdentity: BoardWatcher.FileIdentity?
    /// Counts connections, so a stream notices a reconnection even if `data_version` agrees.
    private(set) var generation = 0
    private var isClosed = false
    /// The reopening in progress, which every caller of `connected()` then waits for.
    private var reopening: Task<Result<Reopened, SpotlightError>, Never>?
    /// The running `changes()` streams and what was last seen of the board. Behind a lock, not
    /// in the actor, so `changes()` registers a stream and takes its starting point before it
    /// returns: a commit after the call is never missed.
    nonisolated let watchers: Mutex<Watchers>

    struct Watchers: Sendable {
        var isClosed = false
        var streams: [UUID: AsyncStream<BoardChange>.Continuation] = [:]
        var latest: Seen
    }

    private init(store: BoardStore, policy: RecheckPolicy, dataVersion: Int) {
        account = store.account
        location = store.path
        clock = store.clock
        isReadOnly = store.isReadOnly
        isImmutable = store.isImmutable
        isOutOfSpace = store.isOutOfSpace
        self.policy = policy
        self.store = store
        storeIdentity = BoardWatcher.fileIdentity(of: store.path)
        watchers = Mutex(Watchers(latest: Seen(generation: 0, dataVersion: dataVersion)))
    }

    /// Opens the board file at `path` as `account` (`BoardStore.open`, with all its checks).
    /// `policy`: when `changes()` re-checks; the default is the one every front end uses.
    public static func open(
        _ path: String, as account: Account, mode: BoardStore.OpenMode = .existing, clock: Clock = .system,
        policy: RecheckPolicy? = nil
    ) async throws(SpotlightError) -> SQLiteBoard {
        let store = try await BoardStore.open(path, as: account, mode: mode, clock: clock)
        let version: Int
        do {
            version = try await store.dataVersion()
        } catch {
            await store.close()
            throw error
        }
        return SQLiteBoard(store: store, policy: policy ?? RecheckPolicy(now: clock.now), dataVersion: version)
    }

    public func close() async {
        isClosed = true
        let streams = watchers.withLock { watchers in
            watchers.isClosed = true
            defer { watchers.streams = [:] }
            return Array(watchers.streams.values)
        }
        for stream in streams { stream.finish() }
        let old = store
        store = nil
        await old?.close()
    }

    /// The connection, reopened if the board file went away and is back. Callers arriving while
    /// it reopens wait for that one opening (a second would leak a connection).
    func connected() async throws(SpotlightError) -> BoardStore {
        if let store { return store }
        guard !isClosed else { throw .runtime("the board \(location) was closed") }
        if let reopening { return try await reopening.value.get().store }
        let (location, account, clock) = (location, account, clock)
        let opening = Task { () async -> Result<Reopened, SpotlightError> in
            let identity = BoardWatcher.fileIdentity(of: location)
            do throws(SpotlightError) {
                return .success(Reopened(store: try await BoardStore.open(location, as: account, clock: clock), identity: identity))
            } catch {
                return .failure(error)
            }
        }
        reopening = opening
        defer { reopening = nil }
        let reopened = try await opening.value.get()
        guard !isClosed else {
            await reopened.store.close()
            throw .runtime("the board \(location) was closed")
        }
        store = reopened.store
        storeIdentity = reopened.identity
        generation += 1
        return reopened.store
    }

    /// Drops the connection (the file is gone or replaced); the next use reopens.
    func disconnect() async {
        let old = store
        store = nil
        storeIdentity = nil
        await old?.close()
    }
}

/// A connection reopened on the board file, and the file it was opened on.
struct Reopened: Sendable {
    let store: BoardStore
    let identity: BoardWatcher.FileIdentity?
}
