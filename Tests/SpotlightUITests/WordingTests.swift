import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

/// The words of the wall, the reel and the board: plurals and possessives, a team named once,
/// no word alone on a message card's line, one set of marks for votes and medallions.
@Suite struct UIWordingTests {
    let now = Date(timeIntervalSince1970: 1_791_800_000)
    var context: WallPresenter.Context {
        WallPresenter.Context(boardName: "Acme", theme: .builtIn, now: now, timeZone: TimeZone(identifier: "UTC")!)
    }

    func story(votes: Int, medallions: Int = 0, hero: String = "Mary Lopez", department: String = "Support") -> Story {
        Story(id: 1, title: "Story", hero: hero, department: department, author: "a", authorName: "A", createdAt: now,
              votes: votes, medallions: medallions)
    }

    @Test func whyLinesUsePossessivesAndPlurals() {
        #expect(WallPresenter.reason(.departmentTurn("Facilities"), story: nil, context: context) == "Facilities' turn")
        #expect(WallPresenter.reason(.departmentTurn("IT Help Desk"), story: nil, context: context) == "IT Help Desk's turn")
        // One vote is not a trend.
        #expect(WallPresenter.reason(.trending, story: story(votes: 1), context: context) == "getting noticed: 1 vote")
        #expect(WallPresenter.reason(.trending, story: story(votes: 0, medallions: 1), context: context) == "getting noticed: 1 medallion")
        #expect(WallPresenter.reason(.trending, story: story(votes: 3, medallions: 1), context: context) == "trending: 3 votes, 1 medallion")
        var soon = context
        soon.serviceWeek = .countdown(daysLeft: 1)
        #expect(WallPresenter.banner(soon).hasSuffix("Customer Service Week in 1 day"))
    }

    /// The tour's case: greedy wrapping left "medallions" alone under "…100 votes, 2".
    @Test func aMessageCardNeverLeavesOneWordAloneOnALine() {
        let lines = WallMessageCard.fit("30 stories, 100 votes, 2 medallions", width: 34, rows: 4)?.map(\.string)
        #expect(lines == ["30 stories, 100 votes,", "2 medallions"])
        let stories = (1...30).map { id in
            Story(id: id, title: "S\(id)", hero: "H\(id)", author: "a", authorName: "A", createdAt: now, votes: id * 3, medallions: id % 2)
        }
        guard case .announcement(let intro) = ReelPlan(stories: stories, periodText: "Mon 2 Nov 2026 – Tue 1 Dec 2026", count: 10).steps[0]
        else { Issue.record("the reel opens with a card"); return }
        // From a little under the narrowest card a 40-column wall has (about 32 columns) up to 80×24.
        for width in 26...78 {
            guard let lines = WallMessageCard.fit(intro, width: width, rows: 12) else { continue }
            for line in lines where !line.string.contains(" ") {
                #expect(Bool(false), "width \(width): '\(line.string)' alone")
            }
        }
    }

    @Test func theReelNamesOneHeroInTheSingularAndDropsThePinBadge() {
        var pinned = story(votes: 5)
        pinned.pin = Pin(pinnedBy: "dana", pinnedAt: now)
        let plan = ReelPlan(stories: [pinned], periodText: "October", count: 1)
        #expect(plan.steps.first == .announcement("Celebrating our successes\nOctober\n1 story, 5 votes, 0 medallions"))
        #expect(plan.steps.last == .announcement("Thank you to our hero — and to everyone who told their stories."))
        #expect(plan.model(plan.steps[1], position: 2, context: context).card?.isPinned == false)
    }

    @Test func aTeamNamedAfterItsDepartmentIsNamedOnce() {
        let team = story(votes: 2, hero: "IT Help Desk", department: "IT Help Desk")
        let wall = WallScreen.render(WallPresenter.model(story: team, slot: nil, position: (1, 1), headlines: [], tickerOffset: 0,
                                                         context: context), width: 80, height: 24).plainText()
        #expect(wall.contains("🙌 IT Help Desk ") && !wall.contains("IT Help Desk · IT Help Desk"))
        let detail = BoardDetailView(story: team, voted: false, style: BoardStyle(BoardContext(boardName: "", now: now)), now: now,
                                     timeZone: .current, scroll: 0).lines(width: 80)
        let texts = detail.map { $0.map(\.text.string).joined() }
        #expect(texts.contains("🙌 IT Help Desk · external customer"))
        #expect(texts.contains("★ 2 votes · 🏅 0 medallions"))
    }

    /// `list`, `awards` and the newsletter take their marks from Core; they must stay the wall's.
    @Test func reportMarksAreTheStandardThemeIcons() {
        #expect(ThemeIcons.standard.votes == ThemeIcon(RecognitionMarks.unicode.votes, ascii: RecognitionMarks.ascii.votes))
        #expect(ThemeIcons.standard.medallion == ThemeIcon(RecognitionMarks.unicode.medallion, ascii: RecognitionMarks.ascii.medallion))
    }

    @Test func theBoardHelpExplainsTheHighlightedVoteCount() {
        let entries = BoardHelp.entries(for: .list, viewer: BoardViewer(account: Account(login: "sam", displayName: "Sam")), votes: "*")
        #expect(entries.contains { $0.keys == "*" && $0.action.contains("includes your vote") })
    }
}
