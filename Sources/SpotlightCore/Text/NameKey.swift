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
        let visible = String(String.UnicodeScalarView(name.unicodeScalars.filter { !isInvisible($0) }))
        return visible.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
