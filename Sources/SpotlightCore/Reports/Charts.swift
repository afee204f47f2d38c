/// Which characters charts may use. Block elements need a UTF-8 terminal; elsewhere they
/// would print as mojibake, so there is a plain-ASCII fallback with the same shapes.
public enum ChartGlyphs: Sendable {
    case unicode, ascii

    /// The eight sparkline levels, lowest first.
    var levels: [Character] {
        switch self {
        case .unicode: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        case .ascii: ["_", ".", ":", "-", "=", "+", "*", "#"]
        }
    }

    var block: Character { self == .unicode ? "█" : "#" }

    /// Our own dash in headers, so a non-UTF-8 terminal sees no mojibake from us.
    public var dash: String { self == .unicode ? "—" : "-" }
}

/// Pure chart drawing for `spotlight stats` and any later stats screen: numbers in, text
/// out, one character per cell (every glyph used is one column wide).
public enum Charts {
    /// One character per value. Zero is the lowest level; any non-zero value is at least the
    /// second, so "a quiet week" and "no week at all" look different. The largest value is
    /// the top level; the rest scale linearly between.
    public static func sparkline(_ values: [Int], glyphs: ChartGlyphs) -> String {
        let levels = glyphs.levels
        let top = values.max() ?? 0
        return String(values.map { value -> Character in
            guard value > 0, top > 0 else { return levels[0] }
            let steps = levels.count - 2
            return levels[1 + (value * steps + top / 2) / top]
        })
    }

    /// A bar of at most `width` blocks for `value` out of `maximum`; never empty for a
    /// non-zero value, so a department with one story is still visible next to one with 500.
    public static func bar(_ value: Int, maximum: Int, width: Int, glyphs: ChartGlyphs) -> String {
        guard value > 0, maximum > 0, width > 0 else { return "" }
        let length = max(1, min(width, (value * width + maximum / 2) / maximum))
        return String(repeating: glyphs.block, count: length)
    }

    /// Labelled horizontal bars, labels aligned by display width (CJK department names):
    ///
    ///     Customer Support  ██████████ 5
    ///     Facilities        ████████ 4
    public static func barChart(_ rows: [(label: String, value: Int)], barWidth: Int, glyphs: ChartGlyphs,
                                labelWidth: Int = 24, indent: String = "  ") -> [String] {
        let labels = rows.map { DisplayWidth.truncate(Sanitizer.singleLine($0.label), toWidth: labelWidth) }
        let column = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let maximum = rows.map(\.value).max() ?? 0
        return zip(labels, rows).map { label, row in
            let bar = bar(row.value, maximum: maximum, width: barWidth, glyphs: glyphs)
            return indent + TextTable.padRight(label, column) + "  " + bar + (bar.isEmpty ? "" : " ") + String(row.value)
        }
    }
}
