import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightUI
import Testing

/// The celebration reel on the same loop as the wall and the board: it plays on the clock and
/// ends by itself after its last step.
@LoopActor
@Suite struct ReelLoopTests {
    @Test func theReelPlaysEveryStepOnTheClockThenEnds() async throws {
        let f = LoopFixture()
        let stories = [try await f.post("First place"), try await f.post("Second place")]
        let plan = ReelPlan(stories: stories, periodText: "this month", count: 10)
        let program = ReelProgram(state: ReelState(plan: plan, baseSeconds: 8, now: f.manual.now), theme: .builtIn,
                                  boardName: "Test", isUTF8: true, timeZone: .gmt)
        let reel = HeadlessLoop(program, clock: f.clock)
        await reel.start()
        #expect(reel.text.contains("Celebrating our successes"))
        var shown: [String] = []
        for _ in 0..<plan.steps.count {
            #expect(reel.ended == nil)
            if reel.text.contains("First place") { shown.append("First place") }
            if reel.text.contains("Second place") { shown.append("Second place") }
            let due = try #require(program.nextWake)
            f.manual.set(due)
            await reel.tick()
        }
        #expect(Set(shown) == ["First place", "Second place"])
        #expect(reel.ended == 0, "the reel quits after its last step")
    }

    @Test func aPausedReelWaitsForAKey() async throws {
        let f = LoopFixture()
        let plan = ReelPlan(stories: [try await f.post("First place")], periodText: "this month", count: 10)
        let program = ReelProgram(state: ReelState(plan: plan, baseSeconds: 8, now: f.manual.now), theme: .builtIn,
                                  boardName: "Test", isUTF8: true, timeZone: .gmt)
        let reel = HeadlessLoop(program, clock: f.clock)
        await reel.start()
        await reel.key(.char(" "))
        #expect(program.nextWake == nil)
        f.manual.advance(by: 3600)
        await reel.tick()
        #expect(program.state.index == 0 && reel.ended == nil)
        await reel.key(.char("q"))
        #expect(reel.ended == 0)
    }
}
