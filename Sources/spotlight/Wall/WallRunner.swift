import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

/// The live wall: waits for a key, a resize, a board change or the next tick, and redraws.
/// Everything it shows comes from `WallState` and `WallScreen`; this type only does the I/O and
/// the timing. It runs on the main thread, as the terminal requires. Idle costs nothing: it
/// sleeps in `poll` until the earliest of the next rotation, the clock's next minute, the next
/// ticker page or the slow board poll. @MainActor pins it to the main thread, which ncurses needs.
@MainActor
final class WallRunner {
    struct Options {
        var location: BoardLocation
        var kiosk: Bool
        var interval: Int?
        var theme: String?
        var unlock: String
        /// Show board statistics in one slot of every `WallRunner.statsEvery`.
        var stats = false
        /// Shown from the interactive board on its terminal session: `w`, `q` and Esc go back
        /// to the board instead of ending the program.
        var embedded = false
        /// Headlines in big type on large screens when the Unifont font is installed.
        var bigType = true
    }

    static let statsEvery = 6

    /// How often the ticker turns a page.
    static let tickerPage: TimeInterval = 6
    /// Board check without inotify's help: slow when inotify works, quicker when it is missing.
    static let slowPoll: TimeInterval = 10
    static let fallbackPoll: TimeInterval = 2

    let options: Options
    let account: Account
    let session: TerminalSession
    let watcher: BoardWatcher
    let themes: ThemeCatalog
    let board: BoardLink
    var state: WallState
    var theme: Theme
    var themeChosenByKey = false
    var themeCache: [String: Theme?] = [:]
    var isPaused = false
    /// While set, the help card (`?`) is on screen; it closes by itself then.
    var helpUntil: Date?
    static let helpSeconds: TimeInterval = 30
    var message: (text: String, until: Date)?
    var nextTicker: Date
    var nextPoll: Date
    var typed = ""
    var needsRedraw = true

    private init(options: Options, account: Account, session: TerminalSession, board: BoardLink, theme: Theme, themes: ThemeCatalog) {
        let now = Date()
        self.options = options
        self.account = account
        self.session = session
        self.board = board
        self.theme = theme
        self.themes = themes
        self.watcher = BoardWatcher(boardPath: options.location.path)
        self.state = WallState(settings: board.snapshot?.settings ?? BoardSettings(), now: now)
        if options.stats {
            state.statsEvery = Self.statsEvery
            board.statsGlyphs = session.isUTF8 ? .unicode : .ascii
            pendingReread = true
        }
        self.nextTicker = now.addingTimeInterval(Self.tickerPage)
        self.nextPoll = now
    }

    /// Opens the board first (a missing or broken board is an error before the screen changes),
    /// then the terminal.
    static func start(options: Options) async throws -> WallRunner {
        let account = try Identity.current()
        let board = BoardLink(location: options.location, account: account)
        try await board.openFirst()
        do {
            let themes = Themes.standard()
            let theme = try themes.loadOrBuiltIn(options.theme ?? board.snapshot?.settings.theme ?? Theme.builtIn.name,
                                                 explicit: options.theme != nil)
            let session = try TerminalSession.start(options: TerminalOptions(
                commandName: "spotlight wall", mouse: false, rawKeys: options.kiosk))
            return WallRunner(options: options, account: account, session: session, board: board, theme: theme, themes: themes)
        } catch {
            // No terminal or no theme: the board was opened first, so close it before reporting.
            await board.close()
            throw error
        }
    }

    /// The wall on a session that is already running (only one may exist per process): the
    /// board's `w`. Use `runEmbedded()`, which returns to the caller with the session still up.
    static func attach(options: Options, account: Account, session: TerminalSession) async throws -> WallRunner {
        var options = options
        options.embedded = true
        let board = BoardLink(location: options.location, account: account)
        try await board.openFirst()
        do {
            let themes = Themes.standard()
            let theme = try themes.loadOrBuiltIn(options.theme ?? board.snapshot?.settings.theme ?? Theme.builtIn.name,
                                                 explicit: options.theme != nil)
            return WallRunner(options: options, account: account, session: session, board: board, theme: theme, themes: themes)
        } catch {
            await board.close()
            throw error
        }
    }

    /// Runs until the viewer goes back (nil) or a signal arrives (128 + its number).
    func runEmbedded() async -> Int32? {
        let ending = await loop()
        await board.close()
        if case .signal(let signal) = ending { return 128 + signal }
        return nil
    }

    /// Runs until quit; returns the exit status (128 + signal for a signal, so a kiosk
    /// supervisor restarts the wall after a hang-up).
    func run() async -> Int32 {
        let ending = await loop()
        session.stop()
        await board.close()
        if case .signal(let signal) = ending { return 128 + signal }
        return 0
    }

    enum Ending { case quit, signal(Int32) }

    private func loop() async -> Ending {
        reloadState(now: Date())
        while true {
            let now = Date()
            tick(now: now)
            if pendingPoll {
                pendingPoll = false
                await refreshIfChanged(now: now)
            }
            if pendingReread {
                pendingReread = false
                await board.reread()
                reloadState(now: now)
            }
            if needsRedraw {
                draw(now: now)
                needsRedraw = false
            }
            let fds = watcher.fileDescriptor.map { [$0] } ?? []
            let event = session.nextEvent(timeout: timeUntilNextWake(now: Date()), watching: fds)
            switch event {
            case .signal(let signal):
                return .signal(signal)
            case .resize:
                needsRedraw = true
            case .key(let key):
                if handle(key, now: Date()) == .quit {
                    return .quit
                }
                await performPendingUpvote()
            case .fileReady:
                if watcher.drain() {
                    let now = Date()
                    // A writer's -wal writes wake us before its commit is published in -shm
                    // (which inotify cannot see): if nothing changed yet, look again shortly.
                    if !(await refreshIfChanged(now: now)) {
                        rechecks = Self.recheckDelays.map { now.addingTimeInterval($0) }
                    }
                }
            case .mouse, .timeout:
                break
            }
        }
    }

    /// Advances whatever timers are due.
    private func tick(now: Date) {
        if !isPaused, let ends = state.slotEnds, now >= ends {
            state.advance(now: now)
            needsRedraw = true
        }
        if now >= nextTicker {
            state.tickerOffset += 1
            nextTicker = now.addingTimeInterval(Self.tickerPage)
            needsRedraw = true
        }
        if let message, now >= message.until {
            self.message = nil
            needsRedraw = true
        }
        if let helpUntil, now >= helpUntil {
            self.helpUntil = nil
            needsRedraw = true
        }
        let minute = Int(now.timeIntervalSince1970 / 60)
        if minute != shownMinute {
            shownMinute = minute
            needsRedraw = true
            let since = highlightStart(now: now)
            if since != board.highlightSince {
                // A new day of Customer Service Week (or its start or end): re-read for the highlight.
                board.highlightSince = since
                pendingReread = true
            }
        }
        if now >= nextPoll {
            nextPoll = now.addingTimeInterval(watcher.fileDescriptor == nil ? Self.fallbackPoll : Self.slowPoll)
            pendingPoll = true
        }
        if let first = rechecks.first, now >= first {
            rechecks.removeAll { $0 <= now }
            pendingPoll = true
        }
    }

    var pendingPoll = false
    /// Extra board checks after an inotify wake-up that found no change yet.
    var rechecks: [Date] = []
    static let recheckDelays: [TimeInterval] = [0.05, 0.2, 0.5, 1.0]
    var pendingReread = false
    var pendingUpvote: StoryID?
    var shownMinute = 0
    var appliedTheme = ""

    private func timeUntilNextWake(now: Date) -> Duration? {
        if pendingPoll || pendingReread { return .zero }
        var wake = [nextTicker, nextPoll, now.addingTimeInterval(ClockText.secondsToNextMinute(now))] + rechecks.prefix(1)
        if !isPaused, let ends = state.slotEnds { wake.append(ends) }
        if let message { wake.append(message.until) }
        if let helpUntil { wake.append(helpUntil) }
        let seconds = max(0, (wake.min() ?? now).timeIntervalSince(now))
        return .milliseconds(Int((seconds * 1000).rounded(.up)))
    }

    func draw(now: Date) {
        let (width, height) = session.size()
        let shown = effectiveTheme(now: now)
        if shown.name != appliedTheme {
            session.apply(theme: shown)
            appliedTheme = shown.name
        }
        let context = WallPresenter.Context(
            boardName: state.settings.name, theme: shown, now: now, timeZone: .current,
            serviceWeek: serviceWeek(now: now), isUTF8: session.isUTF8, kiosk: options.kiosk, isPaused: isPaused,
            statusLine: message?.text ?? board.problem, isEmbedded: options.embedded, showsHelp: helpUntil != nil,
            font: BigType.font(enabled: options.bigType, width: width, height: height))
        session.draw(WallScreen.render(state.model(context: context), width: width, height: height))
    }

    func say(_ text: String, for seconds: TimeInterval = 4) {
        message = (text, Date().addingTimeInterval(seconds))
        needsRedraw = true
    }

}
