import CNcursesw
import Glibc
import SpotlightUI

/// Choices made when a session starts.
public struct TerminalOptions: Sendable {
    /// Named in the "needs a terminal" error, e.g. "spotlight wall".
    public var commandName: String
    /// Report clicks and the wheel. Off leaves the terminal's own text selection alone.
    public var mouse: Bool
    /// How long a lone Esc waits for the rest of an escape sequence.
    public var escapeDelayMilliseconds: Int
    /// Deliver Ctrl-C, Ctrl-\ and Ctrl-Z as keys (`.ctrl("c")`…) instead of signals: for the
    /// kiosk, where only the configured unlock may quit. SIGTERM/SIGHUP still arrive as `.signal`.
    public var rawKeys: Bool
    /// Draw with at most this depth (a `--colors` flag, tests); nil = what the terminal has.
    public var maximumColorDepth: ColorDepth?
    /// Hold stderr in a pipe (up to 256 KiB) while the screen is up and print it after: stray
    /// log lines cannot garble the board, and a crash message survives the alternate screen.
    public var holdStderr: Bool

    public init(commandName: String = "spotlight", mouse: Bool = true,
                escapeDelayMilliseconds: Int = 25, rawKeys: Bool = false,
                maximumColorDepth: ColorDepth? = nil, holdStderr: Bool = true) {
        self.commandName = commandName
        self.mouse = mouse
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.rawKeys = rawKeys
        self.maximumColorDepth = maximumColorDepth
        self.holdStderr = holdStderr
    }
}

/// The full-screen terminal: ncurses setup and teardown, drawing a `Grid`, and waiting for keys,
/// resizes, signals and the caller's file descriptors.
///
/// Single-threaded by design: ncurses is not thread-safe, so create, use and stop a session on
/// one thread (the main thread). Debug builds assert this. At most one session per process.
///
/// The terminal is restored on every path we can reach: `stop()` (idempotent), `deinit`,
/// `exit()` (an atexit hook), SIGINT/TERM/HUP/QUIT (delivered as `.signal` so the caller stops
/// the session on the main thread; a second one while the first is unread resets the tty and
/// exits at once), and crashes (the tty is reset before Swift's crash report prints).
public final class TerminalSession {
    /// The locale's character set was UTF-8. When false, ncurses still runs in C.UTF-8 if the
    /// system has it, but the UI should prefer ASCII borders and symbols.
    public let isUTF8: Bool
    public let colorDepth: ColorDepth
    /// The terminal reports mouse clicks and the wheel.
    public let hasMouse: Bool
    /// The terminal type in use (TERM).
    public let terminalName: String
    /// The last quit signal seen (by `nextEvent` or drained by `stop()`); exit 128 + it.
    public internal(set) var lastSignal: Int32?

    var screen: OpaquePointer?
    let signalFD: Int32
    let owner = pthread_self()
    var canUseDefaultColors = false
    var paints: [Role: Paint] = [:]
    /// What the screen holds since the last draw; nil forces a full repaint.
    var lastDrawn: Grid?
    /// The terminal size `lastDrawn` was drawn at.
    var lastDrawnSize: (width: Int, height: Int) = (0, 0)
    var cursorVisible = false

    private init(screen: OpaquePointer, signalFD: Int32, isUTF8: Bool, colorDepth: ColorDepth,
                 hasMouse: Bool, terminalName: String) {
        self.screen = screen
        self.signalFD = signalFD
        self.isUTF8 = isUTF8
        self.colorDepth = colorDepth
        self.hasMouse = hasMouse
        self.terminalName = terminalName
    }

    deinit { stop() }

    public static func start(options: TerminalOptions = TerminalOptions()) throws -> TerminalSession {
        if SignalGuard.isInstalled { throw TerminalError.alreadyActive }
        let isUTF8 = adoptUTF8Locale()
        guard isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError.notATerminal(command: options.commandName, stream: "stdout")
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw TerminalError.notATerminal(command: options.commandName, stream: "stdin")
        }
        let term = environment("TERM") ?? ""
        if term.isEmpty { throw TerminalError.noTerminalType }
        if term == "dumb" { throw TerminalError.noCursorAddressing(term) }

        // Before newterm, so ncurses sees our SIGINT/SIGTERM handlers and keeps its hands off.
        let signalFD = try SignalGuard.install()
        guard let screen = newterm(nil, spotlight_stdout(), spotlight_stdin()) else {
            SignalGuard.uninstall()
            throw TerminalError.unknownTerminalType(term)
        }
        guard spotlight_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(screen)
            SignalGuard.uninstall()
            throw TerminalError.noCursorAddressing(term)
        }
        let window = spotlight_stdscr()
        if options.rawKeys { raw() } else { cbreak() }
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        wtimeout(window, 0)  // every read is non-blocking; waiting is poll()'s job
        scrollok(window, false)
        leaveok(window, true)
        if !options.rawKeys { disableFlowControl() }
        set_escdelay(Int32(clamping: options.escapeDelayMilliseconds))
        curs_set(0)
        enableBracketedPaste()

        var depth = min(
            // COLORS is only set by start_color(), so ask terminfo before deciding to call it.
            ColorDepth.detect(colors: Int(max(0, tigetnum("colors"))), hasColors: has_colors(),
                              noColor: environment("NO_COLOR")),
            options.maximumColorDepth ?? .colors256)
        var defaultsOK = false
        if depth != .mono {
            if start_color() == OK {
                defaultsOK = use_default_colors() == OK
            } else {
                depth = .mono
            }
        }
        var mouseOn = false
        if options.mouse {
            let wanted = spotlight_button1_pressed() | spotlight_button1_clicked()
                | spotlight_button4_pressed() | spotlight_button5_pressed()
            mouseOn = mousemask(wanted, nil) != 0
            mouseinterval(0)  // report presses at once; no click-resolution delay
        }
        SignalGuard.arm(reset: resetSequence(mouse: mouseOn), captureStderr: options.holdStderr)

        let session = TerminalSession(screen: screen, signalFD: signalFD, isUTF8: isUTF8,
                                      colorDepth: depth,
                                      hasMouse: mouseOn, terminalName: term)
        session.canUseDefaultColors = defaultsOK
        session.apply(styles: [:])
        return session
    }

    /// Restores the terminal. Safe to call twice, and called by deinit.
    public func stop() {
        guard let screen else { return }
        checkThread()
        while let sig = SignalGuard.nextSignal() {
            if sig != SIGWINCH { lastSignal = sig }
        }
        endwin()
        Self.writeToTerminal(Self.bracketedPasteOff)
        SignalGuard.uninstall()
        delscreen(screen)
        self.screen = nil
        lastDrawn = nil
    }

    /// The terminal's size now (after a `.resize` event, the new size).
    public func size() -> (width: Int, height: Int) {
        guard screen != nil else { return (0, 0) }
        return (Int(spotlight_cols()), Int(spotlight_lines()))
    }

    func checkThread() {
        assert(pthread_equal(owner, pthread_self()) != 0,
               "TerminalSession used off the thread that started it")
    }

    /// cbreak() leaves XON/XOFF on, so Ctrl-S would freeze the screen (and never reach the
    /// compose form's submit) until Ctrl-Q. Turn it off after the last ncurses mode call and
    /// make ncurses adopt the result as its program mode.
    private static func disableFlowControl() {
        var mode = termios()
        guard tcgetattr(STDIN_FILENO, &mode) == 0 else { return }
        mode.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(STDIN_FILENO, TCSANOW, &mode)
        def_prog_mode()
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// setlocale(LC_ALL, "") is what makes ncurses emit wide characters at all. If the user's
    /// locale is not UTF-8 (LANG=C over ssh is common), C.UTF-8 still lets ncurses encode
    /// correctly; the return value tells the UI the user's own locale was not UTF-8.
    private static func adoptUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        if codesetIsUTF8() { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return false
    }

    private static func codesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    static let bracketedPasteOn = "\u{1B}[?2004h"
    static let bracketedPasteOff = "\u{1B}[?2004l"

    /// Asks the terminal to mark pastes (ESC [200~ … ESC [201~) and ncurses to decode the
    /// markers as keys, so a paste reaches the screens as text (`Key.paste`), never as keys.
    /// Terminals without the mode ignore the request; their pastes arrive as typed keys.
    private static func enableBracketedPaste() {
        define_key("\u{1B}[200~", KeyDecoder.pasteStartCode)
        define_key("\u{1B}[201~", KeyDecoder.pasteEndCode)
        writeToTerminal(bracketedPasteOn)
    }

    /// Straight to the tty, past ncurses and stdio buffers (putp goes through stdio's stdout,
    /// which nothing flushes while the screen is up).
    private static func writeToTerminal(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// What endwin would send, for the paths that cannot call it: attributes off, cursor
    /// visible, keypad transmit off, mouse reporting off, leave the alternate screen.
    private static func resetSequence(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for cap in ["sgr0", "cnorm", "rmkx"] { bytes += terminfoString(cap) }
        if mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1000l".utf8) }
        bytes += Array(bracketedPasteOff.utf8)
        bytes += terminfoString("rmcup")
        return bytes
    }

    /// A terminfo string with its `$<n>` padding delays removed (they are tputs instructions,
    /// not bytes for the terminal).
    private static func terminfoString(_ name: String) -> [UInt8] {
        guard let raw = spotlight_tigetstr(name) else { return [] }
        let source = Array(String(cString: raw).utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "$"), index + 1 < source.count,
               source[index + 1] == UInt8(ascii: "<"),
               let end = source[index...].firstIndex(of: UInt8(ascii: ">")) {
                index = end + 1
                continue
            }
            bytes.append(source[index])
            index += 1
        }
        return bytes
    }
}
