import SpotlightCore

/// The lobby wall (DESIGN §4) as a pure function: a view model and a size in, a grid out.
/// No clock, no store, no terminal: the same inputs always give the same frame, which is what
/// makes golden-frame tests and `spotlight snapshot` possible.
public enum WallScreen {
    /// Below this the wall shows an "enlarge the terminal" card instead (DESIGN §2.4).
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    /// Whether a frame of this size draws big type when the model has a font (the TV layout),
    /// so callers read the font only when it can show.
    public static func usesBigType(width: Int, height: Int) -> Bool {
        WallLayout.kind(width: width, height: height) == .tv
    }

    /// Every string is drawn in what the terminal can show (`model.isUTF8`), see `SafeText.charset`.
    public static func render(_ model: WallViewModel, width: Int, height: Int) -> Grid {
        SafeText.rendering(for: OutputCharset(isUTF8: model.isUTF8)) { draw(model, width: width, height: height) }
    }

    private static func draw(_ model: WallViewModel, width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        let style = WallStyle(model)
        guard grid.width >= minimumWidth, grid.height >= minimumHeight else {
            tooSmall(grid.width, grid.height, style: style).render(into: &grid, area: grid.bounds)
            return grid
        }
        let layout = WallLayout(width: grid.width, height: grid.height)
        let frame = BoxWidget(glyphs: style.border, bottomLabel: model.statusLine, bottomLabelRole: .error)
        frame.render(into: &grid, area: layout.box)
        frame.divider(into: &grid, area: layout.box, y: layout.headerDividerY)
        frame.divider(into: &grid, area: layout.box, y: layout.lowerDividerY)

        WallHeader(model: model, style: style, isBig: layout.kind != .compact).render(into: &grid, area: layout.header)
        if let card = model.card {
            renderCard(card, model: model, style: style, layout: layout, into: &grid)
        } else {
            if let panel = model.panel {
                TextPanel(lines: panel, ellipsis: style.ellipsis).render(into: &grid, area: layout.cardText)
            } else {
                let message = model.announcement.map { WallMessageCard(wordings: [$0], glyphs: style.border, role: .title) }
                (message ?? emptyBoard(style: style)).render(into: &grid, area: layout.cardText)
            }
        }
        if !model.reason.isEmpty {
            SpanLine([Span("Why: ", role: .dim), Span(model.reason, role: .meta)], ellipsis: style.ellipsis)
                .render(into: &grid, area: layout.why)
        }
        Ticker(
            label: model.tickerLabel, headlines: model.ticker, offset: model.tickerOffset,
            separator: style.tickerSeparator, ellipsis: style.ellipsis
        ).render(into: &grid, area: layout.ticker)
        WallFooter(model: model, style: style).render(into: &grid, area: layout.footer)
        return grid
    }

    /// Compact: the card fills the region. Roomy: a framed card sized to its story, centred.
    /// TV: a framed card filling the region, big type when the model has a font and the
    /// terminal shows UTF-8 (half blocks are not ASCII).
    private static func renderCard(_ card: WallCard, model: WallViewModel, style: WallStyle, layout: WallLayout, into grid: inout Grid) {
        if layout.kind == .tv {
            BoxWidget(glyphs: style.border).render(into: &grid, area: layout.tvCard)
            WallTVCard(card: card, style: style, font: model.isUTF8 ? model.font : nil).render(into: &grid, area: layout.tvText)
            return
        }
        let view = WallCardView(card: card, style: style, maxTitleLines: layout.isRoomy ? 3 : 2)
        guard layout.isRoomy else {
            let area = layout.cardText
            view.render(view.prepare(width: area.width, rows: area.height), into: &grid, area: area)
            return
        }
        let prepared = view.prepare(width: layout.roomyTextWidth(), rows: layout.roomyMaxRows)
        let box = layout.roomyCard(contentRows: prepared.plan.used)
        BoxWidget(glyphs: style.border).render(into: &grid, area: box)
        view.render(prepared, into: &grid, area: WallLayout.roomyText(in: box))
    }

    private static func emptyBoard(style: WallStyle) -> WallMessageCard {
        WallMessageCard(
            wordings: ["No stories yet \(style.dash) post one with `spotlight post`", "No stories yet"],
            glyphs: style.border, role: .dim
        )
    }

    private static func tooSmall(_ width: Int, _ height: Int, style: WallStyle) -> WallMessageCard {
        let need = "\(minimumWidth)\(style.times)\(minimumHeight)"
        let now = "\(width)\(style.times)\(height)"
        return WallMessageCard(
            wordings: [
                "Enlarge the terminal to at least \(need) (now \(now))",
                "Enlarge to at least \(need) (now \(now))",
                "Enlarge to \(need) (now \(now))",
                "Enlarge to \(need) now \(now)",
                "Enlarge to \(need)",
                need,
            ],
            glyphs: style.border, role: .status
        )
    }
}
