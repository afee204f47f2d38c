/// One item of a `BadgeRow`: text, its role, and how much it matters when space runs out.
public struct Badge: Sendable, Equatable {
    public var text: SafeText
    public var role: Role
    /// Higher stays longer; among equals the rightmost goes first.
    public var priority: Int

    public init(_ text: String, role: Role, priority: Int = 0) {
        self.text = SafeText(text)
        self.role = role
        self.priority = priority
    }
}

/// Items in a row with fixed spacing ("★ 14   🏅 1   external customer") or a separator
/// ("space pause · ←/→ · q quit"). When the row is too
/// narrow, whole items are dropped, least important first, rather than cut or overflowing:
/// half a vote count is worse than none.
public struct BadgeRow: Widget {
    public var badges: [Badge]
    /// What goes between two items: `spacing` blanks, or " separator " when one is given.
    public var gap: SafeText
    public var separatorRole: Role
    public var align: TextAlign

    public init(_ badges: [Badge], spacing: Int = 3, separator: String? = nil, separatorRole: Role = .dim, align: TextAlign = .left) {
        self.badges = badges.filter { !$0.text.isEmpty }
        if let separator {
            gap = SafeText(" " + separator + " ")
        } else {
            gap = SafeText(String(repeating: " ", count: min(max(0, spacing), 100)))
        }
        self.separatorRole = separatorRole
        self.align = align
    }

    /// The badges that fit in `width` columns, in their original order.
    public func fitting(width: Int) -> [Badge] {
        var kept = badges
        while !kept.isEmpty, totalWidth(kept) > width {
            var drop = kept.count - 1
            for i in kept.indices.reversed() where kept[i].priority < kept[drop].priority { drop = i }
            kept.remove(at: drop)
        }
        return kept
    }

    /// Columns the given badges take with spacing between them.
    public func totalWidth(_ items: [Badge]) -> Int {
        guard !items.isEmpty else { return 0 }
        return items.reduce(0) { $0 + $1.text.width } + gap.width * (items.count - 1)
    }

    public func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let shown = fitting(width: area.width)
        var x = align.startX(in: area, textWidth: totalWidth(shown))
        for (i, badge) in shown.enumerated() {
            if i > 0 { x += grid.put(gap, x: x, y: area.y, role: separatorRole, maxWidth: area.maxX - x) }
            x += grid.put(badge.text, x: x, y: area.y, role: badge.role, maxWidth: area.maxX - x)
        }
    }
}
