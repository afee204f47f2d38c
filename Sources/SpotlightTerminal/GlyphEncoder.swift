import CNcursesw

/// Turns a grid cell's grapheme into what ncurses can place: one spacing character plus at most
/// four zero-width ones (a `cchar_t`). ncurses positions text by glibc's `wcwidth`, which may
/// disagree with the width the UI assumed; the grid's columns win, so a glyph is padded or
/// replaced rather than allowed to shift the rest of the row.
struct Glyph {
    /// The scalars for `setcchar`, as wchar_t (at most 5 are used).
    var chars: [wchar_t]
    /// Columns ncurses will advance for `chars`.
    var width: Int
    /// The grid reserved two columns but ncurses uses one: draw a space in the second.
    var padAfter: Bool
}

enum GlyphEncoder {
    static let replacement: wchar_t = 0xFFFD
    static let space: wchar_t = 0x20
    private static let zeroWidthJoiner: UInt32 = 0x200D
    private static let emojiPresentation: UInt32 = 0xFE0F

    /// - Parameters:
    ///   - text: the cell's grapheme (already display-safe in principle; not trusted here).
    ///   - gridWidth: 2 when the next grid cell is this one's continuation, else 1.
    ///   - room: columns left on the screen row from this cell (clipping at the right edge).
    static func encode(_ text: String, gridWidth: Int, room: Int) -> Glyph {
        let scalars = text.unicodeScalars
        // Fast path: one printable ASCII byte is by far the most common cell.
        if text.utf8.count == 1, let byte = text.utf8.first, byte >= 0x20, byte < 0x7F {
            return Glyph(chars: [wchar_t(byte)], width: 1, padAfter: gridWidth == 2 && room >= 2)
        }
        guard let first = scalars.first else {
            return Glyph(chars: [space], width: 1, padAfter: gridWidth == 2 && room >= 2)
        }

        var chars: [wchar_t] = []
        var base = wchar_t(bitPattern: first.value)
        var width = Int(spotlight_wcwidth(base))
        var keepMarks = true
        if first.value < 0x20 || (0x7F...0x9F).contains(first.value) || width < 0 {
            // Control or unknown to this libc: never hand it to the terminal.
            base = replacement
            width = 1
            keepMarks = false
        } else if width == 0 {
            // A lone combining mark: give it a space to sit on.
            chars.append(space)
            width = 1
        }
        chars.append(base)

        // Keep the zero-width marks that follow (accents); stop at the next spacing scalar,
        // which is how ZWJ emoji sequences collapse to their first emoji.
        for scalar in scalars.dropFirst() where keepMarks {
            if chars.count >= 5 { break }
            let value = wchar_t(bitPattern: scalar.value)
            if spotlight_wcwidth(value) != 0 { break }
            // A joiner would make the terminal fuse this cell with its neighbour's glyph. VS16
            // (emoji presentation) widens ❤ to two columns in some terminals but not in glibc's
            // wcwidth, which is what ncurses moves its cursor by: the rest of the row would shift.
            if scalar.value == zeroWidthJoiner || scalar.value == emojiPresentation { continue }
            chars.append(value)
        }

        if width > room {
            // Half of a wide glyph cut off by the right edge of a smaller terminal.
            return Glyph(chars: [space], width: 1, padAfter: false)
        }
        if width > gridWidth {
            // The UI measured it narrow but ncurses would take two columns: a replacement
            // keeps every later column where the UI put it.
            return Glyph(chars: [replacement], width: 1, padAfter: false)
        }
        return Glyph(chars: chars, width: width, padAfter: gridWidth == 2 && width == 1 && room >= 2)
    }
}
