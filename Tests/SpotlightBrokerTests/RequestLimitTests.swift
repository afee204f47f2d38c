import Foundation
import SpotlightBroker
import Testing

/// The per-request limits: body and header size, malformed HTTP, the write rate.
@Suite("BrokerServer: request limits")
struct RequestLimitTests {
    static var small: BrokerLimits {
        var limits = BrokerLimits()
        limits.maximumBodyBytes = 1000
        limits.maximumHeaderBytes = 2000
        limits.maximumHeaderFields = 20
        return limits
    }

    @Test("a body over the limit is 413; one at the limit is served")
    func bodyLimit() async throws {
        try await TestBroker.with(limits: Self.small) { broker in
            let atLimit = try await curl(broker.socketPath, "/v1/x", method: "POST", body: String(repeating: "a", count: 1000))
            #expect(atLimit.status == 200)
            let over = try await curl(broker.socketPath, "/v1/x", method: "POST", body: String(repeating: "a", count: 1001))
            #expect(over.status == 413)
            #expect(over.body.contains("\"exit\":2"))
            #expect(broker.application.requests.count == 1)
            #expect(broker.log.count(containing: "): 413 ") == 1)
        }
    }

    @Test("a chunked body that grows over the limit is 413 and the connection closes")
    func chunkedBodyLimit() async throws {
        try await TestBroker.with(limits: Self.small) { broker in
            let client = try RawClient(broker.socketPath)
            client.send("POST /v1/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            for _ in 0..<3 { client.send("200\r\n" + String(repeating: "b", count: 512) + "\r\n") }
            let answer = await client.read()
            #expect(statusCode(answer) == 413)
            #expect(client.closedByServer)
            #expect(broker.application.requests.isEmpty)
        }
    }

    @Test("Content-Length: 1000000000 is refused from the head alone, before any body is sent")
    func hugeContentLength() async throws {
        try await TestBroker.with { broker in  // default limits: 1 MiB
            let client = try RawClient(broker.socketPath)
            client.send("POST /v1/x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n")
            let answer = await client.read()
            #expect(statusCode(answer) == 413)
            #expect(answer.contains("1000000000"))
            #expect(client.closedByServer)
            #expect(broker.application.requests.isEmpty)
        }
    }

    @Test("a head over the header limit is 431 and the connection closes")
    func headerLimit() async throws {
        try await TestBroker.with(limits: Self.small) { broker in
            let client = try RawClient(broker.socketPath)
            client.send("GET /v1/x HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "h", count: 3000))\r\n\r\n")
            let answer = await client.read()
            #expect(statusCode(answer) == 431)
            #expect(client.closedByServer)
            let many = try RawClient(broker.socketPath)
            many.send("GET /v1/x HTTP/1.1\r\nHost: x\r\n" + (0..<30).map { "X-\($0): y\r\n" }.joined() + "\r\n")
            #expect(statusCode(await many.read()) == 431)
            #expect(broker.application.requests.isEmpty)
            #expect(broker.log.count(containing: "): 431 ") == 2)
            // A head within the limit is served.
            #expect(try await curl(broker.socketPath, "/v1/x", headers: ["X-Fine: \(String(repeating: "h", count: 500))"]).status == 200)
        }
    }

    @Test("malformed HTTP is 400 and closed; garbage pipelined after a good request leaves it and other connections alone")
    func malformed() async throws {
        try await TestBroker.with { broker in
            let bad = try RawClient(broker.socketPath)
            bad.send("HELLO\u{1b}[2J THERE\r\n\r\n")
            let answer = await bad.read()
            #expect(statusCode(answer) == 400)
            #expect(bad.closedByServer)

            let other = try RawClient(broker.socketPath)  // opened before the garbage below
            let pipelined = try RawClient(broker.socketPath)
            pipelined.send("GET /v1/first HTTP/1.1\r\nHost: x\r\n\r\n\u{0}\u{ff}GARBAGE / HTTP/9\r\n\r\n")
            let both = await pipelined.read()
            #expect(statusCode(both) == 200)
            #expect(both.contains("\\/v1\\/first"))
            #expect(both.contains("HTTP/1.1 400"))
            #expect(pipelined.closedByServer)
            other.send("GET /v1/other HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(statusCode(await other.read(until: "\\/v1\\/other")) == 200)
            // The log line about the garbage holds no raw escape.
            #expect(broker.log.count(containing: "): 400 ") == 2)
            #expect(!broker.log.all.joined().contains("\u{1b}"))
        }
    }

    @Test("writes over the per-account rate are 429 with Retry-After; reads are not limited; the bucket refills with time")
    func writeRate() async throws {
        var limits = BrokerLimits()
        limits.writeBurst = 3
        limits.writesPerSecond = 0.5
        let manual = ManualMonotonicClock()
        try await TestBroker.with(limits: limits, clock: manual.clock) { broker in
            let client = try RawClient(broker.socketPath)
            func post() async -> String {
                client.send("POST /v1/votes HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
                return await client.read(until: "}")
            }
            for _ in 0..<3 { #expect(statusCode(await post()) == 200) }
            let refused = await post()
            #expect(statusCode(refused) == 429)
            #expect(refused.contains("Retry-After: 2"))
            // Another connection of the same account shares the bucket.
            #expect(try await curl(broker.socketPath, "/v1/votes", method: "POST", body: "{}").status == 429)
            // Reads still go through.
            #expect(try await curl(broker.socketPath, "/v1/stories").status == 200)
            manual.advance(.seconds(2))
            #expect(statusCode(await post()) == 200)
            #expect(statusCode(await post()) == 429)
            #expect(broker.application.requests.filter { $0.request.method == "POST" }.count == 4)
            #expect(broker.log.count(containing: "writes a second") == 3)
        }
    }
}
