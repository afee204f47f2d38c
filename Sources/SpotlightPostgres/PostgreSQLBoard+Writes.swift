#if PostgreSQLSupport
import Foundation
import SpotlightCore
import SpotlightStore

/// Every change to the board, mirroring `BoardStore+Writes`: locks first (`PGLocks` order),
/// then the facts, the rule (`BoardRules`), the write, the recount and the audit record.
extension PostgreSQLBoard {
    public func post(_ draft: StoryDraft) async throws(SpotlightError) -> Story {
        try draft.validate()
        return try await write { (s: PGSession) async throws(SpotlightError) -> Story in
            let now = s.clock.now
            let hot = HotScore.score(votes: 0, medallions: 0, createdAt: now)
            let inserted = try await s.rows("""
                INSERT INTO stories(title, body, hero, department, customer, tags, author, author_name, on_behalf_of,
                                    created_at, status, votes, medallions, points, hot, search)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'visible', 0, 0, 1, ?, array_to_tsvector(?::text[])) RETURNING id
                """, PGWrites.draftBinds(draft) + [.text(s.account.login), .text(s.account.displayName), .text(draft.onBehalfOf),
                                                   .int(now.millis), .double(hot), PGWrites.lexemes(draft)])
            guard let id = inserted.first?.int("id") else { throw .runtime("PostgreSQL gave no id for the new story") }
            try await s.audit("post", story: id, detail: "posted story #\(id)")
            return try await s.rawStory(id)
        }
    }

    public func edit(_ id: StoryID, to draft: StoryDraft, unchangedSince base: Story?) async throws(SpotlightError) -> Story {
        try draft.validate()
        return try await write { (s: PGSession) async throws(SpotlightError) -> Story in
            let story = try await s.visibleForWrite(id)
            try BoardRules.checkEdit(by: s.account, isManager: try await s.isManager(s.account.login), story: story)
            if let base, StoryDraft(story) != StoryDraft(base) || story.editedAt != base.editedAt {
                throw .runtime("story #\(id) was changed by someone else while you were editing it; your text is kept: copy what you need, press Esc, and edit the new version")
            }
            try await s.execute("""
                UPDATE stories SET title = ?, body = ?, hero = ?, department = ?, customer = ?, tags = ?,
                                   on_behalf_of = ?, edited_at = ?, search = array_to_tsvector(?::text[]) WHERE id = ?
                """, PGWrites.draftBinds(draft) + [.text(draft.onBehalfOf), .int(s.clock.now.millis), PGWrites.lexemes(draft), .int(id)])
            try await s.audit("edit", story: id, detail: "edited story #\(id)")
            return try await s.rawStory(id)
        }
    }

    /// Written with the other handles' votes of the moment in one transaction (`GroupCommit`,
    /// `PostgresStore+Votes`): same locks, rules and audit record as every write.
    @discardableResult
    public func upvote(_ id: StoryID) async throws(SpotlightError) -> Bool {
        try requireOpen()
        let store = store
        return try await store.votes.submit(PGVoteRequest(account: account, story: id, at: clock.now.millis, handle: handleID)) {
            await store.upvotes($0)
        }
    }

    @discardableResult
    public func unvote(_ id: StoryID) async throws(SpotlightError) -> Bool {
        try await write { (s: PGSession) async throws(SpotlightError) -> Bool in
            let story = try await s.visibleForWrite(id)
            let removed = try await s.rows("DELETE FROM votes WHERE story_id = ? AND voter = ? RETURNING voter",
                                           [.int(id), .text(s.account.login)])
            guard !removed.isEmpty else { return false }
            try await s.recount(story)
            try await s.audit("unvote", story: id, detail: "withdrew vote on story #\(id)")
            return true
        }
    }

    public func giveMedallion(_ id: StoryID) async throws(SpotlightError) -> Int {
        try await write { (s: PGSession) async throws(SpotlightError) -> Int in
            // The giver's yearly quota: the account's lock before the story's (lock order 2 → 3).
            try await PGLocks.account(s.tx, s.account.login)
            let story = try await s.visibleForWrite(id)
            let now = s.clock.now
            let year = BoardRules.medallionYear(of: now)
            let perYear = try await s.settings().medallionsPerYear
            let used = try await s.scalarInt("SELECT count(*) FROM medallions WHERE giver = ? AND year = ?",
                                             [.text(s.account.login), .int(year)])
            let already = try await s.scalarInt("SELECT count(*) FROM medallions WHERE giver = ? AND story_id = ?",
                                                [.text(s.account.login), .int(id)]) > 0
            try BoardRules.checkMedallion(by: s.account, on: story, givenThisYear: used, perYear: perYear,
                                          alreadyGivenToStory: already, year: year)
            try await s.execute("INSERT INTO medallions(story_id, giver, hero, given_at, year) VALUES (?, ?, ?, ?, ?)",
                                [.int(id), .text(s.account.login), .text(story.hero), .int(now.millis), .int(year)])
            try await s.recount(story)
            try await s.audit("medal", story: id, detail: "gave a medallion for story #\(id)")
            return perYear - used - 1
        }
    }

    public func revokeMedallion(_ id: StoryID) async throws(SpotlightError) {
        try await write { (s: PGSession) async throws(SpotlightError) in
            try await PGLocks.account(s.tx, s.account.login)
            let story = try await s.rawStory(id, locking: true)
            let found = try await s.rows("SELECT id, hero, given_at, year FROM medallions WHERE giver = ? AND story_id = ?",
                                         [.text(s.account.login), .int(id)])
            guard let row = found.first else { throw .notFound("you have not given a medallion for story #\(id)") }
            let medallion = Medallion(id: row.int("id") ?? 0, storyID: id, giver: s.account.login, hero: row.string("hero"),
                                      givenAt: Date(millis: row.int("given_at") ?? 0), year: row.int("year") ?? 0)
            try BoardRules.checkRevokeMedallion(by: s.account, medallion, now: s.clock.now)
            try await s.execute("DELETE FROM medallions WHERE id = ?", [.int(medallion.id)])
            try await s.recount(story)
            try await s.audit("unmedal", story: id, detail: "took back a medallion for story #\(id)")
        }
    }

    @discardableResult
    public func pin(_ id: StoryID, until: Date?, note: String?) async throws(SpotlightError) -> Date {
        if let note, note.count > 120 { throw .usage("pin note must be at most 120 characters, got \(note.count)") }
        return try await write { (s: PGSession) async throws(SpotlightError) -> Date in
            // The live-pin limit is board-wide: the board row first (lock order 1 → 3).
            try await PGLocks.board(s.tx)
            let story = try await s.visibleForWrite(id)
            let now = s.clock.now
            let live = try await s.scalarInt("""
                SELECT count(*) FROM stories WHERE status = 'visible' AND pinned_at IS NOT NULL AND (pin_until IS NULL OR pin_until > ?)
                """, [.int(now.millis)])
            let settings = try await s.settings()
            try BoardRules.checkPin(by: s.account, isManager: try await s.isManager(s.account.login), story: story,
                                    livePins: live, maxLivePins: settings.maxLivePins, until: until, now: now,
                                    maxDays: settings.maxPinDays)
            let until = until ?? BoardRules.latestPinEnd(now: now, maxDays: settings.maxPinDays)
            try await s.execute("UPDATE stories SET pinned_by = ?, pinned_at = ?, pin_until = ?, pin_note = ? WHERE id = ?",
                                [.text(s.account.login), .int(now.millis), .int(until.millis), .text(note), .int(id)])
            try await s.audit("pin", story: id, detail: "pinned story #\(id) until \(ISO8601DateFormatter().string(from: until))")
            return until
        }
    }

    public func unpin(_ id: StoryID) async throws(SpotlightError) {
        try await write { (s: PGSession) async throws(SpotlightError) in
            let story = try await s.visibleForWrite(id)
            try BoardRules.requireManager(s.account, isManager: try await s.isManager(s.account.login), for: .unpin)
            guard story.pin != nil else { throw .usage("story #\(id) is not pinned") }
            try await s.execute("UPDATE stories SET pinned_by = NULL, pinned_at = NULL, pin_until = NULL, pin_note = NULL WHERE id = ?",
                                [.int(id)])
            try await s.audit("unpin", story: id, detail: "unpinned story #\(id)")
        }
    }

    public func setStatus(_ id: StoryID, to status: StoryStatus) async throws(SpotlightError) {
        let action: BoardRules.ManagerAction = switch status {
        case .hidden: .hide
        case .visible: .unhide
        case .removed: .remove
        }
        try await write { (s: PGSession) async throws(SpotlightError) in
            // Unhiding a pinned story adds a live pin: board-wide, so the board row first.
            try await PGLocks.board(s.tx)
            let story = try await s.visibleForWrite(id)
            try BoardRules.requireManager(s.account, isManager: try await s.isManager(s.account.login), for: action)
            guard story.status != status else { throw .usage("story #\(id) is already \(status.rawValue)") }
            try await s.execute("UPDATE stories SET status = ? WHERE id = ?", [.text(status.rawValue), .int(id)])
            try await s.audit(action.rawValue, story: id, detail: "\(action.rawValue) story #\(id)")
        }
    }

    public func addManager(_ login: String) async throws(SpotlightError) { try await changeManagers(login, adding: true) }
    public func removeManager(_ login: String) async throws(SpotlightError) { try await changeManagers(login, adding: false) }

    private func changeManagers(_ login: String, adding: Bool) async throws(SpotlightError) {
        try await write { (s: PGSession) async throws(SpotlightError) in
            // The last-manager rule is board-wide: two brokers removing the last two managers
            // at once must not both succeed.
            try await PGLocks.board(s.tx)
            let current = try await s.managers()
            try BoardRules.checkManagerChange(by: s.account, isManager: current.contains(s.account.login), target: login,
                                              adding: adding, currentManagers: current)
            if adding {
                try await s.execute("INSERT INTO managers(login, added_by, added_at) VALUES (?, ?, ?)",
                                    [.text(login), .text(s.account.login), .int(s.clock.now.millis)])
            } else {
                try await s.execute("DELETE FROM managers WHERE login = ?", [.text(login)])
            }
            try await s.audit(adding ? "add-manager" : "remove-manager", story: nil,
                              detail: adding ? AuditDetail.madeManager(login) : AuditDetail.removedManager(login))
        }
    }

    public func setSetting(_ key: String, to value: String) async throws(SpotlightError) {
        try await write { (s: PGSession) async throws(SpotlightError) in
            try await PGLocks.board(s.tx)
            try BoardRules.requireManager(s.account, isManager: try await s.isManager(s.account.login), for: .changeSettings)
            var settings = try await s.settings()
            try settings.set(key, to: value)
            try await PGWrites.writeSettings(s.tx, settings)
            try await s.audit("setting", story: nil, detail: "set \(key) to \(value)")
        }
    }

    public func seed(_ samples: [SampleStory]) async throws(SpotlightError) -> Int {
        let location = location
        return try await write { (s: PGSession) async throws(SpotlightError) -> Int in
            try await PGLocks.board(s.tx)
            try BoardRules.requireManager(s.account, isManager: try await s.isManager(s.account.login), for: .pin)
            guard try await s.scalarInt("SELECT count(*) FROM stories") == 0 else {
                throw .usage("the board \(location) already has stories; `spotlight demo` fills only an empty board")
            }
            let now = s.clock.now
            for sample in samples.sorted(by: { $0.hoursAgo > $1.hoursAgo }) {
                try sample.draft.validate()
                let created = now.addingTimeInterval(-sample.hoursAgo * 3600)
                let votes = sample.voters.count, medallions = sample.medallionsFrom.count
                let d = sample.draft
                let inserted = try await s.rows("""
                    INSERT INTO stories(title, body, hero, department, customer, tags, author, author_name, on_behalf_of,
                                        created_at, status, votes, medallions, points, hot, pinned_by, pinned_at, pin_note, search)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'visible', ?, ?, ?, ?, ?, ?, ?, array_to_tsvector(?::text[])) RETURNING id
                    """, PGWrites.draftBinds(d) + [
                        .text(sample.author.login), .text(sample.author.displayName), .text(d.onBehalfOf), .int(created.millis),
                        .int(votes), .int(medallions), .int(HotScore.points(votes: votes, medallions: medallions)),
                        .double(HotScore.score(votes: votes, medallions: medallions, createdAt: created)),
                        sample.pinned ? .text(s.account.login) : .null, sample.pinned ? .int(now.millis) : .null,
                        sample.pinned ? .text("Story of the month") : .null, PGWrites.lexemes(d),
                    ])
                guard let id = inserted.first?.int("id") else { throw .runtime("PostgreSQL gave no id for a demo story") }
                try await s.audit("post", story: id, detail: "posted story #\(id)", actor: sample.author.login)
                if sample.pinned { try await s.audit("pin", story: id, detail: "pinned story #\(id)") }
                for (i, voter) in sample.voters.enumerated() {
                    let at = created.addingTimeInterval(Double(i + 1) * 600)
                    try await s.execute("INSERT INTO votes(story_id, voter, at) VALUES (?, ?, ?)",
                                        [.int(id), .text(voter), .int(min(at, now).millis)])
                }
                for giver in sample.medallionsFrom {
                    try await s.execute("INSERT INTO medallions(story_id, giver, hero, given_at, year) VALUES (?, ?, ?, ?, ?)",
                                        [.int(id), .text(giver), .text(d.hero), .int(now.millis), .int(BoardRules.medallionYear(of: now))])
                }
            }
            try await s.audit("demo", story: nil, detail: "added \(Plural.count(samples.count, "demo story", "demo stories"))")
            return samples.count
        }
    }
}
#endif
