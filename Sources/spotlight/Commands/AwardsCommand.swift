import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

struct AwardsCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    static let configuration = CommandConfiguration(
        commandName: "awards",
        abstract: "Excellence in Service: each department's most recognised person or team of the year.",
        discussion: """
            \(AwardFormula.description).

            Stories count in the year they were posted, with all the votes and medallions they received. \
            Hero and department names are compared case-folded with spaces collapsed ("mary lopez" and \
            "Mary  Lopez" are one person), shown in their most common spelling. Hidden and removed stories never count.
            """)

    @OptionGroup var boardOptions: BoardOptions
    @Option(help: "The calendar year (default: this year, up to today).") var year: Int?
    @Option(help: "Only stories for internal or external customers.") var customer: String?
    @Option(help: "text (an aligned table) or markdown.") var format: Format = .text
    @OptionGroup var output: OutputOptions

    func run() async throws {
        // Usage errors first, before the board is opened: they do not depend on it.
        let now = Clock.system.now, timeZone = TimeZone.current
        let period = try ReportPeriod.year(year ?? ClockText.calendarDate(now, timeZone: timeZone).year, now: now, timeZone: timeZone)
        let kind = try customer.map { value throws(SpotlightError) in try StoryDraft.customerKind(parsing: value) }
        let report = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
            let settings = try await board.settings()
            let stories = try await board.reportStories(from: period.start, to: period.end, bodyLength: 0)
            return Awards.compute(title: "\(settings.name) \(period.first.year)", stories: stories, period: period, customer: kind)
        }
        try show(report)
    }

    /// Out of the async `run`, like ExportCommand's writer (Swift 6.3's optimiser and big async bodies).
    private func show(_ report: AwardsReport) throws(SpotlightError) {
        if output.json {
            CLI.emit(try JSONOutput.encode(AwardsJSON(report)))
        } else {
            let marks = RecognitionMarks.forOutput(unicode: UserLocale.isUTF8)
            if format == .markdown {
                CLI.emit(String(AwardsText.markdown(report).dropLast()))  // a document: UTF-8 as written
            } else {
                CLI.say(String(AwardsText.text(report, marks: marks).dropLast()))
            }
        }
    }
}

/// The JSON shape of `awards --json`: the formula travels with the result, so a script can
/// check or re-rank it.
struct AwardsJSON: Encodable {
    struct Formula: Encodable {
        let storyWeight = AwardFormula.storyWeight
        let voteWeight = AwardFormula.voteWeight
        let medallionWeight = AwardFormula.medallionWeight
        let tieBreak = AwardFormula.Criterion.allCases.map(\.rawValue)
        let description = AwardFormula.description
    }

    let title: String
    let first: String
    let last: String
    let customer: String?
    let formula = Formula()
    let stories: Int
    let departments: [DepartmentAward]

    init(_ report: AwardsReport) {
        title = report.title
        first = report.period.first.description
        last = report.period.last.description
        customer = report.customer?.rawValue
        stories = report.storyCount
        departments = report.departments
    }
}
