import SpotlightCore

/// What the board asks its loop to do after a message: reads and writes on the store, the draft
/// file, switching screens, quitting. `BoardState.handle` returns these as values (bubbletea's
/// commands), so the state stays pure and the tests read the intent directly; each result comes
/// back as a `BoardMessage`.
public enum BoardEffect: Sendable, Equatable {
    /// Fetch a page of the list.
    case load(ListRequest)
    /// Re-read one story (the detail view) after a change.
    case loadStory(StoryID)
    /// Read the certifications of the open story's hero, when the hero is named by a login
    /// (issue 16); answered with `.heroLevelsLoaded`.
    case loadHeroLevels(StoryID, login: String)
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
    /// Re-read the board's settings and whether the viewer is a manager (after a write or a
    /// change by anyone); answered with `.settingsRead`, which re-reads what is on screen.
    case readSettings
    /// Read "what's new since your last visit" (at start); answered with `.visitBegan`.
    case beginVisit
    /// Look for a draft an earlier run left unsaved; answered with `.draftFound` when there is one.
    case restoreDraft
    /// Write the compose form's text to the draft file.
    case saveDraft(StoryDraft, editing: StoryID?)
    /// Forget the draft file (posted, or discarded on purpose).
    case discardDraft
    /// Post a new story from the compose form; answered with `.posted` or `.submitFailed`.
    case post(StoryDraft)
    /// Save an edit. `unchangedSince` is the story as it was when the form opened (nil when it
    /// could not be read then: the loop reads it now), so another person's edit in between is a
    /// conflict, not lost.
    case edit(StoryID, StoryDraft, unchangedSince: Story?)
    /// Forget what is on screen and draw everything again (Ctrl-L).
    case repaint
    case quit
}
