import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore
import Testing

/// The per-connection limits: how many, how slow, how long idle.
@Suite("BrokerServer: connection limits and timeouts")
struct ConnectionLimitTests {
    @Test("over the total connection limit: 503, closed, logged; a slot freed is usable again")
    func totalLimit() async throws {
        var limits = BrokerLimits()
        limits.maximumConnections = 3
        try await TestBroker.with(limits: limits) { broker in
            let open = try (0..<3).map { _ in try RawClient(broker.socketPath) }
            #expect(await broker.eventually { broker.server.connectionCount == 3 })
            let extra = try RawClient(broker.socketPath)
            let answer = await extra.read()
            #expect(statusCode(answer) == 503)
            #expect(extra.closedByServer)
            #expect(broker.log.count(containing: "3 connections are open") == 1)
            open.first?.disconnect()
            #expect(await broker.eventually { broker.server.connectionCount == 2 })
            #expect(try await curl(broker.socketPath, "/v1/x").status == 200)
            withExtendedLifetime(open) {}
        }
    }

    @Test("over the per-account connection limit: 429, closed, logged")
    func perAccountLimit() async throws {
        var limits = BrokerLimits()
        limits.maximumConnectionsPerAccount = 2
        try await TestBroker.with(limits: limits) { broker in
            let open = try (0..<2).map { _ in try RawClient(broker.socketPath) }
            #expect(await broker.eventually { broker.server.connectionCount == 2 })
            let extra = try RawClient(broker.socketPath)
            #expect(statusCode(await extra.read()) == 429)
            #expect(extra.closedByServer)
            let me = try PasswdAccount.current().login
            #expect(broker.log.count(containing: "\(me) already has 2 connections open") == 1)
            withExtendedLifetime(open) {}
        }
    }

    @Test("slowloris: a head dribbled past the request timeout is 408 and closed")
    func slowHead() async throws {
        var limits = BrokerLimits()
        limits.requestTimeout = .milliseconds(300)
        try await TestBroker.with(limits: limits) { broker in
            let slow = try RawClient(broker.socketPath)
            slow.send("GET /v1/x HTTP/1.1\r\n")
            var answer = ""
            for _ in 0..<40 {  // a header line every 50 ms: never finishes on its own
                slow.send("X-Drip: y\r\n")
                answer += await slow.read(timeout: .milliseconds(50))
                if slow.closedByServer { break }
            }
            answer += await slow.read()
            #expect(statusCode(answer) == 408)
            #expect(slow.closedByServer)
            #expect(broker.log.count(containing: "): 408 ") == 1)
            #expect(broker.application.requests.isEmpty)
        }
    }

    @Test("slowloris: a body that stops short of its Content-Length is 408 and closed")
    func halfBody() async throws {
        var limits = BrokerLimits()
        limits.requestTimeout = .milliseconds(300)
        try await TestBroker.with(limits: limits) { broker in
            let half = try RawClient(broker.socketPath)
            half.send("POST /v1/x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"half\":")
            let answer = await half.read()
            #expect(statusCode(answer) == 408)
            #expect(half.closedByServer)
            #expect(broker.application.requests.isEmpty)
        }
    }

    @Test("a keep-alive connection that sends nothing is closed after the idle timeout, with a logged reason")
    func idle() async throws {
        var limits = BrokerLimits()
        limits.idleTimeout = .milliseconds(300)
        try await TestBroker.with(limits: limits) { broker in
            let quiet = try RawClient(broker.socketPath)
            quiet.send("GET /v1/x HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(statusCode(await quiet.read(until: "}")) == 200)
            let rest = await quiet.read()
            #expect(rest.isEmpty)
            #expect(quiet.closedByServer)
            #expect(broker.log.count(containing: "closed idle connection") == 1)
        }
    }

    @Test("a client that pipelines requests and never reads the answers is not served ahead: the broker stops reading")
    func pipelinedWithoutReading() async throws {
        try await TestBroker.with { broker in
            let greedy = try RawClient(broker.socketPath)
            greedy.shrinkReceiveBuffer()
            greedy.send(String(repeating: "GET /v1/big HTTP/1.1\r\nHost: x\r\n\r\n", count: 200))  // 200 × 1 MiB answers
            #expect(await broker.eventually { broker.application.requests.count >= 1 })
            try await Task.sleep(for: .milliseconds(500))
            // One answer fills the socket; the next request waits until it is read.
            #expect(broker.application.requests.count <= 2)
            #expect(try await curl(broker.socketPath, "/v1/x").status == 200)
            // Reading lets it go on.
            let some = await greedy.read(until: "HTTP/1.1 200 OK", timeout: .seconds(10))
            #expect(statusCode(some) == 200)
        }
    }
}
