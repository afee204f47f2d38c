import SpotlightCore

/// Story and manager actions. Permission questions are answered by `BoardRules`, the same
/// rules the store applies inside its transaction: a key the viewer may not use gets the rule's
/// one-line explanation, never silence, and an allowed one becomes an effect for the store
/// (which checks again, so a stale screen cannot slip past a rule).
extension BoardState {
    /// The reason writes are impossible, said on the status line; true when blocked.
    mutating func writeIsBlocked() -> Bool {
        guard let why = viewer.writeBlocked else { return false }
        say(why, isError: true)
        return true
    }

    /// A rule check's failure, or nil when the rule allows it.
    static func problem(_ rule: () throws(SpotlightError) -> Void) -> String? {
        do {
            try rule()
            return nil
        } catch {
            return error.message
        }
    }

    /// True when `problem` is nil; otherwise it becomes the status line.
    mutating func allowed(_ problem: String?) -> Bool {
        guard let problem else { return true }
        say(problem, isError: true)
        return false
    }

    mutating func storyOrComplain() -> Story? {
        guard let story = target else {
            say(total == 0 ? "there is no story here yet" : "no story selected", isError: true)
            return nil
        }
        return story
    }

    var account: Account { viewer.account }

    // MARK: - Everyone

    mutating func toggleVote() -> [BoardEffect] {
        guard !writeIsBlocked(), let story = storyOrComplain() else { return [] }
        if hasVoted(story.id) { return [.unvote(story.id)] }
        guard allowed(Self.problem { () throws(SpotlightError) in try BoardRules.checkVote(by: account, on: story, mode: .open) }) else { return [] }
        return [.upvote(story.id)]
    }

    /// First the rules that need no counting (not your own story, not a hidden one); the loop
    /// then reads how many medallions are left and calls `offerMedal`.
    mutating func medal() -> [BoardEffect] {
        guard !writeIsBlocked(), let story = storyOrComplain() else { return [] }
        guard allowed(Self.problem { () throws(SpotlightError) in
            try BoardRules.checkMedallion(by: account, on: story, givenThisYear: 0, perYear: 1, alreadyGivenToStory: false)
        }) else { return [] }
        return [.prepareMedal(story.id)]
    }

    /// Asks "give your medallion?" showing how many are left, or says none are left.
    public mutating func offerMedal(_ id: StoryID, left: Int, perYear: Int) {
        guard left > 0 else {
            _ = allowed(Self.problem { () throws(SpotlightError) in
                try BoardRules.checkMedallion(by: account, on: Story(id: id, title: "", hero: "", author: "", authorName: "", createdAt: .distantPast),
                                              givenThisYear: perYear, perYear: perYear, alreadyGivenToStory: false)
            })
            return
        }
        let story = [detail, selectedStory].compactMap { $0 }.first { $0.id == id }
        let hero = story.map { Sanitizer.singleLine($0.hero) } ?? "the hero"
        let after = left - 1
        overlay = .confirm(BoardConfirmation(action: .medal(id), question:
            "Give your medallion to \(hero) for story #\(id)? You have \(left) left this year; "
            + (after == 0 ? "this is your last." : "\(after) after this.")))
    }

    mutating func newStory() -> [BoardEffect] {
        guard !writeIsBlocked() else { return [] }
        return [.openCompose(editing: nil)]
    }

    mutating func edit() -> [BoardEffect] {
        guard !writeIsBlocked(), let story = storyOrComplain() else { return [] }
        guard allowed(Self.problem { () throws(SpotlightError) in
            try BoardRules.checkEdit(by: account, isManager: viewer.isManager, story: story)
        }) else { return [] }
        return [.openCompose(editing: story)]
    }

    // MARK: - Managers only

    mutating func pin() -> [BoardEffect] {
        guard !writeIsBlocked(), let story = storyOrComplain() else { return [] }
        let action: BoardRules.ManagerAction = story.pin == nil ? .pin : .unpin
        guard allowed(Self.problem { () throws(SpotlightError) in try BoardRules.requireManager(account, isManager: viewer.isManager, for: action) })
        else { return [] }
        if story.pin != nil {
            overlay = .confirm(BoardConfirmation(action: .unpin(story.id), question: "Unpin story #\(story.id)?"))
        } else {
            overlay = .form(BoardForm(
                purpose: .pin(story.id), title: "Pin story #\(story.id)",
                fields: [LineField(label: "Until", limit: 40), LineField(label: "Note", limit: 120)],
                notes: ["friday, tomorrow, 2026-12-01, 3d, 12h — empty: no end", "shown on the wall with the pin — optional"],
                focus: 0))
        }
        return []
    }

    mutating func hide() -> [BoardEffect] {
        guard !writeIsBlocked(), let story = storyOrComplain() else { return [] }
        let hidden = story.status == .hidden
        guard allowed(Self.problem { () throws(SpotlightError) in
            try BoardRules.requireManager(account, isManager: viewer.isManager, for: hidden ? .unhide : .hide)
        }) else { return [] }
        return [hidden ? .unhide(story.id) : .hide(story.id)]
    }

    mutating func remove() -> [BoardEffect] {
        guard !writeIsBlocked(), let story = storyOrComplain() else { return [] }
        guard allowed(Self.problem { () throws(SpotlightError) in try BoardRules.requireManager(account, isManager: viewer.isManager, for: .remove) })
        else { return [] }
        let title = DisplayWidth.truncate(Sanitizer.singleLine(story.title), toWidth: 40)
        overlay = .confirm(BoardConfirmation(action: .remove(story.id), question:
            "Remove story #\(story.id) “\(title)” for good? It leaves every list and the wall."))
        return []
    }

    mutating func addManager() -> [BoardEffect] {
        guard !writeIsBlocked() else { return [] }
        guard allowed(Self.problem { () throws(SpotlightError) in
            try BoardRules.requireManager(account, isManager: viewer.isManager, for: .manageManagers)
        }) else { return [] }
        overlay = .form(BoardForm(purpose: .addManager, title: "Add a manager",
                                  fields: [LineField(label: "Login", limit: 32)],
                                  notes: ["their login name on this host, e.g. mlopez"], focus: 0))
        return []
    }

    mutating func confirmRemoveManager() -> [BoardEffect] {
        guard !writeIsBlocked() else { return [] }
        guard allowed(Self.problem { () throws(SpotlightError) in
            try BoardRules.requireManager(account, isManager: viewer.isManager, for: .manageManagers)
        }) else { return [] }
        guard managers.indices.contains(managerSelection) else { return [] }
        let login = managers[managerSelection]
        overlay = .confirm(BoardConfirmation(action: .removeManager(login), question: "Remove \(login) as a manager of this board?"))
        return []
    }
}
