/// A plain-text table whose columns line up in a terminal: widths are measured with
/// `DisplayWidth`, so CJK names (two columns per character) and emoji do not push the
/// following columns out of line. Every cell passes `Sanitizer.singleLine`.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public let title: String
        public let alignment: Alignment
        /// Longer cells are cut with "…", so one 80-character name cannot widen the table.
        public let maxWidth: Int

        public init(_ title: String, _ alignment: Alignment = .left, maxWidth: Int = 32) {
            self.title = title
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    public let columns: [Column]
    private var rows: [[String]] = []
    public static let gap = "  "

    public init(_ columns: [Column]) { self.columns = columns }

    public mutating func add(_ cells: [String]) {
        rows.append(columns.indices.map { i in
            let cell = i < cells.count ? Sanitizer.singleLine(cells[i]) : ""
            return DisplayWidth.truncate(cell, toWidth: columns[i].maxWidth)
        })
    }

    public var isEmpty: Bool { rows.isEmpty }

    /// The header line (omitted when every title is empty), then one line per row; no trailing spaces.
    public func lines(indent: String = "") -> [String] {
        let widths = columns.indices.map { i in
            max(DisplayWidth.of(columns[i].title), rows.map { DisplayWidth.of($0[i]) }.max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { i, cell in
                let fill = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(cell)))
                return columns[i].alignment == .left ? cell + fill : fill + cell
            }
            let joined = indent + padded.joined(separator: Self.gap)
            return String(joined.reversed().drop(while: { $0 == " " }).reversed())
        }
        let header = columns.allSatisfy(\.title.isEmpty) ? [] : [line(columns.map(\.title))]
        return header + rows.map(line)
    }

    /// Pads `s` on the right to `width` display columns (for one-off alignment outside a table).
    public static func padRight(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - DisplayWidth.of(s)))
    }
}
