import SpotlightCore

/// The story card: badges, title, body, hero and department, votes and medallions, byline.
/// Wraps its text once, plans rows with `WallCardPlan`, then draws; it never writes outside
/// the area it is given, whatever the story contains.
struct WallCardView {
    let card: WallCard
    let style: WallStyle
    let maxTitleLines: Int

    /// The wrapped text and the row plan for a text area `width` wide and at most `rows` tall.
    struct Prepared {
        let plan: WallCardPlan
        let title: [SafeText]
        let body: [SafeText]
        /// Columns at the start of the first title line that belong to an inline badge.
        let inlineBadgeWidth: Int
    }

    func prepare(width: Int, rows: Int) -> Prepared {
        // One line more than can show, so a clipped last line can be filled from the next.
        let titleWrap = WrappedLines(card.title, width: width, lineLimit: maxTitleLines + 1)
        let bodyWrap = WrappedLines(card.body, width: width, lineLimit: rows + 1)
        let hasBadges = card.hasBadges
        let plan = WallCardPlan(
            rows: rows, titleLines: min(titleWrap.lines.count, maxTitleLines), bodyLines: min(bodyWrap.lines.count, rows),
            hasBadges: hasBadges
        )
        var title = titleWrap.visible(plan.title, width: width, ellipsis: style.ellipsis)
        var inline = 0
        if hasBadges, plan.badges == 0, plan.title > 0 {
            // No row for the badge line: the icon leads the title instead.
            let icon = SafeText((card.isPinned ? style.pin : card.certified != nil ? style.medallion : style.new) + " ")
            let withIcon = WrappedLines(icon.string + card.title, width: width, lineLimit: plan.title + 1)
            title = withIcon.visible(plan.title, width: width, ellipsis: style.ellipsis)
            inline = icon.width
        }
        let body = bodyWrap.visible(plan.body, width: width, ellipsis: style.ellipsis)
        return Prepared(plan: plan, title: title, body: body, inlineBadgeWidth: inline)
    }

    /// Draws a prepared card, centred vertically in `area` when rows are left over.
    func render(_ p: Prepared, into grid: inout Grid, area: Rect) {
        var y = area.y + max(0, area.height - p.plan.used) / 2
        func line() -> Rect {
            defer { y += 1 }
            return Rect(x: area.x, y: y, width: area.width, height: 1)
        }
        if p.plan.badges > 0 { badgeRow().render(into: &grid, area: line()) }
        for (i, text) in p.title.enumerated() {
            let row = line()
            grid.put(text, x: row.x, y: row.y, role: .title, maxWidth: row.width)
            if i == 0, p.inlineBadgeWidth > 0 {
                grid.paint(Rect(x: row.x, y: row.y, width: p.inlineBadgeWidth, height: 1), role: card.isPinned ? .pinned : .new)
            }
        }
        y += p.plan.gapAfterTitle
        WrappedText.draw(p.body, into: &grid, area: Rect(x: area.x, y: y, width: area.width, height: p.plan.body), role: .body)
        y += p.plan.body + p.plan.gapBeforeMeta
        if p.plan.hero > 0 { SpanLine(heroSpans(), ellipsis: style.ellipsis).render(into: &grid, area: line()) }
        if p.plan.stats > 0 { statsRow().render(into: &grid, area: line()) }
        if p.plan.byline > 0 {
            let row = line()
            SpanLine(bylineSpans(width: row.width), ellipsis: style.ellipsis).render(into: &grid, area: row)
        }
    }

    func badgeRow() -> BadgeRow {
        var items: [Badge] = []
        if card.isPinned { items.append(Badge(style.pin + " PINNED", role: .pinned, priority: 2)) }
        if card.isNew { items.append(Badge(style.new + " NEW", role: .new, priority: 1)) }
        if card.certified != nil { items.append(Badge(style.medallion + " CERTIFIED", role: .new, priority: 1)) }
        return BadgeRow(items, spacing: 3)
    }

    /// "🙌 Mary Lopez · Customer Support"; no department when it only repeats the team's name.
    func heroSpans() -> [Span] {
        var spans: [Span] = []
        if !card.hero.isEmpty {
            spans.append(Span(style.hero + " ", role: .hero))
            spans.append(Span(card.hero, role: .hero))
        }
        if !card.department.isEmpty, Story.department(card.department, besideHero: card.hero) != nil {
            if !spans.isEmpty { spans.append(Span(style.dot, role: .dim)) }
            spans.append(Span(card.department, role: .meta))
        }
        return spans
    }

    /// "★ 14   🏅 1   external customer": the customer kind goes first when narrow, then medallions.
    func statsRow() -> BadgeRow {
        if card.certified != nil {
            // A certification has no votes: the row names the level instead.
            return BadgeRow(card.customerKind.isEmpty ? [] : [Badge(card.customerKind, role: .badge, priority: 1)], spacing: 3)
        }
        var items = [Badge("\(style.votes) \(card.votes)", role: .badge, priority: 3)]
        if card.medallions > 0 { items.append(Badge("\(style.medallion) \(card.medallions)", role: .badge, priority: 2)) }
        if !card.customerKind.isEmpty { items.append(Badge(card.customerKind, role: .dim, priority: 1)) }
        return BadgeRow(items, spacing: 3)
    }

    /// "posted by John Park · 2 days ago", or "told by Dana · posted by alice · 2 days ago": the
    /// real account is always shown whole; a long typed teller's name is what gets cut.
    func bylineSpans(width: Int) -> [Span] {
        var tail = [Span("posted by ", role: .dim), Span(card.author, role: .meta)]
        switch card.certified {
        case .quiz?: tail = [Span("passed the quiz", role: .dim)]
        case .manager(let by)?: tail = [Span("granted by ", role: .dim), Span(by, role: .meta)]
        case nil: break
        }
        if !card.age.isEmpty {
            tail.append(Span(style.dot, role: .dim))
            tail.append(Span(card.age, role: .dim))
        }
        guard let toldBy = card.toldBy else { return tail }
        let lead = Span("told by ", role: .dim), dot = Span(style.dot, role: .dim)
        let room = width - SpanLine(tail).width - lead.text.width - dot.text.width
        guard room > 0 else { return tail }
        let name = SafeText(toldBy)
        return [lead, Span(name.width <= room ? name : name.truncated(toWidth: room, ellipsis: style.ellipsis), role: .meta), dot] + tail
    }
}
