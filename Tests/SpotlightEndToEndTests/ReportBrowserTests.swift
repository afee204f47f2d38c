import Foundation
import Testing

/// The HTML newsletter in a real browser: Debian's headless Chromium loads the file written by
/// `spotlight newsletter`, and we check the DOM it built — not just the bytes we wrote — so a
/// mistake in escaping that a browser would act on cannot hide behind a string comparison.
/// Chromium is required: when it is missing the test fails and says how to install it
/// (`.ci/run` installs it), rather than skipping silently.
@Suite struct ReportBrowserTests {
    typealias P = SpotlightProcess

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs Chromium headless with a private profile, killed if it has not finished in 90 s.
    static func chromium(_ arguments: [String], profile: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)",
                             "--no-first-run", "--disable-extensions"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = DispatchTime.now() + .seconds(90)
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    static let hostileTitle = "<script>document.title='pwned'</script> & \"quotes\" *stars*"

    /// A board with ordinary, CJK and hostile stories, and its newsletter as HTML.
    static func issue() throws -> (html: String, directory: String) {
        let directory = P.scratch("report-browser")
        let board = directory + "/board.sqlite"
        #expect(try P.run(["init", "--name", "Acme <Support> & Co"], board: board).status == 0)
        let stories: [[String]] = [
            ["--title", "Mary turned a furious caller into our biggest fan", "--hero", "Mary Lopez", "--department", "Customer Support"],
            ["--title", "東京オフィス：台風の日もお客様の電話に全件対応 ☎️", "--hero", "佐藤 陽子", "--department", "Tokyo Office"],
            ["--title", hostileTitle, "--hero", "<img src=x onerror=\"document.title='img'\">", "--department", "R&D </style><b>x</b>",
             "--on-behalf-of", "<iframe src=\"http://evil.example\"></iframe>"],
        ]
        for args in stories {
            let body = "Body with <a href=\"javascript:alert(1)\">a link</a> and a </p><h1>heading</h1> attempt."
            let posted = try P.run(["post", "--body", body] + args, board: board)
            #expect(posted.status == 0, "\(posted.stderr)")
        }
        let html = directory + "/issue.html"
        let written = try P.run(["newsletter", "--format", "html", "-o", html], board: board)
        #expect(written.status == 0, "\(written.stderr)")
        return (html, directory)
    }

    @Test func theHTMLIssueRendersInHeadlessChromiumWithEveryUserStringAsText() throws {
        guard Self.chromium != nil else {
            Issue.record("chromium is not installed, so the HTML newsletter cannot be checked in a browser: run `apt-get install -y chromium` (.ci/run does)")
            return
        }
        let (html, directory) = try Self.issue()
        let run = try Self.chromium(["--dump-dom", URL(fileURLWithPath: html).absoluteString], profile: directory + "/profile")
        #expect(run.status == 0, "chromium failed: \(run.stderr.suffix(2000))")
        let dom = run.stdout
        #expect(dom.contains("<title>Acme &lt;Support&gt; &amp; Co — service newsletter</title>"), "\(dom.prefix(600))")
        #expect(dom.contains("Mary turned a furious caller into our biggest fan"))
        #expect(dom.contains("東京オフィス：台風の日もお客様の電話に全件対応 ☎️"))
        // The injected markup is text in the page, never an element.
        #expect(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt; &amp; \"quotes\" *stars*"))
        #expect(dom.contains("&lt;img src=x onerror=\"document.title='img'\"&gt;"))
        for element in ["<script", "<img", "<iframe", "<a ", "<b>", "<h1>heading"] {
            #expect(!dom.lowercased().contains(element), "the browser built a \(element) element")
        }
        #expect(!dom.contains("pwned</title>") && !dom.contains("<title>img"))
        #expect(dom.contains("</main>") && dom.contains("<footer>"))
    }

    @Test func theHTMLIssueMakesAScreenshotAndAPrintablePDF() throws {
        guard Self.chromium != nil else {
            Issue.record("chromium is not installed, so the HTML newsletter cannot be checked in a browser: run `apt-get install -y chromium` (.ci/run does)")
            return
        }
        let (html, directory) = try Self.issue()
        let url = URL(fileURLWithPath: html).absoluteString
        let png = directory + "/issue.png", pdf = directory + "/issue.pdf"
        let shot = try Self.chromium(["--window-size=1000,1600", "--screenshot=\(png)", url], profile: directory + "/profile")
        #expect(shot.status == 0, "\(shot.stderr.suffix(2000))")
        let image = try #require(FileManager.default.contents(atPath: png))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]) && image.count > 20_000, "screenshot \(png) looks empty")
        let printed = try Self.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", url], profile: directory + "/profile")
        #expect(printed.status == 0, "\(printed.stderr.suffix(2000))")
        let document = try #require(FileManager.default.contents(atPath: pdf))
        #expect(document.starts(with: Array("%PDF".utf8)) && document.count > 5_000, "PDF \(pdf) looks empty")
    }
}
