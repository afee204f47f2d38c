/// Where each part of the wall goes at a given size: pure arithmetic, no text involved, so the
/// frame keeps its shape whatever a story contains (a hostile title cannot push the footer).
///
///     ┌────────────────────────┐  box (all rows but the last)
///     │ header (1 row; 3 roomy) │   (TV: 1 row, the card fills the region)
///     ├────────────────────────┤
///     │ card region (the rest)  │
///     ├────────────────────────┤
///     │ why this is on screen   │
///     │ ticker                  │
///     └─ status, if any ────────┘
///      footer: dots · hints       last row
struct WallLayout {
    let box: Rect
    let header: Rect
    let headerDividerY: Int
    /// Between the two dividers, the full inner width.
    let cardRegion: Rect
    let lowerDividerY: Int
    let why: Rect
    let ticker: Rect
    let footer: Rect
    let kind: Kind

    enum Kind: Equatable {
        /// Up to 100×30: the card fills the region, text at the terminal's size.
        case compact
        /// A three-row banner and the story in its own centred, framed card sized to the story.
        case roomy
        /// A lobby TV (120×36 and up; 240×67 is a 1080p console): the framed card fills the
        /// screen and the headline and hero are drawn in big type when a font is at hand.
        case tv
    }

    /// Big terminals: a three-row banner and the story in its own centred, framed card.
    var isRoomy: Bool { kind == .roomy }

    /// The DESIGN §4 sketch needs 80×24; from 100×30 extra space is better spent on margins
    /// than on ever longer lines; from 120×36 (a TV) on letters big enough to read across a lobby.
    static func kind(width: Int, height: Int) -> Kind {
        if width >= 120 && height >= 36 { return .tv }
        if width >= 100 && height >= 30 { return .roomy }
        return .compact
    }

    /// Assumes at least `WallScreen.minimumWidth` × `minimumHeight`.
    init(width: Int, height: Int) {
        kind = Self.kind(width: width, height: height)
        box = Rect(x: 0, y: 0, width: width, height: height - 1)
        footer = Rect(x: 1, y: height - 1, width: width - 2, height: 1)
        let inner = box.inset(by: 1)
        let (headerRows, belowHeader) = inner.splitTop(kind == .roomy ? 3 : 1)
        header = headerRows.inset(horizontal: 1, vertical: 0)
        headerDividerY = belowHeader.y
        let middle = belowHeader.splitTop(1).rest
        let (region, lower) = middle.splitBottom(3)
        cardRegion = region
        lowerDividerY = lower.y
        why = lower.row(1).inset(horizontal: 1, vertical: 0)
        ticker = lower.row(2).inset(horizontal: 1, vertical: 0)
    }

    /// Where the card's text goes in the regular layout: a margin that grows with the width.
    var cardText: Rect {
        cardRegion.inset(horizontal: cardRegion.width >= 60 ? 2 : 1, vertical: 0)
    }

    /// The framed card of the roomy layout, centred with margins, `contentRows` tall if room.
    func roomyCard(contentRows: Int) -> Rect {
        let width = min(cardRegion.width - 8, 120, max(96, cardRegion.width * 2 / 3))
        let height = min(contentRows + 4, cardRegion.height - 2)   // border and a blank row inside
        return cardRegion.centered(width: width, height: height)
    }

    /// Text area inside a roomy card frame.
    static func roomyText(in card: Rect) -> Rect {
        card.inset(by: 1).inset(horizontal: 2, vertical: 1)
    }

    /// Text width inside a roomy card, before its height is known.
    func roomyTextWidth() -> Int { Self.roomyText(in: roomyCard(contentRows: 1)).width }

    /// Rows a roomy card can hold at most.
    var roomyMaxRows: Int { max(0, cardRegion.height - 2 - 4) }

    /// The TV layout's card: the whole region but a margin, so the story fills the screen
    /// (83 % of a 240×67 screen) whatever its length.
    var tvCard: Rect { cardRegion.inset(horizontal: 2, vertical: 1) }

    /// Text area inside the TV card: a wide side margin, a blank row top and bottom.
    var tvText: Rect { tvCard.inset(by: 1).inset(horizontal: 3, vertical: 1) }
}
