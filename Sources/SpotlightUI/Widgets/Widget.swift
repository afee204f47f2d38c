/// Anything that draws itself into a rectangle of a grid (ratatui's `Widget`). Widgets are small
/// values built fresh for each frame; `render` must stay inside `area` and never fail, whatever
/// the size, so screens can hand them a 0×0 rectangle on a tiny terminal.
public protocol Widget {
    func render(into grid: inout Grid, area: Rect)
}

/// Where a line narrower than its area sits.
public enum TextAlign: Sendable, Equatable {
    case left, center, right

    /// The column at which `textWidth` columns start inside `area`.
    func startX(in area: Rect, textWidth: Int) -> Int {
        let spare = max(0, area.width - textWidth)
        switch self {
        case .left: return area.x
        case .center: return area.x + spare / 2
        case .right: return area.x + spare
        }
    }
}

/// One line of text, cut with an ellipsis when it is wider than its area.
public struct TextLine: Widget {
    public var text: SafeText
    public var role: Role
    public var align: TextAlign
    public var ellipsis: String

    public init(_ text: String, role: Role, align: TextAlign = .left, ellipsis: String = "…") {
        self.init(SafeText(text), role: role, align: align, ellipsis: ellipsis)
    }

    public init(_ text: SafeText, role: Role, align: TextAlign = .left, ellipsis: String = "…") {
        self.text = text
        self.role = role
        self.align = align
        self.ellipsis = ellipsis
    }

    public func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let shown = text.truncated(toWidth: area.width, ellipsis: ellipsis)
        grid.put(shown, x: align.startX(in: area, textWidth: shown.width), y: area.y, role: role, maxWidth: area.width)
    }
}
