import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

/// Frames for a terminal that cannot show UTF-8 (LANG=C, `snapshot --ascii`): every cell is
/// printable ASCII, user text included, and the borders stay where they are in UTF-8.
@Suite struct ASCIIFrameTests {
    /// Every cell printable ASCII and one column wide, so the row is exactly as wide as the grid
    /// on any terminal; the frame's left and right borders in every boxed row.
    func expectASCIIFrame(_ grid: Grid, _ name: String, boxed rows: Range<Int>, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(frameProblems(grid, width: grid.width, height: grid.height) == [], "\(name)", sourceLocation: sourceLocation)
        let bad = grid.cells.filter { !$0.isContinuation && !$0.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } }
        #expect(bad.isEmpty, "\(name): non-ASCII cells \(bad.prefix(5).map(\.text))", sourceLocation: sourceLocation)
        #expect(!grid.cells.contains { $0.isContinuation }, "\(name): a wide cell", sourceLocation: sourceLocation)
        let lines = grid.plainText().split(separator: "\n", omittingEmptySubsequences: false)
        for y in rows {
            let line = Array(lines[y])
            #expect(line.count == grid.width, "\(name) row \(y)", sourceLocation: sourceLocation)
            #expect("+|.'".contains(line.first ?? " ") && "+|.'".contains(line.last ?? " "),
                    "\(name) row \(y) lost its border: \(String(line))", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["cjk", "hostile"])
    func wallFrames(_ fixture: String) {
        var model = fixture == "cjk" ? WallFixtures.cjk : WallFixtures.hostile
        model.isUTF8 = false
        for (w, h) in [(80, 24), (40, 12)] {
            let grid = WallScreen.render(model, width: w, height: h)
            expectGolden(grid, "wall-ascii-\(fixture)-\(w)x\(h)")
            expectASCIIFrame(grid, "wall \(fixture) \(w)×\(h)", boxed: 0..<(h - 1))
        }
    }

    @Test func wallTickerSpellsWhatItCan() {
        var model = WallFixtures.cjk
        model.isUTF8 = false
        model.ticker = ["Zürich “crème brûlée” day — 東京 🌙 night shift…"]
        let ticker = WallScreen.render(model, width: 80, height: 24).plainText()
            .split(separator: "\n").first { $0.contains("Zurich") }
        #expect(ticker?.contains("Zurich \"creme brulee\" day - ???? ?? night shift...") == true, "\(ticker ?? "no ticker")")
    }

    @Test(arguments: ["cjk", "hostile"])
    func boardFrames(_ fixture: String) {
        typealias F = BoardFixtures
        var context = BoardFrameTests.context
        context.isUTF8 = false
        context.banner = "SERVICE SPOTLIGHT"
        let stories = fixture == "cjk" ? F.cjk : F.hostile
        var list = F.state(F.manager, stories: stories, width: 80, height: 24)
        let listGrid = BoardScreen.render(list, context: context, width: 80, height: 24).grid
        expectGolden(listGrid, "board-list-ascii-\(fixture)-80x24")
        expectASCIIFrame(listGrid, "board list \(fixture)", boxed: 0..<0)
        _ = list.press(.enter)
        let detail = BoardScreen.render(list, context: context, width: 80, height: 24).grid
        expectGolden(detail, "board-detail-ascii-\(fixture)-80x24")
        expectASCIIFrame(detail, "board detail \(fixture)", boxed: 0..<0)
    }

    @Test func composeKeepsTheCursorOnTheTextItDrew() throws {
        var form = ComposeFixtures.cjkWithError()
        form.resize(width: 80, height: 24)
        let (grid, cursor) = ComposeScreen.render(form, isUTF8: false, width: 80, height: 24)
        expectGolden(grid, "compose-ascii-cjk-80x24")
        expectASCIIFrame(grid, "compose cjk", boxed: 0..<0)
        let utf8 = ComposeScreen.render(form, isUTF8: true, width: 80, height: 24)
        // CJK and emoji keep their columns as "?" marks, so the cursor is where it is in UTF-8.
        #expect(cursor.map { [$0.x, $0.y] } == utf8.cursor.map { [$0.x, $0.y] })
    }

    @Test func textMadeOutsideTheRenderIsConvertedWhenPut() {
        let early = SafeText("東京 — “hi”")   // made in UTF-8
        var grid = Grid(width: 20, height: 1)
        SafeText.rendering(for: .ascii) { _ = grid.put(early, x: 0, y: 0, role: .normal) }
        #expect(grid.plainText(trimTrailing: true) == "???? - \"hi\"")
        #expect(SafeText.rendering(for: .ascii) { SafeText("a…").truncated(toWidth: 4).string } == "a...")
        #expect(SafeText.rendering(for: .ascii) { SafeText("abcdef").truncated(toWidth: 5).string } == "ab...")
        #expect(SafeText("東京").width == 4 && SafeText("東京", charset: .ascii).string == "????")
    }
}
