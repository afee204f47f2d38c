import SpotlightCore

/// The quiz as a pure function: state and a size in, a grid out. Every string reaches the grid
/// through `SafeText` (a question written to attack terminals draws as harmless text), and
/// only theme roles are named: the question in `title`, answers in `normal`, the highlighted
/// answer in `selection`, verdicts in `accent` (right) and `error` (wrong), the explanation in
/// `body`, progress in `accent`/`dim`/`meta`, key hints in `status`.
public enum QuizScreen {
    public static func render(_ state: QuizState, isUTF8: Bool, width: Int, height: Int, border: BoxGlyphs = .light) -> Grid {
        SafeText.rendering(for: OutputCharset(isUTF8: isUTF8)) {
            var grid = Grid(width: max(0, width), height: max(0, height))
            let style = QuizStyle(isUTF8: isUTF8, border: border)
            let title = "\(state.programName)\(style.dot)Level 1 quiz"
            let box = BoxWidget(glyphs: style.border, title: title, bottomLabel: hints(state, style: style, width: grid.width),
                                bottomLabelRole: state.confirmingLeave ? .error : .status)
            box.render(into: &grid, area: grid.bounds)
            let content = BoxWidget.interior(of: grid.bounds).inset(horizontal: 1, vertical: 0)
            let drawn: Bool
            switch state.phase {
            case .result: drawn = QuizResultView(state: state, style: style).render(into: &grid, area: content)
            default: drawn = QuizQuestionView(state: state, style: style).render(into: &grid, area: content)
            }
            if !drawn { tooSmall(grid.width, grid.height, style: style).render(into: &grid, area: grid.bounds) }
            return grid
        }
    }

    /// The key hints that fit the bottom border, most useful first; while confirming, the question.
    static func hints(_ state: QuizState, style: QuizStyle, width: Int) -> String {
        if state.confirmingLeave {
            return state.isComplete ? "Esc again to close" : "Leave the quiz? Esc again: this attempt ends unscored"
        }
        var items: [String]
        switch state.phase {
        case .asking, .grading:
            let n = state.current.answers.count
            items = ["1\(style.range)\(n) choose", "Enter answer", "\(style.upDown) move", "Esc leave"]
        case .answered: items = [state.isComplete ? "Enter see result" : "Enter next question", "Esc leave"]
        case .result: items = ["Enter close"]
        }
        let room = width - 6
        while items.count > 1, DisplayWidth.of(SafeText(items.joined(separator: style.dot)).string) > room { items.removeLast() }
        return items.joined(separator: style.dot)
    }

    private static func tooSmall(_ width: Int, _ height: Int, style: QuizStyle) -> WallMessageCard {
        let need = "\(QuizQuestionView.minimumWidth)\(style.times)\(QuizQuestionView.minimumHeight)"
        let now = "\(width)\(style.times)\(height)"
        return WallMessageCard(
            wordings: [
                "Enlarge the terminal to at least \(need) for the quiz (now \(now)); your answers are kept",
                "Enlarge to at least \(need) (now \(now))",
                "Enlarge to \(need)",
                need,
            ],
            glyphs: style.border, role: .status
        )
    }
}
