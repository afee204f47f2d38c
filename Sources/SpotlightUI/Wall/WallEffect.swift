import Foundation
import SpotlightCore

/// What the wall asks its runner to do after a message: reads and writes on the board, the
/// theme list, the terminal. The runner carries these out and feeds each result back as a
/// `WallMessage`, so the state stays pure and tests read the intent directly.
public enum WallEffect: Sendable, Equatable {
    /// Read the board (and the statistics, when the wall shows them), answering with
    /// `.snapshotLoaded` (+ `.statsLoaded`) or `.loadFailed`. `highlightSince` is the start of
    /// today during Customer Service Week, so the read also finds the day's most upvoted story.
    case loadSnapshot(highlightSince: Date?)
    /// Upvote as the viewer; answer with `.upvoted` or `.upvoteFailed`.
    case upvote(StoryID)
    /// Switch to the theme after the one on screen; answer with `.themeChosen` or `.themeFailed`.
    case nextTheme
    /// Draw `view(state)` again.
    case redraw
    /// Forget what the terminal shows and paint every cell (Ctrl-L), then redraw.
    case repaint
    case quit
}
