/// Where the wall is in its cycle: "● ● ● ○ ○ ○ ○  3 of 7 stories". When the dots would not
/// fit, only the count is shown ("3 of 70 stories"), so a big board never pushes the rest of the
/// footer away.
public struct ProgressDots: Widget {
    /// Zero-based position of the story on screen.
    public var index: Int
    public var count: Int
    public var filled: String
    public var empty: String
    public var dotRole: Role
    public var emptyRole: Role
    public var labelRole: Role
    /// What is counted, plural: "stories" labels "3 of 7 stories"; nil labels "3/7".
    public var unit: String?

    public init(
        index: Int, count: Int, unit: String? = nil, filled: String = "●", empty: String = "○",
        dotRole: Role = .accent, emptyRole: Role = .dim, labelRole: Role = .meta
    ) {
        self.index = index
        self.count = count
        self.unit = unit
        self.filled = filled
        self.empty = empty
        self.dotRole = dotRole
        self.emptyRole = emptyRole
        self.labelRole = labelRole
    }

    /// "3/7" or "3 of 7 stories": one-based for people.
    public var label: String {
        guard count > 0 else { return "" }
        let shown = min(max(index, 0), count - 1) + 1
        return unit.map { "\(shown) of \(count) \($0)" } ?? "\(shown)/\(count)"
    }

    /// Columns needed for the dots and the label together; narrower areas get the label alone.
    public var fullWidth: Int {
        let on = SafeText(filled), off = SafeText(empty)
        let dot = max(on.width, off.width)
        return count * dot + (count - 1) + 2 + SafeText(label).width
    }

    public func render(into grid: inout Grid, area: Rect) {
        guard count > 0, !area.isEmpty else { return }
        let text = SafeText(label)
        let current = min(max(index, 0), count - 1)
        var x = area.x
        if fullWidth <= area.width {
            let on = SafeText(filled), off = SafeText(empty)
            for i in 0..<count {
                if i > 0 { x += 1 }
                x += grid.put(i <= current ? on : off, x: x, y: area.y, role: i <= current ? dotRole : emptyRole)
            }
            x += 2
        }
        grid.put(text.truncated(toWidth: area.maxX - x, ellipsis: ""), x: x, y: area.y, role: labelRole, maxWidth: area.maxX - x)
    }
}
