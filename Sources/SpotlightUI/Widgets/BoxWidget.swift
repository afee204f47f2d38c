/// A bordered box with an optional title on its top edge and label on its bottom edge
/// ("┌─ Title ───┐"). Labels on the border cost no rows, which matters at 40×12.
public struct BoxWidget: Widget {
    public var glyphs: BoxGlyphs
    public var title: String?
    public var bottomLabel: String?
    public var borderRole: Role
    public var titleRole: Role
    public var bottomLabelRole: Role

    public init(
        glyphs: BoxGlyphs, title: String? = nil, bottomLabel: String? = nil,
        borderRole: Role = .border, titleRole: Role = .title, bottomLabelRole: Role = .status
    ) {
        self.glyphs = glyphs
        self.title = title
        self.bottomLabel = bottomLabel
        self.borderRole = borderRole
        self.titleRole = titleRole
        self.bottomLabelRole = bottomLabelRole
    }

    /// The cells inside the border.
    public static func interior(of area: Rect) -> Rect {
        area.width >= 2 && area.height >= 2 ? area.inset(by: 1) : Rect(x: area.x, y: area.y, width: 0, height: 0)
    }

    /// Clears the box and draws its border. Too small for a border (under 2×2): just clears.
    public func render(into grid: inout Grid, area: Rect) {
        grid.fill(area, role: .normal)
        guard area.width >= 2, area.height >= 2 else { return }
        let g = SafeBorder(glyphs)
        let top = area.y, bottom = area.maxY - 1, left = area.x, right = area.maxX - 1
        grid.fill(Rect(x: left + 1, y: top, width: area.width - 2, height: 1), role: borderRole, glyph: g.top)
        grid.fill(Rect(x: left + 1, y: bottom, width: area.width - 2, height: 1), role: borderRole, glyph: g.bottom)
        grid.fill(Rect(x: left, y: top + 1, width: 1, height: area.height - 2), role: borderRole, glyph: g.left)
        grid.fill(Rect(x: right, y: top + 1, width: 1, height: area.height - 2), role: borderRole, glyph: g.right)
        grid.put(g.topLeft, x: left, y: top, role: borderRole)
        grid.put(g.topRight, x: right, y: top, role: borderRole)
        grid.put(g.bottomLeft, x: left, y: bottom, role: borderRole)
        grid.put(g.bottomRight, x: right, y: bottom, role: borderRole)
        if let title { putLabel(title, into: &grid, area: area, y: top, role: titleRole) }
        if let bottomLabel { putLabel(bottomLabel, into: &grid, area: area, y: bottom, role: bottomLabelRole) }
    }

    /// A horizontal divider across the box at row `y` (├───┤), for splitting it into panels.
    public func divider(into grid: inout Grid, area: Rect, y: Int) {
        guard area.width >= 2, y > area.y, y < area.maxY - 1 else { return }
        let g = SafeBorder(glyphs)
        grid.fill(Rect(x: area.x + 1, y: y, width: area.width - 2, height: 1), role: borderRole, glyph: g.top)
        grid.put(g.teeLeft, x: area.x, y: y, role: borderRole)
        grid.put(g.teeRight, x: area.maxX - 1, y: y, role: borderRole)
    }

    /// " label " two columns in from the corner, cut to leave at least one border cell each side.
    private func putLabel(_ label: String, into grid: inout Grid, area: Rect, y: Int, role: Role) {
        let room = area.width - 4
        let text = SafeText(label)
        guard room >= 3, !text.isEmpty else { return }
        let shown = SafeText(" " + text.truncated(toWidth: room - 2).string + " ")
        grid.put(shown, x: area.x + 2, y: y, role: role, maxWidth: room)
    }
}
