import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

/// "What's new since your last visit" on the board: the summary, the For you list, the dots.
@Suite struct BoardVisitTests {
    typealias F = BoardFixtures
    static let utc = TimeZone(identifier: "UTC")!

    /// The board after an absence in which stories 40 and 41 were posted and one of yours got votes.
    static func cameBack(width: Int = 100, height: Int = 30) -> BoardState {
        var state = F.state(F.staff, width: width, height: height)
        let fresh = F.demo.filter { [41, 40].contains($0.id) }
        let news = News(stories: fresh, recognitions: [News.Recognition(story: F.demo[0], votes: 3, medallions: 1)],
                        since: F.now.addingTimeInterval(-3 * 86_400))
        let effects = state.welcomeBack(news, now: F.now, timeZone: utc)
        guard case .load(let request)? = effects.first else { fatalError("For you must load") }
        _ = state.loaded(ListPage(request: request, stories: fresh, total: fresh.count))
        return state
    }

    @Test func comingBackOpensForYouWithTheSummary() {
        let state = Self.cameBack()
        #expect(state.tab == .forYou)
        #expect(state.tabs.last == .forYou)
        #expect(state.unseen == [41, 40])
        #expect(state.status?.text.hasPrefix("2 new stories, 3 votes and a medallion on yours since") == true, "\(state.status?.text ?? "")")
        expectGolden(BoardScreen.render(state, context: BoardFrameTests.context, width: 100, height: 30).grid, "board-for-you-100x30")
    }

    @Test func forYouAsksForExactlyTheNewStoriesInTheirOrder() {
        var state = F.state(F.staff)
        let news = News(stories: F.demo.filter { [41, 40].contains($0.id) }, recognitions: [], since: F.now)
        let request = loads(state.welcomeBack(news, now: F.now, timeZone: Self.utc)).first
        #expect(request?.ids == news.stories.map(\.id))
        // Leaving and coming back to the tab asks for the same fixed list.
        state.press(.char("1"))
        #expect(state.tab == .hot)
        #expect(loads(state.press(.char("6"))).first?.ids == news.stories.map(\.id))
    }

    @Test func withoutNewsThereIsNoForYouTabAndSixDoesNothing() {
        var state = F.state(F.staff)
        let effects = state.welcomeBack(News(stories: [], recognitions: [], since: F.now), now: F.now, timeZone: Self.utc)
        #expect(effects.isEmpty && state.tab == .hot)
        #expect(!state.tabs.contains(.forYou))
        #expect(state.press(.char("6")).isEmpty && state.tab == .hot)
        #expect(state.status?.text == "Nothing new since earlier today")
        state.press(.left)
        #expect(state.tab == .mine, "← from Hot goes round to the last tab shown")
    }

    @Test func unseenStoriesAreMarkedInEveryList() {
        var state = Self.cameBack()
        state.press(.char("2"))
        _ = state.loaded(ListPage(request: state.request(offset: 0, limit: 100, counting: true), stories: F.demo, total: F.demo.count))
        let grid = BoardScreen.render(state, context: BoardFrameTests.context, width: 100, height: 30).grid
        let rows = grid.plainText(trimTrailing: true).split(separator: "\n")
        let marked = rows.filter { $0.dropFirst(2).hasPrefix("•") }
        #expect(marked.count == 2, "\(rows.joined(separator: "\n"))")
    }

    @Test func whatIsOnScreenCountsAsSeen() {
        var state = Self.cameBack(height: 5)   // one list row
        #expect(state.storiesOnScreen == [41] || state.storiesOnScreen == [40])
        state.press(.enter)
        #expect(state.storiesOnScreen.count == 1 && state.view == .detail)
    }

    @Test func theFirstVisitIsAWelcomeAndHot() {
        var state = F.state(F.staff)
        state.welcomeFirstTime()
        #expect(state.tab == .hot && state.unseen.isEmpty)
        #expect(state.status?.text.hasPrefix("Welcome") == true)
    }
}
