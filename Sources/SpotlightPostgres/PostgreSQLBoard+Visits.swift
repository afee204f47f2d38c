#if PostgreSQLSupport
import Foundation
import SpotlightCore
import SpotlightStore

/// "What's new since your last visit" (`BoardStore+Visits`): measured in story and audit ids.
extension PostgreSQLBoard {
    public func identity() async throws(SpotlightError) -> String {
        try await read { (s: PGSession) async throws(SpotlightError) -> String in
            try await s.tx.scalarText("""
                SELECT coalesce((SELECT at || '-' || actor FROM audit ORDER BY id LIMIT 1),
                                'story-' || (SELECT created_at || '-' || author FROM stories ORDER BY id LIMIT 1), 'empty')
                """)
        }
    }

    public func newestIDs() async throws(SpotlightError) -> (story: StoryID, audit: Int) {
        let ids = try await read { (s: PGSession) async throws(SpotlightError) -> [Int] in try await Self.newest(s) }
        return (ids[0], ids[1])
    }

    static func newest(_ s: PGSession) async throws(SpotlightError) -> [Int] {
        let found = try await s.rows("SELECT (SELECT coalesce(max(id), 0) FROM stories) AS s, (SELECT coalesce(max(id), 0) FROM audit) AS a")
        return [found.first?.int("s") ?? 0, found.first?.int("a") ?? 0]
    }

    public func visibleStories(above id: StoryID, limit: Int) async throws(SpotlightError) -> [Story] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [Story] in try await Self.visible(s, above: id, limit: limit) }
    }

    static func visible(_ s: PGSession, above id: StoryID, limit: Int) async throws(SpotlightError) -> [Story] {
        try await s.rows("SELECT \(PGStoryRow.columns) FROM stories s WHERE s.id > ? AND s.status = 'visible' ORDER BY s.id LIMIT ?",
                         [.int(id), .int(limit)]).map(PGStoryRow.decode)
    }

    public func recognition(of author: String, afterAudit auditID: Int) async throws(SpotlightError) -> [News.Recognition] {
        try await read { (s: PGSession) async throws(SpotlightError) -> [News.Recognition] in
            try await Self.recognition(s, of: author, afterAudit: auditID)
        }
    }

    static func recognition(_ s: PGSession, of author: String, afterAudit auditID: Int) async throws(SpotlightError) -> [News.Recognition] {
        let found = try await s.rows("""
            SELECT a.story_id AS story,
                   sum(CASE a.action WHEN 'upvote' THEN 1 WHEN 'unvote' THEN -1 ELSE 0 END) AS votes,
                   sum(CASE a.action WHEN 'medal' THEN 1 WHEN 'unmedal' THEN -1 ELSE 0 END) AS medallions
            FROM audit a JOIN stories s ON s.id = a.story_id
            WHERE a.id > ? AND s.author = ? AND s.status = 'visible' AND a.actor <> s.author
              AND a.action IN ('upvote', 'unvote', 'medal', 'unmedal')
            GROUP BY a.story_id ORDER BY a.story_id
            """, [.int(auditID), .text(author)])
        var result: [News.Recognition] = []
        for row in found {
            // sum() of integers is numeric in PostgreSQL: read through text.
            let votes = max(0, Int(row.string("votes")) ?? row.int("votes") ?? 0)
            let medallions = max(0, Int(row.string("medallions")) ?? row.int("medallions") ?? 0)
            guard votes + medallions > 0, let id = row.int("story") else { continue }
            let story = try await s.rawStory(id)
            try BoardRules.requireVisible(story, to: s.account, isManager: try await s.isManager(s.account.login))
            result.append(News.Recognition(story: story, votes: votes, medallions: medallions))
        }
        return result
    }

    public func departments(recognising names: [String]) async throws(SpotlightError) -> Set<String> {
        try await read { (s: PGSession) async throws(SpotlightError) -> Set<String> in try await Self.departments(s, recognising: names) }
    }

    /// Departments of the stories naming `names` as their hero, found through the search index
    /// (each word of the name a whole lexeme), then compared exactly as `BoardRules` does.
    static func departments(_ s: PGSession, recognising names: [String]) async throws(SpotlightError) -> Set<String> {
        let keys = Set(names.map(BoardRules.normalizedName).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) })
        var result: Set<String> = []
        for key in keys.sorted() {
            let words = PGSearchTerms.tokens(key).map(PGSearchTerms.cut)
            guard !words.isEmpty else { continue }
            let query = words.map { "'" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'" }
                .joined(separator: " & ")
            let found = try await s.rows("""
                SELECT s.hero, s.department FROM stories s WHERE s.search @@ ?::tsquery AND s.status = 'visible' LIMIT 1000
                """, [.text(query)])
            for row in found where BoardRules.normalizedName(row.string("hero")) == key {
                result.insert(row.string("department"))
            }
        }
        return result
    }

    static let newForSQL = "FROM stories s WHERE s.id > ? AND s.status = 'visible' AND s.author <> ?"

    public func newStoryCount(since marks: VisitMarks, for account: Account) async throws(SpotlightError) -> Int {
        try await read { (s: PGSession) async throws(SpotlightError) -> Int in
            let found = try await s.rows("SELECT s.id \(Self.newForSQL) LIMIT 100000", [.int(marks.seenThrough), .text(account.login)])
            return found.reduce(0) { count, row in
                guard let id = row.int("id"), !marks.hasSeen(id) else { return count }
                return count + 1
            }
        }
    }

    public func news(since marks: VisitMarks, for account: Account, limit: Int) async throws(SpotlightError) -> News {
        try await read { (s: PGSession) async throws(SpotlightError) -> News in
            let fresh = try await s.rows("SELECT \(PGStoryRow.columns) \(Self.newForSQL) ORDER BY s.id LIMIT ?",
                                         [.int(marks.seenThrough), .text(account.login), .int(limit)])
                .map(PGStoryRow.decode).filter { !marks.hasSeen($0.id) }
            let homes = fresh.isEmpty ? [] : try await Self.departments(s, recognising: [account.login, account.displayName])
            return News(stories: News.ordered(fresh, for: account, departments: homes),
                        recognitions: try await Self.recognition(s, of: account.login, afterAudit: marks.auditThrough),
                        since: marks.visitedAt)
        }
    }

    public func marksForEverythingNow(at now: Date) async throws(SpotlightError) -> VisitMarks {
        let newest = try await newestIDs()
        return VisitMarks(board: try await identity(), seenThrough: newest.story, auditThrough: newest.audit, visitedAt: now)
    }

    public func closing(_ marks: VisitMarks, at now: Date) async throws(SpotlightError) -> VisitMarks {
        let above = try await visibleStories(above: marks.seenThrough, limit: 10_000)
        return marks.closed(by: account.login, visibleAbove: above, newestAudit: try await newestIDs().audit, at: now)
    }
}
#endif
