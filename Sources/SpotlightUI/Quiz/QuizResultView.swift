import SpotlightCore

/// The result: passed or not, the score against the pass mark, a mark per question in the
/// order asked (when they fit on a line), and what comes next. Centred in the box; when rows
/// are short, blank rows go first, then the marks.
struct QuizResultView {
    let state: QuizState
    let style: QuizStyle

    private enum Row {
        case text(SafeText, Role)
        case blank
        case marks
    }

    func render(into grid: inout Grid, area: Rect) -> Bool {
        guard let result = state.result, area.width >= 10, area.height >= 3 else { return false }
        let heading: (String, Role) = result.passed ? ("Passed", .accent) : ("Not passed this time", .title)
        let next = result.passed
            ? "You now hold \(state.programName), level 1 (\(state.levelTitle)). The whole board will hear of it."
            : "Read the explanations again and try once more." + retry
        var rows: [Row] = [.text(SafeText(heading.0), heading.1), .blank]
        rows += wrapped(result.sentence, role: .body, width: area.width)
        if state.prompts.count * 2 - 1 <= area.width { rows += [.blank, .marks] }
        rows.append(.blank)
        rows += wrapped(next, role: .meta, width: area.width)

        while rows.count > area.height, let blank = rows.lastIndex(where: { if case .blank = $0 { true } else { false } }) {
            rows.remove(at: blank)
        }
        if rows.count > area.height, let marks = rows.firstIndex(where: { if case .marks = $0 { true } else { false } }) {
            rows.remove(at: marks)
        }
        rows = Array(rows.prefix(area.height))

        var y = area.y + (area.height - rows.count) / 2
        for row in rows {
            switch row {
            case .text(let line, let role):
                grid.put(line, x: TextAlign.center.startX(in: area, textWidth: line.width), y: y, role: role, maxWidth: area.width)
            case .marks: drawMarks(into: &grid, y: y, area: area)
            case .blank: break
            }
            y += 1
        }
        return true
    }

    private func wrapped(_ text: String, role: Role, width: Int) -> [Row] {
        WrappedLines(text, width: width, lineLimit: 4).visible(4, width: width, ellipsis: style.ellipsis).map { .text($0, role) }
    }

    private var retry: String {
        guard let left = state.attemptsLeft else { return "" }
        return left == 0 ? " No attempts are left for today." : " \(Plural.count(left, "attempt")) left today."
    }

    /// ✓ ✓ ✗ ✓ …: one per question, in the order asked.
    private func drawMarks(into grid: inout Grid, y: Int, area: Rect) {
        let n = state.verdicts.count
        var x = area.x + max(0, (area.width - (n * 2 - 1)) / 2)
        for i in 0..<n {
            let right = state.verdicts[i].isRight
            grid.put(right ? style.right : style.wrong, x: x, y: y, role: right ? .accent : .error, maxWidth: 1)
            x += 2
        }
    }
}
