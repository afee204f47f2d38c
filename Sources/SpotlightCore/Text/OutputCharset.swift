/// What the terminal (or the file) the text goes to can show. A non-UTF-8 locale gets `.ascii`:
/// handing such a terminal UTF-8 bytes prints mojibake several columns wide, which cuts lines
/// and moves borders.
public enum OutputCharset: Sendable, Equatable {
    case utf8
    /// Printable ASCII only: `Sanitizer` transliterates the rest (`ASCIIFallback`).
    case ascii

    public init(isUTF8: Bool) {
        self = isUTF8 ? .utf8 : .ascii
    }
}
