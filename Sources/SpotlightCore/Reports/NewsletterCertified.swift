import Foundation

/// A certification earned or granted in the newsletter's period (issue 16): who, which program
/// and level, and the day. Every string is the board's (logins, program and level names), so
/// each renderer escapes all of them.
public struct CertifiedLine: Equatable, Sendable {
    /// The account certified, by login (certifications are held by accounts, not by story names).
    public let who: String
    public let program: String
    public let level: Int
    /// The level's title from its program ("Case Studies"); nil when the program is gone.
    public let levelTitle: String?
    public let on: CalendarDate

    public init(who: String, program: String, level: Int, levelTitle: String?, on: CalendarDate) {
        self.who = who
        self.program = program
        self.level = level
        self.levelTitle = levelTitle
        self.on = on
    }

    /// "level 2: Case Studies", or "level 2" without a title.
    public var levelText: String { "level \(level)" + (levelTitle.map { ": \($0)" } ?? "") }

    /// The period's certifications, oldest first, each with its level's title.
    static func lines(_ certifications: [Certification], programs: [CertProgram], period: ReportPeriod) -> [CertifiedLine] {
        certifications.filter { period.contains($0.at) }.sorted { ($0.at, $0.id) < ($1.at, $1.id) }.map { cert in
            let program = programs.first { cert.isOf($0.name) }
            return CertifiedLine(who: cert.login, program: program?.name ?? cert.program, level: cert.level,
                                 levelTitle: program?.level(cert.level)?.title,
                                 on: ClockText.calendarDate(cert.at, timeZone: period.timeZone))
        }
    }
}
