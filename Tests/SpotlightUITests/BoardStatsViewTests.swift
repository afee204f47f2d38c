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
