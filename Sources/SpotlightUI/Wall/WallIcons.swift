/// A marker on the wall with its stand-in for terminals that cannot show it.
public struct WallIcon: Sendable, Equatable {
    public var text: String
    /// Used when the terminal is not UTF-8.
    public var ascii: String

    public init(_ text: String, ascii: String) {
        self.text = text
        self.ascii = ascii
    }

    func glyph(unicode: Bool) -> String { unicode ? text : ascii }
}

/// The markers the wall draws (📌 PINNED, ✨ NEW, ★ 14, 🏅 1, 🙌 Mary). Mapped by the caller
/// from the theme, so the wall does not depend on the theme types.
public struct WallIcons: Sendable, Equatable {
    public var pin: WallIcon
    public var new: WallIcon
    public var votes: WallIcon
    public var medallion: WallIcon
    public var hero: WallIcon

    public init(pin: WallIcon, new: WallIcon, votes: WallIcon, medallion: WallIcon, hero: WallIcon) {
        self.pin = pin
        self.new = new
        self.votes = votes
        self.medallion = medallion
        self.hero = hero
    }

    public static let standard = WallIcons(
        pin: WallIcon("📌", ascii: "*"), new: WallIcon("✨", ascii: "+"), votes: WallIcon("★", ascii: "^"),
        medallion: WallIcon("🏅", ascii: "@"), hero: WallIcon("🙌", ascii: "=>")
    )
}

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
        pin = model.icons.pin.glyph(unicode: u)
        new = model.icons.new.glyph(unicode: u)
        votes = model.icons.votes.glyph(unicode: u)
        medallion = model.icons.medallion.glyph(unicode: u)
        hero = model.icons.hero.glyph(unicode: u)
        dot = u ? " · " : " - "
        ellipsis = u ? "…" : "..."
        tickerSeparator = u ? " ▸ " : " > "
        dotOn = u ? "●" : "*"
        dotOff = u ? "○" : "."
        times = u ? "×" : "x"
        dash = u ? "—" : "-"
        leftRight = u ? "←/→" : "<-/->"
        paused = u ? "❚❚ PAUSED" : "|| PAUSED"
    }
}
