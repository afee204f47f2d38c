import Testing
@testable import SpotlightCore

/// Text for a terminal without UTF-8: spelt in ASCII where that reads right, "?" per column
/// where it cannot be, and always printable ASCII.
@Suite struct ASCIIFallbackTests {
    private func ascii(_ s: String) -> String { Sanitizer.converted(Sanitizer.singleLine(s), to: .ascii) }

    @Test func latinLettersLoseTheirAccents() {
        #expect(ascii("Zürich crème brûlée, São Paulo, Łódź, Ærøskøbing") == "Zurich creme brulee, Sao Paulo, Lodz, AEroskobing")
        #expect(ascii("Straße Œuvre ﬁ ı") == "Strasse OEuvre fi i")
        #expect(ascii("e\u{0301}") == "e", "a decomposed accent goes with its letter")
        #expect(ascii("Ｆｕｌｌ") == "Full")
    }

    @Test func punctuationBecomesItsASCIIForm() {
        #expect(ascii("“Quoted” ‘single’ «guillemets» — dash – en … ellipsis") == "\"Quoted\" 'single' \"guillemets\" - dash - en ... ellipsis")
        #expect(ascii("a\u{00A0}b\u{2009}c · d • e → f ½ 3×4 €5 ©") == "a b c - d * e -> f 1/2 3x4 EUR5 (c)")
        #expect(ascii("╭─╮│╰╯┏━┓") == "+-+|+++-+")
    }

    @Test func whatCannotBeSpeltKeepsItsColumnsAsMarks() {
        #expect(ascii("東京 office") == "???? office")
        #expect(ascii("🌙 night") == "?? night")
        #expect(ascii("👩‍💻🇯🇵") == "????", "one mark per column, not per scalar")
        #expect(ascii("Привет") == "??????")
        for sample in ["東京", "🌙", "👨‍👩‍👧", "한국", "ü", "—"] {
            #expect(DisplayWidth.of(ascii(sample)) == DisplayWidth.of(Sanitizer.singleLine(sample)), "\(sample)")
        }
    }

    @Test func controlPicturesBecomeCaretNotation() {
        #expect(ascii("\u{1B}[2J\u{0}\u{7F}\u{9B}") == "^[[2J^@^??")
    }

    @Test func hostileTextComesOutPrintableASCII() {
        let hostile = "\u{1B}]52;c;SGVsbG8=\u{07}\u{202E}evil\u{202C}\u{2066}x\u{2069}\u{200B}\u{FEFF}"
            + "e" + String(repeating: "\u{0301}", count: 50) + "🏴󠁧󠁢󠁳󠁣󠁴󠁿" + "\u{E0041}" + "\u{0300}"
        let out = Sanitizer.converted(Sanitizer.displaySafe(hostile + "\nline"), to: .ascii)
        #expect(out.unicodeScalars.allSatisfy { ($0.value >= 0x20 && $0.value < 0x7F) || $0 == "\n" }, "\(out)")
        #expect(out.hasSuffix("\nline"), "line breaks survive displaySafe")
    }

    @Test func utf8IsLeftAlone() {
        #expect(Sanitizer.converted("東京 — “hi”", to: .utf8) == "東京 — “hi”")
        #expect(OutputCharset(isUTF8: false) == .ascii)
    }
}
