import Foundation

/// Short English date texts for the wall ("Tue 24 Nov 14:05", "Fri 28 Nov"), computed with a
/// Gregorian calendar instead of a DateFormatter, which would load ICU's locale data at start-up.
public enum ClockText {
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func clock(_ date: Date, timeZone: TimeZone) -> String {
        let c = components(date, timeZone)
        return "\(day(c)) \(pad(c.hour ?? 0)):\(pad(c.minute ?? 0))"
    }

    public static func day(_ date: Date, timeZone: TimeZone) -> String {
        day(components(date, timeZone))
    }

    /// When a pin ends, as the wall, the board and the CLI all say it. "until friday" is stored
    /// as the midnight that starts Saturday, so a pin ending at midnight shows the last day it
    /// covers ("Fri 4 Dec"); one ending at any other moment ("12h") shows the time as well.
    public static func pinEnd(_ until: Date, timeZone: TimeZone) -> String {
        let c = components(until, timeZone)
        guard c.hour == 0, c.minute == 0, c.second == 0 else { return clock(until, timeZone: timeZone) }
        return day(until.addingTimeInterval(-1), timeZone: timeZone)
    }

    /// Today's calendar date where the wall is, for Customer Service Week.
    public static func calendarDate(_ date: Date, timeZone: TimeZone) -> CalendarDate {
        let c = components(date, timeZone)
        return CalendarDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)!
    }

    /// Seconds until the next minute starts, so the wall's clock wakes exactly when it changes.
    public static func secondsToNextMinute(_ date: Date) -> Double {
        let seconds = date.timeIntervalSince1970
        return 60 - seconds.truncatingRemainder(dividingBy: 60)
    }

    private static func components(_ date: Date, _ timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
    }

    private static func day(_ c: DateComponents) -> String {
        "\(weekdays[((c.weekday ?? 1) - 1) % 7]) \(c.day ?? 1) \(months[((c.month ?? 1) - 1) % 12])"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
