import Testing
@testable import SpotlightCore

/// Customer Service Week: the first full Monday–Friday week of October, or the board's override.
@Suite struct ServiceWeekTests {
    func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    @Test(arguments: [
        (2024, "2024-10-07"), (2025, "2025-10-06"), (2026, "2026-10-05"), (2027, "2027-10-04"),
        (2021, "2021-10-04"),  // 1 October 2021 was a Friday: that week is not full
        (2029, "2029-10-01"),  // 1 October 2029 is a Monday: the week starts on the 1st
        (2022, "2022-10-03"),  // 1 October 2022 was a Saturday
        (2023, "2023-10-02"),  // 1 October 2023 was a Sunday
    ])
    func startIsTheFirstFullWeekOfOctober(year: Int, expected: String) {
        #expect(ServiceWeek.start(year: year) == day(expected))
    }

    @Test func weekdaysComeFromPureCalendarArithmetic() {
        #expect(day("1970-01-01").isoWeekday == 4)  // Thursday
        #expect(day("2000-02-29").isoWeekday == 2)  // Tuesday, a leap day of a 400-year
        #expect(day("1969-12-31").isoWeekday == 3)  // before the epoch
        #expect(day("2025-10-06").isoWeekday == 1)
        #expect(day("2026-01-01").daysSince1970 - day("2025-01-01").daysSince1970 == 365)
        #expect(day("2025-01-01").daysSince1970 - day("2024-01-01").daysSince1970 == 366)
    }

    @Test func countdownRunsThroughTheSevenDaysBeforeTheMonday() {
        #expect(ServiceWeek.phase(on: day("2026-09-27"), override: nil) == .none)
        #expect(ServiceWeek.phase(on: day("2026-09-28"), override: nil) == .countdown(daysLeft: 7))
        #expect(ServiceWeek.phase(on: day("2026-10-01"), override: nil) == .countdown(daysLeft: 4))
        #expect(ServiceWeek.phase(on: day("2026-10-04"), override: nil) == .countdown(daysLeft: 1))
    }

    @Test func duringCountsMondayToFriday() {
        #expect(ServiceWeek.phase(on: day("2026-10-05"), override: nil) == .during(day: 1))
        #expect(ServiceWeek.phase(on: day("2026-10-07"), override: nil) == .during(day: 3))
        #expect(ServiceWeek.phase(on: day("2026-10-09"), override: nil) == .during(day: 5))
    }

    @Test func theWeekendAfterIsOrdinary() {
        #expect(ServiceWeek.phase(on: day("2026-10-10"), override: nil) == .none)
        #expect(ServiceWeek.phase(on: day("2026-10-11"), override: nil) == .none)
        #expect(ServiceWeek.phase(on: day("2026-03-15"), override: nil) == .none)
    }

    @Test func countdownCrossesTheMonthWhenOctoberStartsOnAMonday() {
        #expect(ServiceWeek.phase(on: day("2029-09-24"), override: nil) == .countdown(daysLeft: 7))
        #expect(ServiceWeek.phase(on: day("2029-10-01"), override: nil) == .during(day: 1))
    }

    @Test func overrideMovesTheWeekForItsYear() {
        let override = day("2026-11-02")
        #expect(ServiceWeek.phase(on: day("2026-10-05"), override: override) == .none)
        #expect(ServiceWeek.phase(on: day("2026-10-30"), override: override) == .countdown(daysLeft: 3))
        #expect(ServiceWeek.phase(on: day("2026-11-06"), override: override) == .during(day: 5))
    }

    @Test func staleOverrideLeavesOtherYearsOnTheUsualWeek() {
        #expect(ServiceWeek.phase(on: day("2027-10-04"), override: day("2026-11-02")) == .during(day: 1))
    }

    @Test func januaryOverrideCountsDownInDecember() {
        #expect(ServiceWeek.phase(on: day("2026-12-30"), override: day("2027-01-04")) == .countdown(daysLeft: 5))
    }

    @Test func boardSettingIsTheOverride() {
        var settings = BoardSettings()
        #expect(ServiceWeek.phase(on: day("2026-11-02"), settings: settings) == .none)
        settings.serviceWeekStart = "2026-11-02"
        #expect(ServiceWeek.phase(on: day("2026-11-02"), settings: settings) == .during(day: 1))
    }
}
