/// Makes untrusted, user-authored text safe to draw on a terminal (DESIGN §9).
///
/// The threat is the `wall(1)` escape-injection class (CVE-2024-28085): a story that carries
/// ESC/CSI/OSC sequences could clear the screen, retitle the window or write the clipboard of
/// everyone watching the wall; bidi overrides could make text read differently than stored;
/// a pile of combining marks could smear over neighbouring cells. Stored text is never
/// changed; only what is drawn or printed passes through here.
public enum Sanitizer {

    /// Text safe to draw, keeping line breaks as "\n":
    /// - C0 controls become Control Pictures (ESC → "␛", NUL → "␀"), tab becomes a space,
    ///   CR LF and U+2028/U+2029 become "\n", DEL becomes "␡", C1 controls become "�";
    /// - bidi controls and other format characters are removed, except a ZWJ that joins
    ///   emoji, and tag characters inside an emoji tag sequence (🏴󠁧󠁢󠁳󠁣󠁴󠁿);
    /// - a cluster keeps at most `maxCombiningPerCluster` combining marks (Mn/Mc/Me),
    ///   skin-tone modifiers only right after an emoji that takes one, at most 3 ZWJs
    ///   (the longest standard emoji sequences have 3) and at most 32 scalars in all.
    public static func displaySafe(_ s: String, maxCombiningPerCluster: Int = 4) -> String {
        sanitize(s, newline: "\n", maxMarks: maxCombiningPerCluster)
    }

    /// Like `displaySafe`, for one-line places (headlines, ticker, names): every line break
    /// becomes a space.
    public static func singleLine(_ s: String) -> String {
        sanitize(s, newline: " ", maxMarks: 4)
    }

    /// Text from `displaySafe` or `singleLine`, spelt in what `charset` can show: unchanged for
    /// UTF-8, transliterated for ASCII (`ASCIIFallback`). Always applied last: transliterating
    /// raw text first could turn something into a sequence the caps above never saw.
    public static func converted(_ safe: String, to charset: OutputCharset) -> String {
        charset == .ascii ? ASCIIFallback.transliterate(safe) : safe
    }

    /// The longest standard (RGI) emoji ZWJ sequences, e.g. 👨‍👩‍👧‍👦, have 3 joiners.
    static let maxJoinersPerCluster = 3
    /// Hard bound on any one cluster, far above any real one (a kiss with skin tones is 10).
    static let maxScalarsPerCluster = 32

    private static func sanitize(_ s: String, newline: Unicode.Scalar, maxMarks: Int) -> String {
        // Fast path: printable ASCII (plus "\n" where kept) is already safe.
        if s.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || ($0 == 0x0A && newline == "\n") }) {
            return s
        }
        // Two passes: mapping can remove a character between two runs of marks, and the runs
        // then fuse into one cluster, so the per-cluster caps are applied to the mapped text.
        return capClusters(mapScalars(s, newline: newline), maxMarks: max(0, maxMarks))
    }

    /// Pass 1: replace or drop controls and format characters. Works per cluster because
    /// whether a ZWJ or a tag character stays depends on the emoji around it.
    private static func mapScalars(_ s: String, newline: Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        for ch in s {
            let scalars = ch.unicodeScalars
            // Looked up only when a ZWJ or tag character asks (rare), not for every cluster.
            var emojiCluster: Bool {
                guard let first = scalars.first else { return false }
                return first.value >= 0x80 && first.properties.isEmoji
            }
            var i = scalars.startIndex
            while i != scalars.endIndex {
                let sc = scalars[i]
                scalars.formIndex(after: &i)
                let v = sc.value
                switch v {
                case 0x20...0x7E, 0xA0...0xAC:
                    out.append(sc)
                case 0x0D where i != scalars.endIndex && scalars[i] == "\n":
                    break                                      // CR LF: the LF makes the one newline
                case 0x0A, 0x2028, 0x2029:
                    out.append(newline)
                case 0x09:
                    out.append(" ")
                case 0x00...0x1F:
                    out.append(Unicode.Scalar(0x2400 + v)!)   // Control Pictures block
                case 0x7F:
                    out.append("\u{2421}")                     // ␡
                case 0x80...0x9F:
                    out.append("\u{FFFD}")                     // C1, incl. CSI U+009B and OSC U+009D
                case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                    break                                      // bidi controls: dropped, never shown
                case 0x200D:
                    // Keep a joiner only between emoji (👩‍💻); elsewhere it is invisible noise.
                    if i != scalars.endIndex, scalars[i].properties.isEmoji, emojiCluster { out.append(sc) }
                case 0xFE0E, 0xFE0F:
                    out.append(sc)                             // variation selectors pick text/emoji style
                case 0xE0020...0xE007F:
                    if emojiCluster { out.append(sc) }         // tag sequences: subdivision flags
                default:
                    if sc.properties.generalCategory != .format { out.append(sc) }
                }
            }
        }
        return String(out)
    }

    /// Pass 2: per-cluster caps, so no cluster can paint far outside the width we measured.
    private static func capClusters(_ s: String, maxMarks: Int) -> String {
        var out = String.UnicodeScalarView()
        for ch in s {
            let scalars = ch.unicodeScalars
            var it = scalars.makeIterator()
            if let only = it.next(), it.next() == nil {
                out.append(only)                               // one scalar: nothing to cap
                continue
            }
            var kept = 0
            var marks = 0
            var joiners = 0
            var previous: Unicode.Scalar?
            for sc in scalars {
                if kept == maxScalarsPerCluster { break }
                if isCombiningMark(sc) {
                    if marks == maxMarks { continue }
                    marks += 1
                } else if sc.value == 0x200D {
                    if joiners == maxJoinersPerCluster { break }   // the rest would draw as extra glyphs
                    joiners += 1
                } else if sc.properties.isEmojiModifier, let p = previous, !p.properties.isEmojiModifierBase {
                    continue                                       // stray skin tones draw as swatches
                }
                out.append(sc)
                kept += 1
                previous = sc
            }
        }
        return String(out)
    }

    /// Mn/Mc/Me, except variation selectors, which are Mn but choose a glyph rather than stack.
    static func isCombiningMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x300: return false
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return false
        default: break
        }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
