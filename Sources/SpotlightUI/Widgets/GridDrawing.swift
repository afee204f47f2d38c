import SpotlightCore

/// The drawing primitives every widget and screen uses. Text reaches a cell only through
/// `put`, which takes `SafeText` (a `String` is sanitised on the way in), so sanitising
/// happens in exactly one place and no screen can forget it.
extension Grid {
    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Writes `text` from column `x` on row `y`, using at most `maxWidth` columns and never
    /// writing outside the grid. Returns the columns advanced from `x`.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int = .max) -> Int {
        put(SafeText(text), x: x, y: y, role: role, maxWidth: maxWidth)
    }

    /// Writes already-sanitised text. Grapheme by grapheme, by display width:
    /// - a wide character that would straddle the right limit becomes a space;
    /// - a zero-width cluster (a lone mark) is skipped: with no base of its own a terminal
    ///   would draw it over the neighbouring cell;
    /// - a cluster wider than two columns becomes U+FFFD, since cells hold one or two columns
    ///   and terminals disagree on such clusters.
    @discardableResult
    public mutating func put(_ text: SafeText, x: Int, y: Int, role: Role, maxWidth: Int = .max) -> Int {
        guard y >= 0, y < height, x < width, maxWidth > 0, !text.isEmpty else { return 0 }
        // Text made before an ASCII render began is converted here, so no cell of an ASCII
        // frame can hold anything else (its layout may be off, the terminal never is).
        let text = SafeText.charset == .ascii && !text.isASCII ? SafeText(text.string) : text
        let limit = x + min(maxWidth, width - x)   // exclusive; cannot overflow since x < width
        var col = x
        for ch in text.string {
            var w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if col >= limit { break }
            var glyph = ch
            if w > 2 { glyph = "\u{FFFD}"; w = 1 }
            if col + w > limit {
                if col >= 0 { writeCell(" ", x: col, y: y, role: role, wide: false) }
                col += 1
                break
            }
            if col < 0 {
                // Clipped on the left; the visible half of a wide character becomes a space.
                if col + w > 0 { writeCell(" ", x: 0, y: y, role: role, wide: false) }
                col += w
                continue
            }
            writeCell(glyph, x: col, y: y, role: role, wide: w == 2)
            col += w
        }
        return col - x
    }

    /// Paints `rect` (clipped to the grid) with `glyph` in `role`, by default blanking it.
    /// A wide glyph is laid every two columns; an odd last column gets a space.
    public mutating func fill(_ rect: Rect, role: Role, glyph: SafeText = .space) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let glyph = SafeText.charset == .ascii && !glyph.isASCII ? SafeText(glyph.string) : glyph
        var w = glyph.width
        var ch: Character = " "
        if let first = glyph.string.first, w >= 1, w <= 2, glyph.string.count == 1 { ch = first } else { w = 1 }
        let cell = Cell(String(ch), role: role)
        for y in area.y..<area.maxY {
            repairEdges(x: area.x, y: y, width: area.width)
            var x = area.x
            while x < area.maxX {
                if w == 2 && x + 1 < area.maxX {
                    self[x, y] = cell
                    self[x + 1, y] = Cell("", role: role, isContinuation: true)
                    x += 2
                } else {
                    self[x, y] = w == 2 ? Cell(" ", role: role) : cell
                    x += 1
                }
            }
        }
    }

    /// Sets only the role of the cells in `rect` (e.g. a reversed banner bar behind text).
    public mutating func paint(_ rect: Rect, role: Role) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x, y].role = role }
        }
    }

    /// Writes one of our own one-column glyphs (a block element of big type) into a cell, if
    /// the cell is on the grid; it never holds user text, so it skips `put`'s sanitising.
    mutating func putBlock(_ glyph: String, x: Int, y: Int, role: Role) {
        guard contains(x: x, y: y) else { return }
        repairEdges(x: x, y: y, width: 1)
        self[x, y] = Cell(glyph, role: role)
    }

    /// Writes one grapheme; `wide` takes this cell and a continuation cell to its right.
    private mutating func writeCell(_ glyph: Character, x: Int, y: Int, role: Role, wide: Bool) {
        repairEdges(x: x, y: y, width: wide ? 2 : 1)
        self[x, y] = Cell(String(glyph), role: role)
        if wide { self[x + 1, y] = Cell("", role: role, isContinuation: true) }
    }

    /// Before cells `x..<x+width` of row `y` are overwritten: a wide character cut in half by
    /// the overwrite would leave an orphan half, so its surviving half becomes a space.
    private mutating func repairEdges(x: Int, y: Int, width span: Int) {
        if x > 0, x < width, self[x, y].isContinuation {
            self[x - 1, y] = Cell(" ", role: self[x - 1, y].role)
        }
        let after = x + span
        if after < width, self[after, y].isContinuation {
            self[after, y] = Cell(" ", role: self[after, y].role)
        }
    }
}
