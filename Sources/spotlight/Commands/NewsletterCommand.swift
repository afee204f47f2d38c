import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

struct NewsletterCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html, text }

    static let configuration = CommandConfiguration(
        commandName: "newsletter",
        abstract: "Write an issue of the service newsletter: highlights, top stories by department, medallions, newcomers.",
        discussion: """
            The period is whole days in your time zone, both ends included (default: the last 30 days up to today). \
            HTML is one self-contained file (no scripts, prints cleanly); Markdown renders on GitHub and GitLab. \
            Hidden and removed stories are never included.

            Examples:
              spotlight newsletter --since 2026-09-01 --until 2026-09-30 -o september.html
              spotlight newsletter --service-week 2026 --format markdown
            """)

    @OptionGroup var boardOptions: BoardOptions
    @Option(help: ArgumentHelp("First day of the period (default: 29 days before --until).", valueName: "YYYY-MM-DD")) var since: String?
    @Option(help: ArgumentHelp("Last day of the period (default: today).", valueName: "YYYY-MM-DD")) var until: String?
    @Option(help: "markdown, html or text (default: from the -o file's extension, else markdown).") var format: Format?
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Option(help: ArgumentHelp("The Customer Service Week special issue of that year (Monday–Friday).", valueName: "year"))
    var serviceWeek: Int?

    func run() async throws {
        // Usage errors before the board is opened; the Service Week dates need the board's setting.
        let now = Clock.system.now, timeZone = TimeZone.current
        if serviceWeek != nil && (since != nil || until != nil) {
            throw SpotlightError.usage("--service-week chooses its own dates (Monday–Friday of that week); leave out --since and --until")
        }
        let chosen = serviceWeek == nil ? try ReportPeriod.parse(since: since, until: until, now: now, timeZone: timeZone) : nil
        let year = serviceWeek
        let issue = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
            let settings = try await board.settings()
            let period: ReportPeriod
            if let chosen { period = chosen } else {
                period = try ReportPeriod.serviceWeek(year ?? 0, settings: settings, now: now, timeZone: timeZone)
            }
            let (start, end) = (period.start, period.end)
            let input = NewsletterInput(
                boardName: settings.name, period: period, now: now,
                stories: try await board.reportStories(from: start, to: end),
                pinned: try await board.reportPinnedStories(from: start, to: end),
                medallions: try await board.reportMedallions(from: start, to: end),
                firstPosts: try await board.reportFirstPosts(from: start, to: end),
                specialEdition: year.map { "Customer Service Week \($0)" },
                certifications: try await CertificationReports.certifications(board, from: start, to: end),
                programs: try await CertificationReports.programs(board))
            return NewsletterBuilder.build(input)
        }
        try write(issue)
    }

    var resolvedFormat: Format {
        if let format { return format }
        switch output.map({ ($0 as NSString).pathExtension.lowercased() }) {
        case "html", "htm": return .html
        case "txt", "text": return .text
        default: return .markdown
        }
    }

    /// Out of the async `run`, like ExportCommand's writer (Swift 6.3's optimiser and big async bodies).
    private func write(_ issue: Newsletter) throws(SpotlightError) {
        let text = switch resolvedFormat {
        case .markdown: NewsletterMarkdown.render(issue)
        case .html: NewsletterHTML.render(issue)
        case .text: NewsletterText.render(issue)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try OutputFile.write(Data(text.utf8), to: output)
        let stories = issue.numbers.stories
        CLI.note("Wrote the \(resolvedFormat.rawValue) newsletter for \(issue.period.text) (\(Plural.count(stories, "story"))) to \(output).")
    }
}
