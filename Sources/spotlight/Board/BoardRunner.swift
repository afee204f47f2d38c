import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

/// The interactive board on the terminal: a `BoardProgram` (the state, its effect runner over
/// the board service) run by the `TerminalLoop`, with the board's `changes()` as wake-ups and
/// the wall (`w`) on the same terminal session. It only sets up and tears down.
@LoopActor
final class BoardRunner {
    struct Options {
        var location: BoardLocation
        var theme: String?
        /// Every "now" of the board: timers, ages, visit marks, pin expiries.
        var clock: Clock = .system
    }

    let options: Options
    let service: any BoardService
    let session: TerminalSession
    let timer = FrameTimer()
    let inbox: ChangeInbox
    let program: BoardProgram
    let loop: TerminalLoop<BoardProgram>

    private init(options: Options, service: any BoardService, session: TerminalSession, settings: BoardSettings,
                 theme: Theme, themes: ThemeCatalog, viewer: BoardViewer) throws {
        self.options = options
        self.service = service
        self.session = session
        let effects = BoardEffectRunner(service: service, clock: options.clock, boardPath: options.location.path,
                                        environment: ProcessInfo.processInfo.environment, isUTF8: session.isUTF8)
        let size = session.size()
        program = BoardProgram(state: BoardState(viewer: viewer, width: size.width, height: size.height), effects: effects,
                               settings: settings, theme: theme, explicitTheme: options.theme != nil, themes: themes,
                               isUTF8: session.isUTF8)
        inbox = try ChangeInbox(service.changes())
        loop = TerminalLoop(program: program, session: session, clock: options.clock, inbox: inbox, timer: timer)
        effects.timing = timer
        program.timing = timer
        program.showWall = { [unowned self] in await self.showWall() }
    }

    /// Opens the board first (a missing or broken board is an error before the screen changes),
    /// then the terminal.
    static func start(options: Options) async throws -> BoardRunner {
        let service = try await CLI.openBoard(options.location, clock: options.clock)
        return try await start(service: service, options: options)
    }

    /// The board on `service`, which it closes at the end.
    static func start(service: any BoardService, options: Options) async throws -> BoardRunner {
        do {
            let account = service.account
            let settings = try await service.settings()
            let isManager = try await service.isManager(account.login)
            let readOnly = service.isReadOnly ? BoardWording.readOnly(path: options.location.path, login: account.login) : nil
            let themes = Themes.standard()
            let theme = try themes.loadOrBuiltIn(options.theme ?? settings.theme, explicit: options.theme != nil)
            let session = try TerminalSession.start(options: TerminalOptions(commandName: "spotlight", mouse: true))
            do {
                let viewer = BoardViewer(account: account, isManager: isManager, writeBlocked: readOnly)
                return try BoardRunner(options: options, service: service, session: session, settings: settings, theme: theme,
                                       themes: themes, viewer: viewer)
            } catch {
                session.stop()
                throw error
            }
        } catch {
            await service.close()
            throw error
        }
    }

    /// Runs until quit; returns the exit status (128 + the signal's number for a signal).
    func run() async -> Int32 {
        switch await loop.run(first: [.started]) {
        case .quit(let code): return await finish(code)
        case .signal(let signal): return await finish(128 + signal)
        }
    }

    /// `w`: the wall on this same terminal and board until `w`, `q` or Esc; then the board again.
    private func showWall() async -> BoardProgram.WallEnding {
        defer { loop.appliedTheme = "" }
        do {
            let wall = try await WallRunner.attach(
                options: WallRunner.Options(location: options.location, kiosk: false, interval: nil, theme: options.theme,
                                            unlock: "quit", clock: options.clock),
                service: service, session: session)
            if let code = await wall.runEmbedded() { return .signal(code) }
            return .closed(problem: nil)
        } catch let error as SpotlightError {
            return .closed(problem: error.message)
        } catch {
            return .closed(problem: BoardWording.wallFailed("\(error)"))
        }
    }

    /// Leaves the screen as it was found; a composed story is on disk first.
    private func finish(_ code: Int32) async -> Int32 {
        _ = await loop.driver.process([.closing])
        session.stop()
        await program.effects.endVisit()
        inbox.close()
        await service.close()
        return code
    }
}
