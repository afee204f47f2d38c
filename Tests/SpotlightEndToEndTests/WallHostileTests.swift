import Foundation
import SpotlightTestSupport
import Testing

/// Stories written to attack whoever watches the wall (the wall(1) escape-injection class,
/// CVE-2024-28085) are shown harmlessly: the bytes the wall writes carry no sequence from a story,
/// the payloads are visible as text, and every frame keeps its shape.
@Suite struct WallHostileTests {
    typealias F = WallFixture

    static let combining = String(repeating: "\u{301}", count: 10_000)
    /// (title, body): each body starts with a marker "Bn:" so the test can tell which story the
    /// card shows (the ticker shows titles only).
    static let stories: [(String, String)] = [
        ("H1 clear \u{1B}[2J\u{1B}[H now", "B1: screen \u{1B}[2J\u{1B}[H\u{1B}[31mred\u{1B}[0m and \u{1B}[99;99H far away"),
        ("H2 clip \u{1B}]52;c;SGVsbG8=\u{07}", "B2: \u{1B}]52;c;SGVsbG8=\u{07} title \u{1B}]0;pwned\u{07} st \u{1B}]52;c;SGVsbG8=\u{1B}\\ dcs \u{1B}P1$q\u{1B}\\"),
        ("H3 c1 \u{9B}31m red \u{9D}0;t\u{9C}", "B3: \u{9B}31m \u{9B}2J \u{9D}52;c;SGVsbG8=\u{9C} \u{90}q\u{9C}"),
        ("H4 bidi \u{202E}txet\u{202C} \u{2067}iso\u{2069}", "B4: \u{202E}reversed\u{202C} \u{2066}isolate\u{2069} \u{2068}x\u{2069} \u{200F}rlm"),
        ("H5 zero\u{200B}\u{200B}\u{200B}\u{200B}width", "B5: " + String(repeating: "\u{200B}", count: 600) + "end" + String(repeating: "\u{200B}\u{2060}", count: 300)),
        ("H6 e" + combining, "B6: e" + combining + " tail"),
        ("H7 " + String(repeating: "W", count: 117), "B7: " + String(repeating: "X", count: 3996)),
    ]

    @Test func hostileStoriesReachTheTerminalOnlyAsHarmlessText() throws {
        let (dir, board) = try F.emptyBoard("wall-hostile")
        for (title, body) in Self.stories { try F.post(board, title: title, body: body) }
        let raw = dir + "/raw-output.bin"
        let tmux = try Tmux(command: F.wall(board, ["--interval", "600"]) + "; echo EXIT=$?; read line", width: 80, height: 24, pipeTo: raw)
        defer { tmux.kill() }

        // Step through the rotation with → until every story has been on the card, checking the
        // frame after each step. A story's ESC[2J reaching the terminal would blank cells that
        // ncurses believes are drawn, so the border check would fail from then on.
        var shown = Set<Int>()
        var screens: [Tmux.Screen] = []
        var screen = try F.waitForFrame(tmux, width: 80, height: 24)
        for _ in 0..<(4 * Self.stories.count) {
            screens.append(screen)
            for n in 1...Self.stories.count where screen.lines.dropLast(5).contains(where: { $0.contains("B\(n):") }) { shown.insert(n) }
            if shown.count == Self.stories.count { break }
            // The card and its "Why" line change with every slot (the footer counts stories, so
            // it stays put when a story comes round again).
            let card = Array(screen.lines.dropFirst(3).dropLast(3))
            try tmux.send("Right")
            screen = try tmux.waitFor("the next story after →") { next in
                Array(next.lines.dropFirst(3).dropLast(3)) != card && next.frameProblem(width: 80, height: 24) == nil
            }
        }
        #expect(shown == Set(1...Self.stories.count), "stories never shown on the card: \(Set(1...Self.stories.count).subtracting(shown).sorted())")
        for screen in screens {
            if let problem = screen.frameProblem(width: 80, height: 24) { Issue.record("\(problem)\n\(screen)") }
        }
        // The payloads are there to read, as Control Pictures.
        let everything = screens.map(\.text).joined(separator: "\n")
        #expect(everything.contains("␛[2J"), "the ESC[2J payload is not visible as text")
        #expect(everything.contains("␛]52;c;SGVsbG8=␇"), "the OSC 52 payload is not visible as text")

        // Other sizes with a hostile story on the card.
        for (width, height) in [(40, 12), (120, 40), (80, 24)] {
            try tmux.resize(width: width, height: height)
            try F.waitForFrame(tmux, width: width, height: height)
        }

        // Quit, and wait until the stream holds the wall's own goodbye (rmcup: leave the
        // alternate screen), so everything it wrote is in the file.
        try tmux.send("q")
        #expect(try tmux.waitForExitStatus() == 0)
        let bytes = RawStream.waitForRmcup(raw)
        #expect(RawStream.hasRmcup(bytes), "the raw stream never left the alternate screen")
        print("wall e2e: hostile run wrote \(bytes.count) bytes to the terminal")
        for problem in RawStream.problems(bytes) { Issue.record(Comment(rawValue: problem)) }
    }

    /// The oracle (`RawStream.problems`) is only as good as its checks: it passes ncurses-like
    /// output and flags each kind of payload.
    @Test func theRawStreamCheckFlagsEachPayloadAndPassesNcursesOutput() {
        let ncursesLike = "\u{1B}[?1049h\u{1B}[22;0;0t\u{1B}[H\u{1B}[2J\u{1B}(B\u{1B}[m\u{1B}[38;5;33m╭─╮\u{1B}[3;5H␛[2J é\u{301}\u{301}\r\n\u{1B}[?1049l"
        #expect(RawStream.problems(Data(ncursesLike.utf8)).isEmpty)
        let payloads = ["\u{1B}]52;c;SGVsbG8=\u{07}", "\u{1B}]52;c;SGVsbG8=\u{1B}\\", "\u{1B}P1$q\u{1B}\\", "\u{9B}31m", "a\u{202E}b",
                        "a\u{2067}b", "x\u{200B}y", "e" + String(repeating: "\u{301}", count: 5), "ding\u{07}"]
        for payload in payloads {
            #expect(!RawStream.problems(Data(payload.utf8)).isEmpty, "missed \(payload.debugDescription)")
        }
        #expect(!RawStream.problems(Data([0x41, 0x9B, 0x32, 0x4A])).isEmpty, "missed a raw 8-bit CSI byte")
    }
}
