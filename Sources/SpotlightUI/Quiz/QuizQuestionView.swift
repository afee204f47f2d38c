import SpotlightCore

/// One question: progress, the question, its answers, and once answered the verdict and the
/// explanation. Rows are shared out by need: every answer gets a line, the question at least
/// one; then (while asking) the question up to half of what is left, wrapped answer lines, the
/// explanation, the rest of the question, and blank rows between parts last of all.
struct QuizQuestionView {
    let state: QuizState
    let style: QuizStyle

    static let minimumWidth = 30
    static let minimumHeight = 10
    /// Columns before an answer's text: "▸ 1  ".
    static let answerIndent = 5

    /// False when the area cannot hold the question at all (the caller shows "Enlarge…").
    func render(into grid: inout Grid, area: Rect) -> Bool {
        let shown = state.current
        let verdict: QuizVerdict? = if case .answered(let verdict) = state.phase { verdict } else { nil }
        // Once answered, only the answers that matter stay: the one given and the right one.
        let listed = verdict.map { [$0.chosen, $0.correct].uniqued() } ?? Array(shown.answers.indices)
        let answerWidth = area.width - Self.answerIndent
        let verdictRows = verdict == nil ? 0 : 1
        guard area.width >= Self.minimumWidth - 4, answerWidth > 0,
              area.height >= 1 + 1 + listed.count + verdictRows else { return false }

        let question = WrappedLines(shown.text, width: area.width, lineLimit: area.height)
        let answerLines = listed.map { WrappedLines(shown.answers[$0], width: answerWidth, lineLimit: area.height) }
        let explanation = verdict?.explanation.map { WrappedLines($0, width: area.width, lineLimit: area.height) }

        // Shares of the rows.
        var left = area.height - 1 - 1 - listed.count - verdictRows
        var questionRows = 1
        func take(_ want: Int) -> Int { let n = max(0, min(want, left)); left -= n; return n }
        // Asking, the question comes first; answered, it has been read, and the answers and
        // the explanation are what is new.
        if verdict == nil { questionRows += take(min(question.lines.count - 1, (left + 1) / 2)) }
        var answerRows = Array(repeating: 1, count: listed.count)
        var grew = true
        while left > 0, grew {
            grew = false
            for i in listed.indices where answerRows[i] < min(answerLines[i].lines.count, 3) && left > 0 {
                answerRows[i] += 1
                left -= 1
                grew = true
            }
        }
        let explanationRows = take(explanation?.lines.count ?? 0)
        questionRows += take(question.lines.count - questionRows)
        let gapAfterProgress = take(1), gapAfterQuestion = take(1), gapBeforeVerdict = verdict == nil ? 0 : take(1)

        var y = area.y
        progress(into: &grid, area: Rect(x: area.x, y: y, width: area.width, height: 1))
        y += 1 + gapAfterProgress
        WrappedText.draw(question.visible(questionRows, width: area.width, ellipsis: style.ellipsis), into: &grid,
                         area: Rect(x: area.x, y: y, width: area.width, height: questionRows), role: .title)
        y += questionRows + gapAfterQuestion
        for (i, index) in listed.enumerated() {
            drawAnswer(index, lines: answerLines[i].visible(answerRows[i], width: answerWidth, ellipsis: style.ellipsis),
                       verdict: verdict, into: &grid, x: area.x, y: y, width: area.width)
            y += answerRows[i]
        }
        if let verdict {
            y += gapBeforeVerdict
            let right = verdict.isRight
            let long = "\(style.wrong) Not quite \(style.dash) the right answer is marked \(style.right)"
            let verdict = right ? "\(style.right) Correct" : SafeText(long).width <= area.width ? long : "\(style.wrong) Not quite"
            TextLine(verdict, role: right ? .accent : .error, ellipsis: style.ellipsis)
                .render(into: &grid, area: Rect(x: area.x, y: y, width: area.width, height: 1))
            y += 1
            if let explanation, explanationRows > 0 {
                WrappedText.draw(explanation.visible(explanationRows, width: area.width, ellipsis: style.ellipsis), into: &grid,
                                 area: Rect(x: area.x, y: y, width: area.width, height: explanationRows), role: .body)
            }
        }
        return true
    }

    /// "● ● ○ ○  2 of 4 questions", or the count alone when the dots do not fit.
    private func progress(into grid: inout Grid, area: Rect) {
        ProgressDots(index: state.position, count: state.prompts.count, unit: "questions", filled: style.filled, empty: style.empty)
            .render(into: &grid, area: area)
    }

    /// "▸ 2  text": the pointer on the highlighted answer while asking; once answered, ✓ on the
    /// right answer and ✗ on a wrong one given.
    private func drawAnswer(
        _ index: Int, lines: [SafeText], verdict: QuizVerdict?, into grid: inout Grid, x: Int, y: Int, width: Int
    ) {
        let mark: String, markRole: Role, textRole: Role
        let highlighted: Int = if case .grading(let choice) = state.phase { choice } else { state.selected }
        if let verdict {
            if index == verdict.correct { (mark, markRole, textRole) = (style.right, .accent, .normal) }
            else { (mark, markRole, textRole) = (style.wrong, .error, index == verdict.chosen ? .dim : .normal) }
        } else if index == highlighted {
            (mark, markRole, textRole) = (style.pointer, .selection, .selection)
        } else {
            (mark, markRole, textRole) = (" ", .normal, .normal)
        }
        grid.put(mark, x: x, y: y, role: markRole, maxWidth: 1)
        grid.put("\(index + 1)", x: x + 2, y: y, role: textRole == .selection ? .selection : .meta)
        if textRole == .selection { grid.paint(Rect(x: x + 1, y: y, width: 1, height: 1), role: .selection) }
        for (i, line) in lines.enumerated() {
            if textRole == .selection, i > 0 { grid.paint(Rect(x: x + 1, y: y + i, width: Self.answerIndent - 1, height: 1), role: .selection) }
            if textRole == .selection { grid.paint(Rect(x: x + 3, y: y + i, width: Self.answerIndent - 3, height: 1), role: .selection) }
            grid.put(line, x: x + Self.answerIndent, y: y + i, role: textRole, maxWidth: width - Self.answerIndent)
        }
    }
}

extension Array where Element: Equatable {
    /// The elements in order, each once.
    fileprivate func uniqued() -> [Element] {
        var out: [Element] = []
        for e in self where !out.contains(e) { out.append(e) }
        return out
    }
}
