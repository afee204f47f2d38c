import Foundation
import SQLiteNIO
import SpotlightCore

/// What `doctor` reports as "changed outside spotlight": anyone who can write the file can edit
/// it with `sqlite3`, but spotlight writes every change together with its audit record and
/// recounts every counter from its rows, so such edits leave traces. Detection only — in the
/// shared-file mode nothing can prevent them (README, "For admins").
extension BoardStore {
    /// Each difference from what spotlight would have written, one line each; empty when none.
    public func outsideChanges() async throws(SpotlightError) -> [String] {
        var found = try await schemaDifferences()
        found += try await counterDifferences()
        found += try await managerDifferences()
        found += try await storyDifferences()
        found += try await certificationDifferences()
        return found
    }

    /// Vote and medallion counts (and the points made from them) that their rows do not add up to.
    private func counterDifferences() async throws(SpotlightError) -> [String] {
        let found = try await rows("""
            SELECT id, votes, medallions, points, vote_rows, medallion_rows FROM (
                SELECT s.id, s.votes, s.medallions, s.points,
                       (SELECT count(*) FROM votes v WHERE v.story_id = s.id) AS vote_rows,
                       (SELECT count(*) FROM medallions m WHERE m.story_id = s.id) AS medallion_rows
                FROM stories s)
            WHERE votes != vote_rows OR medallions != medallion_rows
               OR points != 1 + vote_rows + \(HotScore.medallionWeight) * medallion_rows
            ORDER BY id
            """)
        return found.map { row in
            let id = row.column("id")?.integer ?? 0
            let votes = row.column("votes")?.integer ?? 0, voteRows = row.column("vote_rows")?.integer ?? 0
            let medallions = row.column("medallions")?.integer ?? 0, medallionRows = row.column("medallion_rows")?.integer ?? 0
            if votes != voteRows { return "story #\(id) shows \(Plural.count(votes, "vote")) but \(voteRows) were cast" }
            if medallions != medallionRows {
                return "story #\(id) shows \(Plural.count(medallions, "medallion")) but \(medallionRows) were given"
            }
            return "story #\(id) shows \(row.column("points")?.integer ?? 0) points, which its votes and medallions do not make"
        }
    }

    /// Every manager must have been made one (and not removed since) in the audit log, and
    /// everyone the log says is a manager must still be one.
    private func managerDifferences() async throws(SpotlightError) -> [String] {
        let managers = try await managers()
        var isManager: [String: Bool] = [:]
        let events = try await rows("""
            SELECT actor, action, CAST(detail AS BLOB) AS detail FROM audit
            WHERE action IN ('init', 'add-manager', 'remove-manager') ORDER BY id
            """)
        for event in events {
            let actor = event.column("actor")?.string ?? "", detail = event.column("detail")?.lossless ?? ""
            switch event.column("action")?.string {
            case "init" where detail == AuditDetail.created(firstManager: actor): isManager[actor] = true
            case "add-manager": if let login = Self.login(in: detail, of: AuditDetail.madeManager) { isManager[login] = true }
            case "remove-manager": if let login = Self.login(in: detail, of: AuditDetail.removedManager) { isManager[login] = false }
            default: break
            }
        }
        var found: [String] = []
        for login in managers {
            switch isManager[login] {
            case nil: found.append("\(login) is a manager with no record of being made one")
            case false?: found.append("\(login) is a manager, but the audit log says they were removed")
            case true?: break
            }
        }
        for (login, manager) in isManager.sorted(by: { $0.key < $1.key }) where manager && !managers.contains(login) {
            found.append("\(login) is no longer a manager, with no record of their removal")
        }
        return found
    }

    /// The login a detail written by `template` names, or nil when it is not such a detail.
    private static func login(in detail: String, of template: (String) -> String) -> String? {
        let parts = template("\u{0}").components(separatedBy: "\u{0}")
        guard parts.count == 2, detail.hasPrefix(parts[0]), detail.hasSuffix(parts[1]),
              detail.count > parts[0].count + parts[1].count else { return nil }
        return String(detail.dropFirst(parts[0].count).dropLast(parts[1].count))
    }

    /// Each story's author, pin and status must match the last audit record of each: forged
    /// authorship, a pin or a hide set with `sqlite3`, or one undone that way, all show here.
    private func storyDifferences() async throws(SpotlightError) -> [String] {
        var poster: [Int: String] = [:], lastPin: [Int: (action: String, actor: String)] = [:], lastStatus: [Int: String] = [:]
        for event in try await rows("""
            SELECT story_id, action, actor FROM audit
            WHERE story_id IS NOT NULL AND action IN ('post', 'pin', 'unpin', 'hide', 'unhide', 'remove') ORDER BY id
            """) {
            guard let id = event.column("story_id")?.integer, let action = event.column("action")?.string else { continue }
            let actor = event.column("actor")?.string ?? ""
            switch action {
            case "post": if poster[id] == nil { poster[id] = actor }
            case "pin", "unpin": lastPin[id] = (action, actor)
            default: lastStatus[id] = action
            }
        }
        var found: [String] = []
        for story in try await rows("SELECT id, author, status, pinned_by FROM stories ORDER BY id") {
            let id = story.column("id")?.integer ?? 0, author = story.column("author")?.string ?? ""
            switch poster[id] {
            case nil: found.append("story #\(id) (credited to \(author)) has no record of being posted")
            case let actor? where actor != author: found.append("story #\(id) is credited to \(author) but was posted by \(actor)")
            default: break
            }
            let pinnedBy = story.column("pinned_by").flatMap { $0.isNull ? nil : $0.string }
            if let pinnedBy, !(lastPin[id]?.action == "pin" && lastPin[id]?.actor == pinnedBy) {
                found.append("story #\(id) is pinned by \(pinnedBy) with no record of the pin")
            } else if pinnedBy == nil, lastPin[id]?.action == "pin" {
                found.append("story #\(id) was unpinned with no record of it")
            }
            let status = story.column("status")?.string ?? ""
            let expected = switch lastStatus[id] {
            case "hide": "hidden"
            case "remove": "removed"
            default: "visible"
            }
            if status != expected {
                found.append("story #\(id) is \(status), but the audit log says \(expected)")
            }
        }
        return found
    }
}
