import SpotlightCore

/// A story whose shown counters and counted rows differ (the stores select only those).
public struct StoryCounters: Sendable, Equatable {
    public var id: StoryID
    public var votes: Int
    public var voteRows: Int
    public var medallions: Int
    public var medallionRows: Int
    public var points: Int

    public init(id: StoryID, votes: Int, voteRows: Int, medallions: Int, medallionRows: Int, points: Int) {
        self.id = id
        self.votes = votes
        self.voteRows = voteRows
        self.medallions = medallions
        self.medallionRows = medallionRows
        self.points = points
    }
}

extension OutsideChanges {
    /// The one line for a story whose counters its rows do not add up to: the first counter that
    /// is off, else its points (which only `1 + votes + weight × medallions` may make).
    public static func counterLine(_ story: StoryCounters) -> String {
        if story.votes != story.voteRows {
            return "story #\(story.id) shows \(Plural.count(story.votes, "vote")) but \(story.voteRows) were cast"
        }
        if story.medallions != story.medallionRows {
            return "story #\(story.id) shows \(Plural.count(story.medallions, "medallion")) but \(story.medallionRows) were given"
        }
        return "story #\(story.id) shows \(story.points) points, which its votes and medallions do not make"
    }
}
