#if PostgreSQLSupport
import Foundation
import SpotlightCore

/// The one SELECT list for stories and its decoder, so every query returns complete stories
/// (`StoryRow` of the SQLite store).
enum PGStoryRow {
    static let columns = """
        s.id, s.title, s.body, s.hero, s.department, s.customer, s.tags, s.author, s.author_name, s.on_behalf_of,
        s.created_at, s.edited_at, s.status, s.votes, s.medallions, s.pinned_by, s.pinned_at, s.pin_until, s.pin_note
        """

    static func decode(_ row: PGRow) -> Story {
        var pin: Pin?
        if let by = row.text("pinned_by"), let at = row.int("pinned_at") {
            pin = Pin(pinnedBy: by, pinnedAt: Date(millis: at), until: row.int("pin_until").map { Date(millis: $0) },
                      note: row.text("pin_note"))
        }
        let tags = row.string("tags")
        return Story(
            id: row.int("id") ?? 0, title: row.string("title"), body: row.string("body"), hero: row.string("hero"),
            department: row.string("department"), customer: CustomerKind(rawValue: row.string("customer")) ?? .external,
            tags: tags.isEmpty ? [] : tags.split(separator: " ").map(String.init),
            author: row.string("author"), authorName: row.string("author_name"), onBehalfOf: row.text("on_behalf_of"),
            createdAt: Date(millis: row.int("created_at") ?? 0), editedAt: row.int("edited_at").map { Date(millis: $0) },
            status: StoryStatus(rawValue: row.string("status")) ?? .visible,
            votes: row.int("votes") ?? 0, medallions: row.int("medallions") ?? 0, pin: pin)
    }

    static func decodeAudit(_ row: PGRow) -> AuditEvent {
        AuditEvent(id: row.int("id") ?? 0, at: Date(millis: row.int("at") ?? 0), actor: row.string("actor"),
                   action: row.string("action"), storyID: row.int("story_id"), detail: row.string("detail"),
                   host: row.text("host"))
    }
}

/// What every operation needs inside its transaction or read: the connection, who acts, when,
/// and from which host (the audit trail records the broker's host).
struct PGSession: Sendable {
    let tx: PGTx
    let account: Account
    let clock: Clock
    let host: String

    func rows(_ sql: String, _ binds: [PGValue] = []) async throws(SpotlightError) -> [PGRow] { try await tx.rows(sql, binds) }
    func execute(_ sql: String, _ binds: [PGValue] = []) async throws(SpotlightError) { try await tx.execute(sql, binds) }
    func scalarInt(_ sql: String, _ binds: [PGValue] = []) async throws(SpotlightError) -> Int { try await tx.scalarInt(sql, binds) }

    func settings() async throws(SpotlightError) -> BoardSettings { try await tx.settings() }

    func managers() async throws(SpotlightError) -> [String] {
        try await rows("SELECT login FROM managers ORDER BY login").map { $0.string("login") }
    }

    func isManager(_ login: String) async throws(SpotlightError) -> Bool {
        try await scalarInt("SELECT count(*) FROM managers WHERE login = ?", [.text(login)]) > 0
    }

    func rawStory(_ id: StoryID, locking: Bool = false) async throws(SpotlightError) -> Story {
        let found = try await rows("SELECT \(PGStoryRow.columns) FROM stories s WHERE s.id = ?" + (locking ? " FOR NO KEY UPDATE" : ""),
                                   [.int(id)])
        guard let row = found.first else { throw .storyNotFound(id) }
        return PGStoryRow.decode(row)
    }

    /// The story for a write, its row locked (lock order step 3); removed stories do not exist,
    /// hidden ones only for managers and the author.
    func visibleForWrite(_ id: StoryID) async throws(SpotlightError) -> Story {
        let story = try await rawStory(id, locking: true)
        try BoardRules.requireVisible(story, to: account, isManager: try await isManager(account.login))
        return story
    }

    /// Every change leaves its audit record in the same transaction, with the broker's host.
    func audit(_ action: String, story: StoryID?, detail: String, actor: String? = nil) async throws(SpotlightError) {
        try await execute("INSERT INTO audit(at, actor, action, story_id, detail, host) VALUES (?, ?, ?, ?, ?, ?)",
                          [.int(clock.now.millis), .text(actor ?? account.login), .text(action), .int(story), .text(detail), .text(host)])
    }

    func recount(_ story: Story) async throws(SpotlightError) { try await tx.recount(story) }
}

extension PGTx {
    /// Counts and hot score recomputed from the rows after the story's lock: under READ
    /// COMMITTED each statement sees every committed vote, so counters equal rows.
    func recount(_ story: Story) async throws(SpotlightError) {
        let counts = try await rows("""
            SELECT (SELECT count(*) FROM votes WHERE story_id = ?) AS votes,
                   (SELECT count(*) FROM medallions WHERE story_id = ?) AS medallions
            """, [.int(story.id), .int(story.id)])
        let votes = counts.first?.int("votes") ?? 0, medallions = counts.first?.int("medallions") ?? 0
        try await execute("UPDATE stories SET votes = ?, medallions = ?, points = ?, hot = ? WHERE id = ?",
                          [.int(votes), .int(medallions), .int(HotScore.points(votes: votes, medallions: medallions)),
                           .double(HotScore.score(votes: votes, medallions: medallions, createdAt: story.createdAt)), .int(story.id)])
    }

    func settings() async throws(SpotlightError) -> BoardSettings {
        var settings = BoardSettings()
        for row in try await rows("SELECT key, value FROM settings") {
            try? settings.set(row.string("key"), to: row.string("value"))
        }
        return settings
    }
}

enum PGWrites {
    static func writeSettings(_ tx: PGTx, _ settings: BoardSettings) async throws(SpotlightError) {
        for key in BoardSettings.keys {
            try await tx.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 [.text(key), .text(settings.value(forKey: key) ?? "")])
        }
    }

    static func draftBinds(_ draft: StoryDraft) -> [PGValue] {
        [.text(draft.title), .text(draft.body), .text(draft.hero), .text(draft.department),
         .text(draft.customer.rawValue), .text(draft.tags.joined(separator: " "))]
    }

    static func lexemes(_ draft: StoryDraft) -> PGValue {
        .textArray(PGSearchTerms.lexemes(title: draft.title, body: draft.body, hero: draft.hero, tags: draft.tags))
    }
}
#endif
