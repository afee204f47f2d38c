import CSignalGuard
import Glibc

/// The Swift face of `CSignalGuard` (a C target: handlers must be async-signal-safe, and its state
/// has one definition in `signal_guard.c`, whatever the optimiser inlines).
///
/// Lifecycle: `install()` before `newterm` (so ncurses does not claim SIGINT/SIGTERM itself),
/// `arm(reset:)` after it, `uninstall()` after `endwin`.
enum SignalGuard {
    static var isInstalled: Bool { spotlight_guard_installed() != 0 }

    /// Creates the self-pipe and catches SIGINT/TERM/HUP/QUIT and crash signals.
    /// Returns the pipe's read end, to be polled with stdin.
    static func install() throws -> Int32 {
        unblockQuitSignals()
        let fd = spotlight_guard_install()
        guard fd >= 0 else { throw TerminalError.setupFailed("no pipe for signal delivery") }
        return fd
    }

    /// Records the byte sequence that undoes the screen for the emergency paths (second
    /// interrupt while stuck, crash), and chains SIGWINCH behind ncurses' handler.
    /// With `captureStderr`, stderr is held in a pipe until the screen is gone (see signal_guard.h).
    static func arm(reset: [UInt8], captureStderr: Bool) {
        reset.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                spotlight_guard_arm(chars.baseAddress, Int32(chars.count), captureStderr ? 1 : 0)
            }
        }
    }

    /// A parent (a test runner, some supervisors) may start us with these signals blocked; a
    /// kiosk that can never receive SIGHUP or SIGTERM would never restart or stop.
    private static func unblockQuitSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Restores every signal's previous handler and the real stderr (printing what it held).
    static func uninstall() { spotlight_guard_uninstall() }

    /// The next caught signal number, or nil when none is waiting. Never blocks.
    static func nextSignal() -> Int32? {
        let sig = spotlight_guard_next_signal()
        return sig == 0 ? nil : sig
    }
}
