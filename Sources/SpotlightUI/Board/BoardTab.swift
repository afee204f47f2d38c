import SpotlightCore

/// The board's lists (DESIGN §5). Hot, New and Top are the whole board in three orders; Pinned
/// is the live pins, newest first; Mine is what the viewer posted (hidden ones included).
/// For you is there only after an absence: the stories new since the last visit (`News`).
public enum BoardTab: Int, CaseIterable, Sendable, Equatable {
    case hot, new, top, pinned, mine, forYou

    public var title: String {
        switch self {
        case .hot: "Hot"
        case .new: "New"
        case .top: "Top"
        case .pinned: "Pinned"
        case .mine: "Mine"
        case .forYou: "For you"
        }
    }

    public var order: StoryOrder {
        switch self {
        case .hot: .hot
        case .top: .top
        case .new, .pinned, .mine, .forYou: .new
        }
    }
}

/// Who is looking at the board, and what they may do: it decides which keys help lists and
/// which actions are explained instead of attempted. The rules themselves stay in `BoardRules`.
public struct BoardViewer: Sendable, Equatable {
    public var account: Account
    public var isManager: Bool
    /// Why nothing can be written right now ("the board … is read-only …", "the board is
    /// unavailable …"); nil when writes work.
    public var writeBlocked: String?

    public init(account: Account, isManager: Bool = false, writeBlocked: String? = nil) {
        self.account = account
        self.isManager = isManager
        self.writeBlocked = writeBlocked
    }
}

/// A department and how many visible stories it has, for the `d` picker.
public struct DepartmentCount: Sendable, Equatable {
    public var name: String
    public var stories: Int

    public init(name: String, stories: Int) {
        self.name = name
        self.stories = stories
    }
}

/// A one-line message at the bottom of the board: news ("upvoted #42") or a problem.
public struct BoardStatus: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    /// Grows with every message, so the loop can time each one out even when two say the same.
    public var serial: Int

    public init(text: String, isError: Bool, serial: Int) {
        self.text = text
        self.isError = isError
        self.serial = serial
    }
}
