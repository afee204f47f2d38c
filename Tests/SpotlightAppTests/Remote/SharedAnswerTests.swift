import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// The broker answers every wall's `GET /v1/wall`, every list and every board page from one kept
/// answer until the board changes (`SharedAnswers`, issue 13's figures): a client told of a
/// change must never get the old one, a page's votes are always the asker's own, and who may
/// see hidden stories is checked for every asker. The handles' clock stands still here, so only
/// an invalidation can make a later answer differ.
@Suite struct SharedAnswerTests {
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

    static let newestPage = #"{"counting":true,"query":{"includeHidden":false,"limit":20,"offset":0,"order":"new","pinnedOnly":false}}"#

    func page(_ f: WireFixture, _ body: String = newestPage, as account: Account) async throws -> StoryPage {
        let response = await f.send("POST", "/v1/board/page", body: body, as: account)
        try #require(response.status == 200, "\(response.text)")
        return try BoardWire.decoder().decode(StoryPage.self, from: Data(response.body))
    }

    @Test func aSharedPageCarriesEachAskersOwnVotes() async throws {
        let f = try await WireFixture.make()
        let dana = try await f.remote(P.dana)
        let john = try await f.remote(P.john)
        let story = try await dana.post(P.draft("first"))
        #expect(try await page(f, as: P.mary).voted == [], "read and kept for everyone")
        try await john.upvote(story.id)
        let afterVote = try await page(f, as: P.john)
        #expect(afterVote.voted == [story.id] && afterVote.stories.map(\.votes) == [1], "a vote is a change: read again")
        #expect(try await page(f, as: P.mary).voted == [], "the kept page, with Mary's votes, not John's")
        #expect(try await page(f, as: P.john).voted == [story.id])
        await dana.close()
        await john.close()
        await f.broker.close()
    }

    @Test func aWriteIsInEveryLaterPageAndList() async throws {
        let f = try await WireFixture.make()
        let dana = try await f.remote(P.dana)
        _ = try await dana.post(P.draft("first"))
        #expect(try await page(f, as: P.mary).stories.map(\.title) == ["first"])
        let list = await f.send("GET", "/v1/stories", query: [("order", "new")], as: P.john)
        #expect(list.text.contains("first"))
        _ = try await dana.post(P.draft("second"))
        #expect(try await page(f, as: P.mary).stories.map(\.title) == ["second", "first"])
        #expect(try await page(f, as: P.mary).total == 2)
        let again = await f.send("GET", "/v1/stories", query: [("order", "new")], as: P.john)
        #expect(again.text.contains("second"))
        await dana.close()
        await f.broker.close()
    }

    @Test func hiddenStoriesAreListedForManagersAndTheirAuthorsOnly() async throws {
        let f = try await WireFixture.make()
        let dana = try await f.remote(P.dana)
        let john = try await f.remote(P.john)
        let story = try await john.post(P.draft("held back"))
        try await dana.setStatus(story.id, to: .hidden)
        let hidden = Self.newestPage.replacingOccurrences(of: #""includeHidden":false"#, with: #""includeHidden":true"#)
        #expect(try await page(f, hidden, as: P.dana).stories.map(\.title) == ["held back"], "a manager sees it")
        let refused = await f.send("POST", "/v1/board/page", body: hidden, as: P.mary)
        #expect(refused.status == 403 && refused.text.contains("only a manager may list hidden stories"), "\(refused.text)")
        let listed = await f.send("GET", "/v1/stories", query: [("includeHidden", "true")], as: P.mary)
        #expect(listed.status == 403 && !listed.text.contains("held back"), "\(listed.text)")
        let counted = await f.send("POST", "/v1/board/count", body: #"{"query":{"includeHidden":true,"limit":20,"offset":0,"order":"new","pinnedOnly":false}}"#, as: P.mary)
        #expect(counted.status == 403, "\(counted.text)")
        let own = hidden.replacingOccurrences(of: #""limit":20"#, with: #""author":"jpark","limit":20"#)
        #expect(try await page(f, own, as: P.john).stories.map(\.title) == ["held back"], "the author sees their own")
        let othersOwn = await f.send("POST", "/v1/board/page", body: own, as: P.mary)
        #expect(othersOwn.status == 403, "John's hidden stories are not Mary's to see")
        await dana.close()
        await john.close()
        await f.broker.close()
    }

    @Test func aBodysLimitIsBoundedAsAQuerysIs() async throws {
        let f = try await WireFixture.make()
        let huge = Self.newestPage.replacingOccurrences(of: #""limit":20"#, with: #""limit":100000000"#)
        let page = await f.send("POST", "/v1/board/page", body: huge, as: P.mary)
        #expect(page.status == 400 && page.text.contains("`limit` must be from 0 to 100000"), "\(page.text)")
        let ids = await f.send("POST", "/v1/board/page-of", body: #"{"ids":[1],"offset":0,"limit":-5}"#, as: P.mary)
        #expect(ids.status == 400, "\(ids.text)")
        let fine = Self.newestPage.replacingOccurrences(of: #""limit":20"#, with: #""limit":100000"#)
        #expect(await f.send("POST", "/v1/board/page", body: fine, as: P.mary).status == 200)
        await f.broker.close()
    }
}
