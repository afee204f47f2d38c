import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore
import Synchronization
import Testing

/// `UnixSocketTransport.events`: the SSE subscription, its reconnects and its cancellation.
@Suite struct EventTests {
    /// A broker's event endpoint: the 200 head, then frames the test sends through `frames`.
    static func eventScript(frames: [String], thenHold: Bool = true) -> @Sendable (ServerConnection) -> Void {
        { connection in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
            for frame in frames {
                let bytes = Array(frame.utf8)
                connection.write(String(bytes.count, radix: 16) + "\r\n")
                connection.write(bytes + Array("\r\n".utf8))
            }
            if thenHold { connection.waitForClose() }
        }
    }

    /// Reads events until `count` arrived (or the stream ended), with a generous bound so a
    /// broken transport fails the test instead of hanging it; never a timing assertion.
    static func collect(_ stream: AsyncStream<BrokerEvent>, count: Int) async -> [BrokerEvent] {
        await withTaskGroup(of: [BrokerEvent]?.self) { group in
            group.addTask {
                var events: [BrokerEvent] = []
                for await event in stream {
                    events.append(event)
                    if events.count == count { break }
                }
                return events
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(20))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? []
        }
    }

    @Test func subscribesWithItsTagAndYieldsTheBrokersEvents() async throws {
        let server = try ScriptedServer(script: Self.eventScript(frames: [
            BrokerEvent.changed(origin: "other").serverSentFrame,
            BrokerEvent.heartbeatFrame,
            BrokerEvent.unavailable("disk full").serverSentFrame,
        ]))
        defer { server.stop() }
        let client = try UnixSocketTransport(path: server.path)
        let events = await Self.collect(client.events(clientTag: "wall-1"), count: 2)
        await client.close()
        #expect(events == [.changed(origin: "other"), .unavailable("disk full")])
        let request = try #require(server.requests.first)
        #expect(request.lines == ["GET /v1/events HTTP/1.1", "Host: localhost", "Accept: text/event-stream", "Spotlight-Client: wall-1"])
    }

    @Test func aBrokerRestartIsUnavailableOnceThenChanged() async throws {
        let path = ScriptedServer.temporaryPath()
        let first = try ScriptedServer(path: path, script: Self.eventScript(frames: [BrokerEvent.changed(origin: nil).serverSentFrame]))
        let client = try UnixSocketTransport(path: path)
        let stream = client.events(clientTag: "wall")
        let recorder = EventRecorder(stream)

        try await recorder.waitFor(count: 1)
        first.stop() // the broker dies: its connections drop, its socket file goes
        try await recorder.waitFor(count: 2)
        // Down for a while: the client keeps retrying (the backoff) but says so only once.
        try await Task.sleep(for: .milliseconds(600))
        #expect(recorder.events == [.changed(origin: nil), .unavailable("the broker at \(path) is not answering")])

        let second = try ScriptedServer(path: path, script: Self.eventScript(frames: [BrokerEvent.changed(origin: "w2").serverSentFrame]))
        defer { second.stop() }
        try await recorder.waitFor(count: 4)
        await client.close()
        #expect(recorder.events == [
            .changed(origin: nil), .unavailable("the broker at \(path) is not answering"),
            .changed(origin: nil), .changed(origin: "w2"),
        ])
        #expect(second.requests.count == 1)
    }

    @Test func aBrokerThatIsDownAtFirstIsUnavailableThenChangedWhenItComes() async throws {
        let path = ScriptedServer.temporaryPath()
        let client = try UnixSocketTransport(path: path)
        let recorder = EventRecorder(client.events(clientTag: "wall"))
        try await recorder.waitFor(count: 1)
        let server = try ScriptedServer(path: path, script: Self.eventScript(frames: []))
        defer { server.stop() }
        try await recorder.waitFor(count: 2)
        await client.close()
        #expect(recorder.events == [.unavailable("the broker at \(path) is not answering"), .changed(origin: nil)])
    }

    @Test func aRefusedSubscriptionCountsAsUnavailable() async throws {
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.respond(status: 503, String(decoding: BrokerErrorBody(.runtime("too many connections")).encoded(), as: UTF8.self))
        }
        defer { server.stop() }
        let client = try UnixSocketTransport(path: server.path)
        let recorder = EventRecorder(client.events(clientTag: "wall"))
        try await recorder.waitFor(count: 1)
        try await Task.sleep(for: .milliseconds(400))
        await client.close()
        #expect(recorder.events == [.unavailable("the broker at \(server.path) is not answering")])
        #expect(server.connections >= 2) // it kept retrying, without announcing each failure
    }

    @Test func cancellingTheConsumerClosesTheConnection() async throws {
        let closed = Mutex(false)
        let server = try ScriptedServer { connection in
            Self.eventScript(frames: [BrokerEvent.changed(origin: nil).serverSentFrame], thenHold: false)(connection)
            connection.waitForClose()
            closed.withLock { $0 = true }
        }
        defer { server.stop() }
        let client = try UnixSocketTransport(path: server.path)
        let events = await Self.collect(client.events(clientTag: "wall"), count: 1) // breaks out: the stream is dropped
        #expect(events == [.changed(origin: nil)])
        for _ in 0..<2000 where !closed.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        #expect(closed.withLock { $0 })
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.connections == 1) // and no reconnect after the consumer left
        await client.close()
    }

    @Test func closingTheTransportEndsItsStreams() async throws {
        let server = try ScriptedServer(script: Self.eventScript(frames: []))
        defer { server.stop() }
        let client = try UnixSocketTransport(path: server.path)
        let stream = client.events(clientTag: "wall")
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        await client.close()
        let events = await Self.collect(stream, count: 100)
        #expect(events == []) // finished, with nothing announced
    }

    @Test func aSilentBrokerIsTakenAsHungAfterTheIdleTimeout() async throws {
        let server = try ScriptedServer(script: Self.eventScript(frames: []))
        defer { server.stop() }
        var options = UnixSocketTransportOptions()
        options.eventIdleTimeout = .milliseconds(200)
        let client = try UnixSocketTransport(path: server.path, options: options)
        let recorder = EventRecorder(client.events(clientTag: "wall"))
        try await recorder.waitFor(count: 2)
        await client.close()
        // On a loaded host another idle cycle may have begun before the close: the first two count.
        #expect(Array(recorder.events.prefix(2)) == [.unavailable("the broker at \(server.path) is not answering"), .changed(origin: nil)])
    }

    @Test func theBackoffRetriesAtOnceThenWithinASecond() {
        let backoff = ReconnectBackoff()
        let delays = (0..<8).map { backoff.delay(beforeAttempt: $0) }
        #expect(delays == [.zero, .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(1), .seconds(1), .seconds(1), .seconds(1)])
        #expect(backoff.delay(beforeAttempt: 1_000_000) == .seconds(1))
    }
}

/// Collects a stream's events in the background so a test can look at them as they come.
final class EventRecorder: Sendable {
    private final class Box: Sendable {
        let events = Mutex<[BrokerEvent]>([])
    }

    private let box: Box
    private let task: Task<Void, Never>

    init(_ stream: AsyncStream<BrokerEvent>) {
        let box = Box()
        self.box = box
        task = Task { for await event in stream { box.events.withLock { $0.append(event) } } }
    }

    deinit { task.cancel() }

    var events: [BrokerEvent] { box.events.withLock { $0 } }

    /// Waits until at least `count` events arrived; fails after a generous bound (not a timing test).
    func waitFor(count: Int) async throws {
        for _ in 0..<4000 where events.count < count { try await Task.sleep(for: .milliseconds(5)) }
        try #require(events.count >= count, "got \(events)")
    }
}
