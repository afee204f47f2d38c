import SpotlightCore

/// What typed or pasted text may put into a form field, and how wide each character of a field
/// is drawn.
///
/// Input policy: people do not type control characters, so they are removed as text comes in
/// (keys, pastes and the draft a form starts from). C0 and C1 controls, DEL and invisible format
/// characters (bidi overrides and isolates, zero-width space, BOM) are dropped; a tab becomes a
/// space; CR LF, CR, NEL, U+2028 and U+2029 become "\n" in the body and a space in one-line
/// fields. What is left are printable clusters that the editor can measure and put the cursor
/// between. Kept: ZWJ and ZWNJ (they join emoji and shape scripts) and tag characters (flag
/// sequences). Escape sequences lose their ESC, so "\u{1B}[2J" stays only as the harmless text
/// "[2J". The drawing side sanitises again anyway (`SafeText`), so this is about editing, not
/// safety.
enum ComposeText {
    /// `text` as the field keeps it.
    static func clean(_ text: String, multiline: Bool) -> String {
        // Fast path: printable ASCII (and "\n" in the body) is kept as it is.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || ($0 == 0x0A && multiline) }) { return text }
        let newline: Unicode.Scalar = multiline ? "\n" : " "
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            i += 1
            switch s.value {
            case 0x0D:
                if i < scalars.count, scalars[i].value == 0x0A { i += 1 }   // CR LF is one line break
                out.append(newline)
            case 0x0A, 0x85, 0x2028, 0x2029:
                out.append(newline)
            case 0x09:
                out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                break
            case 0x200C, 0x200D, 0xE0020...0xE007F:
                out.append(s)
            default:
                if s.value >= 0xA0, s.properties.generalCategory == .format { break }
                out.append(s)
            }
        }
        return String(out)
    }

    /// Columns `c` takes when drawn: measured on its sanitised form, clamped as `Grid.put` does
    /// (a zero-width cluster is skipped, a cluster wider than two becomes one U+FFFD), so the
    /// cursor lands exactly where the grid put the text.
    @inline(__always)
    static func columns(_ c: Character) -> Int {
        let utf8 = c.utf8
        if utf8.count == 1, let b = utf8.first { return b >= 0x20 && b != 0x7F ? 1 : 0 }
        return nonASCIIColumns(c)
    }

    private static func nonASCIIColumns(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        if scalars.count == 1, let s = scalars.first, s.value >= 0xA0,
           s.properties.generalCategory != .format, s.properties.generalCategory != .control {
            return DisplayWidth.of(c)   // one ordinary scalar: the sanitiser leaves it alone
        }
        var total = 0
        // UTF-8 on purpose: the editor moves its cursor by these columns outside any render,
        // so they must not depend on the frame's charset (an ASCII frame keeps the widths).
        for shown in SafeText(String(c), charset: .utf8).string {
            let w = DisplayWidth.of(shown)
            total += w == 0 ? 0 : (w > 2 ? 1 : w)
        }
        return total
    }

    /// Columns of a run of characters.
    static func columns(_ s: some StringProtocol) -> Int {
        var total = 0
        for c in s { total += columns(c) }
        return total
    }
}
