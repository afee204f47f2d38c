/// The punctuation every screen draws around user text, in one table: a terminal without
/// UTF-8 gets the ASCII column for all of it (htop's one-place-decides habit). Screen styles
/// (`WallStyle`, `BoardStyle`, `ComposeStyle`) take their shared glyphs from here.
struct Punctuation {
    /// Between pieces of one line: " · ".
    let dot: String
    let ellipsis: String
    /// Sizes, "40×12".
    let times: String
    let dash: String
    /// A marker in front of the selected or focused thing.
    let pointer: String

    init(unicode: Bool) {
        dot = unicode ? " · " : " - "
        ellipsis = unicode ? "…" : "..."
        times = unicode ? "×" : "x"
        dash = unicode ? "—" : "-"
        pointer = unicode ? "▸" : ">"
    }
}
