/// Preformatted lines (a chart, a table) drawn top-left in an area, each cut with an ellipsis
/// rather than wrapped, because wrapping would break the columns. The stats slot of the wall
/// and the board's stats screen use it. Lines below the area are dropped; `offset` scrolls.
public struct TextPanel: Widget {
    public var lines: [String]
    public var offset: Int
    public var role: Role
    public var ellipsis: String

    public init(lines: [String], offset: Int = 0, role: Role = .body, ellipsis: String = "…") {
        self.lines = lines
        self.offset = offset
        self.role = role
        self.ellipsis = ellipsis
    }

    public func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let visible = lines.dropFirst(max(0, offset)).prefix(area.height)
        for (row, line) in visible.enumerated() {
            let text = SafeText(line).truncated(toWidth: area.width, ellipsis: ellipsis)
            grid.put(text, x: area.x, y: area.y + row, role: row == 0 && offset == 0 ? .title : role, maxWidth: area.width)
        }
    }
}
