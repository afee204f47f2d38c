import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore
import SpotlightPostgres
import SpotlightStore
import Synchronization
import Testing

/// Every `BoardService` the conformance suite runs against. A new backend (PostgreSQL) adds a
/// case here and passes the same tests.
enum BoardKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// `remote`: a `BoardBroker` over an SQLite file, each handle a `RemoteBoard` on a loopback
    /// transport whose peer is the handle's account (the JSON API and the broker's rules, no socket).
    /// `socket`: the same broker served by a real `BrokerServer` on a Unix socket, each handle a
    /// `RemoteBoard` over `UnixSocketTransport` (HTTP, SSE and all) — what `--board unix:` runs.
    /// `postgresql`: a `PostgreSQLBoard` on a database of its own per test, on the cluster that
    /// `SPOTLIGHT_TEST_POSTGRES` names (a libpq-style URL of an admin role). Present only when
    /// built with the trait PostgreSQLSupport and that variable is set (CI sets it; a guard test
    /// fails in CI without it, so it never goes missing silently).
    case sqlite, memory, remote, socket, postgresql

    var testDescription: String { rawValue }

    static var allCases: [BoardKind] { [.sqlite, .memory, .remote, .socket] + (PostgresTesting.adminURL == nil ? [] : [.postgresql]) }

    /// What a board of this kind keeps of another board's export: all of it, but only PostgreSQL
    /// records the broker's host in the audit trail (`AuditEvent.host`; a file has one host).
    func kept(_ export: BoardExport) -> BoardExport {
        guard self != .postgresql else { return export }
        var kept = export
        kept.audit = kept.audit.map { record in
            var record = record
            record.host = nil
            return record
        }
        return kept
    }

    /// A new, empty board created by Dana (its first manager).
    func makeBoard(clock: Clock = .fixed(People.now)) async throws -> TestBoard {
        switch self {
        case .sqlite, .remote, .socket:
            let directory = NSTemporaryDirectory() + "spotlight-app-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = directory + "/board.sqlite"
            let creator = try await SQLiteBoard.open(path, as: People.dana, mode: .createIfMissing(name: "Test"), clock: clock)
            await creator.close()
            let broker = self == .sqlite ? nil : try await BrokerFixture.broker(path: path, clock: clock)
            return TestBoard(kind: self, path: path, storage: nil, broker: broker, clock: clock)
        case .memory:
            return TestBoard(kind: self, path: nil, storage: InMemoryStorage(name: "Test", creator: People.dana, clock: clock),
                             broker: nil, clock: clock)
        case .postgresql:
            let url = try await PostgresTesting.newDatabase()
            let creator = try await PostgresTesting.open(url, as: People.dana, creating: true, clock: clock)
            await creator.close()
            return TestBoard(kind: self, path: url, storage: nil, broker: nil, clock: clock)
        }
    }
}

/// One board, on which tests open handles as different people: for SQLite, processes on one
/// file; in memory, handles on one storage; remote, clients of one broker.
struct TestBoard: Sendable {
    let kind: BoardKind
    let path: String?
    let storage: InMemoryStorage?
    /// `.remote`: the board's broker, whose clock stamps every write.
    let broker: BoardBroker?
    /// The clock the board was made with: a handle's clock unless the test gives one.
    let clock: Clock

    /// `clock`: the handle's own (its writes are stamped with it). A broker stamps writes with its
    /// own clock, so a remote handle with a clock of its own talks to a broker of its own on the
    /// same file, as a second broker host would (DESIGN §12, many hosts).
    func open(as account: Account = People.dana, clock: Clock? = nil,
              policy: RecheckPolicy? = nil) async throws -> any BoardService {
        let handleClock = clock ?? self.clock
        switch kind {
        case .sqlite: return try await SQLiteBoard.open(path!, as: account, clock: handleClock, policy: policy)
        case .memory: return InMemoryBoard(storage: storage!, as: account, clock: handleClock)
        case .remote:
            guard clock != nil else {
                return try await RemoteBoard.open(BrokerFixture.loopback(broker!, as: account), clock: handleClock)
            }
            let own = try await BrokerFixture.broker(path: path!, clock: handleClock, keep: false)
            return try await RemoteBoard.open(BrokerFixture.loopback(own, as: account, closingBroker: true), clock: handleClock)
        case .socket:
            // A handle with a clock of its own gets a broker of its own, as for `.remote`.
            let broker = clock == nil ? broker! : try await BrokerFixture.broker(path: path!, clock: handleClock)
            return try await RemoteBoard.open(try await SocketFixture.transport(broker, board: path!, as: account), clock: handleClock)
        case .postgresql:
            // `path` is the database's URL.
            return try await PostgresTesting.open(path!, as: account, creating: false, clock: handleClock)
        }
    }
}

/// The broker side of `.remote`: a `BoardBroker` over the test's SQLite file, and loopback
/// transports whose peer is a test account (a made-up uid: the kernel is not asked here).
enum BrokerFixture {
    static let brokerAccount = Account(login: "spotlight", displayName: "Service Spotlight broker")

    /// A test board's broker lives as long as the test process: a test never closes its board,
    /// and a broker must be closed before it goes (its SQLite connections assert that).
    private static let kept = Mutex<[BoardBroker]>([])

    static func broker(path: String, clock: Clock, keep: Bool = true) async throws -> BoardBroker {
        let broker = try await BoardBroker.open(version: "test", account: brokerAccount) { account async throws(SpotlightError) in
            try await SQLiteBoard.open(path, as: account, clock: clock)
        }
        if keep { kept.withLock { $0.append(broker) } }
        return broker
    }

    static func loopback(_ broker: BoardBroker, as account: Account, closingBroker: Bool = false) -> LoopbackTransport {
        let uid = 2000 + account.login.utf8.reduce(UInt32(0)) { ($0 &* 31 &+ UInt32($1)) % 1000 }
        let peer = BrokerPeer(uid: uid, gid: 2000, pid: 4242, account: account)
        return LoopbackTransport(application: broker, peer: peer) {
            if closingBroker { await broker.close() }
        }
    }
}

/// The network side of `.socket`: one `BrokerServer` per broker and account, on its own socket
/// beside the board, whose every peer is that account (the test process is one uid, so the
/// kernel cannot tell Dana from Mary here; `BrokerServerTests` and the end-to-end suites check
/// `SO_PEERCRED` with real accounts). Servers live as long as the test process, like brokers.
enum SocketFixture {
    private static let servers = Mutex<[String: BrokerServer]>([:])

    static func transport(_ broker: BoardBroker, board: String, as account: Account) async throws -> UnixSocketTransport {
        let key = "\(ObjectIdentifier(broker).hashValue)-\(account.login)"
        let path = (board as NSString).deletingLastPathComponent + "/\(abs(key.hashValue) % 100_000)-\(account.login).sock"
        if servers.withLock({ $0[key] }) == nil {
            var configuration = BrokerServer.Configuration(socketPath: path, log: .silent)
            configuration.accounts = { _ throws(SpotlightError) in account }
            let server = BrokerServer(application: broker, configuration: configuration)
            try await server.start()
            servers.withLock { $0[key] = server }
        }
        return try UnixSocketTransport(path: path)
    }
}

enum People {
    static let dana = Account(login: "dana", displayName: "Dana Morgan")
    static let mary = Account(login: "mlopez", displayName: "Mary Lopez")
    static let john = Account(login: "jpark", displayName: "John Park")
    static let now = Date(timeIntervalSince1970: 1_795_521_600)

    static func draft(_ title: String = "Mary saved the day", hero: String = "Mary Lopez", body: String = "Body",
                      department: String = "Support") -> StoryDraft {
        StoryDraft(title: title, body: body, hero: hero, department: department, customer: .external, tags: ["recovery"])
    }
}

/// A clock that moves with real time from `People.now`: the changes stream decides when to
/// re-check from its clock, and a fixed clock would never make a re-check due.
func movingClock() -> Clock {
    let start = ContinuousClock.now
    return Clock {
        let elapsed = ContinuousClock.now - start
        return People.now.addingTimeInterval(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
