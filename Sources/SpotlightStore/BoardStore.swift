import CBoardHardening
import Foundation
import SQLiteNIO
import SpotlightCore
import Synchronization

/// One open board file. Every read and write of the board goes through here; nothing else in
/// the program talks to SQLite. Each process opens the file directly — there is no server.
///
/// An actor over one connection. Actor isolation alone would not keep two tasks' statements
/// apart (each `await` on the driver lets another task in, and a second `BEGIN IMMEDIATE` on
/// the same connection fails), so every statement and every transaction also passes the
/// connection's `gate` (`BoardStore+Gate`): one transaction at a time, and no read sees another
/// task's uncommitted writes.
public actor BoardStore {
    public enum OpenMode: Sendable {
        /// Open an existing board; falls back to read-only when the file or directory is not writable.
        case existing
        /// Create the board if the file is missing or empty (`init`, `demo`).
        case createIfMissing(name: String?)
    }

    public nonisolated let path: String
    public nonisolated let account: Account
    public nonisolated let clock: Clock
    /// True when this process cannot write the board; writes then fail with exit code 3.
    public nonisolated let isReadOnly: Bool
    /// True when the board had to be opened `immutable` (read-only directory, no `-shm` file):
    /// other processes' changes are then not seen until reopened.
    public nonisolated let isImmutable: Bool
    /// True when the board was opened read-only because its disk is full (SQLite could not
    /// create `-shm`): reads work, writes fail saying the disk is full.
    public nonisolated let isOutOfSpace: Bool
    nonisolated let db: SQLiteConnection
    /// Who holds the connection now, and who waits (`BoardStore+Gate`).
    var gate = ConnectionGate()

    private init(path: String, account: Account, clock: Clock, isReadOnly: Bool, isImmutable: Bool,
                 isOutOfSpace: Bool = false, db: SQLiteConnection) {
        self.path = path
        self.account = account
        self.clock = clock
        self.isReadOnly = isReadOnly
        self.isImmutable = isImmutable
        self.isOutOfSpace = isOutOfSpace
        self.db = db
    }

    public static var sqliteVersion: String { SQLiteConnection.libraryVersionString() }

    /// One thread runs every SQLite call of a CLI process (calls on a connection are sequential
    /// anyway); NIO's default singletons start two per core, which a short run pays for. A
    /// broker, with a connection per account, asks for more (`useThreads`) so that one client's
    /// long read (a wall's snapshot of 100,000 stories) does not hold up another's.
    static let threadPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threads.withLock { $0 })
        pool.start()
        return pool
    }()
    private static let threads = Mutex(1)

    /// How many threads run this process's SQLite calls; only before the first board is opened
    /// (the pool starts then), later calls change nothing. Writers still take turns (`ProcessWriters`).
    public static func useThreads(_ count: Int) {
        threads.withLock { $0 = max(1, count) }
    }
    /// NIO's event loop, started only if a future-based call needs it (`LazyEventLoop`).
    static var eventLoop: any EventLoop { LazyEventLoop.shared }

    /// Opens (or, with `.createIfMissing`, creates) the board at `path` as `account`.
    /// A directory, a non-SQLite file, a damaged file, a board from a newer version or one on a
    /// network filesystem (`FileSystemCheck`) is refused before anything is written to it.
    public static func open(
        _ path: String, as account: Account, mode: OpenMode = .existing, clock: Clock = .system
    ) async throws(SpotlightError) -> BoardStore {
        try FileSystemCheck.requireLocal(board: path)
        let file = BoardFile(path: path)
        let directory = (path as NSString).deletingLastPathComponent
        if case .createIfMissing = mode, let target = file.symlinkTarget { throw file.linkRefusal(target: target) }
        var state = try file.inspect()
        let missing = state == .missing
        var creating = false
        switch (state, mode) {
        case (.missing, .existing):
            throw .runtime("no board at \(path): create one with `spotlight init` (or try `spotlight demo`), or point --board / SPOTLIGHT_BOARD at an existing board")
        case (.empty, .existing):
            throw .runtime("\(path) is an empty file, not a board: run `spotlight init --board \(path)` to make it one")
        case (.missing, .createIfMissing):
            try createDirectory(directory)
            creating = true
            state = .empty
        case (.empty, .createIfMissing):
            creating = true
        case (.sqlite, _):
            break
        }
        let writable = creating ? access(directory, W_OK) == 0 : file.isWritable(directory: directory)
        if creating && !writable {
            throw .permission("cannot create the board \(path): the directory \(directory) is not writable by \(account.login)")
        }
        let db = try await connectCreating(file, missing: missing, creating: creating, writable: writable)
        var store = BoardStore(path: path, account: account, clock: clock, isReadOnly: !writable, isImmutable: false, db: db)
        var version = 0
        do {
            version = try await store.checkIdentity(creating: creating)
        } catch where !writable || !creating && file.isOnFullDisk(directory: directory) {
            // A read-only directory, or a full disk, without a `-shm` file: SQLite cannot set up
            // WAL shared memory, but can still read the board if told that no one will change it
            // underneath. On a full disk that is exact only while `-wal` holds nothing.
            await Self.close(db)
            if writable { try file.requireEmptyLogOnFullDisk() }
            let immutableDB = try await connect(path: path, uriMode: "ro", immutable: true)
            store = BoardStore(path: path, account: account, clock: clock, isReadOnly: true, isImmutable: true,
                               isOutOfSpace: writable, db: immutableDB)
            version = try await store.checkIdentity(creating: false)
        } catch {
            await Self.close(db)
            throw error
        }
        do {
            try await store.configure(creating: creating, mode: mode, version: version)
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Waits for a statement or transaction another task is running, then closes.
    public func close() async {
        try? await exclusively { () async throws(SpotlightError) in await Self.close(db) }
    }

    /// Closes a connection even from a cancelled task: the driver's `async` close gives up when
    /// its task is cancelled (and an unclosed connection traps when freed), so it runs in a task
    /// of its own, which no cancellation reaches. Not the driver's future-based close, which
    /// would start NIO's event-loop thread for this alone (`LazyEventLoop`).
    static func close(_ db: SQLiteConnection) async {
        await Task { try? await db.close() }.value
    }

    private static func createDirectory(_ directory: String) throws(SpotlightError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .permission("cannot create the directory \(directory) for the board: \(error.localizedDescription)")
        }
    }

    /// Opens the board with SQLite. A new board's file is made first by `BoardFile` (no link
    /// followed), SQLite is told not to create one (`mode=rw`), and it must be seen holding
    /// that very file, or nothing is written.
    private static func connectCreating(_ file: BoardFile, missing: Bool, creating: Bool, writable: Bool) async throws(SpotlightError) -> SQLiteConnection {
        guard creating else { return try await connect(path: file.path, uriMode: writable ? "rw" : "ro") }
        let made = try file.openForCreation(missing: missing)
        let db: SQLiteConnection
        do {
            db = try await connect(path: file.path, uriMode: "rw")
        } catch {
            Glibc.close(made)
            throw error
        }
        let same = BoardFile.isOpenElsewhere(made)
        Glibc.close(made)
        guard same else {
            await Self.close(db)
            throw .runtime("cannot create the board \(file.path): it was replaced (by a link or another file) while it was being created; nothing was written")
        }
        return db
    }

    private static func connect(path: String, uriMode: String, immutable: Bool = false) async throws(SpotlightError) -> SQLiteConnection {
        let uri = "file:\(SQLiteURI.escapedPath(path))?mode=\(uriMode)" + (immutable ? "&immutable=1" : "")
        // Root's login banner opens a file members can write: every connection is hardened as
        // it opens (CBoardHardening), before SQLite reads a byte of the schema.
        guard board_hardening_install() == 0 else {
            throw .runtime("cannot open the board \(path): SQLite's safety settings could not be installed")
        }
        do {
            return try await SQLiteConnection.open(storage: .file(path: uri), threadPool: Self.threadPool,
                                                   on: Self.eventLoop)
        } catch {
            throw StoreError.translate(error, path: path)
        }
    }

    /// Is this file a board we understand? Reads only.
    @discardableResult
    private func checkIdentity(creating: Bool) async throws(SpotlightError) -> Int {
        let header = try await rows("SELECT a.application_id, v.user_version FROM pragma_application_id a, pragma_user_version v")
        let appID = header.first?.column("application_id")?.integer ?? 0
        let version = header.first?.column("user_version")?.integer ?? 0
        if creating { return version }
        if appID == 0 && version == 0 {
            let tables = try await scalarInt("SELECT count(*) FROM sqlite_schema")
            if tables == 0 {
                throw .runtime("\(path) is an empty SQLite database, not a board: run `spotlight init --board \(path)`")
            }
        }
        guard appID == Int(Schema.applicationID) else {
            throw .runtime("\(path) is an SQLite database but not a Spotlight board; it was left unchanged")
        }
        if version > Schema.currentVersion {
            throw .runtime("the board \(path) was made by a newer spotlight (schema \(version); this one knows up to \(Schema.currentVersion)): upgrade spotlight; the board was left unchanged")
        }
        return version
    }

    /// Connection settings of DESIGN §8, then creation or forward migration.
    /// `version` is the schema version read while checking identity; an up-to-date board
    /// skips the migration transaction entirely, which keeps `spotlight list` fast.
    private func configure(creating: Bool, mode: OpenMode, version: Int) async throws(SpotlightError) {
        try await execute("PRAGMA busy_timeout = 10000")
        try await execute("PRAGMA foreign_keys = ON")
        guard !isReadOnly else { return }
        try await execute("PRAGMA synchronous = FULL")
        if version < Schema.currentVersion {
            // A new board, or one from an older version: it is WAL from here on.
            _ = try await scalarText("PRAGMA journal_mode = WAL")
            try await migrate(creating: creating, mode: mode)
        }
    }

    private func migrate(creating: Bool, mode: OpenMode) async throws(SpotlightError) {
        try await transaction(checkingSchema: false) { () async throws(SpotlightError) in
            // Re-read inside the write lock: another process may have migrated meanwhile.
            var version = try await scalarInt("PRAGMA user_version")
            guard version < Schema.currentVersion else { return }
            let fresh = version == 0
            while version < Schema.currentVersion {
                for statement in Schema.migrations[version] { try await execute(statement) }
                version += 1
            }
            try await execute("PRAGMA application_id = \(Schema.applicationID)")
            try await execute("PRAGMA user_version = \(version)")
            if fresh {
                var settings = BoardSettings()
                if case .createIfMissing(let name?) = mode { settings.name = name }
                try await writeSettings(settings)
                let now = clock.now.millis
                try await execute("INSERT INTO managers(login, added_by, added_at) VALUES (?, ?, ?)",
                                  [.text(account.login), .text(account.login), .integer(now)])
                try await audit("init", story: nil, detail: AuditDetail.created(firstManager: account.login))
            } else {
                try await audit("migrate", story: nil, detail: "schema upgraded to \(version)")
            }
        }
    }
}
