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

/// A decoded key press. Printable text arrives as `.char`; control combinations that have no
/// key of their own arrive as `.ctrl` with the lower-case letter (Ctrl-S is `.ctrl("s")`).
public enum Key: Equatable, Hashable, Sendable {
    case char(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case backspace, delete, enter, escape, tab, backTab
    case ctrl(Character)
    /// F1 is `.function(1)`.
    case function(Int)
    /// A key ncurses knows but we do not name (its KEY_* code, or a raw C1 control).
    case other(Int32)
}

/// A mouse action at a screen cell (0-based, from the top-left).
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case click, wheelUp, wheelDown }

    public var x: Int
    public var y: Int
    public var kind: Kind

    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}
