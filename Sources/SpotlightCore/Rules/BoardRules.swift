import Foundation

/// The permission and recognition rules of DESIGN §3. The store gathers the facts inside its
/// write transaction and asks here, so the CLI and every screen obey one set of rules.
public enum BoardRules {
    /// Manager-only actions, named as the user typed them (for messages and the audit log).
    public enum ManagerAction: String, Sendable {
        case pin, unpin, hide, unhide, remove, manageManagers = "manage managers", changeSettings = "change settings"
    }

    public static func requireManager(_ actor: Account, isManager: Bool, for action: ManagerAction) throws(SpotlightError) {
        guard isManager else {
            throw .permission("only a manager may \(action.rawValue); \(actor.login) is not a manager of this board (see `spotlight managers list`)")
        }
    }

    /// Stories that are removed do not exist for anyone; hidden ones only for managers and the author.
    public static func requireVisible(_ story: Story, to actor: Account, isManager: Bool) throws(SpotlightError) {
        switch story.status {
        case .removed: throw .storyNotFound(story.id)
        case .hidden where !isManager && story.author != actor.login:
            throw .storyNotFound(story.id)
        default: return
        }
    }

    /// A list with hidden stories (`includeHidden`) is for managers, and for anyone listing only
    /// their own stories (`author` is the actor: hidden ones are theirs to see, as with one story).
    /// `isManager` is asked only when the answer depends on it.
    public static func requireMayList(_ actor: Account, includingHidden: Bool, author: String?,
                                      isManager: () async throws(SpotlightError) -> Bool) async throws(SpotlightError) {
        guard includingHidden, author != actor.login, !(try await isManager()) else { return }
        throw .permission("only a manager may list hidden stories (anyone may list their own); \(actor.login) is not a manager of this board")
    }

    public static func checkVote(by actor: Account, on story: Story, mode: BoardSettings.VotingMode) throws(SpotlightError) {
        guard mode == .open else { throw .permission("voting is switched off on this board") }
        guard story.status == .visible else {
            throw .permission("story #\(story.id) is \(story.status.rawValue); it cannot be voted on")
        }
        guard story.author != actor.login else {
            throw .permission("you cannot vote for your own story #\(story.id)")
        }
    }

    /// True when `hero` names the account (login or display name), compared by `NameKey`, so
    /// case, spacing and invisible characters cannot disguise the giver's own name.
    public static func names(_ hero: String, account: Account) -> Bool {
        let h = normalizedName(hero)
        return h == normalizedName(account.login) || h == normalizedName(account.displayName)
    }

    /// The comparison key of a person's name (`NameKey.key`).
    public static func normalizedName(_ name: String) -> String { NameKey.key(name) }

    /// `year` names the allowance in the message when the caller knows it.
    public static func checkMedallion(
        by actor: Account, on story: Story, givenThisYear: Int, perYear: Int, alreadyGivenToStory: Bool, year: Int? = nil
    ) throws(SpotlightError) {
        guard story.status == .visible else {
            throw .permission("story #\(story.id) is \(story.status.rawValue); it cannot receive a medallion")
        }
        guard story.author != actor.login, !names(story.hero, account: actor) else {
            throw .permission("you cannot give a medallion for your own story or to yourself")
        }
        guard !alreadyGivenToStory else {
            throw .permission("you have already given a medallion for story #\(story.id)")
        }
        guard givenThisYear < perYear else {
            let when = year.map { "for \($0)" } ?? "this year"
            throw .permission(perYear == 1
                ? "you have given your medallion \(when); you get a new one on 1 January"
                : "you have given all \(perYear) of your medallions \(when); they renew on 1 January")
        }
    }

    /// A medallion may be taken back by its giver within 24 hours.
    public static let medallionRevokeWindow: TimeInterval = 24 * 3600

    public static func checkRevokeMedallion(by actor: Account, _ medallion: Medallion, now: Date) throws(SpotlightError) {
        guard medallion.giver == actor.login else {
            throw .permission("only the giver may take back a medallion")
        }
        guard now.timeIntervalSince(medallion.givenAt) <= medallionRevokeWindow else {
            throw .permission("a medallion can only be taken back within 24 hours of giving it")
        }
    }

    /// `maxDays` is the board's `max-pin-days`: a pin may not be set to end later than that.
    public static func checkPin(
        by actor: Account, isManager: Bool, story: Story, livePins: Int, maxLivePins: Int, until: Date?, now: Date,
        maxDays: Int = BoardSettings().maxPinDays
    ) throws(SpotlightError) {
        try requireManager(actor, isManager: isManager, for: .pin)
        guard story.status == .visible else {
            throw .permission("story #\(story.id) is \(story.status.rawValue); unhide it before pinning")
        }
        if let until, until <= now {
            throw .usage("the pin expiry must be in the future")
        }
        if let until, until > latestPinEnd(now: now, maxDays: maxDays) {
            throw .usage("a pin lasts at most \(Plural.count(maxDays, "day")) on this board (setting max-pin-days); choose an earlier end")
        }
        let alreadyPinned = story.isPinned(at: now)
        guard alreadyPinned || livePins < maxLivePins else {
            throw .permission("the board already has \(livePins) live pins (the limit is \(maxLivePins)); unpin one first")
        }
    }

    /// When a pin made `now` must end at the latest; a pin given no end lasts this long.
    public static func latestPinEnd(now: Date, maxDays: Int) -> Date {
        now.addingTimeInterval(Double(maxDays) * 86_400)
    }

    /// Editing: the author may edit their own story; managers may edit any.
    public static func checkEdit(by actor: Account, isManager: Bool, story: Story) throws(SpotlightError) {
        guard isManager || story.author == actor.login else {
            throw .permission("only the author or a manager may edit story #\(story.id)")
        }
    }

    public static func checkManagerChange(
        by actor: Account, isManager: Bool, target: String, adding: Bool, currentManagers: [String]
    ) throws(SpotlightError) {
        try requireManager(actor, isManager: isManager, for: .manageManagers)
        if adding {
            guard !currentManagers.contains(target) else { throw .usage("\(target) is already a manager") }
        } else {
            guard currentManagers.contains(target) else { throw .notFound("\(target) is not a manager of this board") }
            guard currentManagers.count > 1 else {
                throw .permission("\(target) is the last manager; add another manager before removing them")
            }
        }
    }

    /// The calendar year (UTC) that a medallion given at `date` counts against.
    public static func medallionYear(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.component(.year, from: date)
    }
}
