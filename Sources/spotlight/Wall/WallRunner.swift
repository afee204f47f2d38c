import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

/// The live wall's event loop: terminal event → `WallMessage` → `WallState.handle` → effects →
/// draw `view(state)`. What the wall does lives in `WallState`; this type only carries events,
/// runs effects (through `WallBoardFeed` for the board) and reads the time from its `Clock`. It
/// sleeps in `poll` until the state's `nextWake` or the feed's next check, so idle costs
/// nothing. @MainActor pins it to the main thread, which ncurses needs.
@MainActor
final class WallRunner {
    struct Options {
        var location: BoardLocation
        var kiosk: Bool
        var interval: Int?
        var theme: String?
        var unlock: String
        /// Show board statistics in one slot of every `WallOptions.statsEvery`.
        var stats = false
        /// Shown from the interactive board on its terminal session: `w`, `q` and Esc go back
        /// to the board instead of ending the program.
        var embedded = false
        /// Headlines in big type on large screens when the Unifont font is installed.
        var bigType = true
        var clock: Clock = .system
    }

    /// The board's own loop polls on the wall's schedule.
    static let slowPoll = WallBoardFeed.slowPoll
    static let fallbackPoll = WallBoardFeed.fallbackPoll

    let options: Options
    let session: TerminalSession
    let feed: WallBoardFeed
    let themes: WallThemes
    var state: WallState

    private init(options: Options, session: TerminalSession, link: BoardLink, theme: Theme, themes: ThemeCatalog) {
        let now = options.clock.now
        self.options = options
        self.session = session
        self.themes = WallThemes(catalog: themes, starting: theme)
        if options.stats { link.statsGlyphs = session.isUTF8 ? .unicode : .ascii }
        self.feed = WallBoardFeed(link: link, now: now)
        self.state = WallState(settings: link.snapshot?.settings ?? BoardSettings(), now: now, options: WallOptions(
            kiosk: options.kiosk, unlock: options.unlock, embedded: options.embedded, interval: options.interval,
            theme: options.theme, stats: options.stats, isUTF8: session.isUTF8, timeZone: .current))
    }

    /// Opens the board first (a missing or broken board is an error before the screen changes),
    /// then the terminal.
    static func start(options: Options) async throws -> WallRunner {
        let link = try await openLink(options)
        do {
            let (theme, themes) = try startingTheme(options, link: link)
            let session = try TerminalSession.start(options: TerminalOptions(
                commandName: "spotlight wall", mouse: false, rawKeys: options.kiosk))
            return WallRunner(options: options, session: session, link: link, theme: theme, themes: themes)
        } catch {
            // No terminal or no theme: the board was opened first, so close it before reporting.
            await link.close()
            throw error
        }
    }

    /// The wall on a session that is already running (only one may exist per process): the
    /// board's `w`. Use `runEmbedded()`, which returns to the caller with the session still up.
    static func attach(options: Options, account: Account, session: TerminalSession) async throws -> WallRunner {
        var options = options
        options.embedded = true
        let link = try await openLink(options, account: account)
        do {
            let (theme, themes) = try startingTheme(options, link: link)
            return WallRunner(options: options, session: session, link: link, theme: theme, themes: themes)
        } catch {
            await link.close()
            throw error
        }
    }

    private static func openLink(_ options: Options, account: Account? = nil) async throws -> BoardLink {
        let link = BoardLink(location: options.location, account: try account ?? Identity.current())
        try await link.openFirst()
        return link
    }

    private static func startingTheme(_ options: Options, link: BoardLink) throws -> (Theme, ThemeCatalog) {
        let themes = Themes.standard()
        let theme = try themes.loadOrBuiltIn(options.theme ?? link.snapshot?.settings.theme ?? Theme.builtIn.name,
                                             explicit: options.theme != nil)
        return (theme, themes)
    }

    /// Runs until the viewer goes back (nil) or a signal arrives (128 + its number).
    func runEmbedded() async -> Int32? {
        let ending = await loop()
        await feed.close()
        if case .signal(let signal) = ending { return 128 + signal }
        return nil
    }

    /// Runs until quit; returns the exit status (128 + signal for a signal, so a kiosk
    /// supervisor restarts the wall after a hang-up).
    func run() async -> Int32 {
        let ending = await loop()
        session.stop()
        await feed.close()
        if case .signal(let signal) = ending { return 128 + signal }
        return 0
    }

    enum Ending { case quit, signal(Int32) }

    private func loop() async -> Ending {
        let (width, height) = session.size()
        var messages: [WallMessage] = [.resize(width: width, height: height), .tick(now: options.clock.now)] + feed.opened()
        messages += await feed.due(now: options.clock.now)
        while true {
            if await process(messages) { return .quit }
            let wake = min(state.nextWake, feed.nextWake)
            let event = session.nextEvent(timeout: .until(wake, from: options.clock.now), watching: feed.fileDescriptors)
            // Time passes only as a message: every event comes after the clock's reading.
            messages = [.tick(now: options.clock.now)]
            switch event {
            case .signal(let signal):
                return .signal(signal)
            case .resize:
                let (width, height) = session.size()
                messages.append(.resize(width: width, height: height))
            case .key(let key):
                messages.append(.key(key))
            case .fileReady:
                messages += await feed.fileReady(now: options.clock.now)
            case .mouse, .timeout:
                break
            }
            messages += await feed.due(now: options.clock.now)
        }
    }

    /// Hands each message to the state and carries out its effects (whose results are more
    /// messages), then draws once; true when the wall should end.
    private func process(_ messages: [WallMessage]) async -> Bool {
        var queue = messages[...]
        var redraw = false
        while let message = queue.popFirst() {
            for effect in state.handle(message) {
                switch effect {
                case .redraw:
                    redraw = true
                case .repaint:
                    session.repaintAll()
                case .quit:
                    return true
                case .loadSnapshot(let since):
                    queue += await feed.load(highlightSince: since)
                case .upvote(let id):
                    queue += await feed.upvote(id)
                case .nextTheme:
                    queue += themes.next()
                }
            }
        }
        if redraw { draw() }
        return false
    }

    private func draw() {
        let theme = themes.shown(candidates: state.themeCandidates)
        if theme.name != themes.applied {
            session.apply(theme: theme)
            themes.applied = theme.name
        }
        let font = BigType.font(enabled: options.bigType, width: state.size.width, height: state.size.height)
        session.draw(state.view(theme: theme, font: font))
    }
}
