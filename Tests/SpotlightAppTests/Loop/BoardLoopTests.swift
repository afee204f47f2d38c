import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightUI
import Testing

/// The interactive board run whole in process: `BoardState`, `BoardEffectRunner` over an
/// in-memory board (drafts in a scratch state folder), `changes()` and a manual clock.
@LoopActor
@Suite struct BoardLoopTests {
    @Test func anUpvoteGoesThroughTheEffectRunnerAndIsSaid() async throws {
        let f = LoopFixture()
        let story = try await f.post("Worth a vote")
        let board = try await f.board()
        #expect(board.program.state.selectedStory?.id == story.id)

        await board.key(.char("u"))
        #expect(board.program.state.hasVoted(story.id))
        #expect(board.program.state.status?.text == BoardWording.upvote(story.id, added: true))
        #expect(board.text.contains("upvoted #\(story.id) — thank you!"))
        #expect(try await f.handle(People.john).story(story.id).votes == 1, "the vote is on the board")
    }

    @Test func theStatusLineTimesOutOnTheClock() async throws {
        let f = LoopFixture()
        try await f.post("Worth a vote")
        let board = try await f.board()
        await board.key(.char("u"))
        await board.tick()   // a new message is timed from the next tick
        #expect(board.text.contains("thank you"))
        f.manual.advance(by: 3.9)
        await board.tick()
        #expect(board.text.contains("thank you"), "not before its time")
        f.manual.advance(by: 0.2)
        await board.tick()
        #expect(board.program.state.status == nil)
        #expect(!board.text.contains("thank you"))
    }

    @Test func aBurstOfTypedSearchIsOneQuery() async throws {
        let f = LoopFixture()
        try await f.post("Mary saved the day")
        try await f.post("John fixed the printer")
        let board = try await f.board()
        let counter = QueryCounter()
        board.program.effects.timing = counter
        await board.key(.char("/"))
        // The keys arrive together, as a burst the terminal reads in one wake-up.
        await board.send([.tick(f.manual.now)] + "printer".map { .key(.char($0)) })
        #expect(counter.kinds.filter { $0 == "search-query" }.isEmpty, "typing alone asks for nothing")
        #expect(board.program.state.searchIsPending)
        // The loop sleeps until the state's next wake-up, then ticks.
        let due = try #require(board.program.state.nextWake)
        f.manual.set(max(due, f.manual.now))
        await board.tick()
        await board.tick()
        #expect(counter.kinds.filter { $0 == "search-query" }.count == 1, "one query for the whole burst")
        #expect(board.text.contains("John fixed the printer"))
        #expect(!board.text.contains("Mary saved the day"))
    }

    @Test func aComposedStoryIsSavedAsADraftByTheEffectRunner() async throws {
        let f = LoopFixture()
        let board = try await f.board()
        await board.key(.char("n"))
        #expect(board.program.state.compose != nil)
        await board.send([.tick(f.manual.now), .paste("Night shift heroes")])
        #expect(board.program.effects.drafts.load() == nil, "not saved at once")
        await board.tick()   // the save is timed from the next tick
        f.manual.advance(by: ComposeSession.draftDelay)
        await board.tick()
        let saved = try #require(board.program.effects.drafts.load())
        #expect(saved.draft.title == "Night shift heroes")
        #expect(saved.editing == nil)
    }

    @Test func anotherHandlesPostReachesTheListAfterAChange() async throws {
        let f = LoopFixture()
        try await f.post("The first story")
        let board = try await f.board()
        try await f.post("Posted elsewhere", as: People.john)
        #expect(await board.nextChange() == .changed)
        #expect(board.text.contains("Posted elsewhere"))
    }

    @Test func anUnavailableBoardIsSaidAndItsReturnToo() async throws {
        let f = LoopFixture()
        try await f.post("The first story")
        let board = try await f.board()
        await f.storage.interrupt("board file missing")
        #expect(await board.nextChange() == .unavailable("board file missing"))
        #expect(board.text.contains("board file missing; showing the last stories read"))
        await board.key(.char("u"))
        #expect(board.text.contains("board file missing"), "a write is refused with the reason, not tried")
        await f.storage.restore()
        #expect(await board.nextChange() == .changed)
        #expect(board.text.contains(BoardWording.boardBack))
    }
}
