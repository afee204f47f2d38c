import Foundation
import SQLiteNIO
import SpotlightCore

/// Reads for "what's new since your last visit" (`VisitMarks`, `News`). Everything is measured in
/// story and audit ids, which only grow, never in clock time.
extension BoardStore {
    /// This board, as opposed to another file later put at the same path: its first audit row
    /// (time and actor), or for a board imported without an audit trail, when its first story was
    /// posted. (`Benchmarks/news_bench.py` repeats this SQL to write marks.)
    public func identity() async throws(SpotlightError) -> String {
        try await scalarText(Self.identitySQL)
    }

    static let identitySQL = """
        SELECT coalesce((SELECT at || '-' || actor FROM audit ORDER BY id LIMIT 1),
                        'story-' || (SELECT created_at || '-' || author FROM stories ORDER BY id LIMIT 1), 'empty')
        """

    /// The newest story id and audit id now: marks for a first visit, where nothing is "new".
    public func newestIDs() async throws(SpotlightError) -> (story: StoryID, audit: Int) {
        let found = try await rows("SELECT (SELECT coalesce(max(id), 0) FROM stories) AS s, (SELECT coalesce(max(id), 0) FROM audit) AS a")
        return (found.first?.column("s")?.integer ?? 0, found.first?.column("a")?.integer ?? 0)
    }

    /// Visible stories above `id`, oldest first, at most `limit`.
    public func visibleStories(above id: StoryID, limit: Int = 1000) async throws(SpotlightError) -> [Story] {
        // `+s.status`: walk the primary key from `id`, not every visible story by the status index.
        try await rows("SELECT \(StoryRow.columns) FROM stories s WHERE s.id > ? AND +s.status = 'visible' ORDER BY s.id LIMIT ?",
                       [.integer(id), .integer(limit)]).map(StoryRow.decode)
    }

    /// Votes and medallions given to `author`'s visible stories after audit row `auditID`
    /// (a vote taken back in the same period cancels out), per story.
    public func recognition(of author: String, afterAudit auditID: Int) async throws(SpotlightError) -> [News.Recognition] {
        let found = try await rows("""
            SELECT a.story_id AS story,
                   sum(CASE a.action WHEN 'upvote' THEN 1 WHEN 'unvote' THEN -1 ELSE 0 END) AS votes,
                   sum(CASE a.action WHEN 'medal' THEN 1 WHEN 'unmedal' THEN -1 ELSE 0 END) AS medallions
            FROM audit a JOIN stories s ON s.id = a.story_id
            WHERE a.id > ? AND s.author = ? AND s.status = 'visible' AND a.actor != s.author
              AND a.action IN ('upvote', 'unvote', 'medal', 'unmedal')
            GROUP BY a.story_id ORDER BY a.story_id
            """, [.integer(auditID), .text(author)])
        var result: [News.Recognition] = []
        for row in found {
            let votes = max(0, row.column("votes")?.integer ?? 0)
            let medallions = max(0, row.column("medallions")?.integer ?? 0)
            guard votes + medallions > 0, let id = row.column("story")?.integer else { continue }
            result.append(News.Recognition(story: try await story(id), votes: votes, medallions: medallions))
        }
        return result
    }

    /// Departments of the stories that name `names` as their hero: "your department". Found
    /// through the full-text index's hero column (a scan of every story costs 0.3 s on 100,000),
    /// then compared exactly (case-folded, spaces collapsed).
    public func departments(recognising names: [String]) async throws(SpotlightError) -> Set<String> {
        let keys = Set(names.map(BoardRules.normalizedName).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) })
        var result: Set<String> = []
        for key in keys.sorted() {
            let phrase = "hero : \"" + key.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let found = try await rows("""
                SELECT CAST(s.hero AS BLOB) AS hero, CAST(s.department AS BLOB) AS department FROM stories s
                WHERE s.id IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?) AND s.status = 'visible' LIMIT 1000
                """, [.text(phrase)])
            for row in found where BoardRules.normalizedName(row.column("hero")?.lossless ?? "") == key {
                result.insert(row.column("department")?.lossless ?? "")
            }
        }
        return result
    }
}

extension BoardStore {
    /// A page of a list fixed in advance ("New for you": the stories new at the start of the
    /// visit, in their order), with the account's votes among them.
    public func page(of ids: [StoryID], offset: Int, limit: Int) async throws(SpotlightError) -> StoryPage {
        let start = min(max(0, offset), ids.count)
        let slice = Array(ids[start..<min(ids.count, start + max(0, limit))])
        var page = StoryPage(offset: start, stories: try await storiesInOrder(slice), total: ids.count, totalIsCapped: false)
        page.voted = try await votedStories(among: page.stories.map(\.id))
        return page
    }
}

extension BoardStore {
    /// What is new for `account` since `marks`: unseen visible stories (about them or their
    /// department first, then oldest first) and the recognition their stories received.
    /// How many stories are new for `account` since `marks`: the login line's one number, read
    /// from the primary key alone (no story is decoded).
    public func newStoryCount(since marks: VisitMarks, for account: Account) async throws(SpotlightError) -> Int {
        let found = try await rows("SELECT s.id \(Self.newForSQL) LIMIT 100000", [.integer(marks.seenThrough), .text(account.login)])
        return found.reduce(0) { count, row in
            guard let id = row.column("id")?.integer, !marks.hasSeen(id) else { return count }
            return count + 1
        }
    }

    /// Stories that may be new for an account: visible, above its mark, and not its own (your own
    /// posts are not news to you); the caller leaves out those seen above the mark. `+s.status`
    /// walks the primary key from the mark, not every visible story by the status index.
    static let newForSQL = "FROM stories s WHERE s.id > ? AND +s.status = 'visible' AND s.author != ?"

    public func news(since marks: VisitMarks, for account: Account, limit: Int = 1000) async throws(SpotlightError) -> News {
        let fresh = try await rows("SELECT \(StoryRow.columns) \(Self.newForSQL) ORDER BY s.id LIMIT ?",
                                   [.integer(marks.seenThrough), .text(account.login), .integer(limit)])
            .map(StoryRow.decode).filter { !marks.hasSeen($0.id) }
        let homes = fresh.isEmpty ? [] : try await departments(recognising: [account.login, account.displayName])
        return News(stories: News.ordered(fresh, for: account, departments: homes),
                    recognitions: try await recognition(of: account.login, afterAudit: marks.auditThrough),
                    since: marks.visitedAt)
    }

    /// Marks for someone who has seen everything on the board as it is now.
    public func marksForEverythingNow(at now: Date) async throws(SpotlightError) -> VisitMarks {
        let newest = try await newestIDs()
        return VisitMarks(board: try await identity(), seenThrough: newest.story, auditThrough: newest.audit, visitedAt: now)
    }

    /// `marks` at the end of a visit: seen stories folded into `seenThrough`, recognition up to
    /// now reported, and the time of this visit.
    public func closing(_ marks: VisitMarks, at now: Date) async throws(SpotlightError) -> VisitMarks {
        let above = try await visibleStories(above: marks.seenThrough, limit: 10_000)
        return marks.closed(by: account.login, visibleAbove: above, newestAudit: try await newestIDs().audit, at: now)
    }
}
