import Foundation
import SpotlightCore
import SpotlightUI

/// The interactive board as a `LoopProgram`: `BoardState` decides, `BoardEffectRunner` carries
/// out the effects, the board or the compose form is drawn. The wall (`w`) is the front end's:
/// it hands in `showWall`, which runs the wall on the same screen until it is closed.
@LoopActor
public final class BoardProgram: LoopProgram {
    /// How the wall shown with `w` ended.
    public enum WallEnding: Sendable {
        case closed(problem: String?)
        /// A signal arrived while the wall was up: the program ends as the board would.
        case signal(Int32)
    }

    public private(set) var state: BoardState
    public let effects: BoardEffectRunner
    public let clock: Clock
    public private(set) var settings: BoardSettings
    public private(set) var shownTheme: Theme
    /// A theme named on the command line wins over the board's setting.
    let explicitTheme: Bool
    let themes: ThemeCatalog
    let isUTF8: Bool
    /// Runs the wall on this screen (nil where there is none: the board then says so).
    public var showWall: (() async -> WallEnding)?
    /// Only under the board benchmark.
    public weak var timing: (any LoopTiming)?
    public var needsDraw = true
    public private(set) var exitRequested: Int32?
    /// When the key that started the waiting search arrived (for the benchmark).
    private var searchStarted: ContinuousClock.Instant?
    /// The minute the header shows (minutes since 1970); a new one redraws.
    private var shownMinute = 0

    public init(state: BoardState, effects: BoardEffectRunner, settings: BoardSettings, theme: Theme, explicitTheme: Bool,
                themes: ThemeCatalog, isUTF8: Bool) {
        self.state = state
        self.effects = effects
        self.clock = effects.clock
        self.settings = settings
        self.shownTheme = theme
        self.explicitTheme = explicitTheme
        self.themes = themes
        self.isUTF8 = isUTF8
    }

    public func messages(for input: LoopInput) -> [BoardMessage] {
        switch input {
        case .key(let key): [.key(key)]
        case .paste(let text): [.paste(text)]
        case .mouse(let mouse): [.mouse(mouse)]
        case .resize(let width, let height): [.resize(width: width, height: height)]
        case .tick(let now): [.tick(now)]
        case .board(let change): effects.messages(for: change)
        }
    }

    public func handle(_ message: BoardMessage) -> [BoardEffect] {
        switch message {
        case .tick(let now):
            let status = state.status
            let due = state.handle(message)
            let minute = Int((now.timeIntervalSince1970 / 60).rounded(.down))
            if state.status != status || !due.isEmpty || minute != shownMinute { needsDraw = true }
            shownMinute = minute
            if due.contains(where: { if case .load = $0 { true } else { false } }) { timing?.begin("search", at: searchStarted) }
            return due
        case .key, .paste, .mouse:
            let effects = state.handle(message)
            if state.searchIsPending { searchStarted = timing?.now }
            needsDraw = true
            return effects
        case .settingsRead(let fresh, _):
            apply(settings: fresh)
            needsDraw = true
            return state.handle(message)
        case .started, .closing, .resize, .pageLoaded, .storyLoaded, .heroLevelsLoaded, .storyGone, .departmentsLoaded, .statsLoaded,
             .managersLoaded, .medallionsLeft, .readFailed, .boardUnavailable, .visitBegan, .written, .writeFailed,
             .composeReady, .draftFound, .posted, .edited, .submitFailed, .draftSaveFailed, .boardChanged, .boardProblem,
             .wallClosed:
            needsDraw = true
            return state.handle(message)
        }
    }

    public func action(for effect: BoardEffect) -> LoopAction? {
        switch effect {
        case .quit: .quit
        case .repaint: .repaint
        case .load, .loadStory, .loadHeroLevels, .loadDepartments, .loadManagers, .loadStats, .upvote, .unvote, .prepareMedal, .medal, .pin,
             .unpin, .hide, .unhide, .remove, .addManager, .removeManager, .openCompose, .showWall, .readSettings, .beginVisit,
             .restoreDraft, .saveDraft, .discardDraft, .post, .edit:
            nil
        }
    }

    public func run(_ effect: BoardEffect) async -> [BoardMessage] {
        guard case .showWall = effect else { return await effects.run(effect, total: state.total) }
        guard let showWall else { return [.wallClosed(problem: "the wall cannot be shown here")] }
        switch await showWall() {
        case .closed(let problem):
            return [.wallClosed(problem: problem)]
        case .signal(let code):
            exitRequested = code
            return []
        }
    }

    /// The clock's next minute (the header's time), a search, a draft or a status line.
    public var nextWake: Date? {
        let now = clock.now
        return min(state.nextWake ?? .distantFuture, now.addingTimeInterval(ClockText.secondsToNextMinute(now)))
    }

    public var collectsTypedText: Bool { state.compose != nil && state.compose?.form.focus != .customer }

    public func theme() -> Theme { shownTheme }

    public func view(width: Int, height: Int) -> LoopFrame {
        if let compose = state.compose {
            let frame = ComposeScreen.render(compose.form, isUTF8: isUTF8, width: width, height: height,
                                             border: shownTheme.border.glyphs, icons: shownTheme.icons)
            return LoopFrame(grid: frame.grid, cursor: frame.cursor)
        }
        let context = BoardContext(boardName: settings.name, banner: shownTheme.banner(unicode: isUTF8), border: shownTheme.border.glyphs,
                                   icons: shownTheme.icons, isUTF8: isUTF8, now: clock.now, timeZone: state.timeZone)
        let frame = BoardScreen.render(state, context: context, width: width, height: height)
        return LoopFrame(grid: frame.grid, cursor: frame.cursor)
    }

    /// What was on screen counts as seen.
    public func drawn() {
        if state.compose == nil { effects.noteSeen(state.storiesOnScreen) }
    }

    /// The board's settings were read again: its name, and its theme unless one was chosen.
    private func apply(settings fresh: BoardSettings?) {
        if let fresh { settings = fresh }
        if !explicitTheme, settings.theme != shownTheme.name, let chosen = try? themes.load(settings.theme) { shownTheme = chosen }
    }
}
