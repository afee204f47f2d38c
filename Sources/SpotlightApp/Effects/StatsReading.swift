import Foundation
import SpotlightCore

/// The board statistics over the last weeks as the lines of `spotlight stats`, read through any
/// `BoardService` at the clock's now: the board's stats screen and the wall's statistics slot.
/// (The CLI's `Output/StatsLines` reads the same inputs for `spotlight stats`.)
public enum StatsReading {
    public static let weeks = 12

    public static func lines(_ service: any BoardService, glyphs: ChartGlyphs, now: Date,
                             timeZone: TimeZone = .current) async throws(SpotlightError) -> [String] {
        let period = BoardStats.period(weeks: weeks, now: now, timeZone: timeZone)
        let stories = try await service.reportStories(from: period.start, to: period.end, bodyLength: 0)
        let votes = try await service.reportVoteTimes(from: period.start, to: period.end)
        let medallions = try await service.reportMedallionTimes(from: period.start, to: period.end)
        let name = try await service.settings().name
        let stats = BoardStats.compute(StatsInput(period: period, stories: stories, voteTimes: votes, medallionTimes: medallions))
        return StatsText.render(stats, boardName: name, period: period, glyphs: glyphs)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
