import Foundation
import SpotlightCore

/// The board's status-line wording for results that come back from the store, in one place, so
/// the loop only carries values and every message is a unit test.
public enum BoardWording {
    /// The upvote's result: the one wording of it on every screen.
    public static func upvote(_ id: StoryID, added: Bool) -> String {
        added ? "upvoted #\(id) — thank you!" : "you had already upvoted #\(id); u again takes it back"
    }

    public static func unvote(_ id: StoryID, removed: Bool) -> String {
        removed ? "took back your vote on #\(id)" : "you had not upvoted #\(id)"
    }

    /// What a write did, for the status line.
    public static func written(_ result: BoardWriteResult, timeZone: TimeZone) -> String {
        switch result {
        case .upvoted(let id, let added): upvote(id, added: added)
        case .unvoted(let id, let removed): unvote(id, removed: removed)
        case .medallionGiven(let id, let left):
            "gave your medallion for #\(id) — \(Plural.count(left, "medallion", zero: "no")) left this year"
        case .pinned(let id, let until):
            "pinned #\(id)" + (until.map { " until " + ClockText.pinEnd($0, timeZone: timeZone) } ?? "")
        case .unpinned(let id): "unpinned #\(id)"
        case .hidden(let id): "hid #\(id): only managers and its author see it now"
        case .unhidden(let id): "#\(id) is visible again"
        case .removed(let id): "removed #\(id)"
        case .managerAdded(let login): "\(login) is now a manager"
        case .managerRemoved(let login): "\(login) is no longer a manager"
        }
    }

    public static func storyGone(_ id: StoryID) -> String { "story #\(id) is no longer on the board" }

    public static func unavailable(_ problem: String?) -> String {
        problem ?? "the board is unavailable right now; try again shortly"
    }

    /// Ctrl-S while the board cannot be reached: nothing typed is lost.
    public static func composeUnavailable(_ problem: String?) -> String {
        (problem ?? "the board is unavailable") + "; your text is kept — try Ctrl-S again shortly"
    }

    /// Why writes fail on a board this account cannot write (said for every write key).
    public static func readOnly(path: String, login: String) -> String {
        "the board is read-only for \(login) (no write access to \(path) or its directory): browsing works, changes do not"
    }

    /// The wall (`w`) failed with an error that is not one of ours.
    public static func wallFailed(_ description: String) -> String { "the wall could not start: \(description)" }

    public static let boardBack = "the board is back"

    public static func posted(_ id: StoryID) -> String { "posted #\(id) — thank you for sharing it!" }
    public static func edited(_ id: StoryID) -> String { "saved your changes to #\(id)" }
    public static func discarded(editing: Bool) -> String { editing ? "edit discarded" : "story discarded" }

    /// The compose form brought back from disk.
    public static func draftRestored(editing: StoryID?) -> String {
        let what = editing.map { "your unsaved edit of story #\($0)" } ?? "your unsaved story"
        return "Welcome back: \(what) is here. Ctrl-S saves it; Esc twice discards it."
    }

    public static func otherBoard(path: String) -> String {
        "a different board is at \(path) now: what's new starts from today"
    }

    public static func visitFailed(_ message: String) -> String {
        "what's new since your last visit is not available: \(message)"
    }
}
