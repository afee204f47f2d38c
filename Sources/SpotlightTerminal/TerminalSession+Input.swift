import SpotlightUI
import CNcursesw
import Glibc

extension TerminalSession {
    /// Waits for the next thing to happen: a key, mouse action, resize, quit signal, one of
    /// `fds` becoming readable, or `timeout` (nil = wait forever). Blocks in a single poll() —
    /// an idle session costs no CPU.
    ///
    /// Order: caught signals first, then input ncurses already buffered, then poll() on stdin,
    /// the signal pipe and `fds`. SIGWINCH also writes to the signal pipe, so a resize that lands
    /// between the buffer check and poll() still wakes it (no lost KEY_RESIZE).
    /// The terminal going away (stdin hung up) is reported as `.signal(SIGHUP)`.
    public func nextEvent(timeout: Duration?, watching fds: [Int32] = []) -> TerminalEvent {
        checkThread()
        precondition(screen != nil, "nextEvent on a stopped TerminalSession")
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: $0) }
        var pollSet = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0)]
        pollSet += fds.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        var resized = false
        var emptyReads = 0

        while true {
            while let sig = SignalGuard.nextSignal() {
                if sig == SIGWINCH {
                    resized = true
                } else {
                    lastSignal = sig
                    return .signal(sig)
                }
            }
            if let event = readInput() { return event }
            if resized, let event = adoptSizeIfMissed() { return event }
            resized = false

            for index in pollSet.indices { pollSet[index].revents = 0 }
            let ready = poll(&pollSet, nfds_t(pollSet.count), Self.milliseconds(until: deadline, clock))
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }  // SIGWINCH lands here too
                return .timeout  // EINVAL/ENOMEM: nothing sensible to wait on
            }
            if ready == 0 { return .timeout }
            let stdinState = Int32(pollSet[0].revents)
            if stdinState & (POLLERR | POLLHUP | POLLNVAL) != 0 { return hangUp() }
            if pollSet[1].revents != 0 { continue }
            if stdinState & POLLIN != 0 {
                if let event = readInput() { return event }
                // Readable yet nothing decoded: usually a partial sequence ncurses keeps, but
                // readable-and-empty again and again is end of file (the terminal is gone).
                emptyReads += 1
                if emptyReads >= 3 { return hangUp() }
                continue
            }
            if let watched = pollSet.dropFirst(2).first(where: { $0.revents != 0 }) {
                return .fileReady(watched.fd)
            }
        }
    }

    /// One decoded event from ncurses (its own buffer or the tty), or nil. Never blocks:
    /// the window's timeout is 0.
    private func readInput() -> TerminalEvent? {
        var character: wint_t = 0
        while true {
            let status = wget_wch(spotlight_stdscr(), &character)
            if status == ERR { return nil }
            guard status == spotlight_key_code_yes() else {
                return .key(KeyDecoder.decode(character: UInt32(character)))
            }
            switch KeyDecoder.decode(keyCode: Int32(bitPattern: character)) {
            case .resize:
                // ncurses has already resized its screen (LINES/COLS) before returning this.
                lastDrawn = nil
                let now = size()
                return .resize(width: now.width, height: now.height)
            case .mouse:
                if let mouse = readMouse() { return .mouse(mouse) }
            case let .key(key):
                return .key(key)
            case .pasteStart:
                return .key(.paste(readPaste()))
            case .pasteEnd:
                continue  // an end marker without its start (the start came before the screen)
            }
        }
    }

    /// Everything up to the paste's end marker, as text, read straight from the tty (see
    /// `PasteReader`). Waits for the rest of a long paste but gives up after a quiet second (a
    /// terminal that never sends the end marker), so a paste can never hold the loop. A quit
    /// signal during a paste is handled right after it. Bytes typed after the end marker go back
    /// to ncurses (its push-back queue holds about a line; a longer burst is cut there).
    private func readPaste() -> String {
        var reader = PasteReader()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var wait = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        while !reader.isComplete {
            wait[0].revents = 0
            let ready = poll(&wait, 1, Self.pasteQuietMilliseconds)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0, wait[0].revents & Int16(POLLIN) != 0 else { break }
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { break }
            _ = reader.feed(chunk[..<count])
        }
        for byte in reader.leftover.reversed() { ungetch(Int32(byte)) }
        return reader.text
    }

    /// How long a paste may pause before we stop waiting for its end marker.
    static let pasteQuietMilliseconds: Int32 = 1000

    private func readMouse() -> MouseEvent? {
        var x: Int32 = 0
        var y: Int32 = 0
        var buttons: mmask_t = 0
        guard spotlight_getmouse(&x, &y, &buttons) == 0 else { return nil }
        let kind: MouseEvent.Kind
        if buttons & (spotlight_button1_pressed() | spotlight_button1_clicked()) != 0 {
            kind = .click
        } else if buttons & spotlight_button4_pressed() != 0 {
            kind = .wheelUp
        } else if buttons & spotlight_button5_pressed() != 0 {
            kind = .wheelDown
        } else {
            return nil  // releases, other buttons
        }
        return MouseEvent(x: Int(x), y: Int(y), kind: kind)
    }

    /// SIGWINCH arrived but ncurses produced no KEY_RESIZE (its handler is not installed, e.g.
    /// the disposition was not default when the screen started): resize it ourselves.
    private func adoptSizeIfMissed() -> TerminalEvent? {
        var window = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0,
              window.ws_col > 0, window.ws_row > 0 else { return nil }
        let width = Int(window.ws_col)
        let height = Int(window.ws_row)
        guard size() != (width, height) else { return nil }
        // resizeterm also queues a KEY_RESIZE; it will arrive as a second, harmless .resize.
        resizeterm(Int32(height), Int32(width))
        lastDrawn = nil
        return .resize(width: width, height: height)
    }

    private func hangUp() -> TerminalEvent {
        lastSignal = SIGHUP
        return .signal(SIGHUP)
    }

    /// poll()'s timeout: -1 forever, else milliseconds left rounded up (rounding down would
    /// wake a little early and spin through a burst of zero-timeout polls).
    static func milliseconds(until deadline: ContinuousClock.Instant?, _ clock: ContinuousClock) -> Int32 {
        guard let deadline else { return -1 }
        let left = clock.now.duration(to: deadline)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: millis)
    }
}
