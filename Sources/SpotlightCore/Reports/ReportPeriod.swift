import Foundation

/// The whole calendar days a report covers, first and last day included, read in one time zone
/// (the reader's). Every report — awards, newsletter, stats — is built for one of these, so the
/// rules for "which stories are in it" and for bad dates live in one place.
public struct ReportPeriod: Equatable, Sendable {
    public let first: CalendarDate
    public let last: CalendarDate
    public let timeZone: TimeZone

    public init(first: CalendarDate, last: CalendarDate, timeZone: TimeZone) {
        self.first = first
        self.last = last
        self.timeZone = timeZone
    }

    /// The first moment of `first`.
    public var start: Date { first.startOfDay(in: timeZone) }
    /// The first moment after `last` (exclusive), so a story posted at 23:59:59.999 is in.
    public var end: Date { last.adding(days: 1).startOfDay(in: timeZone) }
    public var dayCount: Int { last.days(since: first) + 1 }

    public func contains(_ date: Date) -> Bool { date >= start && date < end }

    /// "Mon 5 Oct 2026 – Fri 9 Oct 2026", or one date for a one-day period.
    public var text: String { first == last ? first.longText : "\(first.longText) – \(last.longText)" }

    /// The default newsletter period: today and the 29 days before it.
    public static let defaultDays = 30

    /// The period of `--since D --until D` (both optional, both inclusive). Without `--since`
    /// it starts `defaultDays - 1` days before the last day; without `--until` it ends today.
    /// A date after today or a start after the end is a usage error (exit code 2) that says
    /// which flag is wrong and what today is.
    public static func parse(since: String?, until: String?, now: Date, timeZone: TimeZone) throws(SpotlightError) -> ReportPeriod {
        let today = ClockText.calendarDate(now, timeZone: timeZone)
        let last = try until.map { text throws(SpotlightError) in try day(text, flag: "--until", today: today) } ?? today
        let first = try since.map { text throws(SpotlightError) in try day(text, flag: "--since", today: today) }
            ?? last.adding(days: 1 - defaultDays)
        guard first <= last else {
            throw .usage("--since \(first) is after --until \(last): the period must start on or before its last day")
        }
        return ReportPeriod(first: first, last: last, timeZone: timeZone)
    }

    /// A calendar year; the current year runs to today. A year that has not started is a usage error.
    public static func year(_ year: Int, now: Date, timeZone: TimeZone) throws(SpotlightError) -> ReportPeriod {
        let today = ClockText.calendarDate(now, timeZone: timeZone)
        guard (1970...9999).contains(year) else { throw .usage("--year must be from 1970 to \(today.year), got \(year)") }
        guard year <= today.year else {
            throw .usage("--year \(year) is in the future (this is \(today.year)); choose a year that has started")
        }
        let first = CalendarDate(year: year, month: 1, day: 1)!
        let last = year == today.year ? today : CalendarDate(year: year, month: 12, day: 31)!
        return ReportPeriod(first: first, last: last, timeZone: timeZone)
    }

    /// Customer Service Week of `year`, Monday to Friday: the board's `service-week-start`
    /// setting when it falls in that year, else the first full week of October (ServiceWeek).
    /// A week still running ends today; one that has not started is a usage error.
    public static func serviceWeek(_ year: Int, settings: BoardSettings, now: Date, timeZone: TimeZone) throws(SpotlightError) -> ReportPeriod {
        let today = ClockText.calendarDate(now, timeZone: timeZone)
        guard (1970...9999).contains(year) else { throw .usage("--service-week must be a year from 1970 to \(today.year), got \(year)") }
        let override = settings.serviceWeekStart.flatMap(CalendarDate.init(parsing:))
        let first = override?.year == year ? override! : ServiceWeek.start(year: year)
        guard first <= today else {
            throw .usage("Customer Service Week \(year) starts on \(first), which is in the future (today is \(today))")
        }
        let last = min(first.adding(days: ServiceWeek.length - 1), today)
        return ReportPeriod(first: first, last: last, timeZone: timeZone)
    }

    private static func day(_ text: String, flag: String, today: CalendarDate) throws(SpotlightError) -> CalendarDate {
        guard let date = CalendarDate(parsing: text.trimmingCharacters(in: .whitespaces)) else {
            throw .usage("\(flag) must be a date such as 2026-10-05 (YYYY-MM-DD), got '\(Sanitizer.singleLine(String(text.prefix(40))))'")
        }
        guard date <= today else {
            throw .usage("\(flag) \(date) is in the future (today is \(today)); reports cover days that have begun")
        }
        return date
    }
}
