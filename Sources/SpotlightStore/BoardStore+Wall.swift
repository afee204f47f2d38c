import Foundation
import SQLiteNIO
import SpotlightCore

/// What the wall needs from the board in one read.
public struct WallSnapshot: Sendable, Equatable, Codable {
    public var settings: BoardSettings
    /// The rotation's working set: live pins, the hottest stories, the newest, and each
    /// department's best — not the whole board, so a 100,000-story board costs the same as a small one.
    public var stories: [Story]
    /// Newest headlines first, for the ticker.
    public var headlines: [String]
    public var totalStories: Int
    /// The story most upvoted since `highlightSince` (Customer Service Week's daily slot).
    public var highlight: Story?

    public init(settings: BoardSettings, stories: [Story], headlines: [String], totalStories: Int, highlight: Story?) {
        self.settings = settings
        self.stories = stories
        self.headlines = headlines
        self.totalStories = totalStories
        self.highlight = highlight
    }
}

extension BoardStore {
    /// How many of the hottest stories the wall rotates through.
    public static let wallWorkingSet = 300

    /// `highlightSince`: during Customer Service Week, the start of today, to find the day's
    /// most upvoted story; nil the rest of the year (it costs a pass over today's votes).
    public func wallSnapshot(highlightSince: Date? = nil) async throws(SpotlightError) -> WallSnapshot {
        let settings = try await settings()
        var byID: [StoryID: Story] = [:]
        var order: [StoryID] = []
        func add(_ stories: [Story]) {
            for story in stories where byID[story.id] == nil {
                byID[story.id] = story
                order.append(story.id)
            }
        }
        add(try await pinnedStories())
        // Each department's best story: a skip-scan over the department index (one seek per
        // department) rather than a DISTINCT over every row, so 100,000 stories cost the same as 100.
        add(try await stories(StoryQuery(order: .hot, limit: Self.wallWorkingSet)))
        let newest = try await stories(StoryQuery(order: .new, limit: 20))
        add(newest)
        add(try await rows("""
            WITH RECURSIVE department(name) AS (
                SELECT (SELECT min(department) FROM stories)
                UNION ALL
                SELECT (SELECT min(department) FROM stories WHERE department > department.name)
                FROM department WHERE department.name IS NOT NULL)
            SELECT \(StoryRow.columns) FROM stories s WHERE s.id IN (
                SELECT (SELECT s2.id FROM stories s2 WHERE s2.department = department.name AND s2.status = 'visible'
                        ORDER BY s2.hot DESC, s2.id DESC LIMIT 1)
                FROM department WHERE department.name IS NOT NULL)
            """).map(StoryRow.decode))
        var highlight: Story?
        if let since = highlightSince {
            highlight = try await rows("""
                SELECT \(StoryRow.columns) FROM stories s JOIN (
                    SELECT story_id, count(*) AS n FROM votes WHERE at >= ? GROUP BY story_id) v ON v.story_id = s.id
                WHERE s.status = 'visible' ORDER BY v.n DESC, s.id DESC LIMIT 1
                """, [.integer(since.millis)]).first.map(StoryRow.decode)
        }
        return WallSnapshot(settings: settings, stories: order.compactMap { byID[$0] },
                            headlines: newest.prefix(10).map(\.title), totalStories: try await storyCount(),
                            highlight: highlight)
    }
}
