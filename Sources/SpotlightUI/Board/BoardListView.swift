import Foundation
import SpotlightCore

/// The list: one row per story, the selected one marked and highlighted. Columns give way as
/// the terminal narrows: department first, then hero and medallions; title, votes and age stay.
///
///     ▸ 📌 Mary turned a furious caller into…  Mary Lopez   Customer Support  ★ 14  🏅 1   2d
struct BoardListView: Widget {
    let state: BoardState
    let style: BoardStyle
    let now: Date

    struct Columns {
        var hero = 0
        var department = 0
        var votes = 6
        var medallions = 0
        var age = 4
        var title = 0

        init(width: Int) {
            if width >= 60 { medallions = 6 }
            if width >= 70 { hero = width >= 110 ? 22 : 16 }
            if width >= 100 { department = width >= 110 ? 20 : 16 }
            let fixed = 2 + votes + medallions + age + (hero > 0 ? hero + 2 : 0) + (department > 0 ? department + 2 : 0)
            title = max(4, width - fixed - 1)
        }
    }

    func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let total = state.total
        if total == 0 {
            emptyMessage().render(into: &grid, area: area)
            return
        }
        let columns = Columns(width: area.width - 2)
        for row in 0..<area.height {
            let index = state.top + row
            guard index < total else { break }
            let line = Rect(x: area.x + 1, y: area.y + row, width: area.width - 2, height: 1)
            let selected = index == state.selection
            if let story = state.window.story(at: index) {
                draw(story, selected: selected, columns: columns, into: &grid, line: line)
            } else {
                grid.put(style.ellipsis, x: line.x + 2, y: line.y, role: .dim)
            }
            if selected {
                grid.paint(Rect(x: area.x, y: line.y, width: area.width, height: 1), role: .selection)
            }
        }
    }

    private func draw(_ story: Story, selected: Bool, columns c: Columns, into grid: inout Grid, line: Rect) {
        if selected { grid.put(style.pointer, x: line.x, y: line.y, role: .selection) }
        // New since the last visit.
        if state.unseen.contains(story.id) { grid.put(style.unseen, x: line.x + 1, y: line.y, role: .new) }
        var x = line.x + 2
        // Title with its markers in front: pinned, hidden.
        var spans: [Span] = []
        if story.isPinned(at: now) { spans.append(Span(style.pin + " ", role: .pinned)) }
        if story.status == .hidden { spans.append(Span(style.hidden + " ", role: .error)) }
        spans.append(Span(story.title, role: .title))
        SpanLine(spans, ellipsis: style.ellipsis).render(into: &grid, area: Rect(x: x, y: line.y, width: c.title, height: 1))
        x += c.title + 1
        if c.hero > 0 {
            TextLine(story.hero, role: .hero, ellipsis: style.ellipsis).render(into: &grid, area: Rect(x: x, y: line.y, width: c.hero, height: 1))
            x += c.hero + 2
        }
        if c.department > 0 {
            // Blank when it only repeats the hero (a team recognised as a whole).
            TextLine(c.hero > 0 ? story.departmentBesideHero ?? "" : story.department, role: .meta, ellipsis: style.ellipsis)
                .render(into: &grid, area: Rect(x: x, y: line.y, width: c.department, height: 1))
            x += c.department + 2
        }
        let voted = state.hasVoted(story.id)
        TextLine("\(style.votes) \(story.votes)", role: voted ? .accent : .badge, align: .right)
            .render(into: &grid, area: Rect(x: x, y: line.y, width: c.votes, height: 1))
        x += c.votes
        if c.medallions > 0 {
            if story.medallions > 0 {
                TextLine("\(style.medallion) \(story.medallions)", role: .badge, align: .right)
                    .render(into: &grid, area: Rect(x: x, y: line.y, width: c.medallions, height: 1))
            }
            x += c.medallions
        }
        TextLine(RelativeTime.short(story.createdAt, now: now), role: .dim, align: .right)
            .render(into: &grid, area: Rect(x: x, y: line.y, width: min(c.age, line.maxX - x), height: 1))
    }

    private func emptyMessage() -> WallMessageCard {
        let text: [String]
        if state.isLoading {
            text = [state.search.isEmpty ? "Loading" + style.ellipsis : "Searching" + style.ellipsis]
        } else if !state.search.isEmpty {
            let shown = DisplayWidth.truncate(Sanitizer.singleLine(state.search), toWidth: 30)
            text = ["No stories match “\(shown)” \(style.dash) Esc clears the search", "No stories match"]
        } else if state.department != nil {
            text = ["No stories in this department \(style.dash) d picks another", "No stories here"]
        } else {
            switch state.tab {
            case .pinned: text = ["No pinned stories right now", "Nothing pinned"]
            case .mine: text = ["You have not posted a story yet \(style.dash) press n to write one", "Nothing yet: n writes one"]
            default: text = ["No stories yet \(style.dash) press n to post the first one", "No stories yet"]
            }
        }
        return WallMessageCard(wordings: text, glyphs: style.border, role: .dim)
    }
}
