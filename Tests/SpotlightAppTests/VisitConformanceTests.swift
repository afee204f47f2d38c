import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// "What's new since your last visit", measured in ids on every backend: the clock cannot hide
/// anything, your own posts are not news, recognition of your stories is counted.
@Suite struct VisitConformanceTests {
    typealias P = People

    @Test(arguments: BoardKind.allCases)
    func newStoriesAndRecognitionSinceTheMarks(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let mary = try await board.open(as: P.mary)
        let mine = try await mary.post(P.draft("Mary's own story", hero: "Ann Lee"))
        let marks = try await mary.marksForEverythingNow(at: P.now)
        #expect(marks.seenThrough == mine.id)
        await mary.close()

        // While Mary is away, with a clock that went backwards: John posts twice and recognises her story.
        let john = try await board.open(as: P.john, clock: .fixed(P.now.addingTimeInterval(-86_400)))
        let first = try await john.post(P.draft("John's first", hero: "Someone", department: "Warehouse"))
        let aboutMary = try await john.post(P.draft("John thanks Mary", hero: "Mary Lopez"))
        _ = try await john.upvote(mine.id)
        _ = try await john.giveMedallion(mine.id)
        await john.close()

        let again = try await board.open(as: P.mary)
        _ = try await again.post(P.draft("Mary posts again"))
        let news = try await again.news(since: marks, for: P.mary)
        #expect(news.stories.map(\.id) == [aboutMary.id, first.id], "about Mary first, own posts never news")
        #expect(news.recognitions.map(\.votes) == [1] && news.recognitions.map(\.medallions) == [1])
        #expect(news.recognitions.first?.story.id == mine.id)
        #expect(try await again.newStoryCount(since: marks, for: P.mary) == 2, "the login line counts the same stories")
        #expect(try await again.departments(recognising: ["mlopez", "mary  LOPEZ"]) == [aboutMary.department])
        #expect(try await again.departments(recognising: ["\"", "nobody here"]).isEmpty)
        #expect(try await again.visibleStories(above: mine.id).map(\.id) == [first.id, aboutMary.id, aboutMary.id + 1])

        var seen = marks
        seen.see([first.id])
        #expect(try await again.news(since: seen, for: P.mary).stories.map(\.id) == [aboutMary.id])
        seen.see([aboutMary.id])
        let closed = try await again.closing(seen, at: P.now)
        let after = try await again.news(since: closed, for: P.mary)
        #expect(after.isEmpty, "\(after)")
        #expect(closed.seenAbove.isEmpty && closed.seenThrough >= aboutMary.id)
        #expect(try await again.newestIDs().audit == closed.auditThrough)
        await again.close()
    }

    @Test(arguments: BoardKind.allCases)
    func aBoardsIdentityIsItsCreation(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let other = try await kind.makeBoard(clock: .fixed(P.now.addingTimeInterval(1)))
        let a = try await board.open()
        let b = try await other.open()
        #expect(try await a.identity() == "\(Int(P.now.timeIntervalSince1970 * 1000))-dana")
        #expect(try await a.identity() != b.identity())
        await a.close(); await b.close()
    }

    @Test(arguments: BoardKind.allCases)
    func exportImportExportIsIdentical(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let john = try await board.open(as: P.john)
        let story = try await john.post(P.draft())
        try await dana.upvote(story.id)
        _ = try await dana.giveMedallion(story.id)
        try await dana.pin(story.id, until: nil, note: "note")
        let exported = try await dana.export()
        #expect(exported.stories.count == 1 && exported.votes.count == 1 && exported.medallions.count == 1)
        let copy = try await kind.makeBoard()
        let importer = try await copy.open()
        try await importer.importBoard(exported)
        #expect(try await importer.export() == exported)
        #expect(try await importer.story(story.id).votes == 1)
        await #expect(throws: SpotlightError.self) { try await importer.importBoard(exported) }
        await dana.close(); await john.close(); await importer.close()
    }

    @Test(arguments: BoardKind.allCases)
    func theDemoSeedsAnEmptyBoardOnce(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let count = try await dana.seed(DemoStories.all)
        #expect(count == DemoStories.all.count)
        #expect(try await dana.storyCount() == count)
        #expect(try await dana.auditEvents(limit: 1).first?.action == "demo")
        await #expect(throws: SpotlightError.self) { _ = try await dana.seed(DemoStories.all) }
        await dana.close()
    }
}
