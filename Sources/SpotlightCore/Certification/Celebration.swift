import Foundation

/// A certification as the wall celebrates it (issue 16): for a week after it was earned or
/// granted it has its own slot in the rotation. Carries what the card says beyond the
/// certification itself, read with the wall's snapshot: the person's name and the level's title.
public struct Celebration: Equatable, Sendable, Codable {
    public var certification: Certification
    /// The person's display name (GECOS), or the login when none is known.
    public var name: String
    /// The level's title from its program ("Foundations"); empty when the program lacks the level.
    public var levelTitle: String

    public init(certification: Certification, name: String? = nil, levelTitle: String = "") {
        self.certification = certification
        self.name = name.flatMap { $0.isEmpty ? nil : $0 } ?? certification.login
        self.levelTitle = levelTitle
    }

    /// The certification's id: what the rotation and its history know a celebration by.
    public var id: Int { certification.id }

    /// How long a certification stays on the wall.
    public static let window: TimeInterval = 7 * 24 * 3600

    /// Earned or granted within the week before `now` (and not in the future of a clock that
    /// went back): the wall shows it.
    public func isCelebrated(at now: Date) -> Bool {
        let age = now.timeIntervalSince(certification.at)
        return age >= -60 && age < Self.window
    }

    /// Level numbers as the articles write them: Level I, II, III … (arabic past 20).
    public static func roman(_ level: Int) -> String {
        let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                        "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]
        return numerals.indices.contains(level - 1) ? numerals[level - 1] : String(level)
    }

    /// "Service Standards, Level I": the why-line's and the card's name for the achievement.
    public var achievement: String {
        "\(certification.program), Level \(Self.roman(certification.level))"
    }
}
