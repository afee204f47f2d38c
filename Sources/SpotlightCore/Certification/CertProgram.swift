/// A certification program a board offers (issue 16): a name, its levels in order, and the quiz
/// that earns level 1. Level 2 and up are granted by a manager who judged the work the level asks
/// for (case studies, survey marks), so the program only describes them.
public struct CertProgram: Equatable, Sendable, Codable {
    /// How people name the program in commands and on the wall; unique per board (compared by
    /// `NameKey`, phase 2's store).
    public var name: String
    public var description: String
    /// Level 1 first; `levels[i].number == i + 1` (`CertLimits.check` holds it).
    public var levels: [CertLevel]
    public var quiz: Quiz

    public init(name: String, description: String = "", levels: [CertLevel], quiz: Quiz) {
        self.name = name
        self.description = description
        self.levels = levels
        self.quiz = quiz
    }

    public func level(_ number: Int) -> CertLevel? {
        levels.indices.contains(number - 1) ? levels[number - 1] : nil
    }

    /// "Service Standards, level 2 (Case Studies)": how messages and the letter name an achievement.
    public func describe(level number: Int) -> String {
        guard let level = level(number) else { return "\(name), level \(number)" }
        return "\(name), level \(number) (\(level.title))"
    }
}

/// One tier of a program.
public struct CertLevel: Equatable, Sendable, Codable {
    /// 1-based, in order.
    public var number: Int
    public var title: String
    /// What it takes, in the program author's words ("Pass the standards quiz").
    public var requires: String

    public init(number: Int, title: String, requires: String) {
        self.number = number
        self.title = title
        self.requires = requires
    }

    /// Level 1 is earned by passing the quiz, never granted by hand.
    public var isEarnedByQuiz: Bool { number == 1 }
}
