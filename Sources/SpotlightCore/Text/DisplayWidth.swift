/// Terminal column width of text, per grapheme cluster (what Swift calls a `Character`).
///
/// Like `wcwidth(3)`, but a cluster is measured as a whole so that emoji sequences
/// (👩‍💻, ❤️, 🇫🇷, 👍🏽) count as the single 2-column glyph modern terminals draw.
/// This runs for every cell of every frame, so ASCII never touches Unicode properties.
public enum DisplayWidth {

    /// Width of one grapheme cluster: 0, 1 or 2 (a few odd clusters add up to more; see below).
    /// Inlinable so the ASCII case costs a couple of instructions in the renderer's module.
    @inlinable
    public static func of(_ c: Character) -> Int {
        // A one-byte cluster is ASCII; this is cheaper than `asciiValue` (~1 ns against ~8).
        let bytes = c.utf8
        if bytes.count == 1, let b = bytes.first { return b >= 0x20 && b != 0x7F ? 1 : 0 }
        return nonASCIIWidth(c)
    }

    /// Sum of the widths of the grapheme clusters of `s`.
    @inlinable
    public static func of(_ s: some StringProtocol) -> Int {
        // Fast path: pure ASCII is one column per printable byte ("\r\n" is 0 either way).
        var total = 0
        for byte in s.utf8 {
            if byte >= 0x80 {
                total = 0
                for c in s { total += of(c) }
                return total
            }
            if byte >= 0x20 && byte != 0x7F { total += 1 }
        }
        return total
    }

    @usableFromInline
    static func nonASCIIWidth(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        var it = scalars.makeIterator()
        guard let first = it.next() else { return 0 }
        guard it.next() != nil else { return width(of: first) }
        return clusterWidth(scalars)
    }

    /// Width of a single scalar, ignoring its neighbours (wcwidth with controls as 0, not -1).
    static func width(of s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }                       // DEL and C1 controls
        if v < 0x300 { return v == 0xAD ? 0 : 1 }      // Latin-1/Extended: no marks, one format char
        if isZeroWidth(s) { return 0 }
        if v >= 0x1100 && (isWide(v) || s.properties.isEmojiPresentation) { return 2 }
        return 1
    }

    /// Scalars that never advance the cursor on their own: marks, format characters,
    /// line/paragraph separators, and the Hangul vowel/final jamo that fuse into a syllable.
    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true
        default: break
        }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format,
             .control, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    /// Multi-scalar cluster. Emoji sequences are one 2-column glyph; anything else is the sum
    /// of its scalars, because that is how wcwidth-based terminals advance the cursor
    /// (a combining mark adds 0, but e.g. a halfwidth voiced mark ﾞ after ｶ adds 1).
    private static func clusterWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        var base: Unicode.Scalar?
        var sum = 0
        var visible = 0
        var emojiStyle = false   // VS16 or a skin-tone modifier: render as emoji
        var joined = false       // a ZWJ inside the cluster
        for s in scalars {
            switch s.value {
            case 0xFE0F: emojiStyle = true; continue
            case 0x200D: joined = true; continue
            case 0x1F3FB...0x1F3FF where base?.properties.isEmoji == true: emojiStyle = true; continue
            default: break
            }
            let w = width(of: s)
            guard w > 0 else { continue }
            if base == nil { base = s }
            visible += 1
            sum += w
        }
        guard let base else { return 0 }
        let p = base.properties
        if p.isEmoji {
            // A ZWJ only makes a sequence when it actually joined a second glyph ("#\u{200D}" is just "#").
            if p.isEmojiPresentation || emojiStyle || (joined && visible > 1) { return 2 }
        }
        return sum
    }

    // MARK: - Layout helpers

    /// Cuts `s` to at most `w` columns. The ellipsis is added only when something was cut,
    /// a grapheme is never split, and a wide character that would overflow is dropped.
    /// If even the ellipsis does not fit, the result is just the longest prefix that does.
    public static func truncate(_ s: String, toWidth w: Int, ellipsis: String = "…") -> String {
        let limit = max(0, w)
        if of(s) <= limit { return s }
        let ellipsisWidth = of(ellipsis)
        let useEllipsis = ellipsisWidth <= limit
        let budget = useEllipsis ? limit - ellipsisWidth : limit
        var out = ""
        var used = 0
        for c in s {
            let cw = of(c)
            if used + cw > budget { break }
            out.append(c)
            used += cw
        }
        return useEllipsis ? out + ellipsis : out
    }

    /// Word-wraps `s` to lines of at most `w` columns (`w` below 1 is treated as 1).
    /// Breaks at spaces; a word wider than a line is broken between graphemes; every newline
    /// (`\n`, `\r\n`, U+2028...) starts a new line and blank lines are kept as "".
    /// Spaces at a break are dropped; spaces inside a line (and leading indent) are kept.
    /// A cluster wider than `w` (a wide character at width 1) cannot be shown and is dropped.
    public static func wrap(_ s: String, width w: Int) -> [String] {
        var wrapper = Wrapper(width: max(1, w))
        for paragraph in s.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            wrapper.add(paragraph)
        }
        return wrapper.lines
    }
}

/// Greedy line filler behind `DisplayWidth.wrap`.
private struct Wrapper {
    let width: Int
    var lines: [String] = []
    private var line = ""
    private var lineWidth = 0
    private var pendingSpaces = 0   // spaces after the last word; written only if a word follows
    private var linesInParagraph = 0

    init(width: Int) { self.width = width }

    mutating func add(_ paragraph: Substring) {
        var wordStart = paragraph.startIndex
        var wordWidth = 0
        var i = paragraph.startIndex
        while i != paragraph.endIndex {
            let c = paragraph[i]
            if c == " " {
                if wordStart != i { addWord(paragraph[wordStart..<i], width: wordWidth) }
                pendingSpaces += 1
                wordWidth = 0
                paragraph.formIndex(after: &i)
                wordStart = i
            } else {
                wordWidth += DisplayWidth.of(c)
                paragraph.formIndex(after: &i)
            }
        }
        if wordStart != i { addWord(paragraph[wordStart..<i], width: wordWidth) }
        // A paragraph always yields at least one line, so blank lines survive as "".
        if !line.isEmpty || linesInParagraph == 0 { emit() }
        pendingSpaces = 0
        linesInParagraph = 0
    }

    private mutating func addWord(_ word: Substring, width ww: Int) {
        defer { pendingSpaces = 0 }
        if lineWidth + pendingSpaces + ww <= width {
            line += String(repeating: " ", count: pendingSpaces)
            line += word
            lineWidth += pendingSpaces + ww
            return
        }
        if !line.isEmpty { emit() }
        if ww <= width {
            line = String(word)
            lineWidth = ww
            return
        }
        for c in word {
            let cw = DisplayWidth.of(c)
            if cw > width { continue }
            if lineWidth + cw > width { emit() }
            line.append(c)
            lineWidth += cw
        }
    }

    private mutating func emit() {
        lines.append(line)
        line = ""
        lineWidth = 0
        linesInParagraph += 1
    }
}
