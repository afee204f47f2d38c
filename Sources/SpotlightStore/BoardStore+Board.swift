import Foundation
import SQLiteNIO
import SpotlightCore

/// One page of a list for the interactive board: the stories at `offset`, how many match in all,
/// and which of them the current account has upvoted.
public struct StoryPage: Sendable, Equatable, Codable {
    public var offset: Int
    public var stories: [Story]
    /// Matching stories in all; at most `countCap` for a search (then `totalIsCapped`).
    public var total: Int
    public var totalIsCapped: Bool
    public var voted: Set<StoryID>

    public init(offset: Int, stories: [Story], total: Int, totalIsCapped: Bool = false, voted: Set<StoryID> = []) {
        self.offset = offset
        self.stories = stories
        self.total = total
        self.totalIsCapped = totalIsCapped
        self.voted = voted
    }
}

/// The interactive board's reads and its conflict-checked edit. Apart from `stories(_:)`
/// because a screen pages through 100,000 stories a keystroke at a time: it needs a count, the
/// viewer's votes, and reading plans that stay fast on every list (see `ListPlan`).
extension BoardStore {
    /// A search matching more stories than this shows "10000+" instead of counting them all.
    public static let countCap = 10_000

    /// `query.limit` stories from `query.offset`, the total, and the account's votes among them.
    /// `matches`: how many stories a search matched when it was last counted, so paging through
    /// its results needs no fresh count to choose how to read them.
    public func page(_ query: StoryQuery, counting: Bool = true, matches: Int? = nil) async throws(SpotlightError) -> StoryPage {
        var plan = listPlan(query)
        var total = (count: 0, capped: false)
        if counting {
            total = try await count(plan, cap: query.search == nil ? nil : Self.countCap)
        }
        if let match = plan.search {
            var found = total.count
            if !counting {
                if let matches { found = matches } else { found = try await searchMatches(match) }
            }
            plan.chooseSearchPlan(match: match, sparse: found <= Self.sparseSearch)
        }
        let window: [SQLiteData] = [.integer(max(0, query.limit)), .integer(max(0, query.offset))]
        let stories: [Story]
        if plan.isSmallSet {
            stories = try await rows(plan.pageSQL(order: query.order), plan.binds + window).map(StoryRow.decode)
        } else {
            // Walk the index for ids only (no row is read for the stories skipped by OFFSET),
            // then read the page's rows.
            let ids: [SQLiteRow] = try await rows(plan.idsSQL(order: query.order), plan.idBinds + window)
            stories = try await storiesInOrder(ids.compactMap { $0.column("id")?.integer })
        }
        var page = StoryPage(offset: max(0, query.offset), stories: stories, total: total.count, totalIsCapped: total.capped)
        page.voted = try await votedStories(among: stories.map(\.id))
        return page
    }

    /// How many stories match `query` (its offset and limit ignored), counting at most `cap`.
    public func storyCount(_ query: StoryQuery, cap: Int? = nil) async throws(SpotlightError) -> (count: Int, capped: Bool) {
        try await count(listPlan(query), cap: cap)
    }

    /// Stories the FTS index matches, counted up to one past the sparse limit.
    private func searchMatches(_ match: String) async throws(SpotlightError) -> Int {
        try await scalarInt("SELECT count(*) FROM (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ? LIMIT ?)",
                            [.text(match), .integer(Self.sparseSearch + 1)])
    }

    private func count(_ plan: ListPlan, cap: Int?) async throws(SpotlightError) -> (count: Int, capped: Bool) {
        guard let cap else { return (try await scalarInt(plan.countSQL, plan.countBinds), false) }
        let n = try await scalarInt("SELECT count(*) FROM (SELECT 1 FROM \(plan.countWhere) LIMIT ?)", plan.countBinds + [.integer(cap + 1)])
        return (min(n, cap), n > cap)
    }

    /// The stories with these ids, in this order.
    func storiesInOrder(_ ids: [StoryID]) async throws(SpotlightError) -> [Story] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let found: [SQLiteRow] = try await rows("SELECT \(StoryRow.columns) FROM stories s WHERE s.id IN (\(marks))", ids.map { .integer($0) })
        let byID = Dictionary(found.map(StoryRow.decode).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }
    }

    /// The stories among `ids` that the current account has upvoted.
    public func votedStories(among ids: [StoryID]) async throws(SpotlightError) -> Set<StoryID> {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let found: [SQLiteRow] = try await rows("SELECT story_id FROM votes WHERE voter = ? AND story_id IN (\(marks))",
                                                [.text(account.login)] + ids.map { .integer($0) })
        return Set(found.compactMap { $0.column("story_id")?.integer })
    }

    /// A search matching at most this many stories is read from the full-text index and sorted;
    /// a broader one walks the list's order index and keeps what matches.
    static let sparseSearch = 3_000

    /// How to read one list fast on a large board. `stories(_:)` leaves the choice to SQLite,
    /// which has no statistics and picks badly here: it may walk the hot index running the FTS
    /// MATCH once per story (seconds), sort every story to show hidden ones with visible ones
    /// (half a second), or read every row to find five pinned ones. So the list is driven from
    /// the smallest set that decides it:
    /// - pinned: the partial pin index, then the rows (`CROSS JOIN` fixes the order);
    /// - a narrow search: the FTS index, then the rows, sorted;
    /// - otherwise the order's index, with a broad search as an `IN` check, and visible and
    ///   hidden stories merged from their two sorted runs (`UNION ALL … ORDER BY`);
    /// - the department is matched exactly (it comes from the board's own list), so counting
    ///   uses its index.
    struct ListPlan {
        var from = "stories s"
        var conditions: [String] = []
        var binds: [SQLiteData] = []
        var statuses = ["visible"]
        /// Driven by a small set, so a sort is cheap and one status test covers both statuses.
        var isSmallSet = false
        /// From and conditions for counting (a search count streams from the FTS index).
        var countFrom = "stories s"
        var countConditions: [String] = []
        var countBinds: [SQLiteData] = []
        /// The FTS query of a search whose reading plan is still to be chosen.
        var search: String?

        static let inSearch = "s.id IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?)"

        /// A narrow search is read from the FTS index and sorted; a broad one walks the order's
        /// index and keeps the stories in the match set.
        mutating func chooseSearchPlan(match: String, sparse: Bool) {
            search = nil
            if sparse {
                from = countFrom
                conditions = countConditions
                binds = countBinds
                isSmallSet = true
            } else {
                conditions.append(Self.inSearch)
                binds.append(.text(match))
            }
        }

        static func key(_ order: StoryOrder) -> String {
            switch order {
            case .hot: "s.hot"
            case .new: "s.created_at"
            case .top: "s.points"
            }
        }

        /// A small set: read whole rows and sort them. The `+` keeps SQLite from walking the
        /// order's index instead of the small set's (it would read every story to find a few).
        func pageSQL(order: StoryOrder) -> String {
            let key = Self.key(order)
            return "SELECT \(StoryRow.columns) FROM \(from) WHERE " + ([statusTest] + conditions).joined(separator: " AND ")
                + " ORDER BY +\(key) DESC, s.id DESC LIMIT ? OFFSET ?"
        }

        /// The page's ids in order, from the order's index; visible and hidden stories merged
        /// from their two sorted runs when both are listed.
        func idsSQL(order: StoryOrder) -> String {
            let key = Self.key(order)
            func select(_ status: String) -> String {
                "SELECT s.id AS id, \(key) AS sort_key FROM \(from) WHERE " + ([status] + conditions).joined(separator: " AND ")
            }
            if statuses.count == 1 {
                return select(statusTest) + " ORDER BY \(key) DESC, s.id DESC LIMIT ? OFFSET ?"
            }
            return select("s.status = 'visible'") + " UNION ALL " + select("s.status = 'hidden'")
                + " ORDER BY sort_key DESC, id DESC LIMIT ? OFFSET ?"
        }

        var idBinds: [SQLiteData] { statuses.count == 1 ? binds : binds + binds }

        var statusTest: String {
            statuses.count == 1 ? "s.status = '\(statuses[0])'" : "s.status IN (\(statuses.map { "'\($0)'" }.joined(separator: ", ")))"
        }

        var countWhere: String {
            "\(countFrom) WHERE " + ([statusTest] + countConditions).joined(separator: " AND ")
        }

        var countSQL: String { "SELECT count(*) FROM " + countWhere }
    }

    func listPlan(_ query: StoryQuery) -> ListPlan {
        var plan = ListPlan()
        if query.includeHidden { plan.statuses = ["visible", "hidden"] }
        if let department = query.department {
            plan.conditions.append("s.department = ?")
            plan.binds.append(.text(department))
        }
        if let author = query.author {
            plan.conditions.append("s.author = ?")
            plan.binds.append(.text(author))
            plan.isSmallSet = true   // the author index, then a sort of one person's stories
        }
        if query.pinnedOnly {
            plan.from = "stories p CROSS JOIN stories s ON s.id = p.id"
            plan.countFrom = plan.from
            plan.conditions.append("p.pinned_at IS NOT NULL AND (s.pin_until IS NULL OR s.pin_until > ?)")
            plan.binds.append(.integer(clock.now.millis))
            plan.isSmallSet = true
        }
        plan.countConditions = plan.conditions
        plan.countBinds = plan.binds
        guard let match = query.search.flatMap(Self.ftsQuery) else { return plan }
        if query.pinnedOnly {
            // A handful of pins: check each against the search.
            plan.conditions.append(ListPlan.inSearch)
            plan.binds.append(.text(match))
            plan.countConditions = plan.conditions
            plan.countBinds = plan.binds
            return plan
        }
        plan.search = match
        // Counting streams from the FTS index and stops at the cap.
        plan.countFrom = "stories_fts f CROSS JOIN stories s ON s.id = f.rowid"
        plan.countConditions = ["stories_fts MATCH ?"] + plan.conditions
        plan.countBinds = [.text(match)] + plan.binds
        return plan
    }
}
