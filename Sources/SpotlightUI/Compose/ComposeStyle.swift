/// The glyphs and words of the compose screen that are not user text, per terminal: a non-UTF-8
/// terminal gets ASCII for all of them.
struct ComposeStyle {
    let border: BoxGlyphs
    let radioOn, radioOff: String
    /// Before the focused field's label, in the blank column inside the border.
    let focusMarker: String
    /// Before an error under a field.
    let errorMark: String
    let dot: String
    let ellipsis: String
    let times: String
    let upDown: String
    let leftRight: String
    let right: String

    init(isUTF8: Bool, border: BoxGlyphs) {
        self.border = isUTF8 ? border : .ascii
        radioOn = isUTF8 ? "(•)" : "(*)"
        radioOff = "( )"
        let p = Punctuation(unicode: isUTF8)
        focusMarker = p.pointer
        errorMark = isUTF8 ? "✗" : "!"
        dot = p.dot
        ellipsis = p.ellipsis
        times = p.times
        upDown = isUTF8 ? "↑↓" : "up/down"
        leftRight = isUTF8 ? "←→" : "left/right"
        right = isUTF8 ? "→" : "right"
    }
}
