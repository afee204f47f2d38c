/// The body text soft-wrapped to a width: visual lines as ranges of character offsets, so the
/// cursor (a character offset) maps to a row and a display column and back.
///
/// Wrapping breaks after a space when it can, else between characters; spaces at a break hang at
/// the end of their line instead of starting the next one, and every character stays on some
/// line, so each cursor position has a place. Widths come from `ComposeText.columns`, the
/// columns the grid really draws, so CJK and emoji keep the cursor on the right column.
struct BodyLayout {
    /// One visual line: characters `start..<end`. `isParagraphEnd` when a line break or the end of
    /// the text follows, rather than a soft wrap.
    struct Line: Equatable {
        var start: Int
        var end: Int
        var isParagraphEnd: Bool
    }

    let characters: [Character]
    /// Columns of each character ("\n" counts 0).
    let widths: [Int]
    let width: Int
    private(set) var lines: [Line] = []

    /// - Parameter width: columns a line may fill (at least 1). The cursor may sit one column
    ///   past that, so give it one column less than the area when the area has no spare column.
    init(_ text: String, width: Int) {
        characters = Array(text)
        widths = characters.map { $0 == "\n" ? 0 : ComposeText.columns($0) }
        self.width = max(1, width)
        var start = 0
        for (i, c) in characters.enumerated() where c == "\n" {
            wrapParagraph(start, i)
            start = i + 1
        }
        wrapParagraph(start, characters.count)
    }

    private mutating func wrapParagraph(_ from: Int, _ to: Int) {
        var lineStart = from
        var col = 0
        var breakAfterSpace: Int?   // the offset just after the last space on this line
        var i = from
        while i < to {
            let c = characters[i], w = widths[i]
            if c == " " {
                col += w                // spaces hang past the edge rather than start a line
                breakAfterSpace = i + 1
                i += 1
                continue
            }
            if col + w > width, i > lineStart {
                let cut = breakAfterSpace.flatMap { $0 > lineStart ? $0 : nil } ?? i
                lines.append(Line(start: lineStart, end: cut, isParagraphEnd: false))
                lineStart = cut
                col = columns(from: cut, to: i)
                breakAfterSpace = nil
                continue
            }
            col += w
            i += 1
        }
        lines.append(Line(start: lineStart, end: to, isParagraphEnd: true))
    }

    /// Columns taken by characters `from..<to`.
    func columns(from: Int, to: Int) -> Int {
        guard from < to else { return 0 }
        var total = 0
        for i in from..<min(to, widths.count) { total += widths[i] }
        return total
    }

    /// The visual line the cursor is on. At a soft wrap the offset ends one line and starts the
    /// next: it shows at the start of the next line, unless `upstream` (after End, or ↓ to the
    /// end of a line) asks for the end of the earlier one.
    func line(of position: Int, upstream: Bool = false) -> Int {
        // Binary search for the first line whose end is at or after the position.
        var low = 0, high = lines.count - 1
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].end < position { low = mid + 1 } else { high = mid }
        }
        var n = low
        let line = lines[n]
        if position == line.end, !line.isParagraphEnd, !upstream, n + 1 < lines.count { n += 1 }
        return n
    }

    /// Display column of `position` on line `n`.
    func column(of position: Int, onLine n: Int) -> Int {
        columns(from: lines[n].start, to: min(position, lines[n].end))
    }

    /// The offset on line `n` nearest to `goal` columns without passing it, and whether it must
    /// be shown upstream (it is the end of a soft-wrapped line).
    func position(onLine n: Int, column goal: Int) -> (position: Int, upstream: Bool) {
        let line = lines[n]
        var col = 0
        var i = line.start
        while i < line.end {
            let next = col + widths[i]
            if next > goal { break }
            col = next
            i += 1
        }
        return (i, i == line.end && !line.isParagraphEnd)
    }
}
