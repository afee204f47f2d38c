import Foundation
import SpotlightApp
import SpotlightCore

/// The board's statistics over the last weeks, read one way for `spotlight stats`, the wall's
/// statistics slot and the board's stats screen, from any board's reports' inputs (`BoardReports`).
enum StatsLines {
    static func compute(_ board: some BoardReports, weeks: Int = 12) async throws(SpotlightError)
        -> (stats: BoardStats, boardName: String, period: ReportPeriod) {
        let period = BoardStats.period(weeks: weeks, now: Date(), timeZone: .current)
        let stories = try await board.reportStories(from: period.start, to: period.end, bodyLength: 0)
        let votes = try await board.reportVoteTimes(from: period.start, to: period.end)
        let medallions = try await board.reportMedallionTimes(from: period.start, to: period.end)
        let name = try await board.settings().name
        let stats = BoardStats.compute(StatsInput(period: period, stories: stories, voteTimes: votes, medallionTimes: medallions))
        return (stats, name, period)
    }

    /// The text of `spotlight stats`, one string per line.
    static func lines(_ board: some BoardReports, glyphs: ChartGlyphs) async throws(SpotlightError) -> [String] {
        let (stats, name, period) = try await compute(board)
        return StatsText.render(stats, boardName: name, period: period, glyphs: glyphs)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
