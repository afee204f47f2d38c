/// The last row: where the wall is in its cycle, whether it is paused, and the keys; in kiosk
/// mode only whether it is paused. Key hints are dropped one by one on narrow terminals, least useful first.
struct WallFooter: Widget {
    let model: WallViewModel
    let style: WallStyle

    func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let dots = ProgressDots(
            index: model.position.index, count: model.position.count, unit: model.position.unit,
            filled: style.dotOn, empty: style.dotOff
        )
        // The dots may take half the row; past that "3 of 70 stories" says the same in less room.
        let dotsWidth = dots.fullWidth <= area.width / 2 ? dots.fullWidth : SafeText(dots.label).width
        var rest = area
        // A lobby (kiosk) shows no counter: passers-by cannot act on it.
        if model.position.count > 0, !model.kiosk {
            let (left, right) = area.splitLeft(dotsWidth)
            dots.render(into: &grid, area: left)
            rest = right.splitLeft(2).rest
        }
        if model.isPaused {
            let paused = SafeText(style.paused)
            if paused.width <= rest.width {
                grid.put(paused, x: rest.x, y: rest.y, role: .status)
                rest = rest.splitLeft(paused.width + 2).rest
            }
        }
        guard !model.kiosk else { return }
        hints().render(into: &grid, area: rest)
    }

    /// Quit and pause matter most to someone walking up to the screen; theme least. Opened
    /// from the board, q goes back to it, and the hint says so.
    private func hints() -> BadgeRow {
        BadgeRow([
            Badge(model.isPaused ? "space resume" : "space pause", role: .dim, priority: 4),
            Badge(style.leftRight, role: .dim, priority: 3),
            Badge("u upvote", role: .dim, priority: 2),
            Badge("t theme", role: .dim, priority: 1),
            Badge("? help", role: .dim, priority: 0),
            Badge(model.isEmbedded ? "q back" : "q quit", role: .dim, priority: 5),
        ], separator: style.dot.trimmingSpaces, separatorRole: .dim, align: .right)
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
