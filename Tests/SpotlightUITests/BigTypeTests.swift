import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

/// The big-type font (Unifont's .hex format), its search path, and headlines laid out in it.
@Suite struct BigTypeTests {
    static func font(_ text: String) throws -> HexFont { try HexFont(bytes: Array(text.utf8)) }

    // MARK: The .hex file

    @Test func decodesNarrowAndWideGlyphs() throws {
        let font = try Self.font("0041:0000000018242442427E424242420000\n6771:" + String(repeating: "8001", count: 16) + "\n")
        #expect(font.glyphCount == 2)
        let a = try #require(font.glyph(for: "A"))
        #expect(a.width == 8 && a.isSet(x: 3, y: 4) && a.isSet(x: 4, y: 4) && !a.isSet(x: 2, y: 4) && !a.isSet(x: 0, y: 0))
        let wide = try #require(font.glyph(for: "東"))
        #expect(wide.width == 16 && wide.isSet(x: 0, y: 7) && wide.isSet(x: 15, y: 7) && !wide.isSet(x: 7, y: 7))
        #expect(font.glyph(for: "B") == nil && font.width(of: "😀") == nil)
    }

    @Test func brokenFilesAreErrorsNamingTheLine() {
        func problem(_ text: String) -> HexFontError? {
            do { _ = try Self.font(text); return nil } catch { return error as? HexFontError }
        }
        // Truncated in the middle of the last glyph, with or without its line break.
        #expect(problem("0041:0000000018242442427E424242420000\n0042:00000000\n")?.line == 2)
        #expect(problem("0041:0000000018242442427E424242420000\n0042:0000000018242442427E424242420000")?.problem.contains("truncated") == true)
        #expect(problem("0041:0000000018242442427E42424242000G\n")?.problem.contains("not a hex digit") == true)
        #expect(problem("hello world\n")?.line == 1)
        #expect(problem("") != nil && problem("\n\n") != nil)
        #expect(problem("0041:0000000018242442427E424242420000\r\n") == nil)
    }

    @Test func loadSaysWhichFileIsWrong() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hexfont-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("unifont.hex").path
        try "0041:00000000182424".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: HexFontError.self) { try HexFont.load(path: file) }
        do { _ = try HexFont.load(path: file, checkEveryLine: true) } catch { #expect(error.description.hasPrefix(file + " line 1: ")) }
        do { _ = try HexFont.load(path: file) } catch { #expect(error.description == file + ": the last line has no line break: the file looks truncated") }
        do { _ = try HexFont.load(path: dir.path) } catch { #expect(error.description.contains("directory")) }
    }

    // MARK: Where it is looked for

    @Test func searchPathFollowsXDGThenOurPrefixThenDebian() {
        let standard = FontCatalog.standard(environment: [:], executablePath: "/opt/spot/bin/spotlight")
        #expect(standard.searchPaths == [
            "/usr/local/share/unifont/unifont.hex", "/usr/share/unifont/unifont.hex", "/opt/spot/share/unifont/unifont.hex",
        ])
        let custom = FontCatalog.standard(environment: ["XDG_DATA_DIRS": "/srv/data:relative/ignored"], executablePath: "spotlight")
        #expect(custom.searchPaths == ["/srv/data/unifont/unifont.hex", "/usr/share/unifont/unifont.hex"])
    }

    @Test func catalogReportsMissingAndBrokenFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fontcat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = FontCatalog(searchPaths: [dir.appendingPathComponent("nope.hex").path]).load()
        #expect(missing.font == nil && missing.summary.contains("install the unifont package"))
        let bad = dir.appendingPathComponent("bad.hex").path
        try "0041:0000".write(toFile: bad, atomically: true, encoding: .utf8)
        let good = dir.appendingPathComponent("good.hex").path
        try "0041:0000000018242442427E424242420000\n".write(toFile: good, atomically: true, encoding: .utf8)
        // The first file found is the one used, and the one reported when broken.
        let broken = FontCatalog(searchPaths: [bad, good]).load()
        #expect(broken.font == nil && broken.summary.contains(bad) && broken.summary.contains("truncated"))
        #expect(FontCatalog(searchPaths: [bad, good]).load(checkEveryLine: true).summary.contains("line 1"))
        let loaded = FontCatalog(searchPaths: [dir.appendingPathComponent("nope.hex").path, good]).load()
        #expect(loaded.font?.glyphCount == nil && loaded.font?.glyph(for: "A") != nil && loaded.summary.contains(good))
        #expect(FontCatalog(searchPaths: [good]).load(checkEveryLine: true).summary.contains("(1 glyphs)"))
    }

    /// The wall does not read the whole file: a glyph is found by binary search, and a damaged
    /// line is a missing glyph (its headline line stays text); `doctor`'s full check names it.
    @Test func lookupFindsEveryGlyphAndTreatsADamagedLineAsMissing() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/test-font.hex")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lazy = try HexFont(bytes: Array(text.utf8), checkEveryLine: false)
        let full = try HexFont(bytes: Array(text.utf8))
        for line in text.split(separator: "\n") {
            let scalar = try #require(UInt32(line.prefix(4), radix: 16).flatMap(Unicode.Scalar.init))
            #expect(lazy.glyph(for: scalar) != nil && lazy.glyph(for: scalar) == full.glyph(for: scalar), "U+\(line.prefix(4))")
        }
        for absent: Unicode.Scalar in ["\u{1F}", "\u{7F}", "ä", "\u{FFFD}", "\u{0}"] { #expect(lazy.glyph(for: absent) == nil) }
        let damaged = text.replacingOccurrences(of: "0042:00000000", with: "0042:0000zz00")
        let wall = try HexFont(bytes: Array(damaged.utf8), checkEveryLine: false)
        #expect(wall.glyph(for: "B") == nil && wall.glyph(for: "A") != nil && wall.glyph(for: "C") != nil)
        #expect(throws: HexFontError.self) { try HexFont(bytes: Array(damaged.utf8)) }
        let unordered = "0042:0000000018242442427E424242420000\n0041:0000000018242442427E424242420000\n"
        do { _ = try HexFont(bytes: Array(unordered.utf8)); Issue.record("out of order accepted") } catch {
            #expect(error.line == 2 && error.problem.contains("order"))
        }
        #expect(try HexFont(bytes: Array(("\n\n" + text + "\n\n").utf8), checkEveryLine: false).glyph(for: "M") != nil, "blank lines")
    }

    // MARK: Headlines in big type

    @Test func halfBlocksKeepPixelsSquare() throws {
        let font = try Self.font("0041:" + String(repeating: "80", count: 16) + "\n")   // a 1-pixel stem
        var grid = Grid(width: 20, height: 20)
        let used = BigText(font: font, scale: 1).draw("A", into: &grid, x: 0, y: 0, role: .title, clip: grid.bounds)
        #expect(used == 8)
        #expect((0..<8).allSatisfy { grid[0, $0].text == "█" } && grid[0, 8].text == " " && grid[1, 0].text == " ")
        var two = Grid(width: 20, height: 20)
        #expect(BigText(font: font, scale: 2).draw("A", into: &two, x: 0, y: 0, role: .title, clip: two.bounds) == 16)
        #expect((0..<16).allSatisfy { two[0, $0].text == "█" && two[1, $0].text == "█" } && two[2, 0].text == " ")
    }

    @Test func whatCannotBeDrawnStaysText() {
        let font = WallFixtures.font
        #expect(BigText.canDraw("Mary Lopez", with: font) && BigText.canDraw("東京", with: font))
        #expect(!BigText.canDraw("Party 🎉", with: font), "emoji")
        #expect(!BigText.canDraw("ok ☎️", with: font), "emoji presentation")
        #expect(!BigText.canDraw("e\u{301}", with: font), "a letter with a combining mark is one grapheme of two scalars")
        #expect(!BigText.canDraw("\u{5D0}", with: font), "the test font has alef, but Hebrew is right-to-left")
        #expect(!BigText.canDraw("ä", with: font), "no glyph")
    }

    @Test func scaleIsTheBiggestThatFitsWithoutBreakingWords() throws {
        let font = WallFixtures.font
        let short = try #require(BigTitle.fit("Thanks!", font: font, width: 240, maxRows: 40))
        #expect(short.scale == 4 && short.rows == 32)
        #expect(BigTitle.fit("Thanks!", font: font, width: 240, maxRows: 20)?.scale == 2)
        // 15 letters at 16 columns each is 240: "Congratulations" never splits at scale 2.
        let word = try #require(BigTitle.fit("Congratulations", font: font, width: 236, maxRows: 40))
        #expect(word.scale == 1 && word.lines == [.big("Congratulations")])
        let wrapped = try #require(BigTitle.fit("Mary turned a furious caller into our biggest fan", font: font, width: 226, maxRows: 40))
        #expect(wrapped.scale == 1 && wrapped.lines == [.big("Mary turned a furious caller"), .big("into our biggest fan")])
        #expect(BigTitle.fit(WallFixtures.giantWord, font: font, width: 226, maxRows: 60) == nil)
    }

    @Test func aLineWithAnEmojiIsTextTheRestStaysBig() throws {
        let title = try #require(BigTitle.fit("Night shift kept every line open during the storm 🌩️", font: WallFixtures.font, width: 226, maxRows: 40))
        #expect(title.lines == [.big("Night shift kept every line"), .text(SafeText("open during the storm 🌩️"))])
        #expect(title.rows == 9)
        #expect(BigTitle.fit("🎉🎉🎉", font: WallFixtures.font, width: 226, maxRows: 40) == nil, "nothing big: normal title")
        #expect(BigTitle.fit("\u{5D0}\u{5D1}", font: WallFixtures.font, width: 226, maxRows: 40) == nil)
    }

    @Test func hostileHeadlinesFallBackOrFitNeverOverflow() {
        let font = WallFixtures.font
        let cjk = String(repeating: "東", count: 120)
        let marks = "e" + String(repeating: "\u{0301}", count: 10_000)
        for title in [cjk, marks, "\u{200B}\u{200B}\u{FEFF}", "\u{202E}Pwned\u{202C}", "\u{1B}[2J" + WallFixtures.giantWord] {
            if let big = BigTitle.fit(title, font: font, width: 226, maxRows: 40) { #expect(big.rows <= 40) }
            var model = WallFixtures.demo
            model.card?.title = title
            model.font = font
            for (w, h) in [(240, 67), (120, 36), (10, 5), (41, 13)] {
                #expect(frameProblems(WallScreen.render(model, width: w, height: h), width: w, height: h) == [], "\(w)×\(h)")
            }
        }
        #expect(BigTitle.fit(cjk, font: font, width: 226, maxRows: 53) == nil, "120 CJK characters are 9 big lines: text")
    }

    @Test func asciiTerminalsAndSmallWallsGetNoBigType() {
        var model = WallFixtures.demo
        model.font = WallFixtures.font
        let big = WallScreen.render(model, width: 240, height: 67)
        #expect(big.cells.contains { $0.text == "█" && $0.role == .title })
        #expect(big.cells.contains { $0.text == "█" && $0.role == .hero })
        model.isUTF8 = false
        #expect(!WallScreen.render(model, width: 240, height: 67).cells.contains { $0.text == "█" })
        model.isUTF8 = true
        #expect(!WallScreen.render(model, width: 119, height: 67).cells.contains { $0.text == "█" })
    }

    /// The issue's target: the card and its headline cover at least 60 % of a 1080p console.
    @Test func theTVCardFillsMostOfTheScreen() {
        for (w, h) in [(240, 67), (200, 60)] {
            let card = WallLayout(width: w, height: h).tvCard
            #expect(Double(card.width * card.height) / Double(w * h) >= 0.6, "\(w)×\(h)")
        }
        let roomy = WallLayout(width: 119, height: 40)
        #expect(roomy.kind == .roomy && WallLayout(width: 120, height: 36).kind == .tv && WallLayout(width: 80, height: 24).kind == .compact)
    }
}
