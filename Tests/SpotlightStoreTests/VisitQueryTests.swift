import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

/// The store's side of "what's new since your last visit": measured in ids, so the clock cannot
/// hide anything; your own posts are not news; recognition of your stories is counted.
@Suite struct VisitQueryTests {
    typealias T = TempBoard

    @Test func newStoriesAndRecognitionSinceTheMarks() async throws {
        let board = T()
        let mary = try await board.open(as: T.mary)
        let mine = try await mary.post(T.draft("Mary's own story", hero: "Ann Lee"))
        let marks = try await mary.marksForEverythingNow(at: T.now)
        await mary.close()

        // While Mary is away, with a clock that went backwards: John posts twice and recognises her story.
        let john = try await board.open(as: T.john, clock: .fixed(T.now.addingTimeInterval(-86_400)))
        var elsewhere = T.draft("John's first", hero: "Someone")
        elsewhere.department = "Warehouse"   // not a department Mary has been recognised in
        let first = try await john.post(elsewhere)
        let aboutMary = try await john.post(T.draft("John thanks Mary", hero: "Mary Lopez"))
        _ = try await john.upvote(mine.id)
        _ = try await john.giveMedallion(mine.id)
        await john.close()

        let again = try await board.open(as: T.mary)
        _ = try await again.post(T.draft("Mary posts again"))
        let news = try await again.news(since: marks, for: T.mary)
        #expect(news.stories.map(\.id) == [aboutMary.id, first.id], "about Mary first, own posts never news")
        #expect(news.recognitions.map(\.votes) == [1] && news.recognitions.map(\.medallions) == [1])
        #expect(news.recognitions.first?.story.id == mine.id)
        #expect(try await again.newStoryCount(since: marks, for: T.mary) == 2, "the login line counts the same stories")
        // "Your department": where you have been the hero, found through the full-text index.
        #expect(try await again.departments(recognising: ["mlopez", "mary  LOPEZ"]) == [aboutMary.department])
        #expect(try await again.departments(recognising: ["\"", "nobody here"]).isEmpty)

        // Seen one of them: the next visit has only the other.
        var seen = marks
        seen.see([first.id])
        #expect(try await again.news(since: seen, for: T.mary).stories.map(\.id) == [aboutMary.id])
        // After the visit closes with both seen, nothing is new and recognition is reported.
        seen.see([aboutMary.id])
        let closed = try await again.closing(seen, at: T.now)
        let after = try await again.news(since: closed, for: T.mary)
        #expect(after.isEmpty, "\(after)")
        #expect(closed.seenAbove.isEmpty && closed.seenThrough >= aboutMary.id)
        await again.close()
    }

    @Test func anotherBoardAtTheSamePathHasAnotherIdentity() async throws {
        let board = T()
        let store = try await board.open()
        let identity = try await store.identity()
        #expect(try await store.identity() == identity)
        await store.close()
        try FileManager.default.removeItem(atPath: board.path)
        let other = try await board.open(clock: .fixed(T.now.addingTimeInterval(1)))
        #expect(try await other.identity() != identity)
        await other.close()
    }
}
