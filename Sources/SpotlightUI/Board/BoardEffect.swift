import SpotlightCore

/// What the board asks its loop to do after a key: reads and writes on the store, switching
/// screens, quitting. Input handling returns these as values (bubbletea's commands), so the
/// state stays pure and the tests read the intent directly.
public enum BoardEffect: Sendable, Equatable {
    /// Fetch a page of the list.
    case load(ListRequest)
    /// Re-read one story (the detail view) after a change.
    case loadStory(StoryID)
    case loadDepartments
    case loadManagers
    /// Read the board statistics for the stats screen.
    case loadStats
    case upvote(StoryID)
    case unvote(StoryID)
    /// Ask the store how many medallions the viewer has left, then `offerMedal`.
    case prepareMedal(StoryID)
    case medal(StoryID)
    /// `until` as typed ("friday", "2026-12-01", "3d"); the loop parses it with `WhenParser`.
    case pin(StoryID, until: String?, note: String?)
    case unpin(StoryID)
    case hide(StoryID)
    case unhide(StoryID)
    case remove(StoryID)
    case addManager(String)
    case removeManager(String)
    /// The compose form: a new story (nil) or an edit of this one.
    case openCompose(editing: Story?)
    case showWall
    /// Forget what is on screen and draw everything again (Ctrl-L).
    case repaint
    case quit
}
