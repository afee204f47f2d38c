/// One screen cell: a grapheme cluster already made display-safe, its width, and its role.
/// A wide grapheme (width 2) occupies its cell plus a `continuation` cell to its right, so
/// every row always has exactly `width` cells (ratatui's Buffer idea).
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: Role
    /// True for the right half of a wide character; the terminal draws nothing for it.
    public var isContinuation: Bool

    public init(_ text: String = " ", role: Role = .normal, isContinuation: Bool = false) {
        self.text = text
        self.role = role
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A rectangle of cells that screens render into and the terminal (or a test) reads out.
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// The grid as plain text, one line per row, trailing spaces kept (golden frames, snapshot).
    public func plainText(trimTrailing: Bool = false) -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                let cell = self[x, y]
                if !cell.isContinuation { line += cell.text }
            }
            if trimTrailing {
                while line.last == " " { line.removeLast() }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
