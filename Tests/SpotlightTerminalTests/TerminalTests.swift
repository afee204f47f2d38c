// Pure parts of SpotlightTerminal, no terminal needed. Candidate for a SpotlightTerminalTests target.
import SpotlightUI
import Glibc
import Testing
@testable import SpotlightTerminal

@Suite struct KeyDecoding {
    @Test func controlCharacters() {
        #expect(KeyDecoder.decode(character: 0x0D) == .enter)
        #expect(KeyDecoder.decode(character: 0x0A) == .enter)
        #expect(KeyDecoder.decode(character: 0x09) == .tab)
        #expect(KeyDecoder.decode(character: 0x1B) == .escape)
        #expect(KeyDecoder.decode(character: 0x7F) == .backspace)
        #expect(KeyDecoder.decode(character: 0x08) == .backspace)
        #expect(KeyDecoder.decode(character: 0x13) == .ctrl("s"))
        #expect(KeyDecoder.decode(character: 0x01) == .ctrl("a"))
        #expect(KeyDecoder.decode(character: 0x1F) == .ctrl("_"))
        #expect(KeyDecoder.decode(character: 0x00) == .ctrl("@"))
        #expect(KeyDecoder.decode(character: 0x9B) == .other(0x9B))
    }

    @Test func text() {
        #expect(KeyDecoder.decode(character: 0x61) == .char("a"))
        #expect(KeyDecoder.decode(character: 0xE9) == .char("é"))
        #expect(KeyDecoder.decode(character: 0x65E5) == .char("日"))
        #expect(KeyDecoder.decode(character: 0x1F469) == .char("👩"))
        #expect(KeyDecoder.decode(character: 0xD800) == .other(0xD800))  // lone surrogate
    }

    @Test func functionKeys() {
        #expect(KeyDecoder.decode(keyCode: 0o403) == .key(.up))       // KEY_UP
        #expect(KeyDecoder.decode(keyCode: 0o522) == .key(.pageDown))  // KEY_NPAGE
        #expect(KeyDecoder.decode(keyCode: 0o541) == .key(.backTab))   // KEY_BTAB
        #expect(KeyDecoder.decode(keyCode: 0o410 + 5) == .key(.function(5)))
        #expect(KeyDecoder.decode(keyCode: 0o632) == .resize)
        #expect(KeyDecoder.decode(keyCode: 0o631) == .mouse)
        #expect(KeyDecoder.decode(keyCode: 0o550) == .key(.end))
        #expect(KeyDecoder.decode(keyCode: 0o572) == .key(.other(0o572)))  // KEY_SBEG
    }
}

@Suite struct Glyphs {
    init() { setlocale(LC_ALL, "C.UTF-8") }  // wcwidth needs a UTF-8 locale

    @Test func asciiAndWide() {
        #expect(GlyphEncoder.encode("a", gridWidth: 1, room: 10).chars == [0x61])
        let wide = GlyphEncoder.encode("日", gridWidth: 2, room: 10)
        #expect(wide.chars == [0x65E5] && wide.width == 2 && !wide.padAfter)
    }

    @Test func combiningMarksKept() {
        let g = GlyphEncoder.encode("e\u{301}", gridWidth: 1, room: 10)
        #expect(g.chars == [0x65, 0x301] && g.width == 1)
    }

    @Test func zwjSequenceCollapsesToFirstEmoji() {
        let g = GlyphEncoder.encode("👩‍💻", gridWidth: 2, room: 10)
        #expect(g.chars == [0x1F469] && g.width == 2 && !g.padAfter)
    }

    @Test func vs16DroppedAndPadded() {
        let g = GlyphEncoder.encode("❤️", gridWidth: 2, room: 10)
        #expect(g.chars == [0x2764] && g.width == 1 && g.padAfter)
    }

    @Test func wideClippedAtRightEdge() {
        let g = GlyphEncoder.encode("日", gridWidth: 2, room: 1)
        #expect(g.chars == [0x20] && g.width == 1 && !g.padAfter)
    }

    @Test func wideWhereUIMeasuredNarrow() {
        let g = GlyphEncoder.encode("日", gridWidth: 1, room: 10)
        #expect(g.chars == [0xFFFD] && g.width == 1)
    }

    @Test func controlsNeverReachTheTerminal() {
        #expect(GlyphEncoder.encode("\u{1B}", gridWidth: 1, room: 10).chars == [0xFFFD])
        #expect(GlyphEncoder.encode("\u{9B}", gridWidth: 1, room: 10).chars == [0xFFFD])
        #expect(GlyphEncoder.encode("", gridWidth: 1, room: 10).chars == [0x20])
        #expect(GlyphEncoder.encode("\u{301}", gridWidth: 1, room: 10).chars == [0x20, 0x301])
    }
}

@Suite struct Colours {
    @Test func depthDetection() {
        #expect(ColorDepth.detect(colors: 256, hasColors: true, noColor: nil) == .colors256)
        #expect(ColorDepth.detect(colors: 88, hasColors: true, noColor: nil) == .colors16)
        #expect(ColorDepth.detect(colors: 8, hasColors: true, noColor: nil) == .colors8)
        #expect(ColorDepth.detect(colors: 0, hasColors: false, noColor: nil) == .mono)
        #expect(ColorDepth.detect(colors: 256, hasColors: true, noColor: "1") == .mono)
        #expect(ColorDepth.detect(colors: 256, hasColors: true, noColor: "") == .colors256)
        #expect(ColorDepth.detect(colors: 16_777_216, hasColors: true, noColor: nil) == .colors8)
    }

    @Test func fallbackToShallowerDepth() {
        let style = TerminalStyle(fg16: 12, fg8: 4, bg8: 3, bold: true, monoReverse: true)
        #expect(style.resolved(for: .colors256) == ResolvedStyle(foreground: 12, background: 3, bold: true))
        #expect(style.resolved(for: .colors8) == ResolvedStyle(foreground: 4, background: 3, bold: true))
        #expect(style.resolved(for: .mono) == ResolvedStyle(foreground: -1, background: -1, reverse: true))
    }

    @Test func explicitDefaultStopsFallback() {
        let style = TerminalStyle(fg256: -1, fg16: 8, fg8: 0)
        #expect(style.resolved(for: .colors256).foreground == -1)
        #expect(style.resolved(for: .colors16).foreground == 8)
    }

    @Test func outOfRangeBecomesDefault() {
        #expect(TerminalStyle(fg16: 200).resolved(for: .colors16).foreground == -1)
        #expect(TerminalStyle(fg8: 12).resolved(for: .colors8).foreground == -1)
    }
}

@Suite struct PasteReading {
    static let end = "\u{1B}[201~"

    @Test func textUpToTheEndMarkerAndTheRestLeftOver() {
        var reader = PasteReader()
        let first = reader.feed(Array("hello q\u{1B}x".utf8))
        let second = reader.feed(Array("\rworld\(Self.end)jk".utf8))
        #expect(!first && second)
        #expect(reader.text == "hello q\u{1B}x\nworld")
        #expect(reader.leftover == Array("jk".utf8))
    }

    @Test func aMarkerSplitAcrossChunksIsFound() {
        let whole = Array("abc\(Self.end)z".utf8)
        for cut in 1..<whole.count {
            var reader = PasteReader()
            _ = reader.feed(whole[..<cut])
            let done = reader.feed(whole[cut...])
            #expect(done, "cut at \(cut)")
            #expect(reader.text == "abc" && reader.leftover == [UInt8(ascii: "z")], "cut at \(cut)")
        }
    }

    @Test func lineBreaksBecomeNewlinesAndBadUTF8IsReplaced() {
        var reader = PasteReader()
        _ = reader.feed([0x61, 0x0D, 0x0A, 0x62, 0x0A, 0x63, 0x0D, 0xFF, 0x64] + Array(Self.end.utf8))
        #expect(reader.text == "a\nb\nc\n\u{FFFD}d")
    }

    @Test func aHugePasteKeepsItsFirstBytesAndStillFindsItsEnd() {
        var reader = PasteReader()
        let chunk = [UInt8](repeating: UInt8(ascii: "y"), count: 1 << 20)
        for _ in 0..<(PasteReader.keptLimit >> 20) + 3 {
            let done = reader.feed(chunk)
            #expect(!done)
        }
        let done = reader.feed(Array(Self.end.utf8))
        #expect(done)
        #expect(reader.bytes.count == PasteReader.keptLimit)
    }

    @Test func pasteMarkersDecodeAsTheirOwnEvents() {
        #expect(KeyDecoder.decode(keyCode: KeyDecoder.pasteStartCode) == .pasteStart)
        #expect(KeyDecoder.decode(keyCode: KeyDecoder.pasteEndCode) == .pasteEnd)
    }
}
