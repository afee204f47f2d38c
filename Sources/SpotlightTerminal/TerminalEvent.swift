import SpotlightUI

/// Something that ended a wait in `TerminalSession.nextEvent`.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// The terminal changed size; ncurses has already adopted the new size. Redraw.
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    /// One of the caller's watched descriptors is readable (level-triggered: read it, or the
    /// next wait returns at once again).
    case fileReady(Int32)
    case timeout
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived (or the terminal went away, reported as
    /// SIGHUP). Stop the session and exit with 128 + the number.
    case signal(Int32)
}
