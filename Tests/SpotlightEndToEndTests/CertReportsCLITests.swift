import Foundation
import Testing

/// Certifications acknowledged by the reports through the real binary (issue 16): a level
/// earned today is in `spotlight stats` (text and JSON) and in the newsletter; a board with
/// none reads as before.
@Suite struct CertReportsCLITests {
    typealias P = SpotlightProcess

    @Test func aCertificationTodayIsInStatsAndTheNewsletter() throws {
        let board = P.scratch("certreports") + "/board.sqlite"
        #expect(try P.run(["init", "--name", "Test board"], board: board).status == 0)
        #expect(try P.run(["cert", "program", "add", CertCLITests.example], board: board).status == 0)
        let before = try P.run(["stats", "--json"], board: board)
        let empty = try #require(try JSONSerialization.jsonObject(with: before.stdoutBytes) as? [String: Any])
        #expect(empty["certifications"] as? Int == 0, "\(before.all)")
        #expect(try !P.run(["newsletter", "--format", "text"], board: board).stdout.contains("CERTIFIED"))

        // Level 1 as the quiz records it, a second ago (the quiz itself: CertQuizTerminalTests).
        let millis = Int64((Date().timeIntervalSince1970 - 1) * 1000)
        _ = try P.sqlite(board, "INSERT INTO certifications(login, program_id, level, source, granted_by, at, note) VALUES ('nobody', 1, 1, 'quiz', 'nobody', \(millis), '9 of 9 correct (7 needed to pass)')")
        let json = try P.run(["stats", "--json"], board: board)
        let stats = try #require(try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any])
        #expect(stats["certifications"] as? Int == 1, "\(json.all)")
        let weeks = try #require(stats["weeks"] as? [[String: Any]])
        #expect(weeks.last?["certifications"] as? Int == 1)
        let text = try P.run(["stats"], board: board)
        #expect(text.status == 0 && text.stdout.contains("Certifications per week"), "\(text.all)")
        let issue = try P.run(["newsletter", "--format", "markdown"], board: board)
        #expect(issue.stdout.contains("## 🎓 Certified this period\n\n- **nobody** — Service Standards, level 1: "), "\(issue.all)")
    }
}
