import Foundation

/// The orders a board can be listed in.
public enum StoryOrder: String, CaseIterable, Sendable, Codable {
    /// Recognition weighed against age (see `HotScore`).
    case hot
    /// Newest first.
    case new
    /// Most recognition first, regardless of age.
    case top
}

/// The hot formula, in the style of Reddit's: a score that never needs recomputing as time
/// passes, so the store can keep it in an indexed column and list the top 20 of 100,000 stories
/// without touching the rest.
///
///     points = 1 + votes + 3 × medallions
///     hot    = log10(points) + (createdAt − epoch) / 86,400 s
///
/// Each day of age costs a factor of ten in points: a story with 9 votes from yesterday ties a
/// fresh story with none. A medallion is worth three votes because each person has so few.
public enum HotScore {
    public static let medallionWeight = 3
    public static let secondsPerDecade: Double = 86_400
    /// 2020-01-01T00:00:00Z keeps the time term small and positive.
    public static let epoch = Date(timeIntervalSince1970: 1_577_836_800)

    public static func points(votes: Int, medallions: Int) -> Int {
        1 + max(0, votes) + medallionWeight * max(0, medallions)
    }

    public static func score(votes: Int, medallions: Int, createdAt: Date) -> Double {
        log10(Double(points(votes: votes, medallions: medallions)))
            + createdAt.timeIntervalSince(epoch) / secondsPerDecade
    }

    public static func score(of story: Story) -> Double {
        score(votes: story.votes, medallions: story.medallions, createdAt: story.createdAt)
    }
}

extension Array where Element == Story {
    /// The same order the store produces with SQL; ties fall back to the newer story.
    public func sorted(by order: StoryOrder) -> [Story] {
        switch order {
        case .new:
            return sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        case .top:
            return sorted {
                let a = HotScore.points(votes: $0.votes, medallions: $0.medallions)
                let b = HotScore.points(votes: $1.votes, medallions: $1.medallions)
                return a != b ? a > b : $0.id > $1.id
            }
        case .hot:
            return sorted {
                let a = HotScore.score(of: $0), b = HotScore.score(of: $1)
                return a != b ? a > b : $0.id > $1.id
            }
        }
    }
}
