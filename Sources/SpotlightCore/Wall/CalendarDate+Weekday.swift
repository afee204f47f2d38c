/// Day arithmetic on plain calendar days, with no Foundation calendar or time zone involved:
/// Customer Service Week is a matter of dates, and must not shift with the host's zone.
extension CalendarDate {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
    /// `days_from_civil`, exact for every year CalendarDate allows).
    var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12  // March is 0, so leap days fall at the end
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// ISO weekday: 1 is Monday … 7 is Sunday. 1970-01-01 was a Thursday.
    var isoWeekday: Int {
        let d = daysSince1970
        return ((d % 7 + 7) % 7 + 3) % 7 + 1
    }
}
