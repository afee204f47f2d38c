import Foundation
import NIOConcurrencyHelpers
import SpotlightApp
import SpotlightBroker
import SpotlightCore

/// A fake `BrokerApplication`: answers every request with what it saw (method, path, query,
/// body size, account, client tag) as JSON, records it, counts `POST`/`PUT`/`DELETE` as
/// writes, and broadcasts events the test emits to every subscriber.
final class RecordingApplication: BrokerApplication {
    struct Seen: Sendable, Equatable {
        var request: BrokerRequest
        var peer: BrokerPeer
    }

    private let seen = NIOLockedValueBox<[Seen]>([])
    private let subscribers = NIOLockedValueBox<[AsyncStream<BrokerEvent>.Continuation]>([])
    /// While set, `respond` waits for `release()` (to hold a request in flight).
    private let gate = NIOLockedValueBox<[CheckedContinuation<Void, Never>]?>(nil)

    var requests: [Seen] { seen.withLockedValue { $0 } }
    var subscriberCount: Int { subscribers.withLockedValue { $0.count } }

    func respond(to request: BrokerRequest, from peer: BrokerPeer) async -> BrokerResponse {
        seen.withLockedValue { $0.append(Seen(request: request, peer: peer)) }
        if request.path == "/v1/hold" { await waitAtGate() }
        if request.path == "/v1/big" { return BrokerResponse(status: 200, contentType: "text/plain", body: Array(repeating: 0x61, count: 1 << 20)) }
        let echo: [String: String] = [
            "method": request.method, "path": request.path, "login": peer.account.login,
            "query": request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&"),
            "bodyBytes": "\(request.body.count)", "client": request.clientTag ?? "",
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return BrokerResponse(status: 200, body: Array((try? encoder.encode(echo)) ?? Data()))
    }

    func isWrite(_ request: BrokerRequest) -> Bool { request.method != "GET" }

    func events() -> AsyncStream<BrokerEvent> {
        let (stream, continuation) = AsyncStream<BrokerEvent>.makeStream(bufferingPolicy: .unbounded)
        subscribers.withLockedValue { $0.append(continuation) }
        return stream
    }

    func emit(_ event: BrokerEvent) {
        for subscriber in subscribers.withLockedValue({ $0 }) { subscriber.yield(event) }
    }

    func finishEvents() {
        for subscriber in subscribers.withLockedValue({ $0 }) { subscriber.finish() }
    }

    func closeGate() { gate.withLockedValue { $0 = [] } }

    func release() {
        let waiting = gate.withLockedValue { gate in defer { gate = nil }; return gate ?? [] }
        waiting.forEach { $0.resume() }
    }

    var heldCount: Int { gate.withLockedValue { $0?.count ?? 0 } }

    private func waitAtGate() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let held = gate.withLockedValue { gate -> Bool in
                guard gate != nil else { return false }
                gate!.append(continuation)
                return true
            }
            if !held { continuation.resume() }
        }
    }
}

/// Collects the server's log lines.
final class LogRecorder: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])
    var log: BrokerLog { BrokerLog { [self] line in self.append(line) } }
    var all: [String] { lines.withLockedValue { $0 } }
    func append(_ line: String) { lines.withLockedValue { $0.append(line) } }
    func count(containing text: String) -> Int { all.filter { $0.contains(text) }.count }
}
