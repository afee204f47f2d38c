import Foundation
import SpotlightCore

/// Boxes drawn over the board: help, the department picker, a confirmation, a small form.
/// Each is centred in the area it is given and never leaves it.
struct BoardOverlayView {
    let state: BoardState
    let overlay: BoardOverlay
    let style: BoardStyle
    let isUTF8: Bool

    /// Draws the overlay; returns the cursor for a form field.
    func render(into grid: inout Grid, area: Rect) -> (x: Int, y: Int)? {
        switch overlay {
        case .help(let scroll): help(scroll: scroll, into: &grid, area: area)
        case .departments(let selection): departments(selection: selection, into: &grid, area: area)
        case .confirm(let question): confirm(question, into: &grid, area: area)
        case .form(let form): return self.form(form, into: &grid, area: area)
        }
        return nil
    }

    private func box(_ title: String, width: Int, height: Int, in area: Rect, into grid: inout Grid) -> Rect {
        let rect = area.centered(width: min(width, area.width), height: min(height, area.height))
        BoxWidget(glyphs: style.border, title: title, borderRole: .accent).render(into: &grid, area: rect)
        return rect.inset(horizontal: rect.width >= 6 ? 2 : 1, vertical: 1)
    }

    private func help(scroll: Int, into grid: inout Grid, area: Rect) {
        let entries = BoardHelp.entries(for: state.view, viewer: state.viewer, isUTF8: isUTF8, votes: style.votes)
        let note = BoardHelp.note(for: state.viewer)
        let keyWidth = min(16, entries.map { SafeText($0.keys).width }.max() ?? 0)
        let wanted = entries.count + (note == nil ? 0 : 2)
        let title = "Keys" + (state.viewer.isManager ? " (manager)" : "")
        let inner = box(title, width: 74, height: wanted + 2, in: area, into: &grid)
        guard !inner.isEmpty else { return }
        var rows: [[Span]] = entries.map { [Span(SafeText($0.keys).truncated(toWidth: keyWidth, ellipsis: ""), role: .accent),
                                            Span(String(repeating: " ", count: keyWidth - min(keyWidth, SafeText($0.keys).width) + 2), role: .normal),
                                            Span($0.action, role: .normal)] }
        if let note { rows += [[], [Span(note, role: .error)]] }
        let first = min(max(0, scroll), max(0, rows.count - inner.height))
        for (i, spans) in rows.dropFirst(first).prefix(inner.height).enumerated() {
            SpanLine(spans, ellipsis: style.ellipsis).render(into: &grid, area: inner.row(i))
        }
        if first + inner.height < rows.count {
            grid.put(isUTF8 ? "▼ more" : "v more", x: inner.maxX - 6, y: inner.maxY, role: .dim)
        }
    }

    private func departments(selection: Int, into grid: inout Grid, area: Rect) {
        let rows = ["All departments"] + state.departments.map { "\($0.name) (\($0.stories))" }
        let inner = box("Department", width: 52, height: rows.count + 2, in: area, into: &grid)
        guard !inner.isEmpty else { return }
        let first = max(0, min(selection - inner.height / 2, rows.count - inner.height))
        for (i, text) in rows.enumerated().dropFirst(first).prefix(inner.height) {
            let y = inner.y + i - first
            let chosen = i == 0 ? state.department == nil : state.departments[i - 1].name == state.department
            TextLine((chosen ? "* " : "  ") + text, role: i == selection ? .selection : .normal, ellipsis: style.ellipsis)
                .render(into: &grid, area: Rect(x: inner.x, y: y, width: inner.width, height: 1))
            if i == selection { grid.paint(Rect(x: inner.x - 1, y: y, width: inner.width + 2, height: 1), role: .selection) }
        }
        if state.departments.isEmpty, inner.height > 1 {
            TextLine("Loading" + style.ellipsis, role: .dim).render(into: &grid, area: inner.row(1))
        }
    }

    private func confirm(_ question: BoardConfirmation, into grid: inout Grid, area: Rect) {
        let width = min(62, area.width)
        let text = WrappedLines(question.question, width: max(1, width - 4), lineLimit: 6)
        let inner = box("Confirm", width: width, height: text.lines.count + 4, in: area, into: &grid)
        guard !inner.isEmpty else { return }
        let shown = text.visible(max(0, inner.height - 2), width: inner.width, ellipsis: style.ellipsis)
        WrappedText.draw(shown, into: &grid, area: inner, role: .normal)
        BadgeRow([Badge("y yes", role: .accent, priority: 2), Badge("n no", role: .accent, priority: 1)],
                 separator: style.separator).render(into: &grid, area: inner.row(inner.height - 1))
    }

    /// Each field, then its note or, after a refused submit, the problem in its place, wrapped
    /// to the width so the whole message is read; a blank row between fields.
    private func form(_ form: BoardForm, into grid: inout Grid, area: Rect) -> (x: Int, y: Int)? {
        let width = min(66, area.width)
        let labelWidth = (form.fields.map { SafeText($0.label).width }.max() ?? 0) + 2
        let textWidth = max(1, width - 4 - labelWidth)
        let notes: [(lines: [SafeText], role: Role)] = form.fields.indices.map { i in
            if let problem = form.problem, problem.field == i {
                let wrapped = WrappedLines(problem.message, width: textWidth, lineLimit: 6)
                return (wrapped.visible(6, width: textWidth, ellipsis: style.ellipsis), .error)
            }
            let note = form.notes.indices.contains(i) ? form.notes[i] : ""
            return ([SafeText(note).truncated(toWidth: textWidth, ellipsis: style.ellipsis)], .dim)
        }
        let rows = notes.reduce(0) { $0 + 1 + $1.lines.count } + form.fields.count - 1
        let inner = box(form.title, width: width, height: rows + 2, in: area, into: &grid)
        guard !inner.isEmpty else { return nil }
        var cursor: (x: Int, y: Int)?
        var y = inner.y
        for (i, field) in form.fields.enumerated() {
            guard y < inner.maxY else { break }
            let label = field.label + ":" + String(repeating: " ", count: max(1, labelWidth - SafeText(field.label).width - 1))
            let row = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            let at = BoardScreen.drawField(field, label: label, into: &grid, area: row, role: i == form.focus ? .selection : .normal)
            if i == form.focus {
                cursor = at
                let filled = Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1)
                grid.paint(filled, role: .selection)
            }
            y += 1
            for line in notes[i].lines where y < inner.maxY {
                grid.put(line, x: inner.x + labelWidth, y: y, role: notes[i].role, maxWidth: inner.width - labelWidth)
                y += 1
            }
            y += 1
        }
        return cursor
    }
}
