/// Headlines along one row, newest first, joined by " ▸ " ("NEW ▸ IT restored … ▸ Billing …").
///
/// Paged rather than scrolled: `offset` picks the first headline (modulo the count), so a
/// frame is a pure function of the offset, and advancing it once per rotation tick costs no
/// animation timer and keeps the wall idle between ticks (DESIGN §2.3).
public struct Ticker: Widget {
    public var label: String?
    public var headlines: [String]
    public var offset: Int
    public var separator: String
    public var ellipsis: String
    public var role: Role
    public var labelRole: Role

    /// A headline cut shorter than this is replaced by the ellipsis: a stub of two words reads
    /// as noise on a lobby display.
    static let minimumCut = 12

    public init(
        label: String? = nil, headlines: [String], offset: Int = 0, separator: String = " ▸ ", ellipsis: String = "…",
        role: Role = .ticker, labelRole: Role = .new
    ) {
        self.label = label
        self.headlines = headlines
        self.offset = offset
        self.separator = separator
        self.ellipsis = ellipsis
        self.role = role
        self.labelRole = labelRole
    }

    /// How many headlines (fully or cut) one page shows at `width`: add it to `offset` to turn
    /// the page instead of stepping one headline at a time.
    public func headlinesShown(width: Int) -> Int {
        var scratch = Grid(width: 0, height: 0)
        return layout(into: &scratch, area: Rect(x: 0, y: 0, width: width, height: 1), draw: false)
    }

    public func render(into grid: inout Grid, area: Rect) {
        _ = layout(into: &grid, area: area, draw: true)
    }

    /// Walks the page once; with `draw` false it only counts (the grid is not touched).
    private func layout(into grid: inout Grid, area: Rect, draw: Bool) -> Int {
        guard area.width > 0, area.height > 0, !headlines.isEmpty else { return 0 }
        let sep = SafeText(separator)
        let y = area.y
        var x = area.x
        if let label, !label.isEmpty {
            let head = SafeText(label)
            guard head.width + sep.width < area.width else { return 0 }
            if draw { grid.put(head, x: x, y: y, role: labelRole) }
            x += head.width
            if draw { grid.put(sep, x: x, y: y, role: labelRole) }
            x += sep.width
        }
        let count = headlines.count
        let start = ((offset % count) + count) % count
        var shown = 0
        for k in 0..<count {
            // Only the headlines that reach the screen are sanitised: the list may be long.
            let headline = SafeText(headlines[(start + k) % count])
            if headline.isEmpty { continue }
            if shown > 0 {
                guard area.maxX - x > sep.width else { break }
                if draw { grid.put(sep, x: x, y: y, role: role) }
                x += sep.width
            }
            let room = area.maxX - x
            if headline.width <= room {
                if draw { grid.put(headline, x: x, y: y, role: role) }
                x += headline.width
                shown += 1
                continue
            }
            let cut = shown == 0 || room >= Self.minimumCut ? headline.truncated(toWidth: room, ellipsis: ellipsis) : SafeText(ellipsis)
            if draw { grid.put(cut, x: x, y: y, role: role, maxWidth: room) }
            if shown == 0 || room >= Self.minimumCut { shown += 1 }
            break
        }
        return shown
    }
}
