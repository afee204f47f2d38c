import Foundation
import Testing
@testable import SpotlightCore

/// Model values for the report tests (this file and the other Report*Tests): stories at fixed
/// UTC times, so no test depends on the machine's clock or time zone.
enum ReportFixtures {
    static let utc = TimeZone(identifier: "UTC")!
    /// Friday of Customer Service Week 2026, 16:00 UTC.
    static let now = at("2026-10-09T16:00")

    /// "2026-10-05T10:00" in UTC.
    static func at(_ text: String) -> Date {
        let parts = text.split(separator: "T")
        let time = parts[1].split(separator: ":").map { Double($0)! }
        return day(String(parts[0])).startOfDay(in: utc).addingTimeInterval(time[0] * 3600 + time[1] * 60)
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func period(_ first: String, _ last: String) -> ReportPeriod {
        ReportPeriod(first: day(first), last: day(last), timeZone: utc)
    }

    static func story(
        _ id: Int, hero: String, department: String = "Support", votes: Int = 0, medallions: Int = 0,
        at time: String = "2026-10-05T10:00", status: StoryStatus = .visible, customer: CustomerKind = .external,
        title: String? = nil, author: String = "jpark", authorName: String = "John Park", onBehalfOf: String? = nil,
        body: String = "What happened.", pin: Pin? = nil
    ) -> Story {
        Story(id: id, title: title ?? "Story \(id)", body: body, hero: hero, department: department, customer: customer,
              author: author, authorName: authorName, onBehalfOf: onBehalfOf, createdAt: at(time), status: status,
              votes: votes, medallions: medallions, pin: pin)
    }
}

/// "Excellence in Service": score = 3 × stories + 1 × votes + 5 × medallions, ties by
/// medallions, stories, then the name.
@Suite struct ReportAwardsTests {
    typealias F = ReportFixtures
    let year = F.period("2026-01-01", "2026-10-09")

    func award(_ stories: [Story], customer: CustomerKind? = nil) -> AwardsReport {
        Awards.compute(title: "Test 2026", stories: stories, period: year, customer: customer)
    }

    @Test func scoreWeighsStoriesThreeVotesOneMedallionsFive() {
        #expect(AwardFormula.score(RecognitionTally(stories: 1, votes: 0, medallions: 0)) == 3)
        #expect(AwardFormula.score(RecognitionTally(stories: 0, votes: 1, medallions: 0)) == 1)
        #expect(AwardFormula.score(RecognitionTally(stories: 0, votes: 0, medallions: 1)) == 5)
        #expect(AwardFormula.score(RecognitionTally(stories: 2, votes: 7, medallions: 1)) == 18)
    }

    @Test func eachDepartmentGetsItsWinnerWithRunnersUpAndTheirStories() throws {
        let report = award([
            F.story(1, hero: "Mary Lopez", votes: 9, medallions: 1), F.story(2, hero: "Mary Lopez", votes: 2),
            F.story(3, hero: "John Park", votes: 4), F.story(4, hero: "Ana", votes: 1), F.story(5, hero: "Zed", votes: 0),
            F.story(6, hero: "Tom Okafor", department: "Facilities", votes: 3),
        ])
        #expect(report.departments.map(\.department) == ["Facilities", "Support"])
        let support = try #require(report.departments.last)
        #expect(support.standings.map(\.hero) == ["Mary Lopez", "John Park", "Ana"])
        #expect(support.standings.map(\.place) == [1, 2, 3])
        #expect(support.heroCount == 4)
        let winner = try #require(support.winner)
        #expect(winner.tally == RecognitionTally(stories: 2, votes: 11, medallions: 1))
        #expect(winner.score == 6 + 11 + 5)
        #expect(winner.stories.map(\.id) == [1, 2])  // most recognised first
        #expect(winner.aheadOfNextBy == .score)
        #expect(support.standings.last?.aheadOfNextBy == nil)
    }

    @Test func aTieOnScoreGoesToMoreMedallions() throws {
        // 3 + 5 votes = 8, and 3 + 5 × 1 medallion = 8.
        let report = award([F.story(1, hero: "Votes Only", votes: 5), F.story(2, hero: "Has Medallion", medallions: 1)])
        let standings = try #require(report.departments.first).standings
        #expect(standings.map(\.score) == [8, 8])
        #expect(standings.map(\.hero) == ["Has Medallion", "Votes Only"])
        #expect(standings.first?.aheadOfNextBy == .medallions)
    }

    @Test func thenToMoreStories() throws {
        // Two stories, no votes: 6. One story with three votes: 6.
        let report = award([F.story(1, hero: "Busy", votes: 3), F.story(2, hero: "Often"), F.story(3, hero: "Often")])
        let standings = try #require(report.departments.first).standings
        #expect(standings.map(\.hero) == ["Often", "Busy"])
        #expect(standings.first?.aheadOfNextBy == .stories)
    }

    @Test func aCompleteTieIsDecidedByTheNameSoEveryRunAgrees() throws {
        let stories = [F.story(1, hero: "Zoe", votes: 2), F.story(2, hero: "ana", votes: 2), F.story(3, hero: "Bo", votes: 2)]
        let report = award(stories)
        let standings = try #require(report.departments.first).standings
        #expect(standings.map(\.hero) == ["ana", "Bo", "Zoe"])
        #expect(standings.first?.aheadOfNextBy == .name)
        #expect(award(stories.reversed()) == report)
        #expect(award([stories[1], stories[2], stories[0]]) == report)
    }

    @Test func namesAreCaseFoldedAndSpaceCollapsedAndShownInTheCommonestSpelling() throws {
        let report = award([
            F.story(1, hero: "mary lopez", votes: 1), F.story(2, hero: "Mary  Lopez"), F.story(3, hero: "Mary Lopez"),
            F.story(4, hero: " MARY LOPEZ\t"), F.story(5, hero: "Mary Lopez"), F.story(6, hero: "Mary Lopes"),
        ])
        let standings = try #require(report.departments.first).standings
        #expect(standings.count == 2)
        #expect(standings.first?.hero == "Mary Lopez")
        #expect(standings.first?.tally.stories == 5)
        #expect(NameGroups.key("  Mary \n Lopez ") == "mary lopez")
    }

    @Test func departmentsAreFoldedTheSameWay() {
        let report = award([F.story(1, hero: "A", department: "support"), F.story(2, hero: "B", department: "Support"),
                            F.story(3, hero: "C", department: "Support ")])
        #expect(report.departments.map(\.department) == ["Support"])
    }

    @Test func hiddenAndRemovedStoriesNeverCount() {
        let report = award([
            F.story(1, hero: "Shown", votes: 1), F.story(2, hero: "Hidden Hero", votes: 50, status: .hidden),
            F.story(3, hero: "Shown", votes: 40, medallions: 3, status: .removed),
        ])
        #expect(report.storyCount == 1)
        #expect(report.departments.first?.standings.map(\.hero) == ["Shown"])
        #expect(report.departments.first?.winner?.tally == RecognitionTally(stories: 1, votes: 1, medallions: 0))
    }

    @Test func onlyStoriesPostedInThePeriodCount() {
        let report = award([F.story(1, hero: "Last Year", votes: 99, at: "2025-12-31T23:59"),
                            F.story(2, hero: "This Year", at: "2026-01-01T00:00")])
        #expect(report.departments.first?.standings.map(\.hero) == ["This Year"])
    }

    @Test func theCustomerFilterKeepsOneKind() {
        let stories = [F.story(1, hero: "Inside", customer: .internal), F.story(2, hero: "Outside", votes: 9)]
        #expect(award(stories, customer: .internal).departments.first?.standings.map(\.hero) == ["Inside"])
        #expect(award(stories, customer: .external).departments.first?.standings.map(\.hero) == ["Outside"])
    }

    @Test func anEmptyYearHasNoAwardsAndSaysSo() {
        let report = award([])
        #expect(report.departments.isEmpty)
        #expect(AwardsText.text(report).contains("No stories in this period"))
        #expect(AwardsText.markdown(report).contains("No stories in this period"))
    }

    @Test func theTextTableLinesUpWithWideNames() throws {
        let report = award([F.story(1, hero: "佐藤 陽子", department: "東京", votes: 10), F.story(2, hero: "Ana", department: "東京", votes: 2),
                            F.story(3, hero: "Bob", department: "Sales", votes: 4)])
        let lines = AwardsText.text(report).split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("DEPARTMENT") })
        // Where the SCORE column ends, in display columns (a CJK character takes two).
        func end(of token: String, in line: String) throws -> Int {
            let range = try #require(line.range(of: token))
            return DisplayWidth.of(line[..<range.upperBound])
        }
        let scoreEnd = try end(of: "SCORE", in: header)
        for (hero, score) in [("Bob", "7"), ("佐藤 陽子", "13"), ("Ana", "5")] {
            let row = try #require(lines.first { $0.contains(hero) && !$0.contains("—") })
            #expect(try end(of: " \(score) ", in: row) - 1 == scoreEnd, "\(row)")
        }
    }

    @Test func markdownEscapesNamesEvenInsideTheTable() {
        let report = award([F.story(1, hero: "A | B *x* <b>", department: "R&D [x](y)", votes: 1)])
        let md = AwardsText.markdown(report)
        #expect(md.contains("A \\| B \\*x\\* \\<b\\>"))
        #expect(md.contains("R\\&D \\[x\\](y)"))
        #expect(!md.contains("<b>"))
    }
}
