/// Why a full-screen session could not start. `description` is the one line to print on stderr.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// stdout or stdin (named) is not a terminal: output is piped or redirected.
    case notATerminal(command: String, stream: String)
    /// TERM is not set.
    case noTerminalType
    /// terminfo has no description for this TERM.
    case unknownTerminalType(String)
    /// The terminal cannot move the cursor (TERM=dumb, hard-copy terminals).
    case noCursorAddressing(String)
    /// Another session is still open in this process.
    case alreadyActive
    /// The system refused something we need (a pipe for signals, …).
    case setupFailed(String)

    public var description: String {
        switch self {
        case let .notATerminal(command, stream):
            return "`\(command)` needs a terminal: \(stream) is not a tty; for scripts use `spotlight snapshot`, `spotlight list` or `spotlight show ID`"
        case .noTerminalType:
            return "TERM is not set: set TERM to one your system knows (e.g. xterm-256color)"
        case let .unknownTerminalType(name):
            return "unknown terminal type '\(name)': set TERM to one your system knows (e.g. xterm-256color)"
        case let .noCursorAddressing(name):
            return "terminal type '\(name)' cannot move the cursor, so a full screen cannot be drawn: "
                + "use a real terminal (e.g. TERM=xterm-256color) or `spotlight snapshot`"
        case .alreadyActive:
            return "internal error: a terminal session is already running in this process"
        case let .setupFailed(what):
            return "cannot set up the terminal: \(what)"
        }
    }
}
