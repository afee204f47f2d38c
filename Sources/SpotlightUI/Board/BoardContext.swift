import Foundation

/// Everything a board frame depends on besides the state and the size: the board's name, the
/// theme's look, the terminal's character set and the moment (for ages).
public struct BoardContext: Sendable {
    public var boardName: String
    /// The theme's banner, e.g. "★ SERVICE SPOTLIGHT" (already chosen for the character set).
    public var banner: String
    public var border: BoxGlyphs
    public var icons: ThemeIcons
    public var isUTF8: Bool
    public var now: Date
    public var timeZone: TimeZone

    public init(boardName: String, banner: String = "★ SERVICE SPOTLIGHT", border: BoxGlyphs = .light,
                icons: ThemeIcons = .standard, isUTF8: Bool = true, now: Date, timeZone: TimeZone = .current) {
        self.boardName = boardName
        self.banner = banner
        self.border = border
        self.icons = icons
        self.isUTF8 = isUTF8
        self.now = now
        self.timeZone = timeZone
    }
}

/// The glyphs of one frame: a terminal without UTF-8 gets ASCII for every one of them.
struct BoardStyle {
    let border: BoxGlyphs
    let pin, votes, medallion, hero: String
    let dot, separator, ellipsis, pointer, rule, dash: String
    let hidden: String
    let times: String
    /// Before a story that is new since the last visit.
    let unseen: String

    init(_ context: BoardContext) {
        let u = context.isUTF8
        border = u ? context.border : .ascii
        pin = context.icons.pinned.glyph(unicode: u)
        votes = context.icons.votes.glyph(unicode: u)
        medallion = context.icons.medallion.glyph(unicode: u)
        hero = context.icons.hero.glyph(unicode: u)
        let p = Punctuation(unicode: u)
        dot = p.dot
        separator = u ? "·" : "-"
        ellipsis = p.ellipsis
        pointer = p.pointer
        rule = u ? "─" : "-"
        dash = p.dash
        hidden = "(hidden)"
        times = p.times
        unseen = u ? "•" : "*"
    }
}
