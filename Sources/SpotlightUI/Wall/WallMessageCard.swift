import SpotlightCore

/// A short message centred in a framed card: "Enlarge the terminal…" and "No stories yet…".
///
/// Takes several wordings, longest first, and shows the first that fits without breaking a
/// word or leaving one alone on a line; it prefers keeping the frame over keeping words, so
/// the too-small card stays a card down to 10×5, and below that the bare text, and never
/// draws outside its area.
struct WallMessageCard: Widget {
    let wordings: [String]
    let glyphs: BoxGlyphs
    let role: Role

    func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        // The frame (with a blank column each side if possible) matters more than the longest
        // wording; only when no wording fits in any frame does the text go bare.
        let framedTries: [(border: Int, pad: Int)] = [(1, 1), (1, 0)]
        let tries = wordings.flatMap { w in framedTries.map { (w, $0) } } + wordings.map { ($0, (border: 0, pad: 0)) }
        for (wording, frame) in tries {
            let side = frame.border + frame.pad
            guard let lines = Self.fit(wording, width: area.width - 2 * side, rows: area.height - 2 * frame.border) else { continue }
            let textWidth = lines.map(\.width).max() ?? 0
            let box = area.centered(width: textWidth + 2 * side, height: lines.count + 2 * frame.border)
            if frame.border > 0 { BoxWidget(glyphs: glyphs, borderRole: .border).render(into: &grid, area: box) }
            let text = box.inset(horizontal: side, vertical: frame.border)
            WrappedText.draw(lines, into: &grid, area: text, role: role, align: .center)
            return
        }
        // Nothing fits whole (a terminal a few cells big): the shortest wording, cut.
        let last = SafeText(wordings.last ?? "").truncated(toWidth: area.width, ellipsis: "")
        grid.put(last, x: area.x, y: area.y + area.height / 2, role: role, maxWidth: area.width)
    }

    /// The wrapped lines of `text` if they fit `rows` and no word had to be broken. Each line
    /// of `text` is wrapped on its own, without leaving a word alone on its last line.
    static func fit(_ text: String, width: Int, rows: Int) -> [SafeText]? {
        guard width > 0, rows > 0 else { return nil }
        let words = SafeText(text).string.split(separator: " ")
        guard words.allSatisfy({ DisplayWidth.of($0) <= width }) else { return nil }
        var lines: [SafeText] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard lines.count <= rows else { return nil }
            lines += paragraph.isEmpty ? [SafeText("")] : withoutOrphan(String(paragraph), width: width, rows: rows + 1)
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard !lines.isEmpty, lines.count <= rows else { return nil }
        return lines
    }

    /// A paragraph wrapped at the widest width up to `width` whose last line is not one word
    /// alone ("…100 votes, 2" over "medallions" becomes "…100 votes," over "2 medallions"), as
    /// long as that takes no extra line; the plain wrap when no width manages it (CJK has no
    /// spaces to move).
    private static func withoutOrphan(_ paragraph: String, width: Int, rows: Int) -> [SafeText] {
        let greedy = WrappedLines(paragraph, width: width, lineLimit: rows).lines
        func isOrphan(_ lines: [SafeText]) -> Bool { lines.count > 1 && !(lines.last?.string.contains(" ") ?? true) }
        guard isOrphan(greedy) else { return greedy }
        for narrower in stride(from: width - 1, through: max(1, width / 2), by: -1) {
            let lines = WrappedLines(paragraph, width: narrower, lineLimit: rows).lines
            if lines.count > greedy.count { break }
            if !isOrphan(lines) { return lines }
        }
        return greedy
    }
}
