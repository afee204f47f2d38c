import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

/// The live wall on the terminal: a `WallProgram` (the state, its effect runner over the board
/// service) run by the `TerminalLoop`, with the board's `changes()` as wake-ups. It only sets
/// up and tears down; what the wall does lives in `WallState`.
@LoopActor
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

    let options: Options
    let service: any BoardService
    /// False when the board's own service was handed in (`attach`): the board closes it.
    let ownsService: Bool
    let session: TerminalSession
    let inbox: ChangeInbox
    let loop: TerminalLoop<WallProgram>
    /// The first read, shown at once.
    let first: WallContent

    private init(options: Options, service: any BoardService, ownsService: Bool, session: TerminalSession,
                 snapshot: WallSnapshot, theme: Theme, themes: ThemeCatalog) throws {
        self.options = options
        self.service = service
        self.ownsService = ownsService
        self.session = session
        first = WallContent(snapshot)
        inbox = try ChangeInbox(service.changes())
        let state = WallState(settings: snapshot.settings, now: options.clock.now, options: WallOptions(
            kiosk: options.kiosk, unlock: options.unlock, embedded: options.embedded, interval: options.interval,
            theme: options.theme, stats: options.stats, isUTF8: session.isUTF8, timeZone: .current))
        let effects = WallEffectRunner(service: service, themes: WallThemes(catalog: themes, starting: theme), clock: options.clock,
                                       statsGlyphs: options.stats ? (session.isUTF8 ? .unicode : .ascii) : nil)
        let bigType = options.bigType
        let program = WallProgram(state: state, effects: effects) { width, height in
            BigType.font(enabled: bigType, width: width, height: height)
        }
        loop = TerminalLoop(program: program, session: session, clock: options.clock, inbox: inbox)
    }

    /// Opens the board first (a missing or broken board is an error before the screen changes),
    /// then the terminal.
    static func start(options: Options) async throws -> WallRunner {
        let service = try await CLI.openBoard(options.location, clock: options.clock)
        return try await start(service: service, options: options)
    }

    /// The wall on `service`, which it closes at the end.
    static func start(service: any BoardService, options: Options) async throws -> WallRunner {
        do {
            let snapshot = try await service.wallSnapshot(highlightSince: nil)
            let (theme, themes) = try startingTheme(options, settings: snapshot.settings)
            let session = try TerminalSession.start(options: TerminalOptions(
                commandName: "spotlight wall", mouse: false, rawKeys: options.kiosk))
            do {
                return try WallRunner(options: options, service: service, ownsService: true, session: session, snapshot: snapshot,
                                      theme: theme, themes: themes)
            } catch {
                session.stop()
                throw error
            }
        } catch {
            // No terminal or no theme: the board was opened first, so close it before reporting.
            await service.close()
            throw error
        }
    }

    /// The wall on a session that is already running (only one may exist per process) and the
    /// board's own service: the board's `w`. Use `runEmbedded()`, which returns to the caller
    /// with the session still up and the service open.
    static func attach(options: Options, service: any BoardService, session: TerminalSession) async throws -> WallRunner {
        var options = options
        options.embedded = true
        let snapshot = try await service.wallSnapshot(highlightSince: nil)
        let (theme, themes) = try startingTheme(options, settings: snapshot.settings)
        return try WallRunner(options: options, service: service, ownsService: false, session: session, snapshot: snapshot,
                              theme: theme, themes: themes)
    }

    private static func startingTheme(_ options: Options, settings: BoardSettings) throws -> (Theme, ThemeCatalog) {
        let themes = Themes.standard()
        let theme = try themes.loadOrBuiltIn(options.theme ?? settings.theme, explicit: options.theme != nil)
        return (theme, themes)
    }

    /// Runs until the viewer goes back (nil) or a signal arrives (128 + its number).
    func runEmbedded() async -> Int32? {
        let ending = await loop.run(first: [.snapshotLoaded(first)])
        inbox.close()
        if case .signal(let signal) = ending { return 128 + signal }
        return nil
    }

    /// Runs until quit; returns the exit status (128 + signal for a signal, so a kiosk
    /// supervisor restarts the wall after a hang-up).
    func run() async -> Int32 {
        let ending = await loop.run(first: [.snapshotLoaded(first)])
        session.stop()
        inbox.close()
        if ownsService { await service.close() }
        if case .signal(let signal) = ending { return 128 + signal }
        return 0
    }
}
