/// Everything the wall draws that is not user text, resolved once per frame for the terminal:
/// a non-UTF-8 terminal gets ASCII for every glyph, including punctuation, not just borders.
struct WallStyle {
    let border: BoxGlyphs
    let pin, new, votes, medallion, hero: String
    /// Between pieces of one line: " · ".
    let dot: String
    let ellipsis: String
    let tickerSeparator: String
    let dotOn, dotOff: String
    let times: String
    let dash: String
    let leftRight: String
    let paused: String

    init(_ model: WallViewModel) {
        let u = model.isUTF8
        border = u ? model.border : .ascii
        pin = model.icons.pinned.glyph(unicode: u)
        new = model.icons.new.glyph(unicode: u)
        votes = model.icons.votes.glyph(unicode: u)
        medallion = model.icons.medallion.glyph(unicode: u)
        hero = model.icons.hero.glyph(unicode: u)
        let p = Punctuation(unicode: u)
        dot = p.dot
        ellipsis = p.ellipsis
        tickerSeparator = u ? " ▸ " : " > "
        dotOn = u ? "●" : "*"
        dotOff = u ? "○" : "."
        times = p.times
        dash = p.dash
        leftRight = u ? "←/→" : "<-/->"
        paused = u ? "❚❚ PAUSED" : "|| PAUSED"
    }
}
