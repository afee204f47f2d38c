#if PostgreSQLSupport
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import Synchronization

/// The board in a PostgreSQL database (issue 14, DESIGN §12; the diagram's `PostgresBoard`):
/// one handle acting as one account with its own clock, on the process's pool for that
/// database (`PostgresStores`). Many brokers on many hosts may use one database: every write
/// is one READ COMMITTED transaction that takes its locks first in a fixed order (`PGLocks`),
/// then reads its facts, asks `BoardRules`, writes and records the audit row with its host.
///
/// `changes()`: another handle's or broker's commit, heard through LISTEN/NOTIFY (`PostgresHub`).
public final class PostgreSQLBoard: BoardService, Sendable {
    public let account: Account
    public let clock: Clock
    public let location: String
    public var isReadOnly: Bool { false }
    public var isImmutable: Bool { false }
    public var isOutOfSpace: Bool { false }

    let store: PostgresStore
    /// Names this handle in change notifications, so it never hears its own writes.
    let handleID = UUID().uuidString
    private let state = Mutex(State())

    private struct State {
        var isClosed = false
        var streams: [UUID: AsyncStream<BoardChange>.Continuation] = [:]
    }

    public enum OpenMode: Sendable {
        case existing
        /// Make the board if the database is empty (`serve` does): `account` is its first manager.
        case createIfMissing(name: String?)
    }

    private init(store: PostgresStore, account: Account, clock: Clock) {
        self.store = store
        self.account = account
        self.clock = clock
        location = store.location.description
    }

    /// Opens the board in the database `url` names (`PostgresLocation`), as `account`.
    /// `passwordFile`: the role's password (`PostgresSecret`); none for peer authentication.
    public static func open(_ url: String, passwordFile: String? = nil, as account: Account, mode: OpenMode = .existing,
                            clock: Clock = .system) async throws(SpotlightError) -> PostgreSQLBoard {
        let location = try PostgresLocation.parse(url, defaultRole: PostgresErrors.currentLogin())
        let password = try passwordFile.map { (file: String) throws(SpotlightError) -> String in try PostgresSecret.password(file: file) }
        let store = try PostgresStores.acquire(location, password: password)
        let storeMode: PostgresStore.OpenMode = switch mode {
        case .existing: .existing
        case .createIfMissing(let name): .createIfMissing(name: name)
        }
        do {
            try await store.prepare(mode: storeMode, creator: account, clock: clock)
            try await store.hub.start()
        } catch {
            await PostgresStores.release(store)
            throw Self.naming(passwordFile, error, location)
        }
        return PostgreSQLBoard(store: store, account: account, clock: clock)
    }

    private static func naming(_ passwordFile: String?, _ error: SpotlightError, _ location: PostgresLocation) -> SpotlightError {
        guard let passwordFile, error.kind == .permission, error.message.contains("refused the password") else { return error }
        return .permission(error.message + " (from --store-password-file \(passwordFile))")
    }

    public func close() async {
        let (wasClosed, streams) = state.withLock { state in
            defer { state.isClosed = true; state.streams = [:] }
            return (state.isClosed, state.streams.map { ($0.key, $0.value) })
        }
        for (id, stream) in streams {
            store.hub.unsubscribe(id)
            stream.finish()
        }
        guard !wasClosed else { return }
        await PostgresStores.release(store)
    }

    public func changes() -> AsyncStream<BoardChange> { subscribe(othersOnly: false) }

    /// Other processes' commits only: the notifications name the instance that wrote.
    public func othersChanges() -> AsyncStream<BoardChange>? { subscribe(othersOnly: true) }

    private func subscribe(othersOnly: Bool) -> AsyncStream<BoardChange> {
        let (stream, continuation) = AsyncStream.makeStream(of: BoardChange.self, bufferingPolicy: .bufferingNewest(8))
        // Registered with the hub before it is returned: a commit after this call is heard.
        guard !state.withLock({ $0.isClosed }),
              let id = store.hub.subscribe(handle: othersOnly ? nil : handleID, continuation) else {
            continuation.finish()
            return stream
        }
        let registered = state.withLock { state in
            guard !state.isClosed else { return false }
            state.streams[id] = continuation
            return true
        }
        guard registered else {
            store.hub.unsubscribe(id)
            continuation.finish()
            return stream
        }
        let hub = store.hub
        continuation.onTermination = { [weak self] _ in
            hub.unsubscribe(id)
            self?.state.withLock { state in _ = state.streams.removeValue(forKey: id) }
        }
        return stream
    }

    // MARK: - Running operations

    func requireOpen() throws(SpotlightError) {
        guard !state.withLock({ $0.isClosed }) else { throw .runtime("the board \(location) was closed") }
    }

    /// A write: one transaction (`PostgresStore.transaction`) as this handle's account.
    func write<T: Sendable>(_ body: (PGSession) async throws(SpotlightError) -> T) async throws(SpotlightError) -> T {
        try requireOpen()
        let (account, clock, host) = (account, clock, store.hostName)
        return try await store.transaction(notify: store.hub.payload(handle: handleID)) { (tx: PGTx) async throws(SpotlightError) -> T in
            try await body(PGSession(tx: tx, account: account, clock: clock, host: host))
        }
    }

    /// A read: statements on one leased connection.
    func read<T: Sendable>(_ body: (PGSession) async throws(SpotlightError) -> T) async throws(SpotlightError) -> T {
        try requireOpen()
        let (account, clock, host) = (account, clock, store.hostName)
        return try await store.read { (tx: PGTx) async throws(SpotlightError) -> T in
            try await body(PGSession(tx: tx, account: account, clock: clock, host: host))
        }
    }

    /// A read of one consistent moment (the wall, export).
    func snapshot<T: Sendable>(_ body: (PGSession) async throws(SpotlightError) -> T) async throws(SpotlightError) -> T {
        try requireOpen()
        let (account, clock, host) = (account, clock, store.hostName)
        return try await store.snapshot { (tx: PGTx) async throws(SpotlightError) -> T in
            try await body(PGSession(tx: tx, account: account, clock: clock, host: host))
        }
    }
}
#endif
