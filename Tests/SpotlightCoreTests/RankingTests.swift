import Foundation
import Testing
@testable import SpotlightCore

@Suite struct RankingTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func story(_ id: Int, hoursAgo: Double, votes: Int = 0, medallions: Int = 0) -> Story {
        Story(id: id, title: "s\(id)", hero: "h", author: "a", authorName: "A",
              createdAt: now.addingTimeInterval(-hoursAgo * 3600), votes: votes, medallions: medallions)
    }

    @Test func aDayOfAgeCostsAFactorOfTenInPoints() {
        // 9 votes yesterday (10 points) ties a fresh story with none (1 point).
        let yesterday = HotScore.score(votes: 9, medallions: 0, createdAt: now.addingTimeInterval(-86_400))
        let fresh = HotScore.score(votes: 0, medallions: 0, createdAt: now)
        #expect(abs(yesterday - fresh) < 1e-9)
    }

    @Test func aMedallionIsWorthThreeVotes() {
        #expect(HotScore.points(votes: 0, medallions: 1) == HotScore.points(votes: 3, medallions: 0))
    }

    @Test func hotPrefersRecentRecognisedStories() {
        let stories = [story(1, hoursAgo: 48, votes: 20), story(2, hoursAgo: 1, votes: 2), story(3, hoursAgo: 2, votes: 0)]
        #expect(stories.sorted(by: .hot).map(\.id) == [2, 3, 1])
    }

    @Test func newIsNewestFirst() {
        let stories = [story(1, hoursAgo: 5), story(2, hoursAgo: 1), story(3, hoursAgo: 3)]
        #expect(stories.sorted(by: .new).map(\.id) == [2, 3, 1])
    }

    @Test func topIgnoresAgeAndBreaksTiesByNewerId() {
        let stories = [story(1, hoursAgo: 500, votes: 6), story(2, hoursAgo: 1, votes: 3, medallions: 1), story(3, hoursAgo: 2, votes: 1)]
        #expect(stories.sorted(by: .top).map(\.id) == [2, 1, 3])
    }

    @Test func hotOrderDoesNotChangeAsTimePasses() {
        // The score has no "now" in it, which is what lets the store index it.
        let a = HotScore.score(votes: 5, medallions: 0, createdAt: now)
        let b = HotScore.score(votes: 0, medallions: 1, createdAt: now.addingTimeInterval(3600))
        #expect((a > b) == (HotScore.score(votes: 5, medallions: 0, createdAt: now) > HotScore.score(votes: 0, medallions: 1, createdAt: now.addingTimeInterval(3600))))
    }
}

@Suite struct TimeTests {
    // Tuesday 2026-11-24 12:00 UTC.
    let now = Date(timeIntervalSince1970: 1_795_521_600)
    let utc = TimeZone(identifier: "UTC")!

    @Test func weekdayMeansTheEndOfThatDay() throws {
        let friday = try WhenParser.parse("until Friday", now: now, timeZone: utc)
        #expect(friday == Date(timeIntervalSince1970: 1_795_521_600 + 84 * 3600)) // Sat 28 Nov 00:00
    }

    @Test func durationsCountFromNow() throws {
        #expect(try WhenParser.parse("3d", now: now, timeZone: utc) == now.addingTimeInterval(3 * 86_400))
        #expect(try WhenParser.parse("90m", now: now, timeZone: utc) == now.addingTimeInterval(90 * 60))
    }

    @Test func aDateMeansTheEndOfThatDay() throws {
        #expect(try WhenParser.parse("2026-12-01", now: now, timeZone: utc) == Date(timeIntervalSince1970: 1_796_169_600))
        #expect(try WhenParser.parse("2026-12-01T17:00", now: now, timeZone: utc) == Date(timeIntervalSince1970: 1_796_144_400))
    }

    @Test func nonsenseIsAUsageError() {
        #expect(throws: SpotlightError.self) { try WhenParser.parse("next blue moon", now: now, timeZone: utc) }
        #expect(throws: SpotlightError.self) { try WhenParser.parse("2026-02-30", now: now, timeZone: utc) }
    }

    @Test func relativeAgesReadNaturally() {
        #expect(RelativeTime.ago(now.addingTimeInterval(-30), now: now) == "just now")
        #expect(RelativeTime.ago(now.addingTimeInterval(-300), now: now) == "5 min ago")
        #expect(RelativeTime.ago(now.addingTimeInterval(-2 * 86_400), now: now) == "2 days ago")
        #expect(RelativeTime.short(now.addingTimeInterval(-3 * 3600), now: now) == "3h")
    }
}
