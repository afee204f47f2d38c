import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

@Suite struct BoardStatsViewTests {
    typealias F = BoardFixtures
    let context = BoardContext(boardName: "Acme Support", now: F.now, timeZone: TimeZone(identifier: "UTC")!)

    @Test func sOpensTheStatisticsAndAsksForThem() {
        var state = F.state()
        #expect(state.handle(.char("s")) == [.loadStats])
        #expect(state.view == .stats)
        state.statsLoaded(["Acme Support — statistics", "Stories per week  ▁▂▃█   30  posted"])
        let frame = BoardScreen.render(state, context: context, width: 80, height: 24).grid.plainText()
        #expect(frame.contains("Stories per week"))
        #expect(state.handle(.escape).isEmpty)
        #expect(state.view == .list)
    }

    @Test func statisticsScrollWithinTheirLines() {
        var state = F.state()
        _ = state.handle(.char("s"))
        state.statsLoaded((1...5).map { "line \($0)" })
        for _ in 0..<10 { _ = state.handle(.down) }
        #expect(state.statsScroll == 4)
        _ = state.handle(.home)
        #expect(state.statsScroll == 0)
    }

    @Test func aChangeOnTheBoardRereadsTheOpenStatistics() {
        var state = F.state()
        _ = state.handle(.char("s"))
        #expect(state.refresh().contains(.loadStats))
    }
}

/// Golden frames of the board's statistics screen (issue 5), from a fixed board and clock, in
/// block characters and in the ASCII charts a non-UTF-8 terminal gets.
@Suite struct BoardStatsFrameTests {
    typealias F = BoardFixtures

    func statsLines(_ glyphs: ChartGlyphs) -> [String] {
        let utc = TimeZone(identifier: "UTC")!
        let period = BoardStats.period(weeks: 4, now: F.now, timeZone: utc)
        let stats = BoardStats.compute(StatsInput(period: period, stories: F.demo + F.cjk, voteTimes: [F.now], medallionTimes: []))
        return StatsText.render(stats, boardName: "Acme Support", period: period, glyphs: glyphs)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func statisticsScreenFrames() {
        for (name, glyphs, unicode) in [("unicode", ChartGlyphs.unicode, true), ("ascii", ChartGlyphs.ascii, false)] {
            for (w, h) in [(80, 24), (40, 12)] {
                var state = F.state(F.staff, width: w, height: h)
                _ = state.handle(.char("s"))
                state.statsLoaded(statsLines(glyphs))
                let context = BoardContext(boardName: "Acme Support", isUTF8: unicode, now: F.now,
                                           timeZone: TimeZone(identifier: "UTC")!)
                let grid = BoardScreen.render(state, context: context, width: w, height: h).grid
                #expect(frameProblems(grid, width: w, height: h) == [], "\(w)×\(h)")
                expectGolden(grid, "board-stats-\(name)-\(w)x\(h)")
            }
        }
    }
}
