import SpotlightCore

/// Text drawn from a bitmap font with half blocks (▀ ▄ █): a cell holds two pixels one above the
/// other, and a terminal cell is twice as tall as wide, so each pixel is square. At scale 1 an
/// 8×16 glyph takes 8 columns by 8 rows; on a 1080p console (8×16-pixel cells) Unifont's capitals
/// are then 10 × 8 = 80 pixels tall. Half blocks, not quadrants: the Linux console's fonts and
/// every common terminal font have them.
struct BigText {
    let font: HexFont
    /// 1, 2 or 4 font pixels per half-block pixel.
    let scale: Int

    /// The scales tried, largest first.
    static let scales = [4, 2, 1]

    /// Rows one line takes.
    var lineRows: Int { HexFont.Glyph.height / 2 * scale }

    /// Text columns that fit in `columns` cells: one text column is an 8-pixel-wide glyph.
    func textColumns(in columns: Int) -> Int { columns / (8 * scale) }

    /// True when every grapheme of `text` has its own glyph in the font, drawn as the terminal
    /// would measure it (8 pixels a column). A cluster of several scalars (an accent added to a
    /// letter, an emoji sequence), an emoji, and scripts that need shaping or right-to-left
    /// layout are not: drawn glyph by glyph they would come out wrong, so that line stays text.
    static func canDraw(_ text: String, with font: HexFont) -> Bool {
        text.allSatisfy { canDraw($0, with: font) }
    }

    static func canDraw(_ c: Character, with font: HexFont) -> Bool {
        let scalars = c.unicodeScalars
        guard let s = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        guard !s.properties.isEmojiPresentation, !Self.needsLayout(s.value) else { return false }
        guard let pixels = font.width(of: s) else { return false }
        return pixels == 8 * DisplayWidth.of(c)
    }

    /// Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…) and scripts whose letters
    /// change shape or reorder (the Indic scripts, Tibetan, Myanmar, Khmer, Mongolian, the
    /// scripts of South-East Asia), with their presentation-form blocks.
    static func needsLayout(_ v: UInt32) -> Bool {
        switch v {
        case 0x0590...0x08FF, 0x0900...0x0DFF, 0x0F00...0x109F, 0x1780...0x18AF, 0x1900...0x1AFF,
             0x1B00...0x1C4F, 0xA800...0xA8FF, 0xA900...0xA9FF, 0xAA00...0xAAFF, 0xABC0...0xABFF,
             0xFB1D...0xFDFF, 0xFE70...0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Half-block pixel pairs: nothing, top, bottom, both.
    private static let blocks = ["\u{20}", "\u{2580}", "\u{2584}", "\u{2588}"]

    /// Draws one line of drawable text (`canDraw`) with its top-left cell at `x`, `y`, clipped
    /// to `clip`. Returns the columns used.
    @discardableResult
    func draw(_ text: String, into grid: inout Grid, x: Int, y: Int, role: Role, clip: Rect) -> Int {
        var left = x
        for c in text {
            guard let scalar = c.unicodeScalars.first, let glyph = font.glyph(for: scalar) else { continue }
            let columns = glyph.width * scale
            guard left + columns <= clip.maxX else { break }
            for cy in 0..<lineRows {
                let row = y + cy
                guard row >= clip.y, row < clip.maxY else { continue }
                let top = 2 * cy / scale, bottom = (2 * cy + 1) / scale
                for cx in 0..<columns {
                    let px = cx / scale
                    let bits = (glyph.isSet(x: px, y: top) ? 1 : 0) | (glyph.isSet(x: px, y: bottom) ? 2 : 0)
                    grid.putBlock(Self.blocks[bits], x: left + cx, y: row, role: role)
                }
            }
            left += columns
        }
        return left - x
    }
}

/// A headline laid out in big type: wrapped by words at the width big letters allow, each line
/// drawn big, or as normal text when it holds something the font cannot draw.
struct BigTitle: Equatable {
    enum Line: Equatable {
        case big(String)
        case text(SafeText)
    }

    let scale: Int
    let lines: [Line]

    /// Rows the headline takes.
    var rows: Int { lines.reduce(0) { $0 + (isBig($1) ? HexFont.Glyph.height / 2 * scale : 1) } }

    private func isBig(_ line: Line) -> Bool {
        if case .big = line { return true }
        return false
    }

    /// The biggest scale at which `raw` fits `width` × `maxRows` in at most `maxLines` lines,
    /// without breaking a word of narrow letters (CJK may break anywhere, as in normal text);
    /// nil when none does or when no line could be drawn big.
    static func fit(_ raw: String, font: HexFont, width: Int, maxRows: Int, maxLines: Int = 4, scales: [Int] = BigText.scales) -> BigTitle? {
        let text = SafeText(raw).string
        guard !text.isEmpty, maxRows > 0 else { return nil }
        let words = text.split(separator: " ")
        for scale in scales {
            let big = BigText(font: font, scale: scale)
            let columns = big.textColumns(in: width)
            guard columns > 0, big.lineRows <= maxRows else { continue }
            // A word of narrow letters too long for a line would be cut in two: try smaller.
            if words.contains(where: { DisplayWidth.of($0) > columns && $0.allSatisfy { DisplayWidth.of($0) <= 1 } }) { continue }
            let wrapped = DisplayWidth.wrap(text, width: columns).filter { !$0.isEmpty }
            guard !wrapped.isEmpty, wrapped.count <= maxLines else { continue }
            let lines = wrapped.map { BigText.canDraw($0, with: font) ? Line.big($0) : Line.text(SafeText($0)) }
            let title = BigTitle(scale: scale, lines: lines)
            guard title.rows <= maxRows else { continue }
            return lines.contains(where: title.isBig) ? title : nil
        }
        return nil
    }

    /// Draws the lines top-down from the top of `area`.
    func render(font: HexFont, into grid: inout Grid, area: Rect, role: Role) {
        let big = BigText(font: font, scale: scale)
        var y = area.y
        for line in lines {
            switch line {
            case .big(let text):
                big.draw(text, into: &grid, x: area.x, y: y, role: role, clip: area)
                y += big.lineRows
            case .text(let text):
                grid.put(text, x: area.x, y: y, role: role, maxWidth: area.width)
                y += 1
            }
        }
    }
}
