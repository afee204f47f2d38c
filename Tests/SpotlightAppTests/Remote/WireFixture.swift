import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import SpotlightTestSupport

/// A broker over an in-memory board (quick) or a file, and raw requests to it as a peer.
struct WireFixture {
    let storage: InMemoryStorage
    let broker: BoardBroker
    let opened: OpenCounter
    /// Every handle's clock: the broker takes a change seen within 2 s of its own write as an
    /// echo of it, so a test moves this on before another process writes.
    let time: ManualClock

    static func make(capacity: Int = 64) async throws -> WireFixture {
        let time = ManualClock(People.now)
        let storage = InMemoryStorage(name: "Test", creator: People.dana, clock: time.clock)
        let opened = OpenCounter()
        let broker = try await BoardBroker.open(version: "9.9.9", account: BrokerFixture.brokerAccount, capacity: capacity) {
            account async throws(SpotlightError) in
            await opened.add(account.login)
            return InMemoryBoard(storage: storage, as: account, clock: time.clock)
        }
        return WireFixture(storage: storage, broker: broker, opened: opened, time: time)
    }

    func peer(_ account: Account) -> BrokerPeer { BrokerFixture.loopback(broker, as: account).peer }

    /// One raw request as `account`.
    func send(_ method: String, _ path: String, query: [(String, String)] = [], body: String? = nil, bytes: [UInt8]? = nil,
              as account: Account = People.dana, tag: String? = nil) async -> BrokerResponse {
        let request = BrokerRequest(method: method, path: path, query: query.map { .init(name: $0.0, value: $0.1) },
                                    body: bytes ?? Array((body ?? "").utf8), clientTag: tag)
        return await broker.respond(to: request, from: peer(account))
    }

    func remote(_ account: Account) async throws -> RemoteBoard {
        try await RemoteBoard.open(BrokerFixture.loopback(broker, as: account), clock: .fixed(People.now))
    }
}

actor OpenCounter {
    private(set) var logins: [String] = []
    func add(_ login: String) { logins.append(login) }
}

extension BrokerResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
    var error: BrokerErrorBody? { try? JSONDecoder().decode(BrokerErrorBody.self, from: Data(body)) }
}
