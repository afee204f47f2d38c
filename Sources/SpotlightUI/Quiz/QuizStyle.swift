/// The quiz screen's own glyphs and words, per terminal: a non-UTF-8 terminal gets ASCII.
struct QuizStyle {
    let border: BoxGlyphs
    let pointer: String
    let right: String
    let wrong: String
    let dot: String
    let dash: String
    /// Between the ends of a range: "1–4".
    let range: String
    let ellipsis: String
    let times: String
    let filled: String
    let empty: String
    let upDown: String

    init(isUTF8: Bool, border: BoxGlyphs) {
        let p = Punctuation(unicode: isUTF8)
        self.border = isUTF8 ? border : .ascii
        pointer = p.pointer
        right = isUTF8 ? "✓" : "+"
        wrong = isUTF8 ? "✗" : "x"
        dot = p.dot
        dash = p.dash
        range = isUTF8 ? "–" : "-"
        ellipsis = p.ellipsis
        times = p.times
        filled = isUTF8 ? "●" : "*"
        empty = isUTF8 ? "○" : "."
        upDown = isUTF8 ? "↑↓" : "up/down"
    }
}
