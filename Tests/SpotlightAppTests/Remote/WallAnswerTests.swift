import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// The broker answers every wall's `GET /v1/wall` from one kept answer until the board changes
/// (`WallAnswerCache`, issue 13's figures): a wall told of a change must never get the old one.
/// The handles' clock stands still here, so only an invalidation can make a later answer differ.
@Suite struct WallAnswerTests {
    typealias P = People

    func titles(_ f: WireFixture, as account: Account = People.mary) async throws -> [String] {
        let response = await f.send("GET", "/v1/wall", as: account)
        try #require(response.status == 200, "\(response.text)")
        return try BoardWire.decoder().decode(WallSnapshot.self, from: Data(response.body)).stories.map(\.title).sorted()
    }

    @Test func aWriteThroughTheBrokerIsInEveryLaterWallAnswer() async throws {
        let f = try await WireFixture.make()
        let dana = try await f.remote(P.dana)
        _ = try await dana.post(P.draft("first"))
        #expect(try await titles(f) == ["first"])
        #expect(try await titles(f, as: P.john) == ["first"], "one answer for every account")
        _ = try await dana.post(P.draft("second"))
        #expect(try await titles(f) == ["first", "second"])
        #expect(try await titles(f, as: P.john) == ["first", "second"])
        await dana.close()
        await f.broker.close()
    }

    @Test func anotherProcesssWriteIsInTheWallAnswerOnceItIsAnnounced() async throws {
        let f = try await WireFixture.make()
        let events = EventRecorder(f.broker.events())
        f.time.advance(by: 3)  // past the echo window: the watcher announces what it sees
        #expect(try await titles(f) == [])
        let outsider = InMemoryBoard(storage: f.storage, as: P.john, clock: .fixed(P.now))
        _ = try await outsider.post(P.draft("from outside"))
        #expect(await events.waitFor(count: 1))
        #expect(try await titles(f) == ["from outside"])
        await f.broker.close()
    }

    @Test func aWallAnswerWithAHighlightTimeIsNeverTheKeptOne() async throws {
        let f = try await WireFixture.make()
        let dana = try await f.remote(P.dana)
        _ = try await dana.post(P.draft("first"))
        #expect(try await titles(f) == ["first"])
        let since = await f.send("GET", "/v1/wall", query: [("highlightSince", "bad time")], as: P.mary)
        #expect(since.status == 400, "read for itself, with its own arguments")
        await dana.close()
        await f.broker.close()
    }
}
