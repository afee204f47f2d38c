/// What must be redrawn to turn the screen showing one grid into another: the frame diff, kept
/// pure here so it is tested without a terminal; `SpotlightTerminal` only paints what it says.
public struct GridChanges: Equatable, Sendable {
    /// Nothing known of the screen (first frame, or the grid's size changed): every cell is in
    /// `runs`, and whatever lies outside the new grid must be cleared first.
    public var isEverything: Bool
    /// Stretches of changed cells, row by row, left to right.
    public var runs: [GridRun]
}

/// A stretch of one row to redraw. It never starts on a continuation cell nor ends between a
/// wide grapheme and its continuation: a wide grapheme is redrawn whole or not at all.
public struct GridRun: Equatable, Sendable {
    public var y: Int
    public var columns: Range<Int>

    public init(y: Int, columns: Range<Int>) {
        self.y = y
        self.columns = columns
    }
}

/// One thing to paint: a grapheme at `x` covering `width` columns (2 for a wide grapheme,
/// whose continuation cell is not painted separately).
public struct GridGlyph: Equatable, Sendable {
    public var x: Int
    public var text: String
    public var role: Role
    public var width: Int

    public init(x: Int, text: String, role: Role, width: Int) {
        self.x = x
        self.text = text
        self.role = role
        self.width = width
    }
}

extension Grid {
    /// The runs of cells that differ from `previous` in text, role or width. A role-only change
    /// is a change (a selection moving). With no previous grid, or one of another size,
    /// everything is redrawn.
    public func changes(from previous: Grid?) -> GridChanges {
        guard let previous, previous.width == width, previous.height == height else {
            let runs = width == 0 ? [] : (0..<height).map { GridRun(y: $0, columns: 0..<width) }
            return GridChanges(isEverything: true, runs: runs)
        }
        var runs: [GridRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                guard self[x, y] != previous[x, y] else { x += 1; continue }
                // Widen to whole graphemes: back to a continuation's lead, on over continuations.
                var start = x
                while start > 0, self[start, y].isContinuation || previous[start, y].isContinuation { start -= 1 }
                var end = x + 1
                while end < width, self[end, y] != previous[end, y] || self[end, y].isContinuation
                        || previous[end, y].isContinuation {
                    end += 1
                }
                if let last = runs.last, last.y == y, last.columns.upperBound >= start {
                    runs[runs.count - 1].columns = last.columns.lowerBound..<end
                } else {
                    runs.append(GridRun(y: y, columns: start..<end))
                }
                x = end
            }
        }
        return GridChanges(isEverything: false, runs: runs)
    }

    /// The glyphs that paint `run`: a wide grapheme once, with width 2; its continuation cell
    /// not again. An orphan continuation (a malformed grid) becomes a blank, so the screen
    /// never keeps stale text there.
    public func glyphs(in run: GridRun) -> [GridGlyph] {
        var glyphs: [GridGlyph] = []
        for x in run.columns {
            let cell = self[x, run.y]
            if cell.isContinuation {
                if x > 0, !self[x - 1, run.y].isContinuation { continue }
                glyphs.append(GridGlyph(x: x, text: " ", role: cell.role, width: 1))
                continue
            }
            let wide = x + 1 < width && self[x + 1, run.y].isContinuation
            glyphs.append(GridGlyph(x: x, text: cell.text, role: cell.role, width: wide ? 2 : 1))
        }
        return glyphs
    }
}
