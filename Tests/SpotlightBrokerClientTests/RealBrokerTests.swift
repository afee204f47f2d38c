import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore
import Synchronization
import Testing

/// The transport against the real network layer (`BrokerServer`, SwiftNIO's HTTP/1), with a
/// small echoing application in place of the board: keep-alive, the tag, encoded queries, and
/// the event stream across a broker that stops and starts again on the same socket.
@Suite struct RealBrokerTests {
    /// Answers every request with what it saw; broadcasts the events a test emits.
    final class EchoApplication: BrokerApplication {
        private let state = Mutex<(seen: [BrokerRequest], subscribers: [AsyncStream<BrokerEvent>.Continuation])>(([], []))

        var seen: [BrokerRequest] { state.withLock { $0.seen } }
        var subscriberCount: Int { state.withLock { $0.subscribers.count } }

        func respond(to request: BrokerRequest, from peer: BrokerPeer) async -> BrokerResponse {
            state.withLock { $0.seen.append(request) }
            let query = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            return BrokerResponse(status: 200, body: Array("\(request.method) \(request.path) \(query) \(peer.account.login)".utf8))
        }

        func isWrite(_ request: BrokerRequest) -> Bool { request.method != "GET" }

        func events() -> AsyncStream<BrokerEvent> {
            let (stream, continuation) = AsyncStream<BrokerEvent>.makeStream()
            state.withLock { $0.subscribers.append(continuation) }
            return stream
        }

        func emit(_ event: BrokerEvent) {
            for subscriber in state.withLock({ $0.subscribers }) { subscriber.yield(event) }
        }
    }

    final class Log: Sendable {
        let lines = Mutex<[String]>([])
        var brokerLog: BrokerLog { BrokerLog { line in self.lines.withLock { $0.append(line) } } }
        var connections: Int { lines.withLock { $0.filter { $0.hasPrefix("connection from") }.count } }
    }

    static func start(at path: String, _ application: EchoApplication, log: Log = Log()) async throws -> BrokerServer {
        var configuration = BrokerServer.Configuration(socketPath: path, log: log.brokerLog)
        configuration.limits.shutdownGrace = .milliseconds(200)
        let server = BrokerServer(application: application, configuration: configuration)
        try await server.start()
        return server
    }

    /// A short socket path in a fresh directory (a Unix socket path holds at most 107 bytes).
    static func socketPath() throws -> String {
        let directory = "/tmp/sc-" + String(UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory + "/board.sock"
    }

    @Test func requestsShareOneConnectionAndArriveDecoded() async throws {
        let path = try Self.socketPath()
        let application = EchoApplication()
        let log = Log()
        let server = try await Self.start(at: path, application, log: log)
        let client = try UnixSocketTransport(path: path)
        var answers: [String] = []
        for number in 1...3 {
            let response = try await client.send(BrokerRequest(
                method: number == 2 ? "POST" : "GET", path: "/v1/stories",
                query: [.init(name: "q", value: "café & tea #\(number)")], body: number == 2 ? Array("{}".utf8) : [],
                clientTag: "tag-\(number)"
            ))
            answers.append(String(decoding: response.body, as: UTF8.self))
        }
        await client.close()
        await server.stop()

        let login = try PasswdAccount.current().login
        #expect(answers == [
            "GET /v1/stories q=café & tea #1 \(login)", "POST /v1/stories q=café & tea #2 \(login)", "GET /v1/stories q=café & tea #3 \(login)",
        ])
        #expect(application.seen.map(\.clientTag) == ["tag-1", "tag-2", "tag-3"])
        #expect(log.connections == 1)
    }

    @Test func theEventStreamSurvivesABrokerRestart() async throws {
        let path = try Self.socketPath()
        let first = EchoApplication()
        var server = try await Self.start(at: path, first)
        let client = try UnixSocketTransport(path: path)
        let recorder = EventRecorder(client.events(clientTag: "wall"))
        for _ in 0..<2000 where first.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
        first.emit(.changed(origin: "writer"))
        try await recorder.waitFor(count: 1)

        await server.stop()
        try await recorder.waitFor(count: 2)
        let second = EchoApplication()
        server = try await Self.start(at: path, second)
        try await recorder.waitFor(count: 3)
        for _ in 0..<2000 where second.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
        second.emit(.changed(origin: "after"))
        try await recorder.waitFor(count: 4)
        await client.close()
        await server.stop()

        #expect(recorder.events == [
            .changed(origin: "writer"), .unavailable("the broker at \(path) is not answering"),
            .changed(origin: nil), .changed(origin: "after"),
        ])
    }
}
