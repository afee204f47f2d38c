import Testing
@testable import SpotlightUI

/// Rows of a grid as text, trailing spaces trimmed, for short readable expectations.
private func rows(_ grid: Grid) -> [String] {
    grid.plainText(trimTrailing: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

private func render(_ widget: some Widget, width: Int, height: Int = 1) -> Grid {
    var grid = Grid(width: width, height: height)
    widget.render(into: &grid, area: grid.bounds)
    return grid
}

/// Widgets and the drawing primitives under them; nested so `--filter WidgetTests` finds all.
@Suite struct WidgetTests {}

extension WidgetTests {
    @Suite struct GridDrawing {
        @Test func putWritesGraphemesByDisplayWidth() {
            var grid = Grid(width: 8, height: 1)
            let used = grid.put("a日b", x: 1, y: 0, role: .title)
            #expect(used == 4)
            #expect(grid[2, 0].text == "日" && grid[3, 0].isContinuation)
            #expect(grid[4, 0].text == "b" && grid[4, 0].role == .title)
        }

        @Test func wideCharacterStraddlingTheEdgeBecomesASpace() {
            var grid = Grid(width: 4, height: 1)
            grid.put("abc日", x: 0, y: 0, role: .body)
            #expect(rows(grid) == ["abc"])
            #expect(!grid[3, 0].isContinuation)
            var limited = Grid(width: 10, height: 1)
            limited.put("ab日日", x: 0, y: 0, role: .body, maxWidth: 5)
            #expect(rows(limited) == ["ab日"])
        }

        @Test func neverWritesOutsideTheGrid() {
            var grid = Grid(width: 3, height: 2)
            #expect(grid.put("hello", x: -2, y: 0, role: .body) == 5)
            #expect(grid.put("x", x: 0, y: 2, role: .body) == 0)
            #expect(grid.put("x", x: 3, y: 1, role: .body) == 0)
            grid.put("日本", x: -1, y: 1, role: .body)
            #expect(rows(grid) == ["llo", " 本"])
        }

        @Test func sanitisesWhatItDraws() {
            var grid = Grid(width: 20, height: 1)
            grid.put("\u{1B}[2J\u{202E}x\u{9B}\u{200B}", x: 0, y: 0, role: .body)
            #expect(rows(grid) == ["␛[2Jx�"])
        }

        @Test func zeroWidthClustersAreSkipped() {
            var grid = Grid(width: 5, height: 1)
            #expect(grid.put("\u{0301}ab", x: 0, y: 0, role: .body) == 2)
            #expect(rows(grid) == ["ab"])
        }

        @Test func overwritingHalfAWideCharacterLeavesNoOrphan() {
            var grid = Grid(width: 4, height: 1)
            grid.put("日本", x: 0, y: 0, role: .body)
            grid.put("x", x: 1, y: 0, role: .body)
            grid.put("y", x: 2, y: 0, role: .body)
            #expect(rows(grid) == [" xy"])
            #expect(grid.cells.allSatisfy { !$0.isContinuation })
        }

        @Test func fillLaysWideGlyphsInPairs() {
            var grid = Grid(width: 5, height: 1)
            grid.fill(grid.bounds, role: .border, glyph: SafeText("═"))
            #expect(rows(grid) == ["═════"])
            grid.fill(Rect(x: 0, y: 0, width: 5, height: 1), role: .border, glyph: SafeText("日"))
            #expect(rows(grid) == ["日日"])
        }

        @Test func rectHelpersNeverGoNegative() {
            let r = Rect(x: 2, y: 3, width: 10, height: 4)
            #expect(r.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
            #expect(r.inset(by: 9).isEmpty)
            #expect(r.splitTop(1).top == Rect(x: 2, y: 3, width: 10, height: 1))
            #expect(r.splitBottom(10).rest.height == 0)
            #expect(r.splitLeft(-3).left.width == 0)
            #expect(r.centered(width: 4, height: 2) == Rect(x: 5, y: 4, width: 4, height: 2))
            #expect(Rect(x: 0, y: 0, width: -5, height: -1).isEmpty)
        }
    }

    @Suite struct Widgets {
        @Test func boxDrawsItsBorderAndTitle() {
            let grid = render(BoxWidget(glyphs: .light, title: "Hi"), width: 10, height: 3)
            #expect(rows(grid) == ["┌─ Hi ───┐", "│        │", "└────────┘"])
            let ascii = render(BoxWidget(glyphs: .ascii), width: 3, height: 2)
            #expect(rows(ascii) == ["+-+", "+-+"])
        }

        @Test func boxRejectsGlyphsThatAreNotOneColumn() {
            var glyphs = BoxGlyphs.light
            glyphs.top = "日"
            glyphs.left = "\u{1B}"
            let grid = render(BoxWidget(glyphs: glyphs), width: 4, height: 3)
            #expect(rows(grid) == ["┌--┐", "|  │", "└──┘"])
        }

        @Test func boxDividerMeetsTheSides() {
            var grid = Grid(width: 4, height: 4)
            let box = BoxWidget(glyphs: .light)
            box.render(into: &grid, area: grid.bounds)
            box.divider(into: &grid, area: grid.bounds, y: 2)
            #expect(rows(grid)[2] == "├──┤")
        }

        @Test func wrappedTextEndsTheLastVisibleLineWithAnEllipsis() {
            let text = WrappedText("one two three four five six", role: .body, maxLines: 2)
            #expect(rows(render(text, width: 9, height: 5)) == ["one two", "three…", "", "", ""])
            #expect(rows(render(WrappedText("one two", role: .body), width: 9, height: 2)) == ["one two", ""])
        }

        @Test func wrappedTextMeasuresWideCharacters() {
            let grid = render(WrappedText("日本語のテキスト", role: .body), width: 6, height: 3)
            #expect(rows(grid) == ["日本語", "のテキ", "スト"])
        }

        @Test func wrappingAHugeBodyLooksOnlyAtWhatCanShow() {
            let wrapped = WrappedLines(String(repeating: "word ", count: 100_000), width: 20, lineLimit: 3)
            #expect(wrapped.lines.count == 3 && wrapped.isClipped)
            #expect(wrapped.visible(3, width: 20).last?.string.hasSuffix("…") == true)
        }

        @Test func hostileLengthIsBoundedBeforeSanitising() {
            let zalgo = SafeText("e" + String(repeating: "\u{0301}", count: 100_000) + "tail")
            #expect(zalgo.string == "e\u{0301}\u{0301}\u{0301}\u{0301}…" && zalgo.width == 2)
            let wrapped = WrappedLines("e" + String(repeating: "\u{0301}", count: 100_000), width: 10, lineLimit: 2)
            #expect(wrapped.lines.map(\.width) == [1] && wrapped.isClipped)
        }

        @Test func badgeRowDropsWholeItemsLeastImportantFirst() {
            let row = BadgeRow([
                Badge("★ 14", role: .badge, priority: 3),
                Badge("🏅 1", role: .badge, priority: 2),
                Badge("external customer", role: .dim, priority: 1),
            ], spacing: 3)
            #expect(rows(render(row, width: 40)) == ["★ 14   🏅 1   external customer"])
            #expect(rows(render(row, width: 20)) == ["★ 14   🏅 1"])
            #expect(rows(render(row, width: 3)) == [""])
        }

        @Test func badgeRowWithSeparatorAlignsRight() {
            let row = BadgeRow([Badge("a", role: .dim), Badge("b", role: .dim)], separator: "·", align: .right)
            #expect(rows(render(row, width: 8)) == ["   a · b"])
        }

        @Test func tickerJoinsHeadlinesAndMarksWhatDidNotFit() {
            let ticker = Ticker(label: "NEW", headlines: ["alpha", "beta", "a much longer third headline"])
            #expect(rows(render(ticker, width: 30)) == ["NEW ▸ alpha ▸ beta ▸ …"])
            #expect(ticker.headlinesShown(width: 30) == 2)
        }

        @Test func tickerIsAPureFunctionOfItsOffset() {
            let heads = ["one", "two", "three"]
            let at1 = render(Ticker(headlines: heads, offset: 1), width: 20)
            #expect(rows(at1) == ["two ▸ three ▸ one"])
            #expect(render(Ticker(headlines: heads, offset: 4), width: 20) == at1)
            #expect(render(Ticker(headlines: heads, offset: -2), width: 20) == at1)
        }

        @Test func tickerCutsASingleLongHeadline() {
            let grid = render(Ticker(headlines: [String(repeating: "x", count: 50)]), width: 10)
            #expect(rows(grid) == ["xxxxxxxxx…"])
        }

        @Test func progressDotsShowTheCycle() {
            #expect(rows(render(ProgressDots(index: 2, count: 7), width: 30)) == ["● ● ● ○ ○ ○ ○  3/7"])
        }

        @Test func progressDotsCompressOnlyWhenTooMany() {
            #expect(rows(render(ProgressDots(index: 2, count: 70), width: 30)) == ["3/70"])
            #expect(rows(render(ProgressDots(index: 0, count: 3), width: 10)) == ["● ○ ○  1/3"])
            #expect(rows(render(ProgressDots(index: 0, count: 0), width: 10)) == [""])
        }

        @Test func spanLineCutsWhereItRunsOut() {
            let line = SpanLine([Span("🙌 Mary", role: .hero), Span(" · ", role: .dim), Span("Customer Support", role: .meta)])
            let grid = render(line, width: 16)
            #expect(rows(grid) == ["🙌 Mary · Custo…"])
            #expect(grid[3, 0].role == .hero && grid[10, 0].role == .meta)
        }

        @Test func textLineAligns() {
            #expect(rows(render(TextLine("ab", role: .body, align: .center), width: 6)) == ["  ab"])
            #expect(rows(render(TextLine("abcdefgh", role: .body), width: 6)) == ["abcde…"])
        }
    }
}
