import Foundation

/// A story as reports cite it: enough to find it (`spotlight show ID`) and see its recognition.
public struct StoryReference: Equatable, Sendable, Codable {
    public let id: StoryID
    public let title: String
    public let hero: String
    public let department: String
    public let votes: Int
    public let medallions: Int
    public let createdAt: Date

    public init(_ story: Story) {
        id = story.id; title = story.title; hero = story.hero; department = story.department
        votes = story.votes; medallions = story.medallions; createdAt = story.createdAt
    }
}

/// One hero's place in a department's ranking.
public struct AwardStanding: Equatable, Sendable, Codable {
    /// 1 is the winner.
    public let place: Int
    /// The most common spelling of the hero's name in the department's stories.
    public let hero: String
    public let tally: RecognitionTally
    public let score: Int
    /// The rule that put this hero ahead of the next place listed (nil for the last one
    /// listed): anything but `.score` means a tie on score was broken.
    public let aheadOfNextBy: AwardFormula.Criterion?
    /// The stories that earned it, most recognised first.
    public let stories: [StoryReference]
}

/// "Excellence in Service" for one department: the winner first, then the runners-up.
public struct DepartmentAward: Equatable, Sendable, Codable {
    public let department: String
    public let standings: [AwardStanding]
    /// Heroes recognised in the department in the period, including those not listed.
    public let heroCount: Int

    public var winner: AwardStanding? { standings.first }
}

/// The awards of one period, departments in alphabetical order.
public struct AwardsReport: Equatable, Sendable {
    public let title: String
    public let period: ReportPeriod
    public let customer: CustomerKind?
    public let departments: [DepartmentAward]
    /// Stories that counted (visible, in the period, of the chosen customer kind).
    public let storyCount: Int
}

public enum Awards {
    /// The winner and two runners-up per department.
    public static let places = 3

    /// Ranks every hero of every department over `stories`. The caller passes the period's
    /// stories; anything not visible, outside the period or of the other customer kind is
    /// dropped here too, so a report can never count a hidden or removed story.
    /// A hero is ranked within each department separately: the award is per department.
    public static func compute(title: String, stories: [Story], period: ReportPeriod, customer: CustomerKind? = nil,
                               places: Int = Awards.places) -> AwardsReport {
        let counted = stories.filter { $0.status == .visible && period.contains($0.createdAt) && (customer == nil || $0.customer == customer) }
            .sorted { $0.id < $1.id }
        var departmentNames = NameGroups()
        var heroNames: [String: NameGroups] = [:]
        var byDepartment: [String: [String: (tally: RecognitionTally, stories: [Story])]] = [:]
        for story in counted {
            let department = departmentNames.add(story.department)
            let hero = heroNames[department, default: NameGroups()].add(story.hero)
            var entry = byDepartment[department]?[hero] ?? (RecognitionTally(), [])
            entry.tally.add(story)
            entry.stories.append(story)
            byDepartment[department, default: [:]][hero] = entry
        }
        let awards = byDepartment.keys.sorted().map { department in
            let heroes = byDepartment[department] ?? [:]
            let ranked = heroes.keys.sorted { a, b in
                AwardFormula.ranksAhead(heroes[a]!.tally, a, of: heroes[b]!.tally, b)
            }
            let shown = Array(ranked.prefix(max(1, places)))
            let standings = shown.enumerated().map { index, key in
                let entry = heroes[key]!
                let next = index + 1 < shown.count ? shown[index + 1] : nil
                let decidedBy = next.map { AwardFormula.compare(entry.tally, key, heroes[$0]!.tally, $0).criterion }
                return AwardStanding(
                    place: index + 1, hero: heroNames[department]?.display(key) ?? key, tally: entry.tally,
                    score: AwardFormula.score(entry.tally), aheadOfNextBy: decidedBy,
                    stories: entry.stories.sorted(by: .top).map(StoryReference.init))
            }
            return DepartmentAward(department: departmentNames.display(department), standings: standings, heroCount: heroes.count)
        }
        return AwardsReport(title: title, period: period, customer: customer, departments: awards, storyCount: counted.count)
    }
}
