import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Board statistics: stories, votes and medallions per week, departments, customers, people.",
        discussion: """
            Covers this week and the whole weeks before it (Monday to Sunday, your time zone). \
            Charts use block characters in a UTF-8 locale and plain ASCII otherwise. \
            Hidden and removed stories, and their votes and medallions, never count.
            """)

    @OptionGroup var boardOptions: BoardOptions
    @Option(help: "How many weeks to cover, this week included (1–520).") var weeks = BoardStats.defaultWeeks
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...520).contains(weeks) else { throw ValidationError("--weeks must be from 1 to 520, got \(weeks)") }
    }

    func run() async throws {
        let (stats, name, period) = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
            try await StatsReading.compute(board, weeks: weeks, now: board.clock.now)
        }
        try show(stats, boardName: name, period: period)
    }

    /// Out of the async `run`, like ExportCommand's writer (Swift 6.3's optimiser and big async bodies).
    private func show(_ stats: BoardStats, boardName: String, period: ReportPeriod) throws(SpotlightError) {
        if output.json {
            CLI.emit(try JSONOutput.encode(stats))
        } else {
            CLI.say(String(StatsText.render(stats, boardName: boardName, period: period, glyphs: Self.glyphs()).dropLast()))
        }
    }

    /// Block characters only when the locale's character set is UTF-8; anything else (the C
    /// locale of cron, an old serial console) gets the ASCII charts.
    static func glyphs() -> ChartGlyphs {
        UserLocale.isUTF8 ? .unicode : .ascii
    }
}
