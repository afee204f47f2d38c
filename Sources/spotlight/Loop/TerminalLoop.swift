import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightTerminal
import SpotlightUI

/// The one terminal loop of the wall, the reel and the board. It only carries events: it sleeps
/// in `nextEvent` until input, a board change (`ChangeInbox`) or the program's `nextWake`, turns
/// what woke it into `LoopInput`s (the clock's reading first) for the `LoopDriver`, and draws
/// the program's view once every waiting input is handled — a 10,000-character paste is one
/// frame. @LoopActor pins it to the main thread, which ncurses needs.
@LoopActor
final class TerminalLoop<Program: LoopProgram> {
    enum Ending: Equatable {
        case quit(Int32)
        case signal(Int32)
    }

    let session: TerminalSession
    let driver: LoopDriver<Program>
    let clock: Clock
    let inbox: ChangeInbox?
    /// Only under the board benchmark.
    let timer: FrameTimer?
    /// The theme the terminal's colour pairs were last set from ("" after another screen).
    var appliedTheme = ""

    init(program: Program, session: TerminalSession, clock: Clock, inbox: ChangeInbox?, timer: FrameTimer? = nil) {
        self.session = session
        driver = LoopDriver(program)
        self.clock = clock
        self.inbox = inbox
        self.timer = timer
    }

    var program: Program { driver.program }

    /// Runs until the program quits or a signal arrives; `first` go in after the terminal's
    /// size and the clock's first reading.
    func run(first: [Program.Message] = []) async -> Ending {
        let (width, height) = session.size()
        if let code = await driver.send([.resize(width: width, height: height), .tick(clock.now)]) { return .quit(code) }
        if let code = await driver.process(first) { return .quit(code) }
        while true {
            if driver.takeRepaint() { session.repaintAll() }
            if program.needsDraw { draw() }
            var event = session.nextEvent(timeout: program.nextWake.map { .until($0, from: clock.now) },
                                          watching: inbox?.fileDescriptors ?? [])
            timer?.begin("key")
            // Time passes only as an input: every event comes after the clock's reading.
            if let code = await driver.send(.tick(clock.now)) { return .quit(code) }
            var inputSeen = false
            var typed = ""
            // Everything already waiting is handled before the next frame.
            while true {
                var input: LoopInput?
                switch event {
                case .key(.char(let c)) where program.collectsTypedText:
                    typed.append(c)   // a run of typed or pasted text goes into the form in one piece
                    inputSeen = true
                case .key(let key): input = .key(key)
                case .mouse(let mouse): input = .mouse(mouse)
                case .resize(let width, let height): input = .resize(width: width, height: height)
                case .signal(let signal): return .signal(signal)
                case .fileReady(let fd):
                    if let inbox, inbox.owns(fd) {
                        for change in inbox.take() {
                            if let code = await driver.send(.board(change)) { return .quit(code) }
                        }
                    }
                case .timeout: break
                }
                if let input {
                    inputSeen = true
                    if !typed.isEmpty, let code = await driver.send(.paste(typed)) { return .quit(code) }
                    typed = ""
                    if let code = await driver.send(input) { return .quit(code) }
                }
                if case .timeout = event { break }
                event = session.nextEvent(timeout: .zero, watching: inbox?.fileDescriptors ?? [])
            }
            if !typed.isEmpty, let code = await driver.send(.paste(typed)) { return .quit(code) }
            if !inputSeen { timer?.cancelKey() }
        }
    }

    func draw() {
        program.needsDraw = false
        let (width, height) = session.size()
        let theme = program.theme()
        if theme.name != appliedTheme {
            session.apply(theme: theme)
            appliedTheme = theme.name
        }
        let frame = program.view(width: width, height: height)
        session.draw(frame.grid, cursor: frame.cursor)
        program.drawn()
        timer?.frameDrawn()
    }
}
