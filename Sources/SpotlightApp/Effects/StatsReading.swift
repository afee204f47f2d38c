import Foundation
import SpotlightCore

/// The board statistics over the last weeks, read one way through any board's reports' inputs
/// (`BoardReports`, and the certifications of `CertificationReports`) at the clock's now: for `spotlight stats`, the board's stats screen and the
/// wall's statistics slot.
public enum StatsReading {
    public static let weeks = 12

    public static func compute(_ board: some BoardService, weeks: Int = weeks, now: Date, timeZone: TimeZone = .current)
        async throws(SpotlightError) -> (stats: BoardStats, boardName: String, period: ReportPeriod) {
        let period = BoardStats.period(weeks: weeks, now: now, timeZone: timeZone)
        let stories = try await board.reportStories(from: period.start, to: period.end, bodyLength: 0)
        let votes = try await board.reportVoteTimes(from: period.start, to: period.end)
        let medallions = try await board.reportMedallionTimes(from: period.start, to: period.end)
        let certified = try await CertificationReports.certifications(board, from: period.start, to: period.end)
        let name = try await board.settings().name
        let stats = BoardStats.compute(StatsInput(period: period, stories: stories, voteTimes: votes, medallionTimes: medallions,
                                                  certificationTimes: certified.map(\.at)))
        return (stats, name, period)
    }

    /// The text of `spotlight stats`, one string per line.
    public static func lines(_ service: any BoardService, glyphs: ChartGlyphs, now: Date,
                             timeZone: TimeZone = .current) async throws(SpotlightError) -> [String] {
        let (stats, name, period) = try await compute(service, now: now, timeZone: timeZone)
        return StatsText.render(stats, boardName: name, period: period, glyphs: glyphs)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
