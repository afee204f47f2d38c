import Foundation

/// Day arithmetic and conversions that reports need on top of `daysSince1970` (in Wall/):
/// report periods are whole calendar days, and their limits must not drift with DST.
extension CalendarDate {
    /// The date `days` days later (earlier when negative), via Howard Hinnant's `civil_from_days`.
    public func adding(days: Int) -> CalendarDate {
        let z = daysSince1970 + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // Clamped so that arithmetic at the edges of 1...9999 cannot crash a report.
        return CalendarDate(year: min(9999, max(1, year)), month: month, day: day) ?? self
    }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: CalendarDate) -> Int { daysSince1970 - other.daysSince1970 }

    /// The first moment of this day in `timeZone`.
    public func startOfDay(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// The Monday on or before this day (report weeks run Monday to Sunday, as ISO 8601 has it).
    public var mondayOfWeek: CalendarDate { adding(days: 1 - isoWeekday) }

    /// "Mon 5 Oct 2026": unambiguous in every locale, and the same words the wall uses.
    public var longText: String {
        "\(ClockText.weekdays[isoWeekday % 7]) \(day) \(ClockText.months[month - 1]) \(year)"
    }
}
