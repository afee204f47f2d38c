/// The top of the wall: banner, board name and clock. On one row as "★ SERVICE SPOTLIGHT ·
/// Acme Support ... Tue 24 Nov 14:05"; on big terminals the banner is letter-spaced and
/// centred between board name and clock, with a blank row above and below.
struct WallHeader: Widget {
    let banner: SafeText
    let board: SafeText
    let clock: SafeText
    let style: WallStyle
    let isBig: Bool

    init(model: WallViewModel, style: WallStyle, isBig: Bool) {
        banner = SafeText(model.banner)
        board = SafeText(model.boardName)
        clock = SafeText(model.clock)
        self.style = style
        self.isBig = isBig
    }

    func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let row = area.row(area.height / 2)
        if isBig, renderBig(into: &grid, row: row) { return }
        renderLine(into: &grid, row: row)
    }

    /// Board name left, clock right, banner centred between them if it fits with a gap.
    private func renderBig(into grid: inout Grid, row: Rect) -> Bool {
        // Letter-spacing suits narrow letters ("S E R V I C E"); CJK is wide enough already.
        let spaced = banner.width == banner.string.count ? [banner.letterSpaced(), banner] : [banner]
        for candidate in spaced {
            let start = TextAlign.center.startX(in: row, textWidth: candidate.width)
            guard start >= row.x + board.width + 3, start + candidate.width <= row.maxX - clock.width - 3 else { continue }
            grid.put(board, x: row.x, y: row.y, role: .accent)
            grid.put(candidate, x: start, y: row.y, role: .banner)
            grid.put(clock, x: row.maxX - clock.width, y: row.y, role: .meta)
            return true
        }
        return false
    }

    /// Tries, in order: everything; the time only (the last word of the clock, since the date
    /// matters least on a wall watched all day); then the board name cut; then the banner cut.
    private func renderLine(into grid: inout Grid, row: Rect) {
        let shortClock = SafeText(clock.string.split(separator: " ").last.map(String.init) ?? "")
        let dot = SafeText(style.dot)
        let clocks = [clock, shortClock]
        func left(_ room: Int) -> [Span]? {
            banner.width + dot.width + board.width <= room ? spans(board) : nil
        }
        func leftCut(_ room: Int) -> [Span]? {
            let boardRoom = room - banner.width - dot.width
            guard banner.width <= room else { return nil }
            return boardRoom >= 6 ? spans(board.truncated(toWidth: boardRoom, ellipsis: style.ellipsis)) : spans(nil)
        }
        for pick in [left, leftCut] {
            for c in clocks where c.width + 2 < row.width {
                if let line = pick(row.width - c.width - 2) {
                    SpanLine(line).render(into: &grid, area: row)
                    grid.put(c, x: row.maxX - c.width, y: row.y, role: .meta)
                    return
                }
            }
        }
        let room = row.width - shortClock.width - 2
        if room >= 8 {
            TextLine(banner, role: .banner, ellipsis: style.ellipsis).render(into: &grid, area: row.splitLeft(room).left)
            grid.put(shortClock, x: row.maxX - shortClock.width, y: row.y, role: .meta)
        } else {
            TextLine(banner, role: .banner, ellipsis: style.ellipsis).render(into: &grid, area: row)
        }
    }

    private func spans(_ boardText: SafeText?) -> [Span] {
        var out = [Span(banner, role: .banner)]
        if let boardText, !boardText.isEmpty {
            if !banner.isEmpty { out.append(Span(SafeText(style.dot), role: .dim)) }
            out.append(Span(boardText, role: .accent))
        }
        return out
    }
}
