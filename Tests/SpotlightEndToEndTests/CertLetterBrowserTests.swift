import Foundation
import Testing

/// The letter home (`spotlight cert letter`, issue 16) in headless Chromium, like the
/// newsletter (`ReportBrowserTests`): the DOM the browser built shows every user string as
/// text, the page makes a screenshot, and it prints to one PDF page.
@Suite struct CertLetterBrowserTests {
    typealias P = SpotlightProcess
    typealias R = ReportBrowserTests

    static let hostileNote = "<script>document.title='pwned'</script> Three fine cases & \"more\""

    /// A board named with markup, the example program, level 2 granted to `nobody` with a
    /// hostile note, and its letter written with `-o`.
    static func letter() throws -> (html: String, directory: String) {
        let directory = P.scratch("cert-letter")
        let board = directory + "/board.sqlite"
        #expect(try P.run(["init", "--name", "Acme <Support> & Co"], board: board).status == 0)
        #expect(try P.run(["cert", "program", "add", CertCLITests.example], board: board).status == 0)
        // Level 1 as the quiz records it (the quiz itself: CertQuizTerminalTests).
        _ = try P.sqlite(board, "INSERT INTO certifications(login, program_id, level, source, granted_by, at, note) VALUES ('nobody', 1, 1, 'quiz', 'nobody', 0, '9 of 9 correct (7 needed to pass)')")
        let granted = try P.run(["cert", "grant", "nobody", "Service Standards", "2", "--note", hostileNote], board: board)
        #expect(granted.status == 0, "\(granted.stderr)")
        let html = directory + "/letter.html"
        let written = try P.run(["cert", "letter", "nobody", "Service Standards", "2", "-o", html], board: board)
        #expect(written.status == 0, "\(written.stderr)")
        return (html, directory)
    }

    static func requireChromium() -> Bool {
        guard R.chromium != nil else {
            Issue.record("chromium is not installed, so the letter home cannot be checked in a browser: run `apt-get install -y chromium` (.ci/run does)")
            return false
        }
        return true
    }

    @Test func theLetterRendersWithEveryUserStringAsText() throws {
        guard Self.requireChromium() else { return }
        let (html, directory) = try Self.letter()
        let run = try R.chromium(["--dump-dom", URL(fileURLWithPath: html).absoluteString], profile: directory + "/profile")
        #expect(run.status == 0, "chromium failed: \(run.stderr.suffix(2000))")
        let dom = run.stdout
        #expect(dom.contains("<p class=\"from\">Acme &lt;Support&gt; &amp; Co</p>"), "\(dom.prefix(800))")
        #expect(dom.contains("<p class=\"level\">Level 2 · Case Studies</p>"))
        #expect(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt; Three fine cases &amp; \"more\""))
        #expect(!dom.lowercased().contains("<script"), "the browser built a script element")
        #expect(!dom.contains("pwned</title>"))
        #expect(dom.contains("</main>"))
    }

    @Test func theLetterMakesAScreenshotAndPrintsOnOnePage() throws {
        guard Self.requireChromium() else { return }
        let (html, directory) = try Self.letter()
        let url = URL(fileURLWithPath: html).absoluteString
        let png = directory + "/letter.png", pdf = directory + "/letter.pdf"
        let shot = try R.chromium(["--window-size=900,1200", "--screenshot=\(png)", url], profile: directory + "/profile")
        #expect(shot.status == 0, "\(shot.stderr.suffix(2000))")
        let image = try #require(FileManager.default.contents(atPath: png))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]) && image.count > 20_000, "screenshot \(png) looks empty")
        // Headless Chromium prints on Letter; the same letter with its `@page` set to A4 (what
        // the print dialog's paper choice does) is printed too. Each must fit one page.
        let a4 = directory + "/letter-a4.html"
        let source = try String(contentsOfFile: html, encoding: .utf8)
        try #require(source.contains("@page { size: auto;"))
        try source.replacingOccurrences(of: "@page { size: auto;", with: "@page { size: A4;").write(toFile: a4, atomically: true, encoding: .utf8)
        for (page, paper) in [(url, "Letter [0 0 612 792]"), (URL(fileURLWithPath: a4).absoluteString, "A4 [0 0 594.9")] {
            try? FileManager.default.removeItem(atPath: pdf)
            let printed = try R.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", page], profile: directory + "/profile")
            #expect(printed.status == 0, "\(printed.stderr.suffix(2000))")
            let document = try #require(FileManager.default.contents(atPath: pdf))
            #expect(document.starts(with: Array("%PDF".utf8)) && document.count > 5_000, "PDF \(pdf) looks empty")
            // Chromium writes each page object uncompressed: "/Type /Page" once per page.
            let text = String(decoding: document, as: UTF8.self)
            #expect(text.contains("/MediaBox " + paper.split(separator: " ", maxSplits: 1)[1]), "not \(paper)")
            #expect(text.matches(of: /\/Type\s*\/Page\b(?!s)/).count == 1, "the letter should print on one \(paper) page")
        }
    }
}
