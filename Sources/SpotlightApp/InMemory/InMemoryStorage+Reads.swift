import Foundation
import SpotlightCore
import SpotlightStore

/// Reads, with the store's semantics (`BoardStore+Reads`, `+Board`, `+Wall`).
extension InMemoryStorage {
    func settings() throws(SpotlightError) -> BoardSettings {
        try requireAvailable()
        var settings = BoardSettings()
        // A value this version cannot parse keeps its default (rows in key order, as the table's).
        for (key, value) in rows.settings.sorted(by: { $0.key < $1.key }) { try? settings.set(key, to: value) }
        return settings
    }

    func managers() throws(SpotlightError) -> [String] {
        try requireAvailable()
        return rows.managers.map(\.login).sorted(by: Self.binaryOrder)
    }

    func isManager(_ login: String) throws(SpotlightError) -> Bool {
        try requireAvailable()
        return rows.managers.contains { $0.login == login }
    }

    func rawStory(_ id: StoryID) throws(SpotlightError) -> Story {
        try requireAvailable()
        guard let story = rows.stories[id] else { throw .storyNotFound(id) }
        return story
    }

    func story(_ id: StoryID, as caller: Caller) throws(SpotlightError) -> Story {
        let story = try rawStory(id)
        try BoardRules.requireVisible(story, to: caller.account, isManager: try isManager(caller.account.login))
        return story
    }

    var allStories: [Story] { rows.stories.keys.sorted().compactMap { rows.stories[$0] } }

    func stories(_ query: StoryQuery, at now: Date) throws(SpotlightError) -> [Story] {
        try requireAvailable()
        return StoryFilter(query: query, now: now, departmentIgnoresCase: true).page(allStories)
    }

    func departments() throws(SpotlightError) -> [(name: String, stories: Int)] {
        try requireAvailable()
        let counts = Dictionary(grouping: allStories.filter { $0.status == .visible }, by: \.department).mapValues(\.count)
        return counts.keys.sorted(by: Self.binaryOrder).map { ($0, counts[$0] ?? 0) }
    }

    func hasVoted(_ id: StoryID, as caller: Caller) throws(SpotlightError) -> Bool {
        try requireAvailable()
        return rows.votes.contains { $0.storyID == id && $0.voter == caller.account.login }
    }

    func medallionsUsed(by login: String, year: Int) -> Int {
        rows.medallions.count { $0.giver == login && $0.year == year }
    }

    func medallionsLeft(as caller: Caller) throws(SpotlightError) -> Int {
        let perYear = try settings().medallionsPerYear
        return max(0, perYear - medallionsUsed(by: caller.account.login, year: BoardRules.medallionYear(of: caller.now)))
    }

    func auditEvents(limit: Int) throws(SpotlightError) -> [AuditEvent] {
        try requireAvailable()
        return Array(rows.audit.sorted { $0.id > $1.id }.prefix(max(0, limit)))
    }

    func storyCount() throws(SpotlightError) -> Int {
        try requireAvailable()
        return rows.stories.values.count { $0.status == .visible }
    }

    // MARK: Paging

    func page(_ query: StoryQuery, counting: Bool, as caller: Caller) throws(SpotlightError) -> StoryPage {
        try requireAvailable()
        let filter = StoryFilter(query: query, now: caller.now, departmentIgnoresCase: false)
        let stories = filter.page(allStories)
        var total = (count: 0, capped: false)
        if counting { total = count(filter, cap: query.search == nil ? nil : BoardStore.countCap) }
        var page = StoryPage(offset: max(0, query.offset), stories: stories, total: total.count, totalIsCapped: total.capped)
        page.voted = try votedStories(among: stories.map(\.id), as: caller)
        return page
    }

    func storyCount(_ query: StoryQuery, cap: Int?, at now: Date) throws(SpotlightError) -> (count: Int, capped: Bool) {
        try requireAvailable()
        return count(StoryFilter(query: query, now: now, departmentIgnoresCase: false), cap: cap)
    }

    private func count(_ filter: StoryFilter, cap: Int?) -> (count: Int, capped: Bool) {
        let n = rows.stories.values.count(where: filter.matches)
        guard let cap else { return (n, false) }
        return (min(n, cap), n > cap)
    }

    func votedStories(among ids: [StoryID], as caller: Caller) throws(SpotlightError) -> Set<StoryID> {
        try requireAvailable()
        let wanted = Set(ids)
        return Set(rows.votes.filter { $0.voter == caller.account.login && wanted.contains($0.storyID) }.map(\.storyID))
    }

    /// A fixed list's page: the stories as they are, whatever their status (as the store reads them).
    func page(of ids: [StoryID], offset: Int, limit: Int, as caller: Caller) throws(SpotlightError) -> StoryPage {
        try requireAvailable()
        let start = min(max(0, offset), ids.count)
        let slice = ids[start..<min(ids.count, start + max(0, limit))]
        var page = StoryPage(offset: start, stories: slice.compactMap { rows.stories[$0] }, total: ids.count)
        page.voted = try votedStories(among: page.stories.map(\.id), as: caller)
        return page
    }

    // MARK: The wall

    func wallSnapshot(highlightSince: Date?, at now: Date) throws(SpotlightError) -> WallSnapshot {
        let settings = try settings()
        let pinned = try stories(StoryQuery(order: .new, limit: 1000, pinnedOnly: true), at: now)
        let hottest = try stories(StoryQuery(order: .hot, limit: BoardStore.wallWorkingSet), at: now)
        let newest = try stories(StoryQuery(order: .new, limit: 20), at: now)
        // Each department's best visible story, in id order (the store reads them by id).
        let departments = Set(rows.stories.values.map(\.department))
        let best = departments.compactMap { department in
            StoryFilter.sorted(rows.stories.values.filter { $0.department == department && $0.status == .visible }, by: .hot).first
        }.sorted { $0.id < $1.id }
        var highlight: Story?
        if let since = highlightSince {
            var counts: [StoryID: Int] = [:]
            for vote in rows.votes where vote.at >= since.millis { counts[vote.storyID, default: 0] += 1 }
            let candidates: [(story: Story, votes: Int)] = counts.compactMap { id, n in
                guard let story = rows.stories[id], story.status == .visible else { return nil }
                return (story, n)
            }
            // Most votes today; the newer story on a tie.
            highlight = candidates.max { a, b in a.votes != b.votes ? a.votes < b.votes : a.story.id < b.story.id }?.story
        }
        let week = try recentCertifications(since: now.addingTimeInterval(-Celebration.window), limit: BoardStore.wallCelebrations)
        let celebrations = week.map { certification in
            let program = rows.certification.programs.first { certification.isOf($0.name) }
            return Celebration(certification: certification, levelTitle: program?.level(certification.level)?.title ?? "")
        }
        return WallSnapshot(settings: settings, stories: WallSnapshot.workingSet([pinned, hottest, newest, best]), headlines: newest.prefix(10).map(\.title),
                            totalStories: try storyCount(), highlight: highlight, celebrations: celebrations)
    }

    /// SQLite's default (binary) collation: by UTF-8 bytes.
    static func binaryOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
