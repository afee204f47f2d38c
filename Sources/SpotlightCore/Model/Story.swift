import Foundation

public typealias StoryID = Int

/// Who the served customer was; the source articles stress that colleagues are customers too.
public enum CustomerKind: String, Codable, CaseIterable, Sendable {
    case external
    case `internal`
}

public enum StoryStatus: String, Codable, CaseIterable, Sendable {
    case visible, hidden, removed
}

/// A customer-service success story as stored on the board, with its live recognition counts.
public struct Story: Equatable, Sendable, Codable, Identifiable {
    public var id: StoryID
    public var title: String
    public var body: String
    /// Who is recognised: a person or a team, free text.
    public var hero: String
    public var department: String
    public var customer: CustomerKind
    public var tags: [String]
    /// Login of the account that posted it.
    public var author: String
    /// Display name of the author at the time of posting.
    public var authorName: String
    /// For shared break-room terminals: the colleague who told the story.
    public var onBehalfOf: String?
    public var createdAt: Date
    public var editedAt: Date?
    public var status: StoryStatus
    public var votes: Int
    public var medallions: Int
    public var pin: Pin?

    public init(
        id: StoryID, title: String, body: String = "", hero: String, department: String = StoryDraft.defaultDepartment,
        customer: CustomerKind = .external, tags: [String] = [], author: String, authorName: String,
        onBehalfOf: String? = nil, createdAt: Date, editedAt: Date? = nil, status: StoryStatus = .visible,
        votes: Int = 0, medallions: Int = 0, pin: Pin? = nil
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.hero = hero
        self.department = department
        self.customer = customer
        self.tags = tags
        self.author = author
        self.authorName = authorName
        self.onBehalfOf = onBehalfOf
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.status = status
        self.votes = votes
        self.medallions = medallions
        self.pin = pin
    }

    /// The department to show beside the hero, or nil when it only repeats the hero's name (a
    /// team recognised as a whole would read "IT Help Desk · IT Help Desk").
    public var departmentBesideHero: String? { Self.department(department, besideHero: hero) }

    public static func department(_ department: String, besideHero hero: String) -> String? {
        BoardRules.normalizedName(department) == BoardRules.normalizedName(hero) ? nil : department
    }

    /// A pin counts only until its expiry.
    public func isPinned(at now: Date) -> Bool {
        guard let pin else { return false }
        return pin.isLive(at: now)
    }
}

/// A manager's highlight of a story, optionally until a moment and with a note for the wall.
public struct Pin: Equatable, Sendable, Codable {
    public var pinnedBy: String
    public var pinnedAt: Date
    public var until: Date?
    public var note: String?

    public init(pinnedBy: String, pinnedAt: Date, until: Date? = nil, note: String? = nil) {
        self.pinnedBy = pinnedBy
        self.pinnedAt = pinnedAt
        self.until = until
        self.note = note
    }

    public func isLive(at now: Date) -> Bool {
        guard let until else { return true }
        return now < until
    }
}
