import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

@Suite struct ReelAndHighlightTests {
    let now = Date(timeIntervalSince1970: 1_791_800_000)

    func story(_ id: Int, votes: Int, hero: String = "Hero") -> Story {
        Story(id: id, title: "Story \(id)", body: "Body of story \(id).", hero: hero, department: "Support",
              author: "a\(id)", authorName: "Author \(id)", createdAt: now.addingTimeInterval(-Double(id) * 3600), votes: votes)
    }

    @Test func reelCountsDownFromTheLastPlaceToTheMostRecognised() {
        let plan = ReelPlan(stories: [story(1, votes: 2), story(2, votes: 9), story(3, votes: 5), story(4, votes: 0)],
                            periodText: "October", count: 3)
        #expect(plan.steps.count == 5)
        guard case .announcement(let title) = plan.steps.first, case .announcement(let closing) = plan.steps.last else {
            Issue.record("the reel must open and close with a card")
            return
        }
        #expect(title.contains("4 stories") && title.contains("16 votes"))
        #expect(closing.contains("Thank you"))
        let ranks = plan.steps.compactMap { step -> Int? in
            if case .story(let s, let rank, _) = step { return rank * 100 + s.id }
            return nil
        }
        #expect(ranks == [301, 203, 102])  // story 1 third, story 3 second, story 2 first
    }

    @Test func anEmptyPeriodIsOneFriendlyCard() {
        let plan = ReelPlan(stories: [], periodText: "last week", count: 10)
        #expect(plan.steps == [.announcement("No stories were posted last week. Next time, then!")])
    }

    @Test func reelCardsRenderAsTextInTheFrame() {
        let plan = ReelPlan(stories: [story(1, votes: 1)], periodText: "October", count: 1)
        let context = WallPresenter.Context(boardName: "Acme", theme: .builtIn, now: now, timeZone: TimeZone(identifier: "UTC")!)
        let frame = WallScreen.render(plan.model(plan.steps[0], position: 1, context: context), width: 80, height: 24).plainText()
        #expect(frame.contains("Celebrating our successes"))
        let story = WallScreen.render(plan.model(plan.steps[1], position: 2, context: context), width: 80, height: 24).plainText()
        #expect(story.contains("Story 1") && story.contains("the most recognised story of the period"))
    }

    /// The intro card as `wall --reel` shows it for the default 30 days of the demo board: no
    /// word alone on a line at 80×24 or 40×12; the #1 story without the pin badge (the reel
    /// says why each story is there; a pin is the live wall's business).
    @Test func goldenReelCards() {
        var first = story(1, votes: 14, hero: "Mary Lopez")
        first.medallions = 1
        first.pin = Pin(pinnedBy: "jpark", pinnedAt: now, until: nil, note: "Story of the month")
        let others = (2...30).map { story($0, votes: $0 % 7) }
        let plan = ReelPlan(stories: [first] + others, periodText: "Mon 2 Nov 2026 – Tue 1 Dec 2026", count: 10)
        let context = WallPresenter.Context(boardName: "Acme", theme: .builtIn, now: now, timeZone: TimeZone(identifier: "UTC")!)
        for (w, h) in [(80, 24), (40, 12)] {
            let intro = WallScreen.render(plan.model(plan.steps[0], position: 1, context: context), width: w, height: h)
            expectGolden(intro, "reel-intro-\(w)x\(h)")
        }
        let top = plan.steps.count - 2
        expectGolden(WallScreen.render(plan.model(plan.steps[top], position: top + 1, context: context), width: 80, height: 24),
                     "reel-first-80x24")
    }

    @Test func serviceWeekHighlightTakesEveryFourthSlot() {
        var state = WallState(settings: BoardSettings(), now: now)
        let highlight = story(99, votes: 4, hero: "Star")
        state.load(stories: (1...6).map { story($0, votes: $0) }, headlines: [], settings: BoardSettings(), now: now,
                   highlight: highlight)
        var reasons: [SlotReason] = []
        for _ in 0..<12 {
            state.advance(now: now)
            reasons.append(state.slot?.reason ?? .rotation)
        }
        let highlights = reasons.enumerated().filter { $0.element == .dailyHighlight }.map(\.offset)
        #expect(highlights.count == 3)
        #expect(zip(highlights, highlights.dropFirst()).allSatisfy { $1 - $0 == WallState.highlightEvery })
        #expect(state.stories[99] != nil)
    }

    @Test func noHighlightOutsideServiceWeek() {
        var state = WallState(settings: BoardSettings(), now: now)
        state.load(stories: (1...3).map { story($0, votes: 1) }, headlines: [], settings: BoardSettings(), now: now)
        for _ in 0..<10 {
            state.advance(now: now)
            #expect(state.slot?.reason != .dailyHighlight)
        }
    }
}

@Suite struct WallStatsSlotTests {
    let now = Date(timeIntervalSince1970: 1_791_800_000)

    @Test func statisticsTakeOneSlotInTheirCadenceOnlyOnceRead() {
        var state = WallState(settings: BoardSettings(), now: now)
        let stories = (1...5).map {
            Story(id: $0, title: "S\($0)", hero: "H", author: "a", authorName: "A", createdAt: now, votes: $0)
        }
        state.load(stories: stories, headlines: [], settings: BoardSettings(), now: now)
        state.statsEvery = 3
        for _ in 0..<6 {
            state.advance(now: now)
            #expect(!state.showingStats, "no statistics before they have been read")
        }
        state.statsLines = ["Board — statistics", "Stories per week ▁▂▃"]
        var shown: [Int] = []
        for step in 1...9 {
            state.advance(now: now)
            if state.showingStats { shown.append(step) }
        }
        #expect(shown == [3, 6, 9])
        let frame = WallScreen.render(state.model(context: WallPresenter.Context(
            boardName: "B", theme: .builtIn, now: now, timeZone: TimeZone(identifier: "UTC")!)), width: 80, height: 24).plainText()
        #expect(frame.contains("Stories per week") && frame.contains("board statistics"))
        #expect(state.slotEnds == now.addingTimeInterval(Double(WallState.statsSeconds)))
    }
}
