import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI
import SpotlightTestSupport

/// The live wall and the board: changes, failed reads, upvotes, the statistics slot and
/// Customer Service Week's highlight, in process, on a manual clock.
@Suite struct WallUpdateBoardTests {
    let clock = ManualClock(WallFixture.start)

    @Test func aBoardChangeAsksForALoadAndTheLoadShowsTheNewStory() {
        var state = WallFixture.wall(clock)
        #expect(state.handle(.boardChanged) == [.loadSnapshot(highlightSince: nil)])
        let fresh = WallFixture.story(9, votes: 0)
        var content = WallFixture.content()
        content.stories.insert(fresh, at: 0)
        content.headlines.insert(fresh.title, at: 0)
        #expect(state.handle(.snapshotLoaded(content)) == [.redraw])
        #expect(state.stories[9] != nil)
        #expect(state.tickerOffset == 0, "a new headline starts the ticker over")
    }

    @Test func aNewHeadlineStaysOnTheTickerForAWholePage() {
        var state = WallFixture.wall(clock)
        // The ticker's page is about to turn when the post arrives.
        clock.advance(by: WallState.tickerPage - 1)
        _ = state.tick(clock)
        let fresh = WallFixture.story(9, votes: 0)
        var content = WallFixture.content()
        content.stories.insert(fresh, at: 0)
        content.headlines.insert(fresh.title, at: 0)
        _ = state.handle(.snapshotLoaded(content))
        #expect(state.tickerOffset == 0)
        #expect(state.nextTicker == clock.now.addingTimeInterval(WallState.tickerPage), "the fresh headline gets a whole page")
    }

    @Test func aFailedLoadKeepsTheLastSnapshotAndSaysWhy() throws {
        var state = WallFixture.wall(clock)
        let shown = try #require(state.currentStory)
        #expect(state.handle(.loadFailed(.unavailable("disk I/O error"))) == [.redraw])
        #expect(state.currentStory == shown)
        #expect(state.frameText.contains("board unavailable (disk I/O error); showing the last stories read"))
        #expect(state.frameText.contains(shown.title))
        #expect(state.handle(.loadFailed(.unavailable("disk I/O error"))) == [], "the same trouble again draws nothing")

        _ = state.handle(.loadFailed(.fileMissing))
        #expect(state.frameText.contains("board file missing"))
        // The rotation goes on over the stories it has.
        clock.set(try #require(state.slotEnds))
        _ = state.tick(clock)
        #expect(state.currentStory != shown)

        _ = state.handle(.snapshotLoaded(WallFixture.content()))
        #expect(state.problem == nil && !state.frameText.contains("board file missing"))
    }

    @Test func anUpvoteIsAnEffectAndItsResultIsSaidThenReadAndForgotten() throws {
        var state = WallFixture.wall(clock)
        let id = try #require(state.currentStory).id
        #expect(state.handle(.key(.char("u"))) == [.upvote(id)])
        #expect(state.handle(.upvoted(id, added: true)) == [.loadSnapshot(highlightSince: nil), .redraw])
        #expect(state.frameText.contains("upvoted #\(id) — thank you!"))
        _ = state.handle(.upvoted(id, added: false))
        #expect(state.status?.text == "you had already upvoted #\(id)")
        clock.advance(by: WallState.statusSeconds)
        #expect(state.tick(clock).contains(.redraw))
        #expect(state.status == nil)
        _ = state.handle(.upvoteFailed(reason: nil))
        #expect(state.status?.text == "the board is unavailable right now; try again shortly")
        _ = state.handle(.upvoteFailed(reason: "the board is read-only"))
        #expect(state.status?.text == "the board is read-only")
    }

    @Test func anEmptyBoardHasNothingToUpvote() {
        var state = WallFixture.wall(clock, content: WallContent(stories: [], headlines: [], settings: BoardSettings()))
        #expect(state.handle(.key(.char("u"))) == [])
        #expect(state.frameText.contains("No stories yet"))
    }

    @Test func theIntervalOptionOverridesTheBoardsRotationSeconds() throws {
        var state = WallFixture.wall(clock, options: WallOptions(interval: 3, timeZone: WallFixture.utc))
        _ = state.handle(.snapshotLoaded(WallFixture.content()))
        #expect(state.settings.rotationSeconds == 3)
    }

    @Test func withStatsTheFirstTickAsksForThemOnceAndTheyTakeASlot() throws {
        let options = WallOptions(stats: true, timeZone: WallFixture.utc)
        var state = WallState(settings: BoardSettings(), now: clock.now, options: options)
        #expect(state.handle(.tick(now: clock.now)).contains(.loadSnapshot(highlightSince: nil)))
        clock.advance(by: 1)
        #expect(!state.tick(clock).contains(.loadSnapshot(highlightSince: nil)))
        _ = state.handle(.snapshotLoaded(WallFixture.content(1...9)))
        _ = state.handle(.statsLoaded(["Stories per week", "▇▇▇ 12"]))
        var sawStats = false
        for _ in 0..<WallOptions.statsEvery {
            clock.set(try #require(state.slotEnds))
            _ = state.tick(clock)
            sawStats = sawStats || state.frameText.contains("Stories per week")
        }
        #expect(sawStats)
    }

    @Test func customerServiceWeekAsksForTheDaysHighlightAndItsTheme() throws {
        var settings = BoardSettings()
        settings.serviceWeekStart = "2026-11-09"
        var state = WallState(settings: settings, now: clock.now, options: WallOptions(timeZone: WallFixture.utc))
        let today = Date(timeIntervalSince1970: 1_794_268_800)   // Tue 10 Nov 2026 00:00 UTC
        #expect(state.handle(.tick(now: clock.now)).contains(.loadSnapshot(highlightSince: today)))
        #expect(state.themeCandidates == ["service-week", settings.theme])
        #expect(state.handle(.boardChanged) == [.loadSnapshot(highlightSince: today)])
        clock.advance(by: 3600)
        #expect(!state.tick(clock).contains(.loadSnapshot(highlightSince: today)), "same day: no new read")
        clock.advance(by: 24 * 3600)
        let tomorrow = today.addingTimeInterval(24 * 3600)
        #expect(state.tick(clock).contains(.loadSnapshot(highlightSince: tomorrow)))

        var mine = WallState(settings: settings, now: clock.now, options: WallOptions(theme: "mono", timeZone: WallFixture.utc))
        _ = mine.tick(clock)
        #expect(mine.themeCandidates == ["mono"], "--theme wins over the week's")
    }
}
