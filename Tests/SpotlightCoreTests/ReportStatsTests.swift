import Foundation
import Testing
@testable import SpotlightCore

/// Board statistics over whole Monday–Sunday weeks.
@Suite struct ReportStatsTests {
    typealias F = ReportFixtures

    @Test func theWindowIsThisWeekAndTheWholeWeeksBefore() {
        let period = BoardStats.period(weeks: 3, now: F.now, timeZone: F.utc)
        #expect(period.first == F.day("2026-09-21"))
        #expect(period.last == F.day("2026-10-09"))
    }

    @Test func storiesVotesAndMedallionsAreCountedPerWeek() {
        let period = BoardStats.period(weeks: 3, now: F.now, timeZone: F.utc)
        let stats = BoardStats.compute(StatsInput(
            period: period,
            stories: [F.story(1, hero: "A", at: "2026-09-21T00:00"), F.story(2, hero: "B", at: "2026-09-27T23:59"),
                      F.story(3, hero: "C", at: "2026-10-09T10:00"), F.story(4, hero: "Gone", at: "2026-10-09T10:00", status: .removed),
                      F.story(5, hero: "Early", at: "2026-09-20T23:59")],
            voteTimes: [F.at("2026-09-29T10:00"), F.at("2026-09-30T10:00"), F.at("2026-10-08T10:00")],
            medallionTimes: [F.at("2026-10-09T09:00")]))
        #expect(stats.weeks.map(\.week) == ["2026-09-21", "2026-09-28", "2026-10-05"])
        #expect(stats.weeks.map(\.stories) == [2, 0, 1])
        #expect(stats.weeks.map(\.votes) == [0, 2, 1])
        #expect(stats.weeks.map(\.medallions) == [0, 0, 1])
        #expect((stats.stories, stats.votes, stats.medallions) == (3, 3, 1))
    }

    /// Issue 16: new certifications per week and in all; the text shows them only on a board that certifies.
    @Test func certificationsAreCountedAndShownOnlyWhenThereAreAny() {
        let period = BoardStats.period(weeks: 3, now: F.now, timeZone: F.utc)
        let stories = [F.story(1, hero: "A", at: "2026-09-22T10:00")]
        let stats = BoardStats.compute(StatsInput(period: period, stories: stories, voteTimes: [], medallionTimes: [],
            certificationTimes: [F.at("2026-09-20T23:59"), F.at("2026-09-29T10:00"), F.at("2026-10-09T09:00"), F.at("2026-10-09T10:00")]))
        #expect(stats.weeks.map(\.certifications) == [0, 1, 2])
        #expect(stats.certifications == 3)
        let text = StatsText.render(stats, boardName: "B", period: period, glyphs: .ascii)
        #expect(text.contains("Certifications per week") && text.contains(" 3  new"), "\(text)")
        let none = BoardStats.compute(StatsInput(period: period, stories: stories, voteTimes: [], medallionTimes: []))
        #expect(none.certifications == 0)
        #expect(!StatsText.render(none, boardName: "B", period: period, glyphs: .ascii).contains("Certifications"))
        // Only certifications: still a statistics page, not "nothing yet".
        let only = BoardStats.compute(StatsInput(period: period, stories: [], voteTimes: [], medallionTimes: [],
                                                 certificationTimes: [F.at("2026-10-09T09:00")]))
        #expect(StatsText.render(only, boardName: "B", period: period, glyphs: .ascii).contains("Certifications per week"))
    }

    @Test func departmentsCustomersPeopleAndStorytellers() {
        let period = BoardStats.period(weeks: 1, now: F.now, timeZone: F.utc)
        let stats = BoardStats.compute(StatsInput(period: period, stories: [
            F.story(1, hero: "Mary Lopez", department: "Support", votes: 4, customer: .internal, author: "jpark"),
            F.story(2, hero: "mary  lopez", department: "support", medallions: 1, author: "jpark"),
            F.story(3, hero: "Tom", department: "Billing", votes: 1, author: "kiosk", authorName: "Kiosk", onBehalfOf: "Rita"),
            F.story(4, hero: "Hidden", department: "Secret", votes: 99, status: .hidden),
        ], voteTimes: [], medallionTimes: []))
        #expect(stats.departments == [.init(name: "Support", count: 2), .init(name: "Billing", count: 1)])
        #expect((stats.internalCustomers, stats.externalCustomers) == (1, 2))
        #expect(stats.mostRecognised.map(\.name) == ["Mary Lopez", "Tom"])
        #expect(stats.mostRecognised.first?.score == 3 * 2 + 4 + 5)
        // The kiosk account told Rita's story: the account is credited, not the typed name.
        #expect(stats.storytellers == [.init(name: "John Park", count: 2), .init(name: "Kiosk", count: 1)])
    }

    @Test func theTextUsesASCIIChartsWhenAsked() {
        let period = BoardStats.period(weeks: 2, now: F.now, timeZone: F.utc)
        let stats = BoardStats.compute(StatsInput(period: period, stories: [F.story(1, hero: "A", votes: 1)], voteTimes: [], medallionTimes: []))
        let ascii = StatsText.render(stats, boardName: "Board", period: period, glyphs: .ascii)
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII }, "\(ascii)")
        #expect(ascii.contains("Stories per week     _#"))
        let unicode = StatsText.render(stats, boardName: "Board", period: period, glyphs: .unicode)
        #expect(unicode.contains("Stories per week     ▁█"))
    }

    @Test func anEmptyBoardSaysSo() {
        let period = BoardStats.period(weeks: 4, now: F.now, timeZone: F.utc)
        let stats = BoardStats.compute(StatsInput(period: period, stories: [], voteTimes: [], medallionTimes: []))
        #expect(stats.weeks.count == 4)
        #expect(StatsText.render(stats, boardName: "B", period: period, glyphs: .unicode).contains("No stories, votes or medallions"))
    }
}
