import Foundation

/// Reads the moment a pin should end, as a manager would type it: `friday` or `until friday`
/// (the end of that day), `tomorrow`, a date `2026-12-01` (the end of that day), a date and time
/// `2026-12-01T17:00`, or a duration `90m`, `12h`, `3d`, `2w`.
public enum WhenParser {
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) throws(SpotlightError) -> Date {
        var input = text.trimmingCharacters(in: .whitespaces).lowercased()
        if input.hasPrefix("until ") { input.removeFirst(6) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let startOfToday = calendar.startOfDay(for: now)
        func endOfDay(daysAhead: Int) -> Date {
            calendar.date(byAdding: .day, value: daysAhead + 1, to: startOfToday)!
        }
        if input == "today" || input == "eod" { return endOfDay(daysAhead: 0) }
        if input == "tomorrow" { return endOfDay(daysAhead: 1) }
        let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        if let index = weekdays.firstIndex(where: { $0 == input || ($0.hasPrefix(input) && input.count >= 3) }) {
            let today = calendar.component(.weekday, from: now) - 1
            return endOfDay(daysAhead: (index - today + 7) % 7)
        }
        if let last = input.last, let amount = Int(input.dropLast()), amount > 0 {
            let unit: Double? = switch last {
            case "m": 60
            case "h": 3600
            case "d": 86_400
            case "w": 7 * 86_400
            default: nil
            }
            if let unit { return now.addingTimeInterval(Double(amount) * unit) }
        }
        let parts = input.split(separator: "t", maxSplits: 1).map(String.init)
        if let day = parts.first.flatMap(CalendarDate.init(parsing:)) {
            var components = DateComponents(year: day.year, month: day.month, day: day.day)
            if parts.count == 2 {
                let hm = parts[1].split(separator: ":").compactMap { Int($0) }
                guard hm.count == 2, (0...23).contains(hm[0]), (0...59).contains(hm[1]) else { throw invalid(text) }
                components.hour = hm[0]
                components.minute = hm[1]
                return calendar.date(from: components)!
            }
            return calendar.date(byAdding: .day, value: 1, to: calendar.date(from: components)!)!
        }
        throw invalid(text)
    }

    private static func invalid(_ text: String) -> SpotlightError {
        .usage("cannot read '\(Sanitizer.singleLine(String(text.prefix(40))))' as a time: use a weekday (friday), tomorrow, a date 2026-12-01, 2026-12-01T17:00, or a duration such as 12h, 3d, 2w")
    }
}
