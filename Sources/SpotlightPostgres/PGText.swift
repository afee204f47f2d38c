#if PostgreSQLSupport
/// PostgreSQL `text` cannot hold U+0000, but a story may (the store keeps hostile text byte for
/// byte, `BoardStoreTests`). Every text value is stored escaped, reversibly:
/// U+10FFFF (a noncharacter) → U+10FFFF U+10FFFF, and U+0000 → U+10FFFF "0". Equality binds are
/// escaped the same way, so comparisons agree; text without either scalar is unchanged.
enum PGText {
    static let mark: Unicode.Scalar = "\u{10FFFF}"

    static func encode(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == mark || $0.value == 0 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case mark: out.append(mark); out.append(mark)
            case "\u{0}": out.append(mark); out.append("0")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func decode(_ stored: String) -> String {
        guard stored.unicodeScalars.contains(mark) else { return stored }
        var out = String.UnicodeScalarView()
        var escaped = false
        for scalar in stored.unicodeScalars {
            if escaped {
                out.append(scalar == "0" ? "\u{0}" : scalar)
                escaped = false
            } else if scalar == mark {
                escaped = true
            } else {
                out.append(scalar)
            }
        }
        if escaped { out.append(mark) }
        return String(out)
    }
}
#endif
