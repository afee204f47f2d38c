import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

/// The interactive board's loop: reads input, hands it to `BoardState` (or the compose form),
/// runs the effects that come back against the store, and draws — once per burst of input, so a
/// 10,000-character paste costs one frame, not ten thousand. It wakes for input, for the board
/// changing (inotify as the hint, `PRAGMA data_version` to confirm, a slow poll as the
/// fallback), for a search waiting out its debounce, a draft to save and a message to clear.
/// @MainActor pins it to the main thread, which ncurses needs; one terminal session serves the
/// board, the compose form and the wall.
@MainActor
final class BoardRunner {
    struct Options {
        var location: BoardLocation
        var theme: String?
    }

    /// A search runs at once when the last one is at least this old, else this long after it:
    /// one query per burst of typing, results while typing at a normal pace.
    static let searchInterval: TimeInterval = 0.1
    /// Unsaved compose text reaches the disk within this long.
    static let draftDelay: TimeInterval = 1

    let options: Options
    let account: Account
    let session: TerminalSession
    let link: BoardLink
    let watcher: BoardWatcher
    let themes: ThemeCatalog
    let drafts: DraftFile
    let visits: VisitFile
    /// What this account has seen of the board (nil when the board could not say).
    var marks: VisitMarks?
    /// The marks file is a link, a directory or from a newer spotlight: never written.
    var keepVisitFile = false
    let timer = FrameTimer()
    var state: BoardState
    var settings: BoardSettings
    var theme: Theme
    var appliedTheme = ""
    /// Why writes fail on this board even when it is reachable (read-only file or directory).
    let readOnlyReason: String?

    var compose: ComposeForm?
    /// The story being edited, as it was when the form opened (for the conflict check).
    var composeBase: Story?
    var draftDue: Date?

    var pendingSearch: ListRequest?
    var pendingSearchStarted: ContinuousClock.Instant?
    var lastSearch = Date.distantPast
    var statusShown: (serial: Int, until: Date)?
    var nextPoll: Date
    var shownMinute = 0
    var needsDraw = true
    /// Follow-up checks after an inotify hint: a writer's WAL frames wake us before its commit
    /// is visible (the commit itself only touches the `-shm` mapping, which inotify never
    /// reports), so a hint that found nothing is checked again shortly, backing off, for a second.
    var recheck: (next: Date, step: TimeInterval, until: Date)?
    /// Set when the program must end (a signal during the wall): the loop finishes with it.
    var exitRequested: Int32?

    private init(options: Options, account: Account, session: TerminalSession, link: BoardLink, settings: BoardSettings,
                 theme: Theme, themes: ThemeCatalog, viewer: BoardViewer, readOnlyReason: String?) {
        self.options = options
        self.account = account
        self.session = session
        self.link = link
        self.settings = settings
        self.theme = theme
        self.themes = themes
        self.readOnlyReason = readOnlyReason
        watcher = BoardWatcher(boardPath: options.location.path)
        drafts = DraftFile(boardPath: options.location.path, environment: ProcessInfo.processInfo.environment)
        visits = VisitFile(boardPath: options.location.path, environment: ProcessInfo.processInfo.environment)
        let size = session.size()
        state = BoardState(viewer: viewer, width: size.width, height: size.height)
        nextPoll = Date().addingTimeInterval(WallRunner.slowPoll)
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
        let readOnly = store.isReadOnly ? Self.readOnlyMessage(path: options.location.path, login: account.login) : nil
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
                           theme: theme, themes: themes, viewer: viewer, readOnlyReason: readOnly)
    }

    static func readOnlyMessage(path: String, login: String) -> String {
        "the board is read-only for \(login) (no write access to \(path) or its directory): browsing works, changes do not"
    }

    // MARK: - The loop

    /// Runs until quit; returns the exit status (128 + the signal's number for a signal).
    func run() async -> Int32 {
        await perform(state.start())
        await beginVisit()
        await offerSavedDraft()
        while true {
            await tick(now: Date())
            if needsDraw { draw() }
            let fds = watcher.fileDescriptor.map { [$0] } ?? []
            var event = session.nextEvent(timeout: timeUntilNextWake(now: Date()), watching: fds)
            timer.begin("key")
            var boardChanged = false
            var inputSeen = false
            var paste = ""
            // Everything already waiting is handled before the next frame.
            while true {
                switch event {
                case .key, .mouse, .resize: inputSeen = true
                default: break
                }
                if case .key(.char(let c)) = event, compose != nil, compose?.focus != .customer {
                    paste.append(c)   // a run of typed or pasted text goes into the form in one piece
                } else {
                    if !paste.isEmpty { composeInsert(paste); paste = "" }
                    switch event {
                    case .signal(let signal):
                        return await finish(128 + signal)
                    case .resize(let width, let height):
                        await perform(state.resize(width: width, height: height))
                        compose?.resize(width: width, height: height)
                    case .key(let key):
                        if compose != nil {
                            await composeKey(key)
                        } else if await perform(state.handle(key)) == .quit {
                            return await finish(exitRequested ?? 0)
                        }
                    case .mouse(let mouse):
                        if compose == nil { await perform(state.handle(mouse)) }
                    case .fileReady:
                        if watcher.drain() { boardChanged = true }
                    case .timeout:
                        break
                    }
                }
                if case .timeout = event { break }
                event = session.nextEvent(timeout: .zero, watching: fds)
            }
            if !paste.isEmpty { composeInsert(paste) }
            if boardChanged {
                let now = Date()
                recheck = (now.addingTimeInterval(0.03), 0.03, now.addingTimeInterval(1))
                await refreshIfChanged()
            }
            if inputSeen { needsDraw = true } else { timer.cancel() }
        }
    }

    /// Timers: the debounced search, the draft, the status message, the clock, the slow poll.
    private func tick(now: Date) async {
        if pendingSearch != nil, now >= lastSearch.addingTimeInterval(Self.searchInterval) {
            if needsDraw { draw() }   // the typed text shows before the search runs
            await runPendingSearch()
        }
        if let due = draftDue, now >= due { saveDraft() }
        if let status = state.status {
            if statusShown?.serial != status.serial {
                statusShown = (status.serial, now.addingTimeInterval(status.isError ? 8 : 4))
            } else if let shown = statusShown, now >= shown.until {
                state.clearStatus(serial: shown.serial)
                statusShown = nil
                needsDraw = true
            }
        } else {
            statusShown = nil
        }
        let minute = Int(now.timeIntervalSince1970 / 60)
        if minute != shownMinute {
            shownMinute = minute
            needsDraw = true
        }
        if let pending = recheck, now >= pending.next {
            let step = pending.step * 2
            recheck = now.addingTimeInterval(step) <= pending.until ? (now.addingTimeInterval(step), step, pending.until) : nil
            await refreshIfChanged()
        }
        if now >= nextPoll {
            nextPoll = now.addingTimeInterval(watcher.fileDescriptor == nil ? WallRunner.fallbackPoll : WallRunner.slowPoll)
            await refreshIfChanged()
        }
    }

    private func timeUntilNextWake(now: Date) -> Duration? {
        var wake = [nextPoll, now.addingTimeInterval(ClockText.secondsToNextMinute(now))]
        if pendingSearch != nil { wake.append(lastSearch.addingTimeInterval(Self.searchInterval)) }
        if let draftDue { wake.append(draftDue) }
        if let recheck { wake.append(recheck.next) }
        if let statusShown { wake.append(statusShown.until) }
        if let status = state.status, statusShown?.serial != status.serial { wake.append(now) }
        let seconds = max(0, (wake.min() ?? now).timeIntervalSince(now))
        return .milliseconds(Int((seconds * 1000).rounded(.up)))
    }

    func draw() {
        needsDraw = false
        let (width, height) = session.size()
        if theme.name != appliedTheme {
            session.apply(theme: theme)
            appliedTheme = theme.name
        }
        let isUTF8 = session.isUTF8
        if let compose {
            let frame = ComposeScreen.render(compose, isUTF8: isUTF8, width: width, height: height,
                                             border: theme.border.glyphs, icons: theme.icons)
            session.draw(frame.grid, cursor: frame.cursor)
        } else {
            let context = BoardContext(boardName: settings.name, banner: theme.banner(unicode: isUTF8), border: theme.border.glyphs,
                                       icons: theme.icons, isUTF8: isUTF8, now: Date(), timeZone: .current)
            let frame = BoardScreen.render(state, context: context, width: width, height: height)
            session.draw(frame.grid, cursor: frame.cursor)
            noteSeen()
        }
        timer.frameDrawn()
    }

    /// Leaves the screen as it was found; a composed story is on disk first.
    func finish(_ code: Int32) async -> Int32 {
        if compose?.isDirty == true { saveDraft() }
        session.stop()
        await endVisit()
        await link.close()
        return code
    }

    // MARK: - The board changing under us

    /// Another process may have changed the board (or it went away, or came back).
    func refreshIfChanged() async {
        let hadProblem = link.problem
        let changed = await link.refresh(watcher: watcher)
        if link.problem != hadProblem {
            if let problem = link.problem {
                state.viewer.writeBlocked = problem
                state.say(problem, isError: true)
            } else {
                state.viewer.writeBlocked = readOnlyReason
                state.say("the board is back")
            }
            needsDraw = true
        }
        if changed { await reload() }
    }

    /// Re-reads what is on screen (after a change by anyone, this process included).
    func reload() async {
        if let store = link.store {
            if let fresh = try? await store.settings() { settings = fresh }
            if let manager = try? await store.isManager(account.login) { state.viewer.isManager = manager }
            if options.theme == nil, settings.theme != theme.name, let chosen = try? themes.load(settings.theme) { theme = chosen }
        }
        await perform(state.refresh())
        needsDraw = true
    }
}
