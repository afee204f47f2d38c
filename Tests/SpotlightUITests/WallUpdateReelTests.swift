import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI
import SpotlightTestSupport

/// The celebration reel's loop as values, on a manual clock.
@Suite struct WallUpdateReelTests {
    let clock = ManualClock(WallFixture.start)

    func reel() -> ReelState {
        let plan = ReelPlan(stories: (1...3).map { WallFixture.story($0, votes: $0) }, periodText: "November", count: 3)
        var state = ReelState(plan: plan, baseSeconds: 10, now: clock.now)
        _ = state.handle(.resize(width: 100, height: 30))
        return state
    }

    func text(_ state: ReelState) -> String {
        state.view(boardName: "Acme", theme: .builtIn, isUTF8: true, timeZone: WallFixture.utc)?.plainText() ?? ""
    }

    @Test func eachStepEndsAfterItsDwellAndTheReelQuitsAfterTheLast() throws {
        var state = reel()
        #expect(state.plan.steps.count == 5)
        #expect(text(state).contains("Celebrating our successes"))
        let ends = try #require(state.stepEnds)
        #expect(ends == clock.now.addingTimeInterval(Double(ReelPlan.cardSeconds)))
        clock.set(ends.addingTimeInterval(-0.5))
        #expect(state.handle(.tick(now: clock.now)) == [])
        #expect(state.index == 0)
        clock.set(ends)
        #expect(state.handle(.tick(now: clock.now)) == [.redraw])
        #expect(state.index == 1)
        #expect(text(state).contains("Story number 1"), "third place comes first")

        var last: [WallEffect] = []
        while let wake = state.nextWake {
            clock.set(wake)
            last = state.handle(.tick(now: clock.now))
        }
        #expect(last == [.quit])
        #expect(state.isFinished && state.view(boardName: "Acme", theme: .builtIn, isUTF8: true, timeZone: WallFixture.utc) == nil)
    }

    @Test func arrowsStepSpacePausesAndQStops() throws {
        var state = reel()
        #expect(state.handle(.key(.right)) == [.redraw])
        #expect(state.handle(.key(.char("l"))) == [.redraw])
        #expect(state.index == 2)
        _ = state.handle(.key(.char("h")))
        _ = state.handle(.key(.left))
        _ = state.handle(.key(.char("p")))
        #expect(state.index == 0, "never before the first step")

        _ = state.handle(.key(.char(" ")))
        #expect(state.isPaused && state.nextWake == nil)
        clock.advance(by: 600)
        #expect(state.handle(.tick(now: clock.now)) == [])
        #expect(state.index == 0)
        _ = state.handle(.key(.char(" ")))
        #expect(state.stepEnds == clock.now.addingTimeInterval(Double(ReelPlan.cardSeconds)), "resuming gives the step its time")

        #expect(state.handle(.key(.char("u"))) == [], "the reel has no upvote")
        #expect(state.handle(.boardChanged) == [])
        #expect(state.handle(.key(.char("q"))) == [.quit])
        #expect(state.isFinished)
        var other = reel()
        #expect(other.handle(.key(.escape)) == [.quit])
    }

    @Test func aResizeRedrawsTheStepAtTheNewSize() throws {
        var state = reel()
        #expect(state.handle(.resize(width: 60, height: 20)) == [.redraw])
        let grid = try #require(state.view(boardName: "Acme", theme: .builtIn, isUTF8: true, timeZone: WallFixture.utc))
        #expect(grid.width == 60 && grid.height == 20)
    }
}
