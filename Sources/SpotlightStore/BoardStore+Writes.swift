import Foundation
import SQLiteNIO
import SpotlightCore

/// Every change to the board: one `BEGIN IMMEDIATE` transaction each, rules checked by the core
/// against facts read inside the lock, and an audit record written alongside.
extension BoardStore {
    public func post(_ draft: StoryDraft) async throws(SpotlightError) -> Story {
        try draft.validate()
        let now = clock.now
        let id = try await transaction { () async throws(SpotlightError) -> StoryID in
            let hot = HotScore.score(votes: 0, medallions: 0, createdAt: now)
            let inserted = try await rows("""
                INSERT INTO stories(title, body, hero, department, customer, tags, author, author_name, on_behalf_of,
                                    created_at, status, votes, medallions, points, hot)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'visible', 0, 0, 1, ?) RETURNING id
                """, draftBinds(draft) + [.text(account.login), .text(account.displayName),
                                          draft.onBehalfOf.map { .text($0) } ?? .null, .integer(now.millis), .float(hot)])
            guard let id = inserted.first?.column("id")?.integer else {
                throw Self.missingValue("INSERT INTO stories … RETURNING id", found: nil, what: "the new story's id")
            }
            try await audit("post", story: id, detail: "posted story #\(id)")
            return id
        }
        return try await rawStory(id)
    }

    /// With `base` (the story as the editor read it), the edit is saved only if nobody changed
    /// the story since: two terminals editing one story never overwrite each other's unseen
    /// changes. Checked inside the write lock.
    public func edit(_ id: StoryID, to draft: StoryDraft, unchangedSince base: Story? = nil) async throws(SpotlightError) -> Story {
        try draft.validate()
        try await transaction { () async throws(SpotlightError) in
            let story = try await visibleForWrite(id)
            try BoardRules.checkEdit(by: account, isManager: try await isManager(account.login), story: story)
            if let base, StoryDraft(story) != StoryDraft(base) || story.editedAt != base.editedAt {
                throw .runtime("story #\(id) was changed by someone else while you were editing it; your text is kept: copy what you need, press Esc, and edit the new version")
            }
            try await execute("""
                UPDATE stories SET title = ?, body = ?, hero = ?, department = ?, customer = ?, tags = ?,
                                   on_behalf_of = ?, edited_at = ? WHERE id = ?
                """, draftBinds(draft) + [draft.onBehalfOf.map { .text($0) } ?? .null, .integer(clock.now.millis), .integer(id)])
            try await audit("edit", story: id, detail: "edited story #\(id)")
        }
        return try await rawStory(id)
    }

    /// Adds the current account's vote. Returns false when the vote was already there.
    @discardableResult
    public func upvote(_ id: StoryID) async throws(SpotlightError) -> Bool {
        try await transaction { () async throws(SpotlightError) -> Bool in
            let story = try await visibleForWrite(id)
            try BoardRules.checkVote(by: account, on: story, mode: try await settings().votingMode)
            let added = try await rows("INSERT INTO votes(story_id, voter, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING voter",
                                       [.integer(id), .text(account.login), .integer(clock.now.millis)])
            guard !added.isEmpty else { return false }
            try await recount(story)
            try await audit("upvote", story: id, detail: "upvoted story #\(id)")
            return true
        }
    }

    /// Removes the current account's vote. Returns false when there was none.
    @discardableResult
    public func unvote(_ id: StoryID) async throws(SpotlightError) -> Bool {
        try await transaction { () async throws(SpotlightError) -> Bool in
            let story = try await visibleForWrite(id)
            let removed = try await rows("DELETE FROM votes WHERE story_id = ? AND voter = ? RETURNING voter",
                                         [.integer(id), .text(account.login)])
            guard !removed.isEmpty else { return false }
            try await recount(story)
            try await audit("unvote", story: id, detail: "withdrew vote on story #\(id)")
            return true
        }
    }

    /// Gives one of the account's yearly medallions to the story's hero; returns how many are left.
    public func giveMedallion(_ id: StoryID) async throws(SpotlightError) -> Int {
        try await transaction { () async throws(SpotlightError) -> Int in
            let story = try await visibleForWrite(id)
            let now = clock.now
            let year = BoardRules.medallionYear(of: now)
            let perYear = try await settings().medallionsPerYear
            let used = try await scalarInt("SELECT count(*) FROM medallions WHERE giver = ? AND year = ?",
                                           [.text(account.login), .integer(year)])
            let already = try await scalarInt("SELECT count(*) FROM medallions WHERE giver = ? AND story_id = ?",
                                              [.text(account.login), .integer(id)]) > 0
            try BoardRules.checkMedallion(by: account, on: story, givenThisYear: used, perYear: perYear, alreadyGivenToStory: already,
                                          year: year)
            try await execute("INSERT INTO medallions(story_id, giver, hero, given_at, year) VALUES (?, ?, ?, ?, ?)",
                              [.integer(id), .text(account.login), .text(story.hero), .integer(now.millis), .integer(year)])
            try await recount(story)
            try await audit("medal", story: id, detail: "gave a medallion for story #\(id)")
            return perYear - used - 1
        }
    }

    /// Takes back a medallion given within the last 24 hours.
    public func revokeMedallion(_ id: StoryID) async throws(SpotlightError) {
        try await transaction { () async throws(SpotlightError) in
            let story = try await rawStory(id)
            let found = try await rows("""
                SELECT id, story_id, giver, CAST(hero AS BLOB) AS hero, given_at, year FROM medallions
                WHERE giver = ? AND story_id = ?
                """, [.text(account.login), .integer(id)])
            guard let row = found.first else { throw .notFound("you have not given a medallion for story #\(id)") }
            let medallion = Medallion(id: row.column("id")?.integer ?? 0, storyID: id, giver: account.login,
                                      hero: row.column("hero")?.lossless ?? "",
                                      givenAt: .init(millis: row.column("given_at")?.integer ?? 0), year: row.column("year")?.integer ?? 0)
            try BoardRules.checkRevokeMedallion(by: account, medallion, now: clock.now)
            try await execute("DELETE FROM medallions WHERE id = ?", [.integer(medallion.id)])
            try await recount(story)
            try await audit("unmedal", story: id, detail: "took back a medallion for story #\(id)")
        }
    }

    /// Returns when the pin ends: `until`, or the board's `max-pin-days` from now when none was given.
    @discardableResult
    public func pin(_ id: StoryID, until: Date?, note: String?) async throws(SpotlightError) -> Date {
        if let note, note.count > 120 { throw .usage("pin note must be at most 120 characters, got \(note.count)") }
        return try await transaction { () async throws(SpotlightError) -> Date in
            let story = try await visibleForWrite(id)
            let now = clock.now
            let live = try await scalarInt("SELECT count(*) FROM stories WHERE status = 'visible' AND pinned_at IS NOT NULL AND (pin_until IS NULL OR pin_until > ?)",
                                           [.integer(now.millis)])
            let settings = try await settings()
            try BoardRules.checkPin(by: account, isManager: try await isManager(account.login), story: story,
                                    livePins: live, maxLivePins: settings.maxLivePins, until: until, now: now,
                                    maxDays: settings.maxPinDays)
            // A pin given no end lasts the board's longest pin, never for good.
            let until = until ?? BoardRules.latestPinEnd(now: now, maxDays: settings.maxPinDays)
            try await execute("UPDATE stories SET pinned_by = ?, pinned_at = ?, pin_until = ?, pin_note = ? WHERE id = ?",
                              [.text(account.login), .integer(now.millis), .integer(until.millis),
                               note.map { .text($0) } ?? .null, .integer(id)])
            try await audit("pin", story: id, detail: "pinned story #\(id) until \(ISO8601DateFormatter().string(from: until))")
            return until
        }
    }

    public func unpin(_ id: StoryID) async throws(SpotlightError) {
        try await transaction { () async throws(SpotlightError) in
            let story = try await visibleForWrite(id)
            try BoardRules.requireManager(account, isManager: try await isManager(account.login), for: .unpin)
            guard story.pin != nil else { throw .usage("story #\(id) is not pinned") }
            try await execute("UPDATE stories SET pinned_by = NULL, pinned_at = NULL, pin_until = NULL, pin_note = NULL WHERE id = ?",
                              [.integer(id)])
            try await audit("unpin", story: id, detail: "unpinned story #\(id)")
        }
    }

    /// Hide, unhide or remove (manager only). Removing is final for readers but keeps the row
    /// for the audit trail and for lossless export.
    public func setStatus(_ id: StoryID, to status: StoryStatus) async throws(SpotlightError) {
        let action: BoardRules.ManagerAction = switch status {
        case .hidden: .hide
        case .visible: .unhide
        case .removed: .remove
        }
        try await transaction { () async throws(SpotlightError) in
            let story = try await visibleForWrite(id)
            try BoardRules.requireManager(account, isManager: try await isManager(account.login), for: action)
            guard story.status != status else { throw .usage("story #\(id) is already \(status.rawValue)") }
            try await execute("UPDATE stories SET status = ? WHERE id = ?", [.text(status.rawValue), .integer(id)])
            try await audit(action.rawValue, story: id, detail: "\(action.rawValue) story #\(id)")
        }
    }

    public func addManager(_ login: String) async throws(SpotlightError) {
        try await changeManagers(login, adding: true)
    }

    public func removeManager(_ login: String) async throws(SpotlightError) {
        try await changeManagers(login, adding: false)
    }

    private func changeManagers(_ login: String, adding: Bool) async throws(SpotlightError) {
        try await transaction { () async throws(SpotlightError) in
            let current = try await managers()
            try BoardRules.checkManagerChange(by: account, isManager: current.contains(account.login), target: login,
                                              adding: adding, currentManagers: current)
            if adding {
                try await execute("INSERT INTO managers(login, added_by, added_at) VALUES (?, ?, ?)",
                                  [.text(login), .text(account.login), .integer(clock.now.millis)])
            } else {
                try await execute("DELETE FROM managers WHERE login = ?", [.text(login)])
            }
            try await audit(adding ? "add-manager" : "remove-manager", story: nil,
                            detail: adding ? AuditDetail.madeManager(login) : AuditDetail.removedManager(login))
        }
    }

    public func setSetting(_ key: String, to value: String) async throws(SpotlightError) {
        try await transaction { () async throws(SpotlightError) in
            try BoardRules.requireManager(account, isManager: try await isManager(account.login), for: .changeSettings)
            var settings = try await settings()
            try settings.set(key, to: value)
            try await writeSettings(settings)
            try await audit("setting", story: nil, detail: "set \(key) to \(value)")
        }
    }

    // MARK: - Helpers inside a transaction

    /// The story for a write; removed stories do not exist, hidden ones only for managers/authors.
    private func visibleForWrite(_ id: StoryID) async throws(SpotlightError) -> Story {
        let story = try await rawStory(id)
        try BoardRules.requireVisible(story, to: account, isManager: try await isManager(account.login))
        return story
    }

    /// Recomputes the denormalised counts and the hot score from the vote and medallion rows,
    /// so they can never drift from the truth.
    private func recount(_ story: Story) async throws(SpotlightError) {
        let votes = try await scalarInt("SELECT count(*) FROM votes WHERE story_id = ?", [.integer(story.id)])
        let medallions = try await scalarInt("SELECT count(*) FROM medallions WHERE story_id = ?", [.integer(story.id)])
        let points = HotScore.points(votes: votes, medallions: medallions)
        let hot = HotScore.score(votes: votes, medallions: medallions, createdAt: story.createdAt)
        try await execute("UPDATE stories SET votes = ?, medallions = ?, points = ?, hot = ? WHERE id = ?",
                          [.integer(votes), .integer(medallions), .integer(points), .float(hot), .integer(story.id)])
    }

    private func draftBinds(_ draft: StoryDraft) -> [SQLiteData] {
        [.text(draft.title), .text(draft.body), .text(draft.hero), .text(draft.department),
         .text(draft.customer.rawValue), .text(draft.tags.joined(separator: " "))]
    }
}
