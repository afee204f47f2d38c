/// Sanitised text in printable ASCII, for terminals that cannot show anything else: a close
/// ASCII spelling where there is one ("é" → "e", "“" → "\"", "—" → "-", "…" → "..."),
/// caret notation for the control pictures the sanitiser made ("␛" → "^["), else one "?" per
/// column the cluster took, so text that cannot be spelt (CJK, emoji) keeps its width and a
/// layout measured either way lines up.
enum ASCIIFallback {
    /// `text` must already be display-safe (no controls): `Sanitizer` calls this last.
    static func transliterate(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for cluster in text { out += spelling(of: cluster) }
        return out
    }

    /// One cluster. Marks after the first scalar are dropped: "e\u{301}" is "e".
    static func spelling(of cluster: Character) -> String {
        guard let first = cluster.unicodeScalars.first else { return "" }
        if first.isASCII { return String(first) }
        if let spelt = spelling(of: first) { return spelt }
        let width = DisplayWidth.of(cluster)
        return width == 0 ? "" : String(repeating: "?", count: min(width, 2))
    }

    private static func spelling(of scalar: Unicode.Scalar) -> String? {
        let v = scalar.value
        switch v {
        case 0x2400...0x241F: return "^" + String(Unicode.Scalar(UInt8(v - 0x2400 + 0x40)))  // ␛ → ^[
        case 0x2421: return "^?"                                                            // ␡
        case 0xFF01...0xFF5E: return String(Unicode.Scalar(UInt8(v - 0xFF01 + 0x21)))        // fullwidth Ａ → A
        case 0x2500...0x257F: return boxDrawing(scalar)
        default: break
        }
        if let spelt = table[v] { return spelt }
        if scalar.properties.generalCategory == .spaceSeparator { return " " }
        return latinLetter(scalar)
    }

    /// Latin letters by their Unicode name: "LATIN SMALL LETTER E WITH ACUTE" → "e",
    /// "LATIN CAPITAL LETTER AE" → "AE", "LATIN SMALL LIGATURE OE" → "oe". Other scripts have
    /// no obvious ASCII spelling and get the replacement mark.
    private static func latinLetter(_ scalar: Unicode.Scalar) -> String? {
        guard let name = scalar.properties.name else { return nil }
        let small: Bool
        var rest: Substring
        if name.hasPrefix("LATIN SMALL ") {
            small = true
            rest = name.dropFirst("LATIN SMALL ".count)
        } else if name.hasPrefix("LATIN CAPITAL ") {
            small = false
            rest = name.dropFirst("LATIN CAPITAL ".count)
        } else {
            return nil
        }
        for kind in ["LETTER ", "LIGATURE "] where rest.hasPrefix(kind) { rest = rest.dropFirst(kind.count) }
        let letters = rest.prefix { $0 != " " }
        guard (1...2).contains(letters.count), letters.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        return small ? letters.lowercased() : String(letters)
    }

    /// Lines as "-" and "|", every corner and tee as "+".
    private static func boxDrawing(_ scalar: Unicode.Scalar) -> String {
        let name = scalar.properties.name ?? ""
        if name.hasSuffix(" HORIZONTAL") || name.contains("HORIZONTAL DASH") { return "-" }
        if name.hasSuffix(" VERTICAL") || name.contains("VERTICAL DASH") { return "|" }
        return "+"
    }

    /// Punctuation and symbols people type, and the few letters whose name does not spell them.
    private static let table: [UInt32: String] = [
        // Quotes and apostrophes.
        0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x201F: "\"", 0x00AB: "\"", 0x00BB: "\"", 0x2033: "\"",
        0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x2039: "<", 0x203A: ">",
        // Dashes, dots, bullets.
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
        0x2026: "...", 0x00B7: "-", 0x2022: "*", 0x2027: "-", 0x2219: "*",
        // Arrows and pointers.
        0x2190: "<-", 0x2192: "->", 0x2191: "^", 0x2193: "v", 0x2194: "<->", 0x21D2: "=>",
        0x25B8: ">", 0x25B6: ">", 0x25BA: ">", 0x25C2: "<", 0x25C0: "<", 0x25C4: "<",
        0x25B2: "^", 0x25BC: "v", 0x2605: "*", 0x2606: "*",
        // Maths, money, marks.
        0x00D7: "x", 0x00F7: "/", 0x00B1: "+/-", 0x2264: "<=", 0x2265: ">=", 0x2260: "!=", 0x2248: "~",
        0x00BD: "1/2", 0x00BC: "1/4", 0x00BE: "3/4", 0x00B0: "o",
        0x20AC: "EUR", 0x00A3: "GBP", 0x00A2: "c", 0x00A9: "(c)", 0x00AE: "(R)", 0x2122: "(TM)",
        0x00A1: "!", 0x00BF: "?", 0x00A7: "S", 0x00B6: "P", 0xFFFD: "?",
        // Letters the name rule misses.
        0x00DF: "ss", 0x1E9E: "SS", 0x00DE: "Th", 0x00FE: "th", 0x00D0: "D", 0x00F0: "d", 0x0131: "i",
    ]
}
