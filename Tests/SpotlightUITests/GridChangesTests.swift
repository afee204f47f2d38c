import Testing
@testable import SpotlightUI

/// A grid of `lines` (one role), for diffs readable at a glance.
private func grid(_ lines: [String], width: Int = 6, role: Role = .body) -> Grid {
    var grid = Grid(width: width, height: lines.count)
    for (y, line) in lines.enumerated() { grid.put(line, x: 0, y: y, role: role) }
    return grid
}

private func run(_ y: Int, _ columns: Range<Int>) -> GridRun { GridRun(y: y, columns: columns) }

/// The frame diff the terminal flushes (`Grid.changes(from:)`, `Grid.glyphs(in:)`).
@Suite struct GridChangesTests {
    @Test func theFirstFrameIsEverything() {
        let changes = grid(["ab", "cd"]).changes(from: nil)
        #expect(changes.isEverything)
        #expect(changes.runs == [run(0, 0..<6), run(1, 0..<6)])
    }

    @Test func anUnchangedFrameRedrawsNothing() {
        let frame = grid(["ab", "日本"])
        #expect(frame.changes(from: frame) == GridChanges(isEverything: false, runs: []))
    }

    @Test func oneChangedCellIsOneRunOfOneCell() {
        let changes = grid(["abc", "def"]).changes(from: grid(["abc", "dxf"]))
        #expect(!changes.isEverything)
        #expect(changes.runs == [run(1, 1..<2)])
    }

    @Test func neighbouringChangesJoinAndSeparateOnesDoNot() {
        let changes = grid(["xyzabc"]).changes(from: grid(["abcabc"]))
        #expect(changes.runs == [run(0, 0..<3)])
        #expect(grid(["xbcaby"]).changes(from: grid(["abcabc"])).runs == [run(0, 0..<1), run(0, 5..<6)])
    }

    @Test func aResizeIsEverything() {
        let before = grid(["ab"], width: 6)
        let wider = grid(["ab"], width: 7)
        #expect(wider.changes(from: before).isEverything)
        #expect(wider.changes(from: before).runs == [run(0, 0..<7)])
        let taller = grid(["ab", ""], width: 6)
        #expect(taller.changes(from: before).runs == [run(0, 0..<6), run(1, 0..<6)])
    }

    @Test func aRoleOnlyChangeIsAChange() {
        let plain = grid(["abc"])
        var selected = plain
        selected[1, 0].role = .selection
        #expect(selected.changes(from: plain).runs == [run(0, 1..<2)])
        #expect(selected.glyphs(in: run(0, 1..<2)) == [GridGlyph(x: 1, text: "b", role: .selection, width: 1)])
    }

    @Test func aWideGraphemeIsRedrawnWholeWithItsContinuation() {
        // 日 at 2–3 changes to 本: the run covers both columns, painted as one glyph of width 2.
        let changes = grid(["ab本"]).changes(from: grid(["ab日"]))
        #expect(changes.runs == [run(0, 2..<4)])
        #expect(grid(["ab本"]).glyphs(in: changes.runs[0]) == [GridGlyph(x: 2, text: "本", role: .body, width: 2)])
    }

    @Test func aChangeOnlyInTheContinuationCellRedrawsItsLead() {
        let before = grid(["ab日"])
        var after = before
        after[3, 0].role = .selection    // only the continuation's role differs
        #expect(after.changes(from: before).runs == [run(0, 2..<4)])
    }

    @Test func narrowCellsReplacingAWideOneRedrawBothColumns() {
        // Where 日 was, "xy": the continuation column now holds its own grapheme.
        let changes = grid(["abxy"]).changes(from: grid(["ab日"]))
        #expect(changes.runs == [run(0, 2..<4)])
        #expect(grid(["abxy"]).glyphs(in: changes.runs[0]) == [
            GridGlyph(x: 2, text: "x", role: .body, width: 1), GridGlyph(x: 3, text: "y", role: .body, width: 1),
        ])
        // And back: one wide glyph over both columns.
        let back = grid(["ab日"]).changes(from: grid(["abxy"]))
        #expect(back.runs == [run(0, 2..<4)])
        #expect(grid(["ab日"]).glyphs(in: back.runs[0]) == [GridGlyph(x: 2, text: "日", role: .body, width: 2)])
    }

    @Test func aNarrowChangeRightOfAWideGraphemeLeavesItAlone() {
        #expect(grid(["日x"]).changes(from: grid(["日y"])).runs == [run(0, 2..<3)])
    }

    @Test func anOrphanContinuationIsPaintedBlank() {
        var bad = Grid(width: 3, height: 1)
        bad[0, 0] = Cell(" ", role: .dim, isContinuation: true)
        bad[2, 0] = Cell(" ", role: .dim, isContinuation: true)
        bad[1, 0] = Cell(" ", role: .dim, isContinuation: true)
        #expect(bad.glyphs(in: run(0, 0..<3)) == [
            GridGlyph(x: 0, text: " ", role: .dim, width: 1), GridGlyph(x: 1, text: " ", role: .dim, width: 1),
            GridGlyph(x: 2, text: " ", role: .dim, width: 1),
        ])
    }
}
