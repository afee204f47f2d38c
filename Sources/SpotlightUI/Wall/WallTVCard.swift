import SpotlightCore

/// The story card of the TV layout, read from across a lobby: the headline in the biggest type
/// that fits with room left for the rest, the hero's name big below it when it fits too, then
/// body, votes and byline at the terminal's size. Without a font (or on an ASCII terminal) the
/// same card with every line as text. Rows are planned before anything is drawn, and the
/// content is centred vertically in the card.
struct WallTVCard {
    let card: WallCard
    let style: WallStyle
    /// Nil: no big type.
    let font: HexFont?

    /// What the card shows and how many rows each part takes.
    struct Plan: Equatable {
        var badges = 0
        var bigTitle: BigTitle?
        var title: [SafeText] = []
        var gapAfterTitle = 0
        /// The hero's name in big type at scale 1, with the department (if any) on the row below.
        var bigHero: String?
        var heroRows = 0
        var gapAfterHero = 0
        var body: [SafeText] = []
        var gapBeforeMeta = 0
        var meta = 0

        var titleRows: Int { bigTitle?.rows ?? title.count }
        var used: Int { badges + titleRows + gapAfterTitle + heroRows + gapAfterHero + body.count + gapBeforeMeta + meta }
    }

    /// Normal-text headlines get up to this many lines.
    static let titleLines = 3
    /// The body's share of rows before the big headline and hero may take theirs.
    static let minimumBodyLines = 3

    private var view: WallCardView { WallCardView(card: card, style: style, maxTitleLines: Self.titleLines) }

    private var department: String? {
        card.department.isEmpty ? nil : Story.department(card.department, besideHero: card.hero)
    }

    func plan(width: Int, rows: Int) -> Plan {
        var plan = Plan()
        guard width > 0, rows > 0 else { return plan }
        let bodyWrap = WrappedLines(card.body, width: width, lineLimit: rows + 1)
        let bodyWanted = bodyWrap.lines.count
        let heroText = !card.hero.isEmpty || department != nil
        plan.badges = card.hasBadges ? 1 : 0
        plan.gapBeforeMeta = 1
        plan.meta = 2
        plan.gapAfterHero = heroText && bodyWanted > 0 ? 1 : 0
        let normalHeroRows = heroText ? 1 : 0
        /// Rows everything but the headline needs, with `heroRows` for the hero.
        func rest(heroRows: Int) -> Int {
            plan.badges + 1 + heroRows + plan.gapAfterHero + min(Self.minimumBodyLines, bodyWanted) + plan.gapBeforeMeta + plan.meta
        }
        if let font {
            plan.bigTitle = BigTitle.fit(card.title, font: font, width: width, maxRows: rows - rest(heroRows: normalHeroRows))
        }
        if plan.bigTitle == nil {
            plan.title = WrappedLines(card.title, width: width, lineLimit: Self.titleLines + 1)
                .visible(Self.titleLines, width: width, ellipsis: style.ellipsis)
        }
        plan.gapAfterTitle = plan.titleRows > 0 ? 1 : 0
        plan.heroRows = normalHeroRows
        if let font, let big = bigHero(font: font, width: width) {
            let heroRows = BigText(font: font, scale: 1).lineRows + (department == nil ? 0 : 1)
            if plan.titleRows + rest(heroRows: heroRows) <= rows {
                plan.bigHero = big
                plan.heroRows = heroRows
            }
        }
        let left = rows - plan.used
        plan.body = bodyWrap.visible(max(0, min(bodyWanted, left)), width: width, ellipsis: style.ellipsis)
        // Too short for everything (only near 120×36 with a long headline): drop the gaps first.
        if plan.used > rows { plan.gapBeforeMeta = 0 }
        if plan.used > rows { plan.gapAfterHero = 0 }
        return plan
    }

    /// The hero's name when it can be drawn big on one line.
    private func bigHero(font: HexFont, width: Int) -> String? {
        let name = SafeText(card.hero)
        guard !name.isEmpty, name.width * 8 <= width, BigText.canDraw(name.string, with: font) else { return nil }
        return name.string
    }

    func render(into grid: inout Grid, area: Rect) {
        let plan = plan(width: area.width, rows: area.height)
        var y = area.y + max(0, area.height - plan.used) / 2
        func line() -> Rect {
            defer { y += 1 }
            return y < area.maxY ? Rect(x: area.x, y: y, width: area.width, height: 1) : .zero
        }
        func clipped(_ rows: Int) -> Rect {
            Rect(x: area.x, y: y, width: area.width, height: min(rows, area.maxY - y))   // never below the card
        }
        if plan.badges > 0 { view.badgeRow().render(into: &grid, area: line()) }
        if let big = plan.bigTitle, let font {
            big.render(font: font, into: &grid, area: clipped(big.rows), role: .title)
            y += big.rows
        } else {
            WrappedText.draw(plan.title, into: &grid, area: clipped(plan.title.count), role: .title)
            y += plan.title.count
        }
        y += plan.gapAfterTitle
        if let name = plan.bigHero, let font {
            let big = BigText(font: font, scale: 1)
            big.draw(name, into: &grid, x: area.x, y: y, role: .hero, clip: clipped(big.lineRows))
            y += big.lineRows
            if let department { SpanLine([Span(department, role: .meta)], ellipsis: style.ellipsis).render(into: &grid, area: line()) }
        } else if plan.heroRows > 0 {
            SpanLine(view.heroSpans(), ellipsis: style.ellipsis).render(into: &grid, area: line())
        }
        y += plan.gapAfterHero
        WrappedText.draw(plan.body, into: &grid, area: clipped(plan.body.count), role: .body)
        y += plan.body.count + plan.gapBeforeMeta
        view.statsRow().render(into: &grid, area: line())
        let byline = line()
        SpanLine(view.bylineSpans(width: byline.width), ellipsis: style.ellipsis).render(into: &grid, area: byline)
    }
}
