import Foundation
import SpotlightTestSupport
import Testing
@testable import SpotlightCore

@Suite struct CertificationLetterTests {
    static let content = CertificateLetter.Content(
        boardName: "Acme Service Spotlight", recipient: "Mary Lopez", program: "Service Standards", level: 2,
        levelTitle: "Case Studies",
        requires: "Work through three real customer cases with your manager and explain the choices you would make.",
        grantedBy: "Maria Boss", date: CalendarDate(year: 2026, month: 10, day: 7)!,
        note: "Her write-up of the double-billing case is now part of our training."
    )

    static let hostile = "<script>alert(1)</script>\u{1B}[2J\u{202E}evil\u{202C} \"quoted\" & 'single' <img src=x onerror=alert(2)>"
        + " <link rel=stylesheet href=https://evil.example/x.css> url(https://evil.example/) " + String(repeating: "W", count: 4000)

    @Test func golden() {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("CertificationGoldens").appendingPathComponent("letter-level-2.html")
        expectTextGolden(CertificateLetter.html(Self.content), at: url, name: "letter-level-2.html")
    }

    @Test func aQuizPassSaysSoAndAnEmptyNoteIsLeftOut() {
        var content = Self.content
        content.level = 1
        content.grantedBy = nil
        content.note = "\u{200B} "
        let html = CertificateLetter.html(content)
        #expect(html.contains("earned by passing the program’s quiz"))
        #expect(!html.contains("class=\"note\""))
    }

    @Test func everyStringIsEscapedAndNothingIsFetchedOrRun() {
        var content = Self.content
        content.boardName = Self.hostile
        content.recipient = Self.hostile
        content.program = Self.hostile
        content.levelTitle = Self.hostile
        content.requires = Self.hostile
        content.grantedBy = Self.hostile
        content.note = Self.hostile
        let html = CertificateLetter.html(content)
        for forbidden in ["<script", "<img", "<link", "\u{1B}", "\u{202E}", "\"quoted\""] {
            #expect(!html.contains(forbidden), "the letter contains \(forbidden.debugDescription)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;quoted&quot; &amp; &#39;single&#39;"))
        // The page itself loads nothing: its tags are only ours, none with src, href or on…
        // attributes, and the style has no url() or @import.
        #expect(Set(Self.tags(in: html).map(\.name)).isSubset(of: Self.ourTags))
        #expect(Self.tags(in: html).allSatisfy { !$0.text.contains("src=") && !$0.text.contains("href=") && !$0.text.contains(" on") })
        let style = CertificateLetter.style
        #expect(!style.contains("url(") && !style.contains("@import"))
        #expect(html.contains("default-src 'none'"))
        // The markup we wrote is all there is: one of each element, whatever the text held.
        #expect(html.components(separatedBy: "<main").count == 2)
        #expect(html.components(separatedBy: "<style>").count == 2)
    }

    static let ourTags: Set<String> = ["!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header", "p",
                                       "strong", "section", "br"]

    /// Every `<…>` of the page: its name (closing tags by the name they close) and its text.
    static func tags(in html: String) -> [(name: String, text: String)] {
        html.split(separator: "<").dropFirst().map { piece in
            let text = String(piece.prefix { $0 != ">" })
            let name = text.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != ">" }
            return (String(name), text)
        }
    }

    @Test func printStylesFitA4AndLetter() {
        #expect(CertificateLetter.style.contains("@page"))
        #expect(CertificateLetter.style.contains("@media print"))
    }
}
