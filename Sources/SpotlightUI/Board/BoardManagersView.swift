import Foundation
/// The managers screen: the board's managers, one a row, the selected one marked.
struct BoardManagersView: Widget {
    let state: BoardState
    let style: BoardStyle

    /// First row shown, so the selection stays on screen (shared with mouse hit-testing).
    static func top(selection: Int, rows: Int) -> Int { max(0, selection - max(1, rows) + 1) }

    func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        guard !state.managers.isEmpty else {
            WallMessageCard(wordings: ["Loading" + style.ellipsis], glyphs: style.border, role: .dim).render(into: &grid, area: area)
            return
        }
        let first = Self.top(selection: state.managerSelection, rows: area.height)
        for row in 0..<area.height {
            let index = first + row
            guard index < state.managers.count else { break }
            let login = state.managers[index]
            let selected = index == state.managerSelection
            let y = area.y + row
            if selected { grid.put(style.pointer, x: area.x + 1, y: y, role: .selection) }
            var spans = [Span(login, role: .hero)]
            if login == state.viewer.account.login { spans.append(Span(" (you)", role: .dim)) }
            SpanLine(spans, ellipsis: style.ellipsis).render(into: &grid, area: Rect(x: area.x + 3, y: y, width: area.width - 4, height: 1))
            if selected { grid.paint(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selection) }
        }
    }
}

/// The bottom row: the keys that matter most on this screen, dropped one by one when narrow.
struct BoardHints: Widget {
    let state: BoardState
    let style: BoardStyle

    func render(into grid: inout Grid, area: Rect) {
        BadgeRow(badges(), separator: style.separator, separatorRole: .dim).render(into: &grid, area: area)
    }

    private func badges() -> [Badge] {
        func b(_ text: String, _ priority: Int) -> Badge { Badge(text, role: .dim, priority: priority) }
        if state.searchField != nil {
            return [b("type to search", 3), b("Enter keep", 4), b("Esc clear", 5), b("↑↓ move".ascii(style), 2)]
        }
        switch state.overlay {
        case .confirm?: return [b("y yes", 5), b("n no", 4)]
        case .form?: return [b("Enter next/save", 5), b("Tab field", 3), b("Esc cancel", 4)]
        case .departments?: return [b("Enter choose", 5), b("Esc cancel", 4), b("↑↓ move".ascii(style), 3)]
        case .help?: return [b("any key closes", 5), b("↑↓ scroll".ascii(style), 3)]
        case nil: break
        }
        let manager = state.viewer.isManager
        switch state.view {
        case .list:
            var items = [b("Enter open", 6), b("/ search", 7), b("d dept", 3), b("n new", 8), b("u vote", 5), b("m medal", 2)]
            if manager { items += [b("p pin", 1), b("h hide", 0), b("x remove", 0)] }
            return items + [b("w wall", 1), b("? help", 9), b("q quit", 10)]
        case .detail:
            var items = [b("Esc back", 10), b("u vote", 7), b("m medal", 5), b("e edit", 4), b("[ ] prev/next", 2)]
            if manager { items += [b("p pin", 3), b("h hide", 1), b("x remove", 1)] }
            return items + [b("? help", 9)]
        case .managers:
            var items = [b("Esc back", 10)]
            if manager { items += [b("a add", 8), b("x remove", 7)] }
            return items + [b("? help", 9)]
        case .stats:
            return [b("Esc back", 10), b("↑↓ scroll".ascii(style), 5), b("r reread", 3), b("? help", 9)]
        }
    }
}

private extension String {
    func ascii(_ style: BoardStyle) -> String {
        style.pointer == "▸" ? self : replacingOccurrences(of: "↑↓", with: "Up/Down")
    }
}
