import Foundation
import Testing
@testable import SpotlightCore

/// Report periods: whole days, both ends included; future days and reversed ranges are usage errors.
@Suite struct ReportPeriodTests {
    typealias F = ReportFixtures

    func parse(_ since: String?, _ until: String?) throws(SpotlightError) -> ReportPeriod {
        try ReportPeriod.parse(since: since, until: until, now: F.now, timeZone: F.utc)
    }

    func usageMessage(_ body: () throws(SpotlightError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.kind == .usage ? error.message : "not a usage error: \(error.message)"
        }
    }

    @Test func theDefaultIsTodayAndThe29DaysBefore() throws {
        let period = try parse(nil, nil)
        #expect(period.first == F.day("2026-09-10"))
        #expect(period.last == F.day("2026-10-09"))
        #expect(period.dayCount == 30)
    }

    @Test func bothEndsAreWholeDaysIncluded() throws {
        let period = try parse("2026-10-05", "2026-10-06")
        #expect(period.contains(F.at("2026-10-05T00:00")))
        #expect(period.contains(F.at("2026-10-06T23:59")))
        #expect(!period.contains(F.at("2026-10-07T00:00")))
        #expect(!period.contains(F.at("2026-10-04T23:59")))
        #expect(try parse("2026-10-09", "2026-10-09").dayCount == 1)
    }

    @Test func onlyUntilStartsThirtyDaysBeforeIt() throws {
        #expect(try parse(nil, "2026-09-30").first == F.day("2026-09-01"))
    }

    @Test func futureDatesAreUsageErrorsNamingTheFlagAndToday() {
        #expect(usageMessage { () throws(SpotlightError) in _ = try parse("2026-10-10", nil) }
            == "--since 2026-10-10 is in the future (today is 2026-10-09); reports cover days that have begun")
        #expect(usageMessage { () throws(SpotlightError) in _ = try parse(nil, "2027-01-01") }?.hasPrefix("--until 2027-01-01 is in the future") == true)
    }

    @Test func aReversedRangeIsAUsageError() {
        #expect(usageMessage { () throws(SpotlightError) in _ = try parse("2026-10-05", "2026-10-01") }
            == "--since 2026-10-05 is after --until 2026-10-01: the period must start on or before its last day")
    }

    @Test(arguments: ["yesterday", "2026-13-01", "2026-02-30", "5/10/2026", ""])
    func unreadableDatesAreUsageErrors(_ text: String) {
        #expect(usageMessage { () throws(SpotlightError) in _ = try parse(text, nil) }?.hasPrefix("--since must be a date such as 2026-10-05") == true)
    }

    @Test func theTimeZoneDecidesWhereADayBegins() throws {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        let period = ReportPeriod(first: F.day("2026-10-05"), last: F.day("2026-10-05"), timeZone: tokyo)
        #expect(period.contains(F.at("2026-10-04T15:00")))  // 00:00 on the 5th in Tokyo
        #expect(!period.contains(F.at("2026-10-05T15:00")))
    }

    @Test func aYearRunsToTodayAndAFutureYearIsRefused() throws {
        let current = try ReportPeriod.year(2026, now: F.now, timeZone: F.utc)
        #expect((current.first, current.last) == (F.day("2026-01-01"), F.day("2026-10-09")))
        let past = try ReportPeriod.year(2025, now: F.now, timeZone: F.utc)
        #expect(past.last == F.day("2025-12-31"))
        #expect(usageMessage { () throws(SpotlightError) in _ = try ReportPeriod.year(2027, now: F.now, timeZone: F.utc) }?
            .hasPrefix("--year 2027 is in the future") == true)
    }

    @Test func serviceWeekIsMondayToFridayOfTheFirstFullOctoberWeek() throws {
        let week = try ReportPeriod.serviceWeek(2025, settings: BoardSettings(), now: F.now, timeZone: F.utc)
        #expect((week.first, week.last) == (F.day("2025-10-06"), F.day("2025-10-10")))
        #expect(week.text == "Mon 6 Oct 2025 – Fri 10 Oct 2025")
    }

    @Test func theBoardsOverrideMovesTheWeekOfItsOwnYearOnly() throws {
        var settings = BoardSettings()
        settings.serviceWeekStart = "2026-09-14"
        let moved = try ReportPeriod.serviceWeek(2026, settings: settings, now: F.now, timeZone: F.utc)
        #expect((moved.first, moved.last) == (F.day("2026-09-14"), F.day("2026-09-18")))
        let other = try ReportPeriod.serviceWeek(2025, settings: settings, now: F.now, timeZone: F.utc)
        #expect(other.first == F.day("2025-10-06"))
    }

    @Test func aRunningWeekEndsTodayAndAComingOneIsRefused() throws {
        let wednesday = F.at("2026-10-07T09:00")
        let running = try ReportPeriod.serviceWeek(2026, settings: BoardSettings(), now: wednesday, timeZone: F.utc)
        #expect(running.last == F.day("2026-10-07"))
        let before = F.at("2026-10-01T09:00")
        #expect(usageMessage { () throws(SpotlightError) in _ = try ReportPeriod.serviceWeek(2026, settings: BoardSettings(), now: before, timeZone: F.utc) }
            == "Customer Service Week 2026 starts on 2026-10-05, which is in the future (today is 2026-10-01)")
    }

    @Test func calendarArithmeticCrossesMonthsYearsAndLeapDays() {
        #expect(F.day("2024-02-28").adding(days: 1) == F.day("2024-02-29"))
        #expect(F.day("2024-02-29").adding(days: 1) == F.day("2024-03-01"))
        #expect(F.day("2026-12-31").adding(days: 1) == F.day("2027-01-01"))
        #expect(F.day("2026-01-01").adding(days: -1) == F.day("2025-12-31"))
        #expect(F.day("2026-10-09").mondayOfWeek == F.day("2026-10-05"))
        #expect(F.day("2026-10-11").mondayOfWeek == F.day("2026-10-05"))  // Sunday ends the week
        #expect(F.day("2026-10-05").longText == "Mon 5 Oct 2026")
        for offset in [-800, -1, 0, 1, 59, 365, 1461] {
            #expect(F.day("2026-03-01").adding(days: offset).days(since: F.day("2026-03-01")) == offset)
        }
    }
}
