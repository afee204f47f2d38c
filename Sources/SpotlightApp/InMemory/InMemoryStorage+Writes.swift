import Foundation
import SpotlightCore
import SpotlightStore

/// Every change, as `BoardStore+Writes` makes it: the same `BoardRules` checked against facts
/// read in the same step, counts recomputed from the vote and medallion rows, an audit record
/// with each change, and `.changed` for the other handles once it is done.
extension InMemoryStorage {
    func post(_ draft: StoryDraft, as caller: Caller) throws(SpotlightError) -> Story {
        try draft.validate()
        try requireWritable()
        let id = (rows.stories.keys.max() ?? 0) + 1
        rows.stories[id] = Story(
            id: id, title: draft.title, body: draft.body, hero: draft.hero, department: draft.department,
            customer: draft.customer, tags: Self.storedTags(draft.tags), author: caller.account.login,
            authorName: caller.account.displayName, onBehalfOf: draft.onBehalfOf, createdAt: Self.stored(caller.now),
            editedAt: nil, status: .visible, votes: 0, medallions: 0, pin: nil)
        audit("post", story: id, detail: "posted story #\(id)", by: caller)
        committed(by: caller.handle)
        return try rawStory(id)
    }

    func edit(_ id: StoryID, to draft: StoryDraft, unchangedSince base: Story?, as caller: Caller) throws(SpotlightError) -> Story {
        try draft.validate()
        try requireWritable()
        var story = try visibleForWrite(id, as: caller)
        try BoardRules.checkEdit(by: caller.account, isManager: try isManager(caller.account.login), story: story)
        if let base, StoryDraft(story) != StoryDraft(base) || story.editedAt != base.editedAt {
            throw .runtime("story #\(id) was changed by someone else while you were editing it; your text is kept: copy what you need, press Esc, and edit the new version")
        }
        story.title = draft.title
        story.body = draft.body
        story.hero = draft.hero
        story.department = draft.department
        story.customer = draft.customer
        story.tags = Self.storedTags(draft.tags)
        story.onBehalfOf = draft.onBehalfOf
        story.editedAt = Self.stored(caller.now)
        rows.stories[id] = story
        audit("edit", story: id, detail: "edited story #\(id)", by: caller)
        committed(by: caller.handle)
        return story
    }

    func upvote(_ id: StoryID, as caller: Caller) throws(SpotlightError) -> Bool {
        try requireWritable()
        let story = try visibleForWrite(id, as: caller)
        try BoardRules.checkVote(by: caller.account, on: story, mode: try settings().votingMode)
        guard !rows.votes.contains(where: { $0.storyID == id && $0.voter == caller.account.login }) else { return false }
        rows.votes.append(.init(storyID: id, voter: caller.account.login, at: caller.now.millis))
        recount(id)
        audit("upvote", story: id, detail: "upvoted story #\(id)", by: caller)
        committed(by: caller.handle)
        return true
    }

    func unvote(_ id: StoryID, as caller: Caller) throws(SpotlightError) -> Bool {
        try requireWritable()
        _ = try visibleForWrite(id, as: caller)
        let before = rows.votes.count
        rows.votes.removeAll { $0.storyID == id && $0.voter == caller.account.login }
        guard rows.votes.count < before else { return false }
        recount(id)
        audit("unvote", story: id, detail: "withdrew vote on story #\(id)", by: caller)
        committed(by: caller.handle)
        return true
    }

    func giveMedallion(_ id: StoryID, as caller: Caller) throws(SpotlightError) -> Int {
        try requireWritable()
        let story = try visibleForWrite(id, as: caller)
        let login = caller.account.login
        let year = BoardRules.medallionYear(of: caller.now)
        let perYear = try settings().medallionsPerYear
        let used = medallionsUsed(by: login, year: year)
        let already = rows.medallions.contains { $0.giver == login && $0.storyID == id }
        try BoardRules.checkMedallion(by: caller.account, on: story, givenThisYear: used, perYear: perYear,
                                      alreadyGivenToStory: already, year: year)
        let medallionID = (rows.medallions.map(\.id).max() ?? 0) + 1
        rows.medallions.append(Medallion(id: medallionID, storyID: id, giver: login, hero: story.hero,
                                         givenAt: Self.stored(caller.now), year: year))
        recount(id)
        audit("medal", story: id, detail: "gave a medallion for story #\(id)", by: caller)
        committed(by: caller.handle)
        return perYear - used - 1
    }

    func revokeMedallion(_ id: StoryID, as caller: Caller) throws(SpotlightError) {
        try requireWritable()
        _ = try rawStory(id)
        guard let medallion = rows.medallions.first(where: { $0.giver == caller.account.login && $0.storyID == id }) else {
            throw .notFound("you have not given a medallion for story #\(id)")
        }
        try BoardRules.checkRevokeMedallion(by: caller.account, medallion, now: caller.now)
        rows.medallions.removeAll { $0.id == medallion.id }
        recount(id)
        audit("unmedal", story: id, detail: "took back a medallion for story #\(id)", by: caller)
        committed(by: caller.handle)
    }

    func pin(_ id: StoryID, until: Date?, note: String?, as caller: Caller) throws(SpotlightError) -> Date {
        if let note, note.count > 120 { throw .usage("pin note must be at most 120 characters, got \(note.count)") }
        try requireWritable()
        let story = try visibleForWrite(id, as: caller)
        let now = caller.now
        let live = rows.stories.values.count { $0.status == .visible && ($0.pin.map { $0.until.map { $0 > now } ?? true } ?? false) }
        let settings = try settings()
        try BoardRules.checkPin(by: caller.account, isManager: try isManager(caller.account.login), story: story,
                                livePins: live, maxLivePins: settings.maxLivePins, until: until, now: now,
                                maxDays: settings.maxPinDays)
        let end = Self.stored(until ?? BoardRules.latestPinEnd(now: now, maxDays: settings.maxPinDays))
        rows.stories[id]?.pin = Pin(pinnedBy: caller.account.login, pinnedAt: Self.stored(now), until: end, note: note)
        audit("pin", story: id, detail: "pinned story #\(id) until \(ISO8601DateFormatter().string(from: end))", by: caller)
        committed(by: caller.handle)
        return end
    }

    func unpin(_ id: StoryID, as caller: Caller) throws(SpotlightError) {
        try requireWritable()
        let story = try visibleForWrite(id, as: caller)
        try BoardRules.requireManager(caller.account, isManager: try isManager(caller.account.login), for: .unpin)
        guard story.pin != nil else { throw .usage("story #\(id) is not pinned") }
        rows.stories[id]?.pin = nil
        audit("unpin", story: id, detail: "unpinned story #\(id)", by: caller)
        committed(by: caller.handle)
    }

    func setStatus(_ id: StoryID, to status: StoryStatus, as caller: Caller) throws(SpotlightError) {
        let action: BoardRules.ManagerAction = switch status {
        case .hidden: .hide
        case .visible: .unhide
        case .removed: .remove
        }
        try requireWritable()
        let story = try visibleForWrite(id, as: caller)
        try BoardRules.requireManager(caller.account, isManager: try isManager(caller.account.login), for: action)
        guard story.status != status else { throw .usage("story #\(id) is already \(status.rawValue)") }
        rows.stories[id]?.status = status
        audit(action.rawValue, story: id, detail: "\(action.rawValue) story #\(id)", by: caller)
        committed(by: caller.handle)
    }

    func changeManagers(_ login: String, adding: Bool, as caller: Caller) throws(SpotlightError) {
        try requireWritable()
        let current = try managers()
        try BoardRules.checkManagerChange(by: caller.account, isManager: current.contains(caller.account.login), target: login,
                                          adding: adding, currentManagers: current)
        if adding {
            rows.managers.append(.init(login: login, addedBy: caller.account.login, addedAt: caller.now.millis))
        } else {
            rows.managers.removeAll { $0.login == login }
        }
        audit(adding ? "add-manager" : "remove-manager", story: nil,
              detail: adding ? AuditDetail.madeManager(login) : AuditDetail.removedManager(login), by: caller)
        committed(by: caller.handle)
    }

    func setSetting(_ key: String, to value: String, as caller: Caller) throws(SpotlightError) {
        try requireWritable()
        try BoardRules.requireManager(caller.account, isManager: try isManager(caller.account.login), for: .changeSettings)
        var settings = try settings()
        try settings.set(key, to: value)
        rows.settings = Self.settingsRows(settings)
        audit("setting", story: nil, detail: "set \(key) to \(value)", by: caller)
        committed(by: caller.handle)
    }

    /// `BoardStore.seed`: sample stories, their votes, medallions and pin, all audited.
    func seed(_ samples: [SampleStory], as caller: Caller, location: String) throws(SpotlightError) -> Int {
        try requireWritable()
        try BoardRules.requireManager(caller.account, isManager: try isManager(caller.account.login), for: .pin)
        guard rows.stories.isEmpty else {
            throw .usage("the board \(location) already has stories; run `spotlight demo --board NEW.sqlite` to make a separate demo board")
        }
        let now = Self.stored(caller.now)
        let before = rows
        for sample in samples.sorted(by: { $0.hoursAgo > $1.hoursAgo }) {
            do throws(SpotlightError) {
                try sample.draft.validate()
            } catch {
                rows = before   // nothing of a failed seed is kept, as a rolled-back transaction
                throw error
            }
            let created = Self.stored(now.addingTimeInterval(-sample.hoursAgo * 3600))
            let id = (rows.stories.keys.max() ?? 0) + 1
            let d = sample.draft
            rows.stories[id] = Story(
                id: id, title: d.title, body: d.body, hero: d.hero, department: d.department, customer: d.customer,
                tags: Self.storedTags(d.tags), author: sample.author.login, authorName: sample.author.displayName,
                onBehalfOf: d.onBehalfOf, createdAt: created, editedAt: nil, status: .visible,
                votes: sample.voters.count, medallions: sample.medallionsFrom.count,
                pin: sample.pinned ? Pin(pinnedBy: caller.account.login, pinnedAt: now, until: nil, note: "Story of the month") : nil)
            audit("post", story: id, detail: "posted story #\(id)", by: caller, as: sample.author.login)
            if sample.pinned { audit("pin", story: id, detail: "pinned story #\(id)", by: caller) }
            for (i, voter) in sample.voters.enumerated() {
                let at = created.addingTimeInterval(Double(i + 1) * 600)
                rows.votes.append(.init(storyID: id, voter: voter, at: min(at, now).millis))
            }
            for giver in sample.medallionsFrom {
                let medallionID = (rows.medallions.map(\.id).max() ?? 0) + 1
                rows.medallions.append(Medallion(id: medallionID, storyID: id, giver: giver, hero: d.hero, givenAt: now,
                                                 year: BoardRules.medallionYear(of: now)))
            }
        }
        audit("demo", story: nil, detail: "added \(Plural.count(samples.count, "demo story", "demo stories"))", by: caller)
        committed(by: caller.handle)
        return samples.count
    }

    // MARK: Helpers

    func requireWritable() throws(SpotlightError) {
        try requireAvailable()
    }

    /// The story for a write; removed stories do not exist, hidden ones only for managers/authors.
    private func visibleForWrite(_ id: StoryID, as caller: Caller) throws(SpotlightError) -> Story {
        try story(id, as: caller)
    }

    /// Counts from the rows, as the store's `recount`.
    func recount(_ id: StoryID) {
        // Counted first: reading `rows` while assigning into it would be an overlapping access.
        let votes = rows.votes.count { $0.storyID == id }
        let medallions = rows.medallions.count { $0.storyID == id }
        rows.stories[id]?.votes = votes
        rows.stories[id]?.medallions = medallions
    }

    /// Tags as the file keeps them: one space-separated column.
    static func storedTags(_ tags: [String]) -> [String] {
        let joined = tags.joined(separator: " ")
        return joined.isEmpty ? [] : joined.split(separator: " ").map(String.init)
    }
}
