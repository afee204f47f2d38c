import Foundation
import SpotlightCore
import SpotlightStore

/// "What's new since your last visit", as `BoardStore+Visits` reads it: in story and audit ids.
extension InMemoryStorage {
    func identity() throws(SpotlightError) -> String {
        try requireAvailable()
        if let first = rows.audit.min(by: { $0.id < $1.id }) { return "\(first.at.millis)-\(first.actor)" }
        if let first = rows.stories.keys.min().flatMap({ rows.stories[$0] }) { return "story-\(first.createdAt.millis)-\(first.author)" }
        return "empty"
    }

    func newestIDs() throws(SpotlightError) -> (story: StoryID, audit: Int) {
        try requireAvailable()
        return (rows.stories.keys.max() ?? 0, rows.audit.map(\.id).max() ?? 0)
    }

    func visibleStories(above id: StoryID, limit: Int) throws(SpotlightError) -> [Story] {
        try requireAvailable()
        return Array(allStories.filter { $0.id > id && $0.status == .visible }.prefix(max(0, limit)))
    }

    func recognition(of author: String, afterAudit auditID: Int, as caller: Caller) throws(SpotlightError) -> [News.Recognition] {
        try requireAvailable()
        var tally: [StoryID: (votes: Int, medallions: Int)] = [:]
        for event in rows.audit where event.id > auditID {
            guard let id = event.storyID, let story = rows.stories[id], story.author == author, story.status == .visible,
                  event.actor != story.author else { continue }
            var counts = tally[id] ?? (0, 0)
            switch event.action {
            case "upvote": counts.votes += 1
            case "unvote": counts.votes -= 1
            case "medal": counts.medallions += 1
            case "unmedal": counts.medallions -= 1
            default: continue
            }
            tally[id] = counts
        }
        var result: [News.Recognition] = []
        for id in tally.keys.sorted() {
            let votes = max(0, tally[id]?.votes ?? 0), medallions = max(0, tally[id]?.medallions ?? 0)
            guard votes + medallions > 0 else { continue }
            result.append(News.Recognition(story: try story(id, as: caller), votes: votes, medallions: medallions))
        }
        return result
    }

    /// Departments of visible stories whose hero is one of `names` (compared by `NameKey`).
    func departments(recognising names: [String]) throws(SpotlightError) -> Set<String> {
        try requireAvailable()
        let keys = Set(names.map(BoardRules.normalizedName).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) })
        return Set(rows.stories.values.filter { $0.status == .visible && keys.contains(BoardRules.normalizedName($0.hero)) }
            .map(\.department))
    }

    /// Visible stories above the mark, not the account's own, that the marks have not seen.
    private func fresh(since marks: VisitMarks, for account: Account) -> [Story] {
        allStories.filter { $0.id > marks.seenThrough && $0.status == .visible && $0.author != account.login && !marks.hasSeen($0.id) }
    }

    func newStoryCount(since marks: VisitMarks, for account: Account) throws(SpotlightError) -> Int {
        try requireAvailable()
        return fresh(since: marks, for: account).count
    }

    func news(since marks: VisitMarks, for account: Account, limit: Int, as caller: Caller) throws(SpotlightError) -> News {
        try requireAvailable()
        let candidates = allStories.filter { $0.id > marks.seenThrough && $0.status == .visible && $0.author != account.login }
        let fresh = candidates.prefix(max(0, limit)).filter { !marks.hasSeen($0.id) }
        let homes = fresh.isEmpty ? [] : try departments(recognising: [account.login, account.displayName])
        return News(stories: News.ordered(Array(fresh), for: account, departments: homes),
                    recognitions: try recognition(of: account.login, afterAudit: marks.auditThrough, as: caller),
                    since: marks.visitedAt)
    }

    func marksForEverythingNow(at now: Date) throws(SpotlightError) -> VisitMarks {
        let newest = try newestIDs()
        return VisitMarks(board: try identity(), seenThrough: newest.story, auditThrough: newest.audit, visitedAt: now)
    }

    func closing(_ marks: VisitMarks, at now: Date, as caller: Caller) throws(SpotlightError) -> VisitMarks {
        let above = try visibleStories(above: marks.seenThrough, limit: 10_000)
        return marks.closed(by: caller.account.login, visibleAbove: above, newestAudit: try newestIDs().audit, at: now)
    }
}

/// Reports' inputs (`BoardStore+Reports`): visible stories only, bodies cut to an excerpt.
extension InMemoryStorage {
    private func visible(_ id: StoryID) -> Story? {
        rows.stories[id].flatMap { $0.status == .visible ? $0 : nil }
    }

    private static func excerpt(_ story: Story, _ bodyLength: Int) -> Story {
        var story = story
        story.body = String(String.UnicodeScalarView(story.body.unicodeScalars.prefix(max(0, bodyLength))))
        return story
    }

    func reportStories(from start: Date, to end: Date, bodyLength: Int) throws(SpotlightError) -> [Story] {
        try requireAvailable()
        return allStories.filter { $0.status == .visible && $0.createdAt >= start && $0.createdAt < end }
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id }
            .map { Self.excerpt($0, bodyLength) }
    }

    func reportPinnedStories(from start: Date, to end: Date) throws(SpotlightError) -> [Story] {
        try requireAvailable()
        return allStories.filter { story in
            guard story.status == .visible, let pin = story.pin else { return false }
            return pin.pinnedAt < end && (pin.until.map { $0 > start } ?? true)
        }
        .sorted { a, b in a.pin!.pinnedAt != b.pin!.pinnedAt ? a.pin!.pinnedAt > b.pin!.pinnedAt : a.id > b.id }
        .map { Self.excerpt($0, BoardStore.reportBodyLength) }
    }

    func reportMedallions(from start: Date, to end: Date) throws(SpotlightError) -> [GivenMedallion] {
        try requireAvailable()
        return rows.medallions.filter { $0.givenAt >= start && $0.givenAt < end }
            .sorted { $0.givenAt != $1.givenAt ? $0.givenAt < $1.givenAt : $0.id < $1.id }
            .compactMap { medallion in
                visible(medallion.storyID).map { GivenMedallion(medallion: medallion, story: StoryReference(Self.excerpt($0, 0))) }
            }
    }

    func reportFirstPosts(from start: Date, to end: Date) throws(SpotlightError) -> [String: Date] {
        try requireAvailable()
        let visibleStories = rows.stories.values.filter { $0.status == .visible }
        let authors = Set(visibleStories.filter { $0.createdAt >= start && $0.createdAt < end }.map(\.author))
        var firsts: [String: Date] = [:]
        for story in visibleStories where authors.contains(story.author) {
            firsts[story.author] = min(firsts[story.author] ?? story.createdAt, story.createdAt)
        }
        return firsts
    }

    func reportVoteTimes(from start: Date, to end: Date) throws(SpotlightError) -> [Date] {
        try requireAvailable()
        return rows.votes.filter { visible($0.storyID) != nil && $0.at >= start.millis && $0.at < end.millis }
            .map { Date(timeIntervalSince1970: Double($0.at) / 1000) }
    }

    func reportMedallionTimes(from start: Date, to end: Date) throws(SpotlightError) -> [Date] {
        try requireAvailable()
        return rows.medallions.filter { visible($0.storyID) != nil && $0.givenAt >= start && $0.givenAt < end }.map(\.givenAt)
    }
}

/// Export and import (`BoardStore+Export`), and what `doctor` asks.
extension InMemoryStorage {
    func export() throws(SpotlightError) -> BoardExport {
        try requireAvailable()
        return BoardExport(
            settings: rows.settings,
            managers: rows.managers.sorted { Self.binaryOrder($0.login, $1.login) },
            stories: allStories.map(BoardExport.StoryRecord.init),
            votes: rows.votes.sorted { $0.storyID != $1.storyID ? $0.storyID < $1.storyID : Self.binaryOrder($0.voter, $1.voter) },
            medallions: rows.medallions.sorted { $0.id < $1.id }.map(BoardExport.MedallionRecord.init),
            audit: rows.audit.sorted { $0.id < $1.id }.map(BoardExport.AuditRecord.init),
            certification: rows.certification.exported())
    }

    func importBoard(_ data: BoardExport, as caller: Caller) throws(SpotlightError) {
        try requireWritable()
        try BoardRules.requireManager(caller.account, isManager: try isManager(caller.account.login), for: .manageManagers)
        guard rows.stories.isEmpty else {
            throw .usage("import needs a board with no stories: create one with `spotlight init --board NEW.sqlite` and import into it")
        }
        try data.validateForImport()
        var imported = Rows()
        imported.settings = data.settings
        imported.managers = data.managers
        imported.votes = data.votes
        imported.medallions = data.medallions.map {
            Medallion(id: $0.id, storyID: $0.storyID, giver: $0.giver, hero: $0.hero, givenAt: Self.date($0.givenAt), year: $0.year)
        }
        imported.audit = data.audit.map {
            AuditEvent(id: $0.id, at: Self.date($0.at), actor: $0.actor, action: $0.action, storyID: $0.storyID, detail: $0.detail)
        }
        for s in data.stories {
            imported.stories[s.id] = Story(
                id: s.id, title: s.title, body: s.body, hero: s.hero, department: s.department,
                customer: CustomerKind(rawValue: s.customer) ?? .external, tags: Self.storedTags(s.tags), author: s.author,
                authorName: s.authorName, onBehalfOf: s.onBehalfOf, createdAt: Self.date(s.createdAt),
                editedAt: s.editedAt.map(Self.date), status: StoryStatus(rawValue: s.status) ?? .visible, votes: 0, medallions: 0,
                pin: s.pinnedBy.flatMap { by in
                    s.pinnedAt.map { Pin(pinnedBy: by, pinnedAt: Self.date($0), until: s.pinUntil.map(Self.date), note: s.pinNote) }
                })
        }
        imported.certification = CertificationRows(imported: data.certification)
        rows = imported
        for id in rows.stories.keys { recount(id) }
        committed(by: caller.handle)
    }

    static func date(_ millis: Int) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }
}
