import Foundation
import SQLiteNIO
import SpotlightCore

extension BoardStore {
    /// Everything on the board, in id order. Readable from a read-only board.
    public func export() async throws(SpotlightError) -> BoardExport {
        var settingsMap: [String: String] = [:]
        for row in try await rows("SELECT key, CAST(value AS BLOB) AS value FROM settings") {
            settingsMap[row.column("key")?.string ?? ""] = row.column("value")?.lossless ?? ""
        }
        let managers = try await rows("SELECT login, added_by, added_at FROM managers ORDER BY login").map {
            BoardExport.ManagerRecord(login: $0.column("login")?.string ?? "", addedBy: $0.column("added_by")?.string ?? "",
                                      addedAt: $0.column("added_at")?.integer ?? 0)
        }
        let stories = try await rows("SELECT \(StoryRow.columns) FROM stories s ORDER BY s.id").map { row in
            let s = StoryRow.decode(row)
            return BoardExport.StoryRecord(
                id: s.id, title: s.title, body: s.body, hero: s.hero, department: s.department, customer: s.customer.rawValue,
                tags: s.tags, author: s.author, authorName: s.authorName, onBehalfOf: s.onBehalfOf,
                createdAt: s.createdAt.millis, editedAt: s.editedAt?.millis, status: s.status.rawValue,
                pinnedBy: s.pin?.pinnedBy, pinnedAt: s.pin?.pinnedAt.millis, pinUntil: s.pin?.until?.millis, pinNote: s.pin?.note)
        }
        let votes = try await rows("SELECT story_id, voter, at FROM votes ORDER BY story_id, voter").map {
            BoardExport.VoteRecord(storyID: $0.column("story_id")?.integer ?? 0, voter: $0.column("voter")?.string ?? "",
                                   at: $0.column("at")?.integer ?? 0)
        }
        let medallions = try await rows("""
            SELECT id, story_id, giver, CAST(hero AS BLOB) AS hero, given_at, year FROM medallions ORDER BY id
            """).map {
            BoardExport.MedallionRecord(id: $0.column("id")?.integer ?? 0, storyID: $0.column("story_id")?.integer ?? 0,
                                        giver: $0.column("giver")?.string ?? "", hero: $0.column("hero")?.lossless ?? "",
                                        givenAt: $0.column("given_at")?.integer ?? 0, year: $0.column("year")?.integer ?? 0)
        }
        let audit = try await rows("""
            SELECT id, at, actor, action, story_id, CAST(detail AS BLOB) AS detail FROM audit ORDER BY id
            """).map(Self.decodeAudit).map {
            BoardExport.AuditRecord(id: $0.id, at: $0.at.millis, actor: $0.actor, action: $0.action, storyID: $0.storyID, detail: $0.detail)
        }
        return BoardExport(settings: settingsMap, managers: managers, stories: stories, votes: votes,
                           medallions: medallions, audit: audit, certification: try await exportCertification())
    }

    /// Restores an export into this board, which must hold no stories yet. The result is a copy
    /// of the exported board — its managers, ids and audit history — so a later export is identical.
    public func importBoard(_ data: BoardExport) async throws(SpotlightError) {
        try await transaction { () async throws(SpotlightError) in
            try BoardRules.requireManager(account, isManager: try await isManager(account.login), for: .manageManagers)
            guard try await scalarInt("SELECT count(*) FROM stories") == 0 else {
                throw .usage("import needs a board with no stories: create one with `spotlight init --board NEW.sqlite` and import into it")
            }
            try data.validateForImport()
            try await execute("DELETE FROM settings")
            for (key, value) in data.settings.sorted(by: { $0.key < $1.key }) {
                try await execute("INSERT INTO settings(key, value) VALUES (?, ?)", [.text(key), .text(value)])
            }
            try await execute("DELETE FROM managers")
            for m in data.managers {
                try await execute("INSERT INTO managers(login, added_by, added_at) VALUES (?, ?, ?)",
                                  [.text(m.login), .text(m.addedBy), .integer(m.addedAt)])
            }
            let votesByStory = Dictionary(grouping: data.votes, by: \.storyID).mapValues(\.count)
            let medallionsByStory = Dictionary(grouping: data.medallions, by: \.storyID).mapValues(\.count)
            for s in data.stories {
                let votes = votesByStory[s.id] ?? 0, medallions = medallionsByStory[s.id] ?? 0
                let hot = HotScore.score(votes: votes, medallions: medallions, createdAt: Date(millis: s.createdAt))
                let binds: [SQLiteData] = [
                    .integer(s.id), .text(s.title), .text(s.body), .text(s.hero), .text(s.department), .text(s.customer),
                    .text(s.tags.joined(separator: " ")), .text(s.author), .text(s.authorName), s.onBehalfOf.map { .text($0) } ?? .null,
                    .integer(s.createdAt), s.editedAt.map { .integer($0) } ?? .null, .text(s.status), .integer(votes),
                    .integer(medallions), .integer(HotScore.points(votes: votes, medallions: medallions)), .float(hot),
                    s.pinnedBy.map { .text($0) } ?? .null, s.pinnedAt.map { .integer($0) } ?? .null,
                    s.pinUntil.map { .integer($0) } ?? .null, s.pinNote.map { .text($0) } ?? .null,
                ]
                try await execute("""
                    INSERT INTO stories(id, title, body, hero, department, customer, tags, author, author_name, on_behalf_of,
                        created_at, edited_at, status, votes, medallions, points, hot, pinned_by, pinned_at, pin_until, pin_note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, binds)
            }
            for v in data.votes {
                try await execute("INSERT INTO votes(story_id, voter, at) VALUES (?, ?, ?)", [.integer(v.storyID), .text(v.voter), .integer(v.at)])
            }
            for m in data.medallions {
                try await execute("INSERT INTO medallions(id, story_id, giver, hero, given_at, year) VALUES (?, ?, ?, ?, ?, ?)",
                                  [.integer(m.id), .integer(m.storyID), .text(m.giver), .text(m.hero), .integer(m.givenAt), .integer(m.year)])
            }
            try await importCertification(data.certification)
            try await execute("DELETE FROM audit")
            for a in data.audit {
                try await execute("INSERT INTO audit(id, at, actor, action, story_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
                                  [.integer(a.id), .integer(a.at), .text(a.actor), .text(a.action),
                                   a.storyID.map { .integer($0) } ?? .null, .text(a.detail)])
            }
        }
    }
}

extension BoardExport {
    /// Import checks the same limits as posting, so a hand-edited file cannot smuggle in a story
    /// the CLI would have refused.
    public func validateForImport() throws(SpotlightError) {
        if let problem = problems().first { throw .usage("import: \(problem.message)") }
        let ids = Set(stories.map(\.id))
        guard ids.count == stories.count else { throw .usage("import: story ids must be unique") }
        for s in stories {
            guard let customer = CustomerKind(rawValue: s.customer) else { throw .usage("import: story #\(s.id): unknown customer '\(s.customer)'") }
            guard StoryStatus(rawValue: s.status) != nil else { throw .usage("import: story #\(s.id): unknown status '\(s.status)'") }
            let draft = StoryDraft(title: s.title, body: s.body, hero: s.hero, department: s.department, customer: customer,
                                   tags: s.tags, onBehalfOf: s.onBehalfOf)
            if let problem = draft.problems().first { throw .usage("import: story #\(s.id): \(problem.message)") }
        }
        for v in votes where !ids.contains(v.storyID) { throw .usage("import: a vote names story #\(v.storyID), which is not in the file") }
        for m in medallions where !ids.contains(m.storyID) { throw .usage("import: a medallion names story #\(m.storyID), which is not in the file") }
        try validateCertificationForImport()
    }
}
