import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

/// The interactive board's loop. It only carries events: terminal input, the clock and board
/// changes become `BoardMessage`s, `BoardState.handle` decides, the effects that come back run
/// (`BoardEffectRunner`, or here for the screen's own), their results go back in as messages,
/// and the frame is drawn — once per burst of input, so a 10,000-character paste costs one
/// frame, not ten thousand. It sleeps until input, a board-change hint (`BoardChangeCheck`), the
/// state's `nextWake` or the clock's minute. @MainActor pins it to the main thread, which ncurses
/// needs; one terminal session serves the board, the compose form and the wall.
@MainActor
final class BoardRunner {
    struct Options {
        var location: BoardLocation
        var theme: String?
        /// Every "now" of the board: timers, ages, visit marks, pin expiries.
        var clock: Clock = .system
    }

    let options: Options
    let account: Account
    let session: TerminalSession
    let link: BoardLink
    let clock: Clock
    let themes: ThemeCatalog
    let timer = FrameTimer()
    let effects: BoardEffectRunner
    let changes: BoardChangeCheck
    var state: BoardState
    var settings: BoardSettings
    var theme: Theme
    var appliedTheme = ""
    var shownMinute = 0
    var needsDraw = true
    /// When the key that started the waiting search arrived (for `FrameTimer`).
    var searchStarted: ContinuousClock.Instant?
    /// Set when the program must end (a signal during the wall): the loop finishes with it.
    var exitRequested: Int32?

    private init(options: Options, account: Account, session: TerminalSession, link: BoardLink, settings: BoardSettings,
                 theme: Theme, themes: ThemeCatalog, viewer: BoardViewer) {
        self.options = options
        self.account = account
        self.session = session
        self.link = link
        self.settings = settings
        self.theme = theme
        self.themes = themes
        clock = options.clock
        effects = BoardEffectRunner(link: link, account: account, clock: options.clock, location: options.location,
                                    timer: timer, isUTF8: session.isUTF8)
        changes = BoardChangeCheck(link: link, boardPath: options.location.path, now: options.clock.now)
        let size = session.size()
        state = BoardState(viewer: viewer, width: size.width, height: size.height)
    }

    /// Opens the board first (a missing or broken board is an error before the screen changes),
    /// then the terminal.
    static func start(options: Options) async throws -> BoardRunner {
        let account = try Identity.current()
        let link = BoardLink(location: options.location, account: account, readsWallSnapshot: false)
        try await link.openFirst()
        guard let store = link.store else { throw SpotlightError.runtime("the board \(options.location.path) could not be opened") }
        let settings: BoardSettings
        let isManager: Bool
        do {
            settings = try await store.settings()
            isManager = try await store.isManager(account.login)
        } catch {
            await link.close()
            throw error
        }
        let readOnly = store.isReadOnly ? BoardWording.readOnly(path: options.location.path, login: account.login) : nil
        let themes = Themes.standard()
        let theme = try themes.loadOrBuiltIn(options.theme ?? settings.theme, explicit: options.theme != nil)
        let session: TerminalSession
        do {
            session = try TerminalSession.start(options: TerminalOptions(commandName: "spotlight", mouse: true))
        } catch {
            await link.close()
            throw error
        }
        let viewer = BoardViewer(account: account, isManager: isManager, writeBlocked: readOnly)
        return BoardRunner(options: options, account: account, session: session, link: link, settings: settings,
                           theme: theme, themes: themes, viewer: viewer)
    }

    // MARK: - The loop

    /// Runs until quit; returns the exit status (128 + the signal's number for a signal).
    func run() async -> Int32 {
        if let code = await send(.started) { return await finish(code) }
        while true {
            if let code = await tick() { return await finish(code) }
            if needsDraw { draw() }
            var event = session.nextEvent(timeout: timeUntilNextWake(), watching: changes.fileDescriptors)
            timer.begin("key")
            var hinted = false
            var inputSeen = false
            var typed = ""
            // Everything already waiting is handled before the next frame.
            while true {
                var message: BoardMessage?
                switch event {
                case .key(.char(let c)) where state.compose != nil && state.compose?.form.focus != .customer:
                    typed.append(c)   // a run of typed or pasted text goes into the form in one piece
                case .key(let key): message = .key(key)
                case .mouse(let mouse): message = .mouse(mouse)
                case .resize(let width, let height): message = .resize(width: width, height: height)
                case .signal(let signal): return await finish(128 + signal)
                case .fileReady: if changes.drainHint() { hinted = true }
                case .timeout: break
                }
                if let message {
                    inputSeen = true
                    if !typed.isEmpty, let code = await send(.paste(typed)) { return await finish(code) }
                    typed = ""
                    if let code = await send(message) { return await finish(code) }
                    if state.searchIsPending { searchStarted = timer.now }
                } else if !typed.isEmpty {
                    inputSeen = true
                }
                if case .timeout = event { break }
                event = session.nextEvent(timeout: .zero, watching: changes.fileDescriptors)
            }
            if !typed.isEmpty, let code = await send(.paste(typed)) { return await finish(code) }
            if hinted, let code = await send(await changes.hinted(now: clock.now)) { return await finish(code) }
            if inputSeen { needsDraw = true } else { timer.cancel() }
        }
    }

    /// The clock moved on: the state's timers, the board-change checks, the minute on screen.
    private func tick() async -> Int32? {
        let now = clock.now
        let status = state.status
        let due = state.handle(.tick(now))
        if state.status != status { needsDraw = true }
        if !due.isEmpty {
            if needsDraw { draw() }   // the typed text shows before the search runs
            if due.contains(where: { if case .load = $0 { true } else { false } }) { timer.begin("search", at: searchStarted) }
            if let code = await perform(due) { return code }
        }
        if let code = await send(await changes.tick(now: now)) { return code }
        let minute = Int(now.timeIntervalSince1970 / 60)
        if minute != shownMinute {
            shownMinute = minute
            needsDraw = true
        }
        return nil
    }

    private func timeUntilNextWake() -> Duration? {
        let now = clock.now
        let wake = [changes.nextWake, now.addingTimeInterval(ClockText.secondsToNextMinute(now)), state.nextWake ?? .distantFuture].min()!
        let seconds = max(0, wake.timeIntervalSince(now))
        return .milliseconds(Int((seconds * 1000).rounded(.up)))
    }

    // MARK: - Messages and effects

    /// Messages in order, with the effects each asks for; an exit code when the program must end.
    private func send(_ messages: [BoardMessage]) async -> Int32? {
        for message in messages {
            if let code = await send(message) { return code }
        }
        return nil
    }

    private func send(_ message: BoardMessage) async -> Int32? {
        await perform(state.handle(message))
    }

    /// Runs effects in order; their answers go back through `handle`, and the effects those
    /// ask for run too (a page that shows the selection is out of the window).
    private func perform(_ effects: [BoardEffect]) async -> Int32? {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            var answers: [BoardMessage] = []
            switch effect {
            case .quit:
                return exitRequested ?? 0
            case .repaint:
                session.repaintAll()
            case .showWall:
                answers = await showWall()
                if let code = exitRequested { return code }
            case .load, .loadStory, .loadDepartments, .loadManagers, .loadStats, .upvote, .unvote, .prepareMedal, .medal, .pin,
                 .unpin, .hide, .unhide, .remove, .addManager, .removeManager, .openCompose, .readSettings, .beginVisit,
                 .restoreDraft, .saveDraft, .discardDraft, .post, .edit:
                answers = await self.effects.run(effect, total: state.total)
            }
            for answer in answers {
                if case .settingsRead(let fresh, _) = answer { apply(settings: fresh) }
                queue.append(contentsOf: state.handle(answer))
            }
        }
        needsDraw = true
        return nil
    }

    /// The board's settings were read again: its name, and its theme unless one was chosen.
    private func apply(settings fresh: BoardSettings?) {
        if let fresh { settings = fresh }
        if options.theme == nil, settings.theme != theme.name, let chosen = try? themes.load(settings.theme) { theme = chosen }
    }

    /// `w`: the wall on this same terminal until `w`, `q` or Esc; then the board again.
    private func showWall() async -> [BoardMessage] {
        var problem: String?
        do {
            let wall = try await WallRunner.attach(
                options: WallRunner.Options(location: options.location, kiosk: false, interval: nil, theme: options.theme, unlock: "quit"),
                account: account, session: session)
            if let code = await wall.runEmbedded() {
                exitRequested = code   // a signal arrived while the wall was up: end as the board would
                return []
            }
        } catch let error as SpotlightError {
            problem = error.message
        } catch {
            problem = BoardWording.wallFailed("\(error)")
        }
        appliedTheme = ""
        return [.wallClosed(problem: problem)]
    }

    // MARK: - Drawing and ending

    func draw() {
        needsDraw = false
        let (width, height) = session.size()
        if theme.name != appliedTheme {
            session.apply(theme: theme)
            appliedTheme = theme.name
        }
        let isUTF8 = session.isUTF8
        if let compose = state.compose {
            let frame = ComposeScreen.render(compose.form, isUTF8: isUTF8, width: width, height: height,
                                             border: theme.border.glyphs, icons: theme.icons)
            session.draw(frame.grid, cursor: frame.cursor)
        } else {
            let context = BoardContext(boardName: settings.name, banner: theme.banner(unicode: isUTF8), border: theme.border.glyphs,
                                       icons: theme.icons, isUTF8: isUTF8, now: clock.now, timeZone: state.timeZone)
            let frame = BoardScreen.render(state, context: context, width: width, height: height)
            session.draw(frame.grid, cursor: frame.cursor)
            effects.noteSeen(state.storiesOnScreen)
        }
        timer.frameDrawn()
    }

    /// Leaves the screen as it was found; a composed story is on disk first.
    func finish(_ code: Int32) async -> Int32 {
        _ = await perform(state.handle(.closing))
        session.stop()
        await effects.endVisit()
        await link.close()
        return code
    }
}
