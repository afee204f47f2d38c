import Foundation
import Testing
@testable import SpotlightCore

/// User text in the newsletter's HTML and Markdown is shown, never interpreted.
@Suite struct ReportEscapingTests {
    typealias F = ReportFixtures

    @Test func htmlEscapesTheFiveSpecialCharacters() {
        #expect(HTMLText.escape("<script>alert(\"x\")</script> & 'q'")
            == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;")
        #expect(HTMLText.escape("&amp;") == "&amp;amp;")
    }

    @Test func htmlTextHasNoControlsOrBidiOverrides() {
        let escaped = HTMLText.escape("a\u{1B}[2Jb\u{202E}c\nd\u{0}")
        #expect(escaped == "a␛[2Jbc d␀")
    }

    @Test(arguments: [
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("[x](y)", "\\[x\\](y)"),
        ("![img](http://e.vil/x.png)", "!\\[img\\](http\\://e\\.vil/x\\.png)"),
        ("`code` ```", "\\`code\\` \\`\\`\\`"),
        ("a | b", "a \\| b"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("R&D &amp;", "R\\&D \\&amp;"),
        ("@channel #12 :tada:", "\\@channel \\#12 \\:tada:"),
        ("www.example.com", "www\\.example\\.com"),
        ("1. not a list", "1\\. not a list"),
        ("12) nor this", "12\\) nor this"),
        ("- nor this", "\\- nor this"),
        ("+ nor", "\\+ nor"),
        ("=== nor", "\\=== nor"),
        ("# no heading", "\\# no heading"),
        ("> no quote", "\\> no quote"),
        ("~~strike~~ $x$ ^1", "\\~\\~strike\\~\\~ \\$x\\$ \\^1"),
        ("back\\slash", "back\\\\slash"),
        ("line one\nline two", "line one line two"),
        ("   padded   ", "padded"),
    ])
    func markdownEscapesEverythingAForgeWouldInterpret(_ input: String, _ expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }

    @Test func ordinaryProseStaysReadable() {
        #expect(MarkdownText.escape("Ji-ho's fix: done. Really, done!") == "Ji-ho's fix: done. Really, done!")
    }

    static let hostile = "<script>alert('x')</script> & *b* _i_ [x](y) `c` | p"

    /// A story with the hostile string in every user field, pinned with a hostile note.
    static func hostileIssue() -> Newsletter {
        let h = hostile
        let pin = Pin(pinnedBy: "dana", pinnedAt: F.at("2026-10-05T12:00"), note: h)
        let stories = [
            F.story(1, hero: h, department: h, votes: 2, title: h, authorName: h, onBehalfOf: h, body: h, pin: pin),
            F.story(2, hero: h, department: h, votes: 1, at: "2026-10-06T10:00", title: h + " 2", author: "mlopez", authorName: h, body: h),
        ]
        let medallion = Medallion(id: 1, storyID: 2, giver: "dana", hero: h, givenAt: F.at("2026-10-06T11:00"), year: 2026)
        return NewsletterBuilder.build(NewsletterInput(
            boardName: h, period: F.period("2026-10-05", "2026-10-09"), now: F.now, stories: stories, pinned: [stories[0]],
            medallions: [GivenMedallion(medallion: medallion, story: StoryReference(stories[1]))],
            specialEdition: "Customer Service Week 2026"))
    }

    @Test func theHTMLIssueNeverContainsUserMarkup() {
        let html = NewsletterHTML.render(Self.hostileIssue())
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; *b* _i_ [x](y) `c` | p"))
        // Only our own tags: every "<" starts a tag we wrote.
        let tags = Set(html.matches(of: /<\/?([A-Za-z0-9!]+)/).map { String($0.output.1) })
        #expect(tags.isSubset(of: ["!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2",
                                   "h3", "h4", "p", "section", "article", "span", "ul", "li", "strong", "footer"]), "\(tags)")
    }

    @Test func theMarkdownIssueEscapesEveryUserField() {
        let md = NewsletterMarkdown.render(Self.hostileIssue())
        let escaped = "\\<script\\>alert('x')\\</script\\> \\& \\*b\\* \\_i\\_ \\[x\\](y) \\`c\\` \\| p"
        #expect(!md.contains(Self.hostile))
        // Board name, title, hero, department, pin note, body, teller, medallion hero: all escaped.
        #expect(md.components(separatedBy: escaped).count - 1 >= 10)
        // Every "<" (and every "[" and "*" of the user's) is escaped: none follows anything but a backslash.
        for special in ["<", "[", "`c"] {
            let pieces = md.components(separatedBy: special).dropLast()
            #expect(pieces.allSatisfy { $0.hasSuffix("\\") }, "unescaped \(special)")
        }
    }

    @Test func theTextIssueIsSanitizedForTerminals() {
        let h = "Bell\u{7} \u{1B}]0;title\u{7} \u{9B}31m"
        let issue = NewsletterBuilder.build(NewsletterInput(
            boardName: h, period: F.period("2026-10-05", "2026-10-09"), now: F.now,
            stories: [F.story(1, hero: h, department: h, title: h, authorName: h, body: h)]))
        let text = NewsletterText.render(issue)
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        #expect(text.contains("Bell␇ ␛]0;title␇"))
    }
}
