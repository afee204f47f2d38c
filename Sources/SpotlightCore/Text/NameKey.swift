import Foundation

/// The one way two names are compared: the medallion self-check, stats grouping, awards and
/// the newsletter all ask here, so "Mallory\u{200B} Staff" can neither give Mallory Staff a
/// medallion from herself nor split her into two rows. Stored text is never changed; only the
/// comparison key is.
public enum NameKey {
    /// NFC, with default-ignorable and bidi-control code points removed (zero-width spaces,
    /// word joiners, soft hyphens, direction overrides), case-folded, and whitespace collapsed
    /// and trimmed.
    public static func key(_ name: String) -> String {
        asciiKey(name) ?? unicodeKey(name)
    }

    /// `key` for any text. NFC from the standard library (`_nfcCodeUnits`), not Foundation's
    /// `precomposedStringWithCanonicalMapping`, which bridges through NSString and whose first
    /// use scans every conformance record of the binary four times (~1 M instructions for a
    /// `spotlight list` with one CJK hero; issue 17); the words joined by hand for the same
    /// reason (the generic `joined`).
    static func unicodeKey(_ name: String) -> String {
        let visible = String(String.UnicodeScalarView(name.unicodeScalars.filter { !isInvisible($0) }))
        let composed = String(decoding: visible._nfcCodeUnits, as: UTF8.self)
        var key = ""
        for word in composed.lowercased().split(whereSeparator: \.isWhitespace) {
            if !key.isEmpty { key += " " }
            key += String(word)   // `+= Substring` is the unspecialised generic `append(contentsOf:)`
        }
        return key
    }

    /// `key` of an all-ASCII name, or nil for any other. ASCII holds no default-ignorable or
    /// bidi-control code point and is its own NFC, so the key is the name lowercased with its
    /// runs of whitespace (U+0009–U+000D, space) collapsed to one space and trimmed. Byte by
    /// byte, because the general path goes through Foundation's NFC and the generic `joined`:
    /// their first use scans every conformance record of the binary several times over (over
    /// 1 M instructions for `spotlight list`, which compares each story's hero and department;
    /// issue 17).
    static func asciiKey(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSpace = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the text shows at least one grapheme a reader can see: a required field of
    /// only spaces, zero-width characters, soft hyphens or bidi controls is empty.
    public static func hasVisibleGrapheme(_ text: String) -> Bool {
        text.unicodeScalars.contains { !isInvisible($0) && !isBlank($0) }
    }

    /// Code points that draw nothing and only change how the text around them behaves.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isDefaultIgnorableCodePoint || scalar.properties.isBidiControl
    }

    /// Spaces and controls: present, but nothing to read.
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate, .unassigned: return true
        default: return scalar.value == 0x2800   // BRAILLE PATTERN BLANK, a favourite "empty" name
        }
    }
}
