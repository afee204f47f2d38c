import SpotlightCore
import SpotlightTerminal

extension SpotlightError {
    /// One prefix and one exit code for a full-screen command that cannot start, whichever it is
    /// (board, wall, reel): no terminal at all is a usage error (2: use `snapshot` or `list` in a
    /// script); a terminal we cannot drive (unknown or dumb TERM) is a runtime error (1).
    init(_ error: TerminalError) {
        switch error {
        case .notATerminal: self = .usage(error.description)
        default: self = .runtime(error.description)
        }
    }
}
