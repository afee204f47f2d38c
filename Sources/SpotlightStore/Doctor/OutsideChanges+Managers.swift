extension OutsideChanges {
    /// Every manager must have been made one (and not removed since) in the audit log, and
    /// everyone the log says is a manager must still be one. `events`: the `init`,
    /// `add-manager` and `remove-manager` records, oldest first.
    public static func managerDifferences(managers: [String], events: [AuditFact]) -> [String] {
        var isManager: [String: Bool] = [:]
        for event in events {
            switch event.action {
            case "init" where event.detail == AuditDetail.created(firstManager: event.actor): isManager[event.actor] = true
            case "add-manager": if let login = login(in: event.detail, of: AuditDetail.madeManager) { isManager[login] = true }
            case "remove-manager": if let login = login(in: event.detail, of: AuditDetail.removedManager) { isManager[login] = false }
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
    static func login(in detail: String, of template: (String) -> String) -> String? {
        let parts = template("\u{0}").components(separatedBy: "\u{0}")
        guard parts.count == 2, detail.hasPrefix(parts[0]), detail.hasSuffix(parts[1]),
              detail.count > parts[0].count + parts[1].count else { return nil }
        return String(detail.dropFirst(parts[0].count).dropLast(parts[1].count))
    }
}
