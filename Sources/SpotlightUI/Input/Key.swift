/// Input as screens see it. Defined here, not in the terminal layer, so that screens can turn
/// keys into actions as pure, testable functions; the terminal decodes ncurses codes into these.
/// A decoded key press. Printable text arrives as `.char`; control combinations that have no
/// key of their own arrive as `.ctrl` with the lower-case letter (Ctrl-S is `.ctrl("s")`).
public enum Key: Equatable, Hashable, Sendable {
    case char(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case backspace, delete, enter, escape, tab, backTab
    /// Ctrl-← / Ctrl-→ (Alt-← / Alt-→ too): to the previous or next word in a text field.
    case wordLeft, wordRight
    case ctrl(Character)
    /// F1 is `.function(1)`.
    case function(Int)
    /// A key ncurses knows but we do not name (its KEY_* code, or a raw C1 control).
    case other(Int32)
    /// Text the terminal marked as pasted (bracketed paste). Always text, never commands: a
    /// pasted "q" or ESC must not quit or cancel anything. Line breaks arrive as "\n"; control
    /// characters are still in it, for the receiving field to clean.
    case paste(String)
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
