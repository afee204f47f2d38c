import Foundation
import SpotlightCore

/// Everything that happens to the interactive board, as a value: input from the terminal, the
/// clock moving on, the board changing under us, and the result of every effect the board asked
/// for. `BoardState.handle(_:)` takes them one at a time; the loop only carries them.
public enum BoardMessage: Sendable {
    // MARK: Starting and ending

    /// The board is open and the terminal up: the first page, the visit, a saved draft.
    case started
    /// The program is ending (quit, signal, hang-up): unsaved compose text goes to disk.
    case closing

    // MARK: Input

    case key(Key)
    /// A run of typed or pasted text, inserted as a whole (one frame for a long paste).
    case paste(String)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The clock's now: timers (search debounce, draft save, status timeout) fire from it.
    case tick(Date)

    // MARK: Reads answered

    case pageLoaded(ListPage)
    case storyLoaded(Story)
    /// The open story's hero's levels ("Service Standards II"), empty when none.
    case heroLevelsLoaded(StoryID, [String])
    /// The open story cannot be read any more (removed, or hidden from this viewer).
    case storyGone(StoryID)
    case departmentsLoaded([DepartmentCount])
    case statsLoaded([String])
    case managersLoaded([String])
    /// How many medallions the viewer has left, for the story `prepareMedal` asked about.
    case medallionsLeft(StoryID, left: Int, perYear: Int)
    /// A read failed; the store's one-line message.
    case readFailed(String)
    /// There is no store to ask right now (the board file went away); the reason, when known.
    case boardUnavailable(problem: String?)
    /// The settings were read again; nil fields could not be read.
    case settingsRead(BoardSettings?, isManager: Bool?)
    /// What the visit marks said at start.
    case visitBegan(VisitStart)

    // MARK: Writes answered

    case written(BoardWriteResult)
    /// A write was refused or failed: the effect that asked for it and the store's error.
    case writeFailed(BoardEffect, SpotlightError)

    // MARK: Compose

    /// The compose form can open: a new story (nil) or an edit of this one, with the board's
    /// departments (biggest first) for completion.
    case composeReady(editing: Story?, departments: [String])
    /// A draft an earlier run did not post; `base` is the edited story as it is now, when it
    /// could be read.
    case draftFound(StoryDraft, editing: StoryID?, base: Story?, departments: [String])
    case posted(Story)
    case edited(Story)
    /// The store refused the story (or the edit conflicts); its message.
    case submitFailed(StoryDraft, message: String)
    case draftSaveFailed(String)

    // MARK: The board and the wall

    /// Another process (or this one) changed the board: what is on screen is read again.
    case boardChanged
    /// The board file went away or is damaged (a reason) or is back (nil).
    case boardProblem(String?)
    /// The wall (`w`) ended and the board is back; why it could not start, if it could not.
    case wallClosed(problem: String?)
}

/// What the visit marks said when the board opened (see `VisitMarks`).
public enum VisitStart: Sendable {
    /// No marks yet: nothing counts as new.
    case firstVisit
    /// Marks from an earlier visit: what is new since then.
    case news(News, now: Date)
    /// The marks belong to another board that was at this path.
    case otherBoard(path: String)
    /// The marks file cannot be used (a link, a directory, from a newer spotlight).
    case unusable(reason: String)
    /// The board could not say what is new.
    case failed(String)
}

/// A write the store carried out, with what it reported: the status line says it.
public enum BoardWriteResult: Sendable, Equatable {
    /// `added` is false when the vote was already there.
    case upvoted(StoryID, added: Bool)
    /// `removed` is false when there was no vote to take back.
    case unvoted(StoryID, removed: Bool)
    case medallionGiven(StoryID, left: Int)
    case pinned(StoryID, until: Date?)
    case unpinned(StoryID)
    case hidden(StoryID)
    case unhidden(StoryID)
    case removed(StoryID)
    case managerAdded(String)
    case managerRemoved(String)
}
