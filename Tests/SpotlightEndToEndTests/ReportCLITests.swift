import Foundation
import Testing

/// `spotlight awards`, `newsletter` and `stats` as a user runs them: exit codes, bad dates,
/// hidden stories, hostile text, locales.
@Suite struct ReportCLITests {
    typealias P = SpotlightProcess

    func newBoard(_ name: String) throws -> String {
        let board = P.scratch(name) + "/board.sqlite"
        let created = try P.run(["init", "--name", "Report board"], board: board)
        #expect(created.status == 0, "init failed: \(created.stderr)")
        return board
    }

    @discardableResult
    func post(_ board: String, _ title: String, hero: String, department: String = "Support", customer: String = "external") throws -> P.Result {
        let result = try P.run(["post", "--title", title, "--hero", hero, "--department", department, "--customer", customer, "--body", "Body of \(title)"],
                               board: board)
        #expect(result.status == 0, "post failed: \(result.stderr)")
        return result
    }

    @Test(arguments: [
        (["newsletter", "--since", "2999-01-01"], "--since 2999-01-01 is in the future"),
        (["newsletter", "--until", "2999-01-01"], "--until 2999-01-01 is in the future"),
        (["newsletter", "--since", "2025-10-05", "--until", "2025-10-01"], "--since 2025-10-05 is after --until 2025-10-01"),
        (["newsletter", "--since", "last week"], "--since must be a date such as 2026-10-05"),
        (["newsletter", "--service-week", "2999"], "Customer Service Week 2999 starts on"),
        (["newsletter", "--service-week", "2025", "--since", "2025-10-01"], "--service-week chooses its own dates"),
        (["newsletter", "--format", "pdf"], "format"),
        (["awards", "--year", "2999"], "--year 2999 is in the future"),
        (["awards", "--customer", "vip"], "customer must be one of: external, internal"),
        (["stats", "--weeks", "0"], "--weeks must be from 1 to 520"),
    ])
    func badPeriodsAndOptionsAreUsageErrors(_ args: [String], _ message: String) throws {
        let board = try newBoard("report-usage")
        let result = try P.run(args, board: board)
        #expect(result.status == 2, "\(args): \(result.stderr)")
        #expect(result.stderr.hasPrefix("spotlight: "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(args): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anEmptyBoardGivesFriendlyReportsNotErrors() throws {
        let board = try newBoard("report-empty")
        let issue = try P.run(["newsletter"], board: board)
        #expect(issue.status == 0 && issue.stdout.contains("No stories in this period"), "\(issue.stderr)")
        let awards = try P.run(["awards"], board: board)
        #expect(awards.status == 0 && awards.stdout.contains("no awards yet"), "\(awards.stderr)")
        let stats = try P.run(["stats"], board: board)
        #expect(stats.status == 0 && stats.stdout.contains("No stories, votes or medallions"), "\(stats.stderr)")
    }

    @Test func hiddenAndRemovedStoriesAreInNoReport() throws {
        let board = try newBoard("report-hidden")
        try post(board, "Visible story", hero: "Shown Hero")
        try post(board, "Secret story", hero: "Hidden Hero")
        try post(board, "Deleted story", hero: "Removed Hero", department: "Gone Department")
        #expect(try P.run(["hide", "2"], board: board).status == 0)
        #expect(try P.run(["remove", "3"], board: board).status == 0)
        let runs = [["awards"], ["awards", "--json"], ["awards", "--format", "markdown"], ["newsletter"], ["newsletter", "--format", "html"],
                    ["newsletter", "--format", "text"], ["stats"], ["stats", "--json"]]
        for args in runs {
            let result = try P.run(args, board: board)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            #expect(result.stdout.contains("Shown Hero"), "\(args)")
            for secret in ["Secret story", "Hidden Hero", "Deleted story", "Removed Hero", "Gone Department"] {
                #expect(!result.stdout.contains(secret), "\(args) shows \(secret)")
            }
        }
    }

    @Test func awardsJSONCarriesTheFormulaAndTheRanking() throws {
        let board = try newBoard("report-json")
        try post(board, "One", hero: "mary lopez")
        try post(board, "Two", hero: "Mary  Lopez")
        try post(board, "Three", hero: "Mary Lopez")
        try post(board, "Four", hero: "Tom", customer: "internal")
        let result = try P.run(["awards", "--json"], board: board)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        let formula = try #require(json["formula"] as? [String: Any])
        #expect(formula["storyWeight"] as? Int == 3 && formula["voteWeight"] as? Int == 1 && formula["medallionWeight"] as? Int == 5)
        #expect(formula["tieBreak"] as? [String] == ["score", "medallions", "stories", "name"])
        let departments = try #require(json["departments"] as? [[String: Any]])
        let standings = try #require(departments.first?["standings"] as? [[String: Any]])
        #expect(standings.map { $0["hero"] as? String } == ["Mary Lopez", "Tom"])
        #expect(standings.first?["score"] as? Int == 9)
        let internalOnly = try P.run(["awards", "--json", "--customer", "internal"], board: board)
        #expect(internalOnly.stdout.contains("\"Tom\"") && !internalOnly.stdout.contains("Mary"))
    }

    @Test func statsDrawsBlocksInUTF8AndASCIIInTheCLocale() throws {
        let board = try newBoard("report-locale")
        try post(board, "A story", hero: "Ana")
        let utf8 = try P.run(["stats"], board: board, environment: ["LC_ALL": "C.UTF-8"])
        #expect(utf8.status == 0, "\(utf8.stderr)")
        #expect(utf8.stdout.contains("█"))
        let ascii = try P.run(["stats"], board: board, environment: ["LC_ALL": "C"])
        #expect(ascii.status == 0, "\(ascii.stderr)")
        #expect(!ascii.stdout.contains("█") && !ascii.stdout.contains("▁"))
        #expect(ascii.stdout.contains("Support  ############################## 1"), "\(ascii.stdout)")
        #expect(ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "\(ascii.stdout)")
    }

    @Test func newsletterWritesTheFileAndTakesItsFormatFromTheName() throws {
        let board = try newBoard("report-file")
        try post(board, "Filed story", hero: "Ana")
        let directory = (board as NSString).deletingLastPathComponent
        let result = try P.run(["newsletter", "-o", directory + "/issue.html"], board: board)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Wrote the html newsletter"))
        let html = try String(contentsOfFile: directory + "/issue.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("Filed story"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/issue.html.partial"))
        let missing = try P.run(["newsletter", "-o", directory + "/no/such/dir/issue.md"], board: board)
        #expect(missing.status == 1 && missing.stderr.contains("cannot write"), "\(missing.stderr)")
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        let board = try newBoard("report-hostile")
        try post(board, "Hi\u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07}\u{9B}31m\u{202E}evil", hero: "\u{1B}[31mRed", department: "\u{1B}]0;title\u{7}Dept")
        for args in [["awards"], ["awards", "--format", "markdown"], ["newsletter"], ["newsletter", "--format", "text"],
                     ["newsletter", "--format", "html"], ["stats"]] {
            let result = try P.run(args, board: board)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            #expect(!containsRawControls(result.stdout), "\(args) printed raw controls")
        }
    }

    @Test func theDemoBoardMakesEveryReport() throws {
        let board = P.scratch("report-demo") + "/board.sqlite"
        #expect(try P.run(["demo"], board: board).status == 0)
        for args in [["awards"], ["newsletter", "--format", "text"], ["stats"], ["stats", "--json"]] {
            let result = try P.run(args, board: board)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            #expect(result.stdout.contains("Mary Lopez") || args == ["stats", "--json"], "\(args)")
        }
    }

    @Test func eachReportCommandHasHelp() throws {
        for command in ["awards", "newsletter", "stats"] {
            let result = try P.run([command, "--help"])
            #expect(result.status == 0 && result.stdout.contains("USAGE"), "\(command)")
        }
        #expect(try P.run(["awards", "--help"]).stdout.contains("3 × stories + 1 × votes + 5 × medallions"))
    }
}
