/// Where a day stands relative to Customer Service Week, for the wall's theme and banner.
public enum ServiceWeekPhase: Equatable, Sendable {
    case none
    /// In the week before: 7 on the Monday a week ahead, 1 on the Sunday before.
    case countdown(daysLeft: Int)
    /// Monday is day 1, Friday day 5.
    case during(day: Int)
}

/// Customer Service Week: the first full Monday–Friday week of October (DESIGN §4), unless the
/// board names another start in `serviceWeekStart`.
public enum ServiceWeek {
    public static let countdownDays = 7
    public static let length = 5

    /// The Monday of the first full Monday–Friday week of October. October's first Monday is at
    /// most the 7th, so its Friday (at most the 11th) is always in October too: the first full
    /// week simply starts on the first Monday on or after 1 October.
    /// Years outside 1...9999 (what CalendarDate can hold) are clamped into it.
    public static func start(year: Int) -> CalendarDate {
        let y = min(9999, max(1, year))
        let october1 = CalendarDate(year: y, month: 10, day: 1)!
        let monday = 1 + (8 - october1.isoWeekday) % 7
        return CalendarDate(year: y, month: 10, day: monday)!
    }

    /// The phase on `date`. An override is taken as given (day 1 is the override's date, even
    /// if not a Monday) and replaces the October week of its own year; other years keep the
    /// usual week, so a stale override does not switch the celebration off for good.
    public static func phase(on date: CalendarDate, override: CalendarDate?) -> ServiceWeekPhase {
        if let override {
            let phase = phase(on: date, start: override)
            // A January override counts down in December of the year before.
            if phase != .none || override.year == date.year { return phase }
        }
        return phase(on: date, start: start(year: date.year))
    }

    /// The phase using the board's setting; an unreadable setting falls back to October.
    public static func phase(on date: CalendarDate, settings: BoardSettings) -> ServiceWeekPhase {
        phase(on: date, override: settings.serviceWeekStart.flatMap(CalendarDate.init(parsing:)))
    }

    static func phase(on date: CalendarDate, start: CalendarDate) -> ServiceWeekPhase {
        let daysLeft = start.daysSince1970 - date.daysSince1970
        switch daysLeft {
        case 1...countdownDays: return .countdown(daysLeft: daysLeft)
        case (1 - length)...0: return .during(day: 1 - daysLeft)
        default: return .none
        }
    }
}
