/// Settings kept inside the board file so that every terminal and the lobby wall agree.
public struct BoardSettings: Equatable, Sendable, Codable {
    public enum VotingMode: String, Codable, CaseIterable, Sendable {
        /// Anyone may upvote anyone else's story.
        case open
        /// Upvotes are switched off; medallions still work.
        case off
    }

    public var name: String = "Service Spotlight"
    /// Default dwell of a story on the wall, in seconds (reading length adjusts it).
    public var rotationSeconds: Int = 12
    public var theme: String = "classic"
    /// Pinned stories take one wall slot in `pinShare` (default one in three).
    public var pinShare: Int = 3
    public var medallionsPerYear: Int = 1
    /// Start (a Monday, `YYYY-MM-DD`) of Customer Service Week when it is not the usual first
    /// full week of October.
    public var serviceWeekStart: String?
    public var votingMode: VotingMode = .open
    public var maxLivePins: Int = 3
    /// The longest a pin may last, in days: a pin never outlives the manager's intent for years.
    public var maxPinDays: Int = 90
    /// Certification quiz attempts one person may start in 24 hours (issue 16).
    public var quizAttemptsPerDay: Int = CertLimits.defaultAttemptsPerDay

    public init() {}

    /// The longest value any setting takes, in UTF-8 bytes (checked before anything else, so an
    /// audit record never carries a megabyte of "setting").
    public static let maxValueBytes = 256
    /// The longest theme name, in characters.
    public static let maxThemeName = 64

    /// Setting keys as stored and as typed in `spotlight settings set KEY VALUE`.
    public static let keys = [
        "name", "rotation-seconds", "theme", "pin-share", "medallions-per-year",
        "service-week-start", "voting-mode", "max-live-pins", "max-pin-days",
        "quiz-attempts-per-day",
    ]

    public func value(forKey key: String) -> String? {
        switch key {
        case "name": name
        case "rotation-seconds": String(rotationSeconds)
        case "theme": theme
        case "pin-share": String(pinShare)
        case "medallions-per-year": String(medallionsPerYear)
        case "service-week-start": serviceWeekStart ?? ""
        case "voting-mode": votingMode.rawValue
        case "max-live-pins": String(maxLivePins)
        case "max-pin-days": String(maxPinDays)
        case "quiz-attempts-per-day": String(quizAttemptsPerDay)
        default: nil
        }
    }

    /// Applies one textual setting, checking its range; the message names the key and the limit.
    public mutating func set(_ key: String, to raw: String) throws(SpotlightError) {
        func int(_ range: ClosedRange<Int>) throws(SpotlightError) -> Int {
            guard let n = Int(raw), range.contains(n) else {
                throw .usage("setting \(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(raw)'")
            }
            return n
        }
        guard raw.utf8.count <= Self.maxValueBytes else {
            throw .usage("setting \(Self.keys.contains(key) ? key : "value") is too long: \(raw.utf8.count) bytes, the limit is \(Self.maxValueBytes)")
        }
        switch key {
        case "name":
            let count = raw.count
            guard (1...60).contains(count) else { throw .usage("setting name must be 1–60 characters, got \(count)") }
            guard NameKey.hasVisibleGrapheme(raw) else { throw .usage("setting name needs at least one visible character") }
            name = raw
        case "rotation-seconds": rotationSeconds = try int(3...600)
        case "theme":
            guard !raw.isEmpty, raw.count <= Self.maxThemeName,
                  raw.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw .usage("setting theme must be a theme name such as classic (up to \(Self.maxThemeName) letters, digits, - and _)")
            }
            theme = raw
        case "pin-share": pinShare = try int(2...20)
        case "medallions-per-year": medallionsPerYear = try int(0...100)
        case "service-week-start":
            if raw.isEmpty { serviceWeekStart = nil; return }
            guard CalendarDate(parsing: raw) != nil else {
                throw .usage("setting service-week-start must be a date YYYY-MM-DD (or empty for the first full week of October)")
            }
            serviceWeekStart = raw
        case "voting-mode":
            guard let mode = VotingMode(rawValue: raw) else {
                throw .usage("setting voting-mode must be one of: \(VotingMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            votingMode = mode
        case "max-live-pins": maxLivePins = try int(1...50)
        case "max-pin-days": maxPinDays = try int(1...366)
        case "quiz-attempts-per-day": quizAttemptsPerDay = try int(CertLimits.attemptsPerDay)
        default:
            throw .usage("unknown setting '\(key)'; known settings: \(Self.keys.joined(separator: ", "))")
        }
    }
}
