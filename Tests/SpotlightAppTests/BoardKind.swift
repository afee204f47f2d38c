import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import Synchronization
import Testing

/// Every `BoardService` the conformance suite runs against. A new backend (PostgreSQL) adds a
/// case here and passes the same tests.
enum BoardKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// `remote`: a `BoardBroker` over an SQLite file, each handle a `RemoteBoard` on a loopback
    /// transport whose peer is the handle's account (the JSON API and the broker's rules, no socket).
    case sqlite, memory, remote

    var testDescription: String { rawValue }

    /// A new, empty board created by Dana (its first manager).
    func makeBoard(clock: Clock = .fixed(People.now)) async throws -> TestBoard {
        switch self {
        case .sqlite, .remote:
            let directory = NSTemporaryDirectory() + "spotlight-app-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = directory + "/board.sqlite"
            let creator = try await SQLiteBoard.open(path, as: People.dana, mode: .createIfMissing(name: "Test"), clock: clock)
            await creator.close()
            let broker = self == .remote ? try await BrokerFixture.broker(path: path, clock: clock) : nil
            return TestBoard(kind: self, path: path, storage: nil, broker: broker, clock: clock)
        case .memory:
            return TestBoard(kind: self, path: nil, storage: InMemoryStorage(name: "Test", creator: People.dana, clock: clock),
                             broker: nil, clock: clock)
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
