import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI
import SpotlightTestSupport

/// The live wall's rotation and keys, in process, on a manual clock.
@Suite struct WallUpdateRotationTests {
    let clock = ManualClock(WallFixture.start)

    @Test func theRotationAdvancesAfterTheDwellAndNotBefore() throws {
        var state = WallFixture.wall(clock)
        let first = try #require(state.currentStory)
        let ends = try #require(state.slotEnds)
        #expect(ends > clock.now)

        clock.set(ends.addingTimeInterval(-0.5))
        _ = state.tick(clock)
        #expect(state.currentStory == first, "half a second before the dwell ends the story stays")

        clock.set(ends)
        #expect(state.tick(clock).contains(.redraw))
        #expect(state.currentStory != nil && state.currentStory != first)
        #expect(state.slotEnds.map { $0 > ends } == true, "the next dwell counts from the change")
    }

    /// The runner sleeps until `nextWake` and then ticks: that never misses or delays a rotation.
    @Test func sleepingUntilNextWakeRotatesExactlyWhenTheDwellEnds() throws {
        var state = WallFixture.wall(clock)
        var changes: [(at: Date, due: Date)] = []
        for _ in 0..<60 {
            let due = try #require(state.slotEnds)
            let story = state.currentStory
            let wake = state.nextWake
            #expect(wake > clock.now && wake <= due)
            clock.set(wake)
            _ = state.tick(clock)
            if state.currentStory != story { changes.append((clock.now, due)) }
        }
        #expect(changes.count >= 3)
        #expect(changes.allSatisfy { $0.at == $0.due }, "\(changes)")
    }

    @Test func pauseHoldsTheStoryUntilResumedThenGivesItAFullDwell() throws {
        var state = WallFixture.wall(clock)
        let first = try #require(state.currentStory)
        let dwell = try #require(state.slotEnds).timeIntervalSince(clock.now)

        #expect(state.handle(.key(.char(" "))) == [.redraw])
        #expect(state.isPaused)
        #expect(state.frameText.contains("PAUSED") && state.frameText.contains("space resume"))
        clock.advance(by: dwell * 5)
        _ = state.tick(clock)
        #expect(state.currentStory == first)
        #expect(state.nextWake <= clock.now.addingTimeInterval(WallState.tickerPage), "paused, only the ticker and clock wake it")

        _ = state.handle(.key(.char(" ")))
        #expect(!state.isPaused)
        #expect(state.slotEnds == clock.now.addingTimeInterval(dwell))
        clock.advance(by: dwell - 1)
        _ = state.tick(clock)
        #expect(state.currentStory == first)
        clock.advance(by: 1)
        _ = state.tick(clock)
        #expect(state.currentStory != first)
    }

    @Test func nextAndPreviousMoveAtOnceAndRestartTheDwell() throws {
        var state = WallFixture.wall(clock)
        let first = try #require(state.currentStory)
        clock.advance(by: 2)
        _ = state.tick(clock)
        for key in [Key.right, .char("l"), .char("n")] {
            #expect(state.handle(.key(key)) == [.redraw])
        }
        let third = try #require(state.currentStory)
        #expect(third != first)
        #expect(state.slotEnds.map { $0 > clock.now } == true)
        _ = state.handle(.key(.left))
        _ = state.handle(.key(.char("h")))
        _ = state.handle(.key(.char("p")))
        #expect(state.currentStory == first)
    }

    @Test func helpOpensWithAQuestionMarkAndAnyKeyOrThirtySecondsCloseIt() throws {
        var state = WallFixture.wall(clock)
        let first = try #require(state.currentStory)
        _ = state.handle(.key(.char("?")))
        #expect(state.frameText.contains("Any key closes this help."))
        #expect(state.nextWake <= clock.now.addingTimeInterval(WallState.helpSeconds))

        #expect(state.handle(.key(.char("l"))) == [.redraw], "the key only closes the help")
        #expect(state.helpUntil == nil && state.currentStory == first)
        #expect(!state.frameText.contains("Any key closes this help."))

        _ = state.handle(.key(.char("?")))
        _ = state.handle(.key(.char(" ")))   // the first key closes the help: no pause
        #expect(!state.isPaused)
        _ = state.handle(.key(.char("?")))
        clock.advance(by: WallState.helpSeconds - 1)
        _ = state.tick(clock)
        #expect(state.helpUntil != nil)
        clock.advance(by: 1)
        #expect(state.tick(clock).contains(.redraw))
        #expect(state.helpUntil == nil)
    }

    @Test func quitKeysAndTheEmbeddedWallsW() {
        var state = WallFixture.wall(clock)
        #expect(state.handle(.key(.char("q"))) == [.quit])
        #expect(state.handle(.key(.escape)) == [.quit])
        #expect(state.handle(.key(.char("w"))) == [], "w means nothing on a wall of its own")
        var embedded = WallFixture.wall(clock, options: WallOptions(embedded: true, timeZone: WallFixture.utc))
        #expect(embedded.handle(.key(.char("w"))) == [.quit])
        #expect(embedded.frameText.contains("back"))
    }

    @Test func ctrlLRepaintsAndTAsksForTheNextTheme() {
        var state = WallFixture.wall(clock)
        #expect(state.handle(.key(.ctrl("l"))) == [.repaint, .redraw])
        #expect(state.handle(.key(.char("t"))) == [.nextTheme])
        #expect(state.handle(.themeChosen("dusk")) == [.redraw])
        #expect(state.themeCandidates == ["dusk"])
        #expect(state.status?.text == "theme: dusk")
        _ = state.handle(.themeFailed(name: "broken", reason: "line 3: bad colour"))
        #expect(state.frameText.contains("theme broken: line 3: bad colour"))
    }

    @Test func theKioskIgnoresEverythingButTheUnlockWord() {
        var state = WallFixture.wall(clock, options: WallOptions(kiosk: true, unlock: "quit", timeZone: WallFixture.utc))
        for key in [Key.char("q"), .escape, .ctrl("c"), .char(" "), .char("?"), .char("u")] {
            #expect(state.handle(.key(key)) == [])
        }
        #expect(!state.isPaused && state.helpUntil == nil)
        var effects: [WallEffect] = []
        for c in "ququit" { effects = state.handle(.key(.char(c))) }
        #expect(effects == [.quit])
    }

    @Test func theHeaderMinuteChangesOnTheTickThatCrossesIt() {
        var state = WallFixture.wall(clock)
        #expect(state.frameText.contains("12:00"))
        #expect(state.nextWake <= WallFixture.start.addingTimeInterval(30), "it wakes for the next minute")
        clock.advance(by: 1)
        #expect(!state.tick(clock).contains(.redraw), "nothing to draw one second later")
        clock.set(WallFixture.start.addingTimeInterval(30))
        #expect(state.tick(clock).contains(.redraw))
        #expect(state.frameText.contains("12:01") && !state.frameText.contains("12:00"))
    }

    @Test func theTickerTurnsAPageEverySixSeconds() {
        var state = WallFixture.wall(clock)
        let offset = state.tickerOffset
        clock.advance(by: WallState.tickerPage - 0.1)
        _ = state.tick(clock)
        #expect(state.tickerOffset == offset)
        clock.advance(by: 0.1)
        _ = state.tick(clock)
        #expect(state.tickerOffset == offset + 1)
    }

    @Test func aResizeRedrawsAtTheNewSize() {
        var state = WallFixture.wall(clock)
        #expect(state.handle(.resize(width: 132, height: 40)) == [.redraw])
        let grid = state.view(theme: .builtIn)
        #expect(grid.width == 132 && grid.height == 40)
        _ = state.handle(.resize(width: 30, height: 8))
        #expect(state.frameText.contains("Enlarge"))
    }
}
