import Foundation
import SpotlightCore
import Testing

/// The newsletter's "Certified this period" section (issue 16) in every format: the goldens'
/// board and period, plus certifications with hostile text in every field, one before the
/// period (never shown) and one in it of a program that was since removed (no level title).
@Suite struct CertifiedNewsletterGoldenTests {
    typealias R = ReportGoldenTests
    static let hostile = "<script>alert('x')</script> & *bold* _it_ [x](y) `code` | pipe"

    static let programs = [
        CertProgram(name: "Service Standards", levels: [
            CertLevel(number: 1, title: "Foundations", requires: "Pass the standards quiz"),
            CertLevel(number: 2, title: "Case Studies", requires: "Three judged case studies"),
        ], quiz: Quiz(questions: [QuizQuestion(text: "Who answers?", answers: ["We do", "Nobody"], correct: 0)], passingScore: 1)),
        CertProgram(name: "R&D <b>Labs</b> | *Care*", levels: [
            CertLevel(number: 1, title: hostile, requires: "Pass the quiz"),
        ], quiz: Quiz(questions: [QuizQuestion(text: "Q?", answers: ["A", "B"], correct: 1)], passingScore: 1)),
    ]

    static let certifications = [
        Certification(id: 1, login: "early", program: "Service Standards", level: 1, source: .quiz, grantedBy: "early", at: R.at("2026-08-02T09:00")),
        Certification(id: 2, login: "mlopez", program: "Service Standards", level: 1, source: .quiz, grantedBy: "mlopez", at: R.at("2026-09-21T10:00")),
        Certification(id: 3, login: "mlopez", program: "Service Standards", level: 2, source: .manager, grantedBy: "dana", at: R.at("2026-10-06T15:00")),
        Certification(id: 4, login: "<b>x</b>_*y*", program: "r&d <B>labs</B> | *care*", level: 1, source: .quiz, grantedBy: "x", at: R.at("2026-10-02T08:00")),
        Certification(id: 5, login: "jpark", program: "Retired Program", level: 3, source: .manager, grantedBy: "dana", at: R.at("2026-10-08T09:00")),
    ]

    static func issue() async throws -> Newsletter {
        let plain = try await R.newsletter(R.defaultPeriod)
        #expect(plain.certified.isEmpty)
        var input = try await R.newsletterInput(R.defaultPeriod)
        input.certifications = certifications
        input.programs = programs
        return NewsletterBuilder.build(input)
    }

    @Test func theSectionListsThePeriodsCertificationsOldestFirst() async throws {
        let issue = try await Self.issue()
        #expect(issue.certified.map(\.who) == ["mlopez", "<b>x</b>_*y*", "mlopez", "jpark"])
        #expect(issue.certified.map(\.levelTitle) == ["Foundations", Self.hostile, "Case Studies", nil])
        // The program as the board spells it, found by its name key.
        #expect(issue.certified[1].program == "R&D <b>Labs</b> | *Care*")
    }

    @Test func markdown() async throws {
        let text = NewsletterMarkdown.render(try await Self.issue())
        #expect(!text.contains("<script>") && !text.contains("<b>"))
        expectReportGolden(text, "newsletter-certified.md")
    }

    @Test func html() async throws {
        let text = NewsletterHTML.render(try await Self.issue())
        #expect(!text.contains("<script>") && !text.contains("<b>x"))
        expectReportGolden(text, "newsletter-certified.html")
    }

    @Test func plainText() async throws {
        expectReportGolden(NewsletterText.render(try await Self.issue()), "newsletter-certified.txt")
    }
}
