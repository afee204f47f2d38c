/// Text word-wrapped to a width, ready to draw: computed once, so a screen can measure how many
/// lines a body wants before deciding how many rows to give it, without wrapping twice.
public struct WrappedLines: Sendable, Equatable {
    /// The wrapped lines, at most the `lineLimit` asked for.
    public let lines: [SafeText]
    /// True when text beyond `lines` exists.
    public let isClipped: Bool

    public init(_ raw: String, width: Int, lineLimit: Int) {
        (lines, isClipped) = SafeText.wrapping(raw, width: width, lineLimit: lineLimit)
    }

    /// The first `count` lines; when anything is hidden, the last ends with `ellipsis` so a
    /// reader knows the story goes on. A last line left short because the next word was long
    /// (a CJK run has no spaces to break at) is filled from the lines after it instead, so a
    /// one-line title does not shrink to a stub and an ellipsis.
    public func visible(_ count: Int, width: Int, ellipsis: String = "…") -> [SafeText] {
        let n = max(0, min(count, lines.count))
        guard n > 0 else { return [] }
        var shown = Array(lines.prefix(n))
        guard n < lines.count || isClipped else { return shown }
        var last = shown[n - 1]
        if last.width < width / 2, n < lines.count {
            let following = lines[(n - 1)..<min(lines.count, n + 2)].filter { !$0.isEmpty }
            last = SafeText(following.map(\.string).joined(separator: " "))
        }
        shown[n - 1] = last.width > width ? last.truncated(toWidth: width, ellipsis: ellipsis) : last.endingWith(ellipsis, width: width)
        return shown
    }
}

/// A paragraph word-wrapped into its area (DisplayWidth.wrap), at most `maxLines` lines;
/// the last visible line ends in "…" when the text was cut.
public struct WrappedText: Widget {
    public var text: String
    public var role: Role
    public var maxLines: Int
    public var align: TextAlign
    public var ellipsis: String

    public init(_ text: String, role: Role, maxLines: Int = .max, align: TextAlign = .left, ellipsis: String = "…") {
        self.text = text
        self.role = role
        self.maxLines = maxLines
        self.align = align
        self.ellipsis = ellipsis
    }

    /// The lines this text would take at `width`, up to `maxLines` (for layout decisions).
    public func lineCount(width: Int) -> Int {
        WrappedLines(text, width: width, lineLimit: maxLines).lines.count
    }

    public func render(into grid: inout Grid, area: Rect) {
        let rows = min(maxLines, area.height)
        guard rows > 0, area.width > 0 else { return }
        let wrapped = WrappedLines(text, width: area.width, lineLimit: rows)
        Self.draw(wrapped.visible(rows, width: area.width, ellipsis: ellipsis), into: &grid, area: area, role: role, align: align)
    }

    /// Draws prepared lines top-down in `area`; used by screens that wrapped earlier for layout.
    public static func draw(_ lines: [SafeText], into grid: inout Grid, area: Rect, role: Role, align: TextAlign = .left) {
        for (i, line) in lines.prefix(area.height).enumerated() {
            grid.put(line, x: align.startX(in: area, textWidth: line.width), y: area.y + i, role: role, maxWidth: area.width)
        }
    }
}
