import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightUI
import Testing

/// The live wall run whole in process: `WallState`, the effect runner over an in-memory board,
/// the board's `changes()` and a manual clock, through the loop the terminal uses.
@LoopActor
@Suite struct WallLoopTests {
    @Test func theWallRotatesToAStoryAnotherHandlePostsAfterAChange() async throws {
        let f = LoopFixture()
        try await f.post("The first story")
        let wall = try await f.wall()
        #expect(wall.text.contains("The first story"))

        try await f.post("Fresh from the front desk", as: People.john)
        #expect(await wall.nextChange() == .changed)
        #expect(wall.program.state.stories.values.contains { $0.title == "Fresh from the front desk" }, "the change was read")
        // The first story's time runs out on the clock; the new post comes next.
        let ends = try #require(wall.program.state.slotEnds)
        f.manual.set(ends)
        await wall.tick()
        #expect(wall.program.state.currentStory?.title == "Fresh from the front desk")
        #expect(wall.text.contains("Fresh from the front desk"))
    }

    @Test func aDeletedBoardShowsWhyKeepsTheLastStoriesAndRecovers() async throws {
        let f = LoopFixture()
        try await f.post("Kept on screen")
        let wall = try await f.wall()

        await f.storage.interrupt("board file missing")
        #expect(await wall.nextChange() == .unavailable("board file missing"))
        #expect(wall.text.contains("board file missing; showing the last stories read"))
        #expect(wall.text.contains("Kept on screen"))

        await f.storage.restore()
        #expect(await wall.nextChange() == .changed)
        #expect(wall.program.state.problem == nil)
        #expect(!wall.text.contains("board file missing"))
        #expect(wall.text.contains("Kept on screen"))
    }

    @Test func anUpvoteOnTheWallIsWordedAsOnTheBoardAndReachesTheBoard() async throws {
        let f = LoopFixture()
        let story = try await f.post("Worth a vote")
        let wall = try await f.wall()
        await wall.key(.char("u"))
        #expect(wall.program.state.status?.text == BoardWording.upvote(story.id, added: true))
        #expect(try await f.handle(People.john).story(story.id).votes == 1)
        await wall.key(.char("u"))
        #expect(wall.program.state.status?.text == "you had already upvoted #\(story.id)")
    }

    @Test func theStatusLineGoesOnTheClock() async throws {
        let f = LoopFixture()
        try await f.post("Worth a vote")
        let wall = try await f.wall()
        await wall.key(.char("u"))
        #expect(wall.program.state.status != nil)
        f.manual.advance(by: WallState.statusSeconds - 1)
        await wall.tick()
        #expect(wall.program.state.status != nil, "not before its time")
        f.manual.advance(by: 1)
        await wall.tick()
        #expect(wall.program.state.status == nil)
        #expect(!wall.text.contains("thank you"))
    }
}
