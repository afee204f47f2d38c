/// How much recognition a hero collected in a period: the inputs of the award formula.
public struct RecognitionTally: Equatable, Sendable, Codable {
    /// Stories posted about them (each one is a colleague taking the time to write it up).
    public var stories: Int
    /// Upvotes those stories received.
    public var votes: Int
    /// Medallions those stories received.
    public var medallions: Int

    public init(stories: Int = 0, votes: Int = 0, medallions: Int = 0) {
        self.stories = stories
        self.votes = votes
        self.medallions = medallions
    }

    public mutating func add(_ story: Story) {
        stories += 1
        votes += max(0, story.votes)
        medallions += max(0, story.medallions)
    }
}

/// The "Excellence in Service" formula:
///
///     score = 3 × stories + 1 × votes + 5 × medallions
///
/// A vote is one click, so it is the unit. A story about someone is worth three: a colleague
/// wrote it up, which is the peer-to-peer recognition the source articles prize. A medallion
/// is worth five: each person has only a few a year (one by default), so handing one over is
/// the scarcest signal the board has.
///
/// Ties on score are broken, in order, by: more medallions (the scarcest recognition), then
/// more stories (more colleagues took the trouble), and finally the normalised name in
/// ascending order — arbitrary, but it never changes between runs, so the same board always
/// crowns the same winner and says which rule decided it. (Votes need no rule of their own:
/// with score, medallions and stories equal, the votes are equal too.)
public enum AwardFormula {
    public static let storyWeight = 3
    public static let voteWeight = 1
    public static let medallionWeight = 5

    /// The criteria in the order they are applied.
    public enum Criterion: String, CaseIterable, Sendable, Codable {
        case score, medallions, stories, name
    }

    public static func score(_ t: RecognitionTally) -> Int {
        storyWeight * t.stories + voteWeight * t.votes + medallionWeight * t.medallions
    }

    /// One sentence for report headers, so a reader can check any score by hand.
    public static let description =
        "score = \(storyWeight) × stories + \(voteWeight) × votes + \(medallionWeight) × medallions; ties go to more medallions, then more stories, then the name A–Z"

    /// The first criterion on which `a` and `b` differ (`.name` when only the names do), and
    /// whether `a` ranks ahead of `b` on it. `nameA`/`nameB` are normalised keys.
    public static func compare(_ a: RecognitionTally, _ nameA: String, _ b: RecognitionTally, _ nameB: String) -> (criterion: Criterion, aFirst: Bool) {
        let pairs: [(Criterion, Int, Int)] = [
            (.score, score(a), score(b)), (.medallions, a.medallions, b.medallions),
            (.stories, a.stories, b.stories),
        ]
        for (criterion, x, y) in pairs where x != y { return (criterion, x > y) }
        return (.name, nameA < nameB)
    }

    public static func ranksAhead(_ a: RecognitionTally, _ nameA: String, of b: RecognitionTally, _ nameB: String) -> Bool {
        compare(a, nameA, b, nameB).aFirst
    }
}
