#if PostgreSQLSupport
import Foundation
import PostgresNIO
import SpotlightCore
import Synchronization

/// One database: postgres-nio's pool (`PostgresClient`, whose `run()` must be going for leases
/// to be served), shared by every `PostgreSQLBoard` handle of this process on that database.
/// Transactions are ours (`transaction`), not `PostgresClient.withTransaction`, so a failure
/// while COMMIT is outstanding can be told apart from one before it (design §5).
final class PostgresStore: Sendable {
    let location: PostgresLocation
    let hostName: String
    /// Kept for the open's probe, a connection outside the pool (`PostgresStore+Open`).
    let password: String?
    /// `hostname:pid:random`: this process on this database, for change notifications.
    let instance: String
    /// The LISTEN connection and the handles' change streams.
    let hub: PostgresHub
    private let configuration: PostgresClient.Configuration
    private let pool: Mutex<Pool>
    /// Whether an open's own connection got in (`prepare`).
    let hasProbed = Mutex(false)
    /// Every handle's upvotes, written in batches (`PostgresStore+Votes`).
    let votes = GroupCommit<PGVoteRequest, Bool>()

    /// postgres-nio's pool and the task running it. Replaced when the listener loses the server
    /// and when it is back (`renewPool`): calls waiting on the old one's connections fail at once
    /// rather than at their deadlines, and none is handed a dead connection afterwards (a cut
    /// link sends no reset).
    private struct Pool: Sendable {
        let client: PostgresClient
        let run: Task<Void, Never>

        init(_ configuration: PostgresClient.Configuration) {
            let client = PostgresClient(configuration: configuration, backgroundLogger: PostgresConnect.quietLogger)
            self.client = client
            run = Task { await client.run() }
        }
    }

    init(location: PostgresLocation, password: String?, maximumConnections: Int = 8) throws(SpotlightError) {
        self.location = location
        self.password = password
        hostName = ProcessInfo.processInfo.hostName
        instance = "\(hostName):\(getpid()):\(UInt32.random(in: .min ... .max))"
        configuration = try PostgresConnect.client(location, password: password, hostName: hostName,
                                                   maximumConnections: maximumConnections)
        pool = Mutex(Pool(configuration))
        hub = PostgresHub(location: location,
                          configuration: try PostgresConnect.connection(location, password: password, hostName: hostName),
                          instance: instance)
        hub.onLossAndReturn { [weak self] in self?.renewPool() }
    }

    var client: PostgresClient { pool.withLock { $0.client } }

    /// A new pool for every call from now on; the old one's calls under way end as its
    /// connections close.
    func renewPool() {
        let old = pool.withLock { pool in
            defer { pool = Pool(configuration) }
            return pool
        }
        old.run.cancel()
    }

    /// Ends the listener and the pool: their connections close and `run()` returns.
    func close() async {
        await hub.stop()
        let current = pool.withLock { $0 }
        current.run.cancel()
        _ = await current.run.value
    }

    /// Runs `body` on one leased connection, each statement on its own (autocommit). The lease
    /// and every statement have deadlines (`PGDeadline`). A connection that dies under it (the
    /// server restarted, a link came back and the pool still held its old connections) costs
    /// one more try on another; while the listener knows PostgreSQL is away, it fails at once.
    func read<T: Sendable>(_ body: (PGTx) async throws(SpotlightError) -> T) async throws(SpotlightError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            if let outage = hub.outage { throw .runtime("\(outage); nothing was read or written, try again when it is back") }
            let started = ContinuousClock.now
            let lease = try await PGLease.take(from: client, location)
            let leased = ContinuousClock.now
            let tx = PGTx(connection: lease.connection, location: location)
            let result: Result<T, SpotlightError>
            do throws(SpotlightError) {
                result = .success(try await body(tx))
            } catch {
                result = .failure(error)
            }
            let answered = ContinuousClock.now
            await lease.giveBack()
            let returned = ContinuousClock.now
            if returned - started > .seconds(3) {
                let failure = if case .failure(let error) = result { ": " + error.message } else { "" }
                PGLog.say("slow PostgreSQL call: lease \(leased - started), statements \(answered - leased), return \(returned - answered)\(failure)")
            }
            if case .failure = result, tx.loss.isLost, attempt == 1 { continue }
            return try result.get()
        }
    }

    /// Runs `body` in one consistent snapshot (`REPEATABLE READ READ ONLY`): the wall and
    /// export see one moment of the board.
    func snapshot<T: Sendable>(_ body: (PGTx) async throws(SpotlightError) -> T) async throws(SpotlightError) -> T {
        try await read { (tx: PGTx) async throws(SpotlightError) -> T in
            try await tx.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do throws(SpotlightError) {
                let value = try await body(tx)
                try await tx.execute("COMMIT")
                return value
            } catch {
                try? await tx.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// How many times a transaction that deadlocked or failed to serialise (40P01, 40001) is
    /// run again. The fixed lock order (design §5) should make it unnecessary: a safety net.
    static let retries = 3

    /// `BEGIN` (READ COMMITTED) … `COMMIT` on one leased connection. `body` takes its locks
    /// first, in the order board row → account advisory lock → story row (`PGLocks`), then
    /// reads and writes. An error before COMMIT is sent rolls back (nothing was written) and a
    /// deadlock is retried; a lost connection while COMMIT is outstanding says the write may
    /// or may not have happened, and is never retried.
    /// `notify`: the payload announced on `PostgresHub.channel` after COMMIT, on the same
    /// connection (autocommit); its loss is covered by the listener's catch-up and its poll of
    /// the newest audit id (`AuditWatch`).
    /// `bodyBegins`: `body` sends `PostgresStore.begin` itself, ahead of its first statement
    /// (`PGTx.send`), which must write nothing, and checks it before the next.
    func transaction<T: Sendable>(notify: String? = nil, bodyBegins: Bool = false,
                                  _ body: (PGTx) async throws(SpotlightError) -> T) async throws(SpotlightError) -> T {
        var attempt = 0
        while true {
            attempt += 1
            let outcome = try await read { (tx: PGTx) async throws(SpotlightError) -> Attempt<T> in
                if !bodyBegins { try await tx.execute(Self.begin) }
                let value: T
                do throws(SpotlightError) {
                    value = try await body(tx)
                } catch {
                    // Lost before COMMIT was sent: the server rolled it back; safe to run again.
                    if tx.loss.isLost { return .retry(error) }
                    try? await tx.execute("ROLLBACK")
                    return .failed(error)
                }
                do {
                    _ = try await tx.answer("COMMIT")
                } catch {
                    if let state = PostgresErrors.sqlState(error) {
                        // The server answered: it rolled back (a deferred check or serialisation failure).
                        return state == "40001" || state == "40P01" ? .retry(PostgresErrors.translate(error, location))
                                                                    : .failed(PostgresErrors.translate(error, location))
                    }
                    return .failed(.runtime("the connection to PostgreSQL at \(location.server) was lost during commit: your change may or may not have been recorded"))
                }
                if let notify {
                    // The newest audit id goes with it: listeners tell from it a commit that was
                    // never announced (`PostgresHub`'s poll).
                    try? await tx.execute("SELECT pg_notify(?, ? || ' ' || (SELECT coalesce(max(id), 0) FROM audit))",
                                          [.text(PostgresHub.channel), .text(notify)])
                }
                return .done(value)
            }
            switch outcome {
            case .done(let value): return value
            case .failed(let error):
                if attempt <= Self.retries, Self.isRetryable(error) { continue }
                throw error
            case .retry(let error):
                if attempt <= Self.retries { continue }
                throw error
            }
        }
    }

    static let begin = "BEGIN ISOLATION LEVEL READ COMMITTED"

    /// Deadlocks and serialisation failures are retried; their messages carry the SQLSTATE.
    private static func isRetryable(_ error: SpotlightError) -> Bool {
        error.kind == .runtime && (error.message.contains("deadlock detected") || error.message.contains("could not serialize"))
    }

    private enum Attempt<T: Sendable>: Sendable {
        case done(T)
        case failed(SpotlightError)
        case retry(SpotlightError)
    }
}

/// The lock order of every write transaction (design §5), so two brokers never deadlock:
/// 1. the board row (board-wide rules: pins, managers, settings, programs, seed, import);
/// 2. an account's advisory lock (per-account quotas: medallions a year, quiz attempts a day);
/// 3. the story row (every story write), `FOR NO KEY UPDATE` so inserts of votes and
///    medallions (their foreign keys take `KEY SHARE`) do not conflict with it.
enum PGLocks {
    /// 'SPOT' + 1: the namespace of per-account advisory locks.
    static let accountNamespace = 1_397_772_117

    static func board(_ tx: PGTx) async throws(SpotlightError) {
        try await tx.execute("SELECT schema_version FROM spotlight_board FOR UPDATE")
    }

    static func account(_ tx: PGTx, _ login: String) async throws(SpotlightError) {
        try await tx.execute("SELECT pg_advisory_xact_lock(\(accountNamespace), hashtext(?))", [.text(login)])
    }
}
#endif
