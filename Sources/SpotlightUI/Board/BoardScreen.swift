import Foundation
import SpotlightCore

/// The interactive board (DESIGN §5) as a pure function: state, context and size in, a grid
/// and the terminal cursor (the search field or a form field, else nil) out.
public enum BoardScreen {
    /// Every string is drawn in what the terminal can show (`context.isUTF8`), see `SafeText.charset`.
    public static func render(_ state: BoardState, context: BoardContext, width: Int, height: Int)
        -> (grid: Grid, cursor: (x: Int, y: Int)?) {
        SafeText.rendering(for: OutputCharset(isUTF8: context.isUTF8)) {
            draw(state, context: context, width: width, height: height)
        }
    }

    private static func draw(_ state: BoardState, context: BoardContext, width: Int, height: Int)
        -> (grid: Grid, cursor: (x: Int, y: Int)?) {
        var grid = Grid(width: width, height: height)
        let style = BoardStyle(context)
        let layout = BoardLayout(width: grid.width, height: grid.height)
        guard !layout.isTooSmall else {
            tooSmall(grid.width, grid.height, style: style).render(into: &grid, area: grid.bounds)
            return (grid, nil)
        }
        drawHeader(state, context: context, style: style, layout: layout, into: &grid)
        drawTabRow(state, style: style, layout: layout, into: &grid)
        grid.fill(Rect(x: 0, y: layout.dividerY, width: grid.width, height: 1), role: .border, glyph: SafeText(style.rule))
        switch state.view {
        case .list:
            BoardListView(state: state, style: style, now: context.now).render(into: &grid, area: layout.body)
        case .detail:
            if let story = state.detail {
                BoardDetailView(story: story, voted: state.hasVoted(story.id), style: style, now: context.now,
                                timeZone: context.timeZone, scroll: state.detailScroll, levels: state.heroLevels[story.id] ?? [])
                    .render(into: &grid, area: layout.body)
            }
        case .managers:
            BoardManagersView(state: state, style: style).render(into: &grid, area: layout.body)
        case .stats:
            TextPanel(lines: state.statsLines.isEmpty ? ["Reading the statistics…"] : state.statsLines,
                      offset: state.statsScroll, ellipsis: style.ellipsis)
                .render(into: &grid, area: layout.body.inset(horizontal: 1, vertical: 0))
        }
        var cursor = drawStatus(state, style: style, layout: layout, into: &grid)
        if state.searchField != nil, let status = state.status {
            // The search field has the status row: a message about it takes the hint row.
            TextLine(status.text, role: status.isError ? .error : .status, ellipsis: style.ellipsis).render(into: &grid, area: layout.hints)
        } else {
            BoardHints(state: state, style: style).render(into: &grid, area: layout.hints)
        }
        if let overlay = state.overlay {
            cursor = BoardOverlayView(state: state, overlay: overlay, style: style, isUTF8: context.isUTF8)
                .render(into: &grid, area: layout.body)
        }
        return (grid, cursor.flatMap { grid.contains(x: $0.x, y: $0.y) ? $0 : nil })
    }

    /// "★ SERVICE SPOTLIGHT · Acme Support" left; who you are (and the board's state) right.
    /// Narrow: the role word goes first, then the banner, so the board's name stays readable.
    static func drawHeader(_ state: BoardState, context: BoardContext, style: BoardStyle, layout: BoardLayout, into grid: inout Grid) {
        let row = layout.header
        let viewer = state.viewer
        let blocked = viewer.writeBlocked != nil
        let banner = SafeText(context.banner), dot = SafeText(style.dot), name = SafeText(context.boardName)
        let full = SafeText(viewer.account.login + (viewer.isManager ? " (manager)" : "") + (blocked ? style.dot + "read-only" : ""))
        let short = SafeText(viewer.account.login + (blocked ? style.dot + "read-only" : ""))
        let wantLeft = banner.width + dot.width + min(name.width, 12)
        let right = row.width - full.width - 2 >= wantLeft ? full : short
        let room = row.width - right.width - 2
        guard room >= 8 else {
            TextLine(name, role: .accent, ellipsis: style.ellipsis).render(into: &grid, area: row)
            return
        }
        grid.put(right, x: row.maxX - right.width, y: row.y, role: blocked ? .error : .meta)
        let spans = room >= wantLeft
            ? [Span(banner, role: .banner), Span(dot, role: .dim), Span(name, role: .accent)]
            : [Span(name, role: .accent)]
        SpanLine(spans, ellipsis: style.ellipsis).render(into: &grid, area: Rect(x: row.x, y: row.y, width: room, height: 1))
    }

    /// The tabs, then the filters in force on the right ("dept: Billing · /mary").
    static func drawTabRow(_ state: BoardState, style: BoardStyle, layout: BoardLayout, into grid: inout Grid) {
        let row = layout.tabs
        var end = row.x
        for (tab, columns) in layout.tabSpans(state.tabs) where columns.upperBound <= row.maxX {
            let current = tab == state.tab && state.view == .list
            let label = current ? "[" + tab.title + "]" : " " + tab.title + " "
            grid.put(label, x: columns.lowerBound, y: row.y, role: current ? .selection : (tab == state.tab ? .accent : .dim))
            end = columns.upperBound
        }
        var filters: [Span] = []
        if let department = state.department { filters.append(Span("dept: " + department, role: .accent)) }
        if !state.search.isEmpty, state.searchField == nil {
            if !filters.isEmpty { filters.append(Span(style.dot, role: .dim)) }
            filters.append(Span("/" + state.search, role: .accent))
        }
        if state.view == .managers { filters = [Span("managers", role: .accent)] }
        let room = row.maxX - end - 2
        guard !filters.isEmpty, room >= 6 else { return }
        let line = SpanLine(filters, align: .right, ellipsis: style.ellipsis)
        line.render(into: &grid, area: Rect(x: end + 2, y: row.y, width: room, height: 1))
    }

    /// The message, the search field, or where the selection is; returns the search cursor.
    static func drawStatus(_ state: BoardState, style: BoardStyle, layout: BoardLayout, into grid: inout Grid) -> (x: Int, y: Int)? {
        let row = layout.status
        var position = ""
        if state.view != .managers, state.total > 0 {
            position = "\(state.selection + 1)/\(state.total)" + (state.window.totalIsCapped ? "+" : "")
        } else if state.view == .managers {
            position = Plural.count(state.managers.count, "manager")
        }
        let positionText = SafeText(position)
        var room = row.width
        if !position.isEmpty, positionText.width + 12 <= row.width {
            grid.put(positionText, x: row.maxX - positionText.width, y: row.y, role: .dim)
            room -= positionText.width + 2
        }
        let area = Rect(x: row.x, y: row.y, width: room, height: 1)
        if let field = state.searchField {
            return drawField(field, label: "Search: ", into: &grid, area: area, role: .normal)
        }
        if let status = state.status {
            TextLine(status.text, role: status.isError ? .error : .status, ellipsis: style.ellipsis).render(into: &grid, area: area)
        } else if state.isLoading, !state.search.isEmpty {
            TextLine("searching" + style.ellipsis, role: .dim).render(into: &grid, area: area)
        }
        return nil
    }

    /// "Label: text" with the text scrolled so the cursor stays in view; returns the cursor cell.
    static func drawField(_ field: LineField, label: String, into grid: inout Grid, area: Rect, role: Role) -> (x: Int, y: Int)? {
        guard !area.isEmpty else { return nil }
        let head = SafeText(label)
        let x0 = area.x + grid.put(head, x: area.x, y: area.y, role: .accent, maxWidth: area.width)
        let room = area.maxX - x0 - 1
        guard room > 0 else { return nil }
        // Show the end of long text: the characters before the cursor that fit, then the rest.
        let before = field.characters[..<field.cursor]
        var start = before.endIndex
        var used = 0
        while start > before.startIndex {
            let w = DisplayWidth.of(before[start - 1])
            if used + w > room { break }
            used += w
            start -= 1
        }
        let visible = String(field.characters[start...])
        grid.put(visible, x: x0, y: area.y, role: role, maxWidth: room)
        return (x0 + used, area.y)
    }

    private static func tooSmall(_ width: Int, _ height: Int, style: BoardStyle) -> WallMessageCard {
        let need = "\(BoardLayout.minimumWidth)\(style.times)\(BoardLayout.minimumHeight)"
        let now = "\(width)\(style.times)\(height)"
        return WallMessageCard(
            wordings: [
                "Enlarge the terminal to at least \(need) (now \(now))",
                "Enlarge to at least \(need) (now \(now))",
                "Enlarge to \(need) (now \(now))",
                "Enlarge to \(need)",
                need,
            ],
            glyphs: style.border, role: .status)
    }
}
