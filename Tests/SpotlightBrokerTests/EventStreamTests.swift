import Foundation
import SpotlightApp
import SpotlightBroker
import Testing

@Suite("BrokerServer: the event stream")
struct EventStreamTests {
    @Test("GET /v1/events streams the application's events as SSE frames, with heartbeats while idle")
    func streams() async throws {
        var limits = BrokerLimits()
        limits.heartbeatInterval = .milliseconds(100)
        try await TestBroker.with(limits: limits) { broker in
            let client = try RawClient(broker.socketPath)
            client.send("GET /v1/events HTTP/1.1\r\nHost: x\r\nSpotlight-Client: wall-1\r\n\r\n")
            let head = await client.read(until: "\r\n\r\n")
            #expect(statusCode(head) == 200)
            #expect(head.lowercased().contains("content-type: text/event-stream"))
            #expect(await broker.eventually { broker.application.subscriberCount == 1 })
            broker.application.emit(.changed(origin: "tag-9"))
            broker.application.emit(.unavailable("disk full"))
            let frames = await client.read(until: "disk full")
            #expect(frames.contains("event: changed\ndata: {\"origin\":\"tag-9\"}\n\n"))
            #expect(frames.contains("event: unavailable\ndata: {\"reason\":\"disk full\"}\n\n"))
            #expect(await client.read(until: BrokerEvent.heartbeatFrame).contains(BrokerEvent.heartbeatFrame))
            // The frames parse back with the client's parser.
            var parser = ServerSentEventParser()
            #expect(parser.feed(Array(frames.utf8)).contains(.changed(origin: "tag-9")))
        }
    }

    @Test("the stream ends when the application finishes it")
    func applicationEnds() async throws {
        try await TestBroker.with { broker in
            let client = try RawClient(broker.socketPath)
            client.send("GET /v1/events HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = await client.read(until: "\r\n\r\n")
            #expect(await broker.eventually { broker.application.subscriberCount == 1 })
            broker.application.finishEvents()
            #expect(await client.read().hasSuffix("0\r\n\r\n"))
            #expect(client.closedByServer)
        }
    }

    @Test("a subscriber that stops reading is dropped once its unwritten bytes pass the limit; others carry on")
    func stalledSubscriberDropped() async throws {
        var limits = BrokerLimits()
        limits.maximumUnwrittenEventBytes = 64 * 1024
        try await TestBroker.with(limits: limits) { broker in
            let stalled = try RawClient(broker.socketPath)
            stalled.shrinkReceiveBuffer()
            stalled.send("GET /v1/events HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await broker.eventually { broker.application.subscriberCount == 1 })
            let origin = String(repeating: "o", count: 1000)
            for _ in 0..<5000 { broker.application.emit(.changed(origin: origin)) }  // ~5 MB, never read
            #expect(await broker.eventually { broker.log.count(containing: "unwritten bytes") == 1 })
            #expect(await broker.eventually { broker.server.connectionCount == 0 })
            #expect(try await curl(broker.socketPath, "/v1/x").status == 200)
        }
    }

    @Test("a subscriber whose socket stays full past the unwritable timeout is dropped")
    func unwritableDropped() async throws {
        var limits = BrokerLimits()
        limits.maximumUnwrittenEventBytes = 1 << 30  // only the timeout applies here
        limits.unwritableTimeout = .milliseconds(300)
        try await TestBroker.with(limits: limits) { broker in
            let stalled = try RawClient(broker.socketPath)
            stalled.shrinkReceiveBuffer()
            stalled.send("GET /v1/events HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await broker.eventually { broker.application.subscriberCount == 1 })
            let origin = String(repeating: "o", count: 1000)
            for _ in 0..<2000 { broker.application.emit(.changed(origin: origin)) }
            #expect(await broker.eventually { broker.log.count(containing: "stayed unwritable") == 1 })
            #expect(await broker.eventually { broker.server.connectionCount == 0 })
        }
    }
}
