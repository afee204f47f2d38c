import Foundation

/// `spotlight stats` as text: sparklines for activity over time, bars for departments and
/// customers, aligned tables for people. Charts come from `Charts`, so a stats screen can draw
/// the same shapes.
public enum StatsText {
    public static func render(_ stats: BoardStats, boardName: String, period: ReportPeriod, glyphs: ChartGlyphs) -> String {
        let range = glyphs == .unicode ? period.text : period.text.replacingOccurrences(of: "–", with: "-")
        var out = [Sanitizer.singleLine(boardName) + " \(glyphs.dash) statistics", "\(range) (\(Plural.count(stats.weeks.count, "week")), Monday to Sunday)", ""]
        guard stats.stories + stats.votes + stats.medallions + stats.certifications > 0 else {
            out.append("No stories, votes or medallions in this period yet: post one with `spotlight post`.")
            return out.joined(separator: "\n") + "\n"
        }
        var overTime = TextTable([.init(""), .init(""), .init("", .right), .init("")])
        overTime.add(["Stories per week", Charts.sparkline(stats.weeks.map(\.stories), glyphs: glyphs), String(stats.stories), "posted"])
        overTime.add(["Votes per week", Charts.sparkline(stats.weeks.map(\.votes), glyphs: glyphs), String(stats.votes), "cast"])
        overTime.add(["Medallions per week", Charts.sparkline(stats.weeks.map(\.medallions), glyphs: glyphs), String(stats.medallions), "given"])
        // Only on a board that certifies, so a board without programs reads as before.
        if stats.certifications > 0 {
            overTime.add(["Certifications per week", Charts.sparkline(stats.weeks.map(\.certifications), glyphs: glyphs),
                          String(stats.certifications), "new"])
        }
        out += overTime.lines()
        out.append("  weeks from \(stats.weeks.first?.week ?? stats.first); oldest on the left")
        if !stats.departments.isEmpty {
            out += ["", "Stories by department"]
            out += Charts.barChart(stats.departments.map { ($0.name, $0.count) }, barWidth: 30, glyphs: glyphs)
        }
        out += ["", "Customers served"]
        out += Charts.barChart([("internal (colleagues)", stats.internalCustomers), ("external", stats.externalCustomers)],
                               barWidth: 30, glyphs: glyphs)
        if !stats.mostRecognised.isEmpty {
            let times = glyphs == .unicode ? "×" : "x"
            out += ["", "Most recognised  (\(AwardFormula.storyWeight) \(times) stories + \(AwardFormula.voteWeight) \(times) votes + \(AwardFormula.medallionWeight) \(times) medallions)"]
            var table = TextTable([.init("", .right), .init("NAME"), .init("SCORE", .right), .init("STORIES", .right),
                                   .init("VOTES", .right), .init("MEDALLIONS", .right)])
            for (i, person) in stats.mostRecognised.enumerated() {
                table.add(["\(i + 1).", person.name, String(person.score), String(person.tally.stories),
                           String(person.tally.votes), String(person.tally.medallions)])
            }
            out += table.lines(indent: "  ")
        }
        if !stats.storytellers.isEmpty {
            out += ["", "Most active storytellers"]
            var table = TextTable([.init("", .right), .init(""), .init("", .right), .init("")])
            for (i, teller) in stats.storytellers.enumerated() {
                table.add(["\(i + 1).", teller.name, String(teller.count), Plural.noun(teller.count, "story")])
            }
            out += table.lines(indent: "  ")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
