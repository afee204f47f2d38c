import Foundation
import SpotlightCore

/// Everything that can happen to the wall, as a value: a key, a resize, time passing, the board
/// changing and the results of the effects the wall asked for. The live wall and the reel turn
/// terminal events and effect results into these and hand them to `WallState.handle` (or
/// `ReelState.handle`); tests send them directly, with whatever `now` they like.
public enum WallMessage: Sendable, Equatable {
    case key(Key)
    /// The terminal's size, at start and after every resize.
    case resize(width: Int, height: Int)
    /// Time passes only as this message, carrying the clock's reading: the rotation, the ticker,
    /// the minute in the header and every timeout are computed from it.
    case tick(now: Date)
    /// Another process changed the board (or it came back after trouble): read it again.
    case boardChanged
    /// A fresh read of the board, after a `.loadSnapshot` effect.
    case snapshotLoaded(WallContent)
    /// A read of the board failed; the wall keeps its last good snapshot and says why.
    case loadFailed(WallLoadFailure)
    /// The statistics slot's text (`spotlight wall --stats`), read with the snapshot.
    case statsLoaded([String])
    /// The result of an `.upvote` effect: `added` is false when the viewer had already upvoted.
    case upvoted(StoryID, added: Bool)
    /// An upvote failed; nil when the board could not be reached at all.
    case upvoteFailed(reason: String?)
    /// The result of a `.nextTheme` effect: the theme now on screen.
    case themeChosen(String)
    case themeFailed(name: String, reason: String)
}

/// What the wall shows from one read of the board (the store's `WallSnapshot` without its
/// counts), so this layer needs no store.
public struct WallContent: Sendable, Equatable {
    public var stories: [Story]
    public var headlines: [String]
    public var settings: BoardSettings
    /// Customer Service Week's story of the day, when the read asked for one.
    public var highlight: Story?
    /// Certifications of the last week, for the celebration slots.
    public var celebrations: [Celebration]

    public init(stories: [Story], headlines: [String], settings: BoardSettings, highlight: Story? = nil,
                celebrations: [Celebration] = []) {
        self.stories = stories
        self.headlines = headlines
        self.settings = settings
        self.highlight = highlight
        self.celebrations = celebrations
    }
}

/// Why the board could not be read. The wording lives here, not in the executable; the
/// interactive board shows the same line.
public enum WallLoadFailure: Sendable, Equatable {
    /// The board file is gone (deleted or renamed away).
    case fileMissing
    /// Opening or reading failed; the store's one-line message.
    case unavailable(String)
    /// What `BoardService.changes()` said is wrong ("board file missing", "board unavailable (…)").
    case reported(String)

    public var statusLine: String {
        switch self {
        case .reported(let reason): "\(reason); showing the last stories read"
        case .fileMissing: "board file missing; showing the last stories read"
        case .unavailable(let reason): "board unavailable (\(reason)); showing the last stories read"
        }
    }
}
