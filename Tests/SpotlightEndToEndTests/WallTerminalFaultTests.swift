import Foundation
import Testing

/// A terminal the wall cannot use is a one-line message and exit 1, with the terminal left as it
/// was; a locale that is not UTF-8 gets the ASCII fallback. Run inside tmux so stdin is a real
/// terminal and only the fault under test differs.
@Suite struct WallTerminalFaultTests {
    typealias F = WallFixture

    struct Refusal {
        let status: Int
        let stderr: String
        let stdout: Data
        let screen: Tmux.Screen
    }

    /// Runs `ENV wall --board BOARD >OUT 2>ERR` in a terminal and collects what it did.
    func refusal(_ name: String, environment: String, stdoutToFile: Bool = false) throws -> Refusal {
        let (dir, board) = try F.demoBoard(name)
        let err = dir + "/stderr.txt", out = dir + "/stdout.txt"
        let redirect = (stdoutToFile ? " >\(Shell.quote(out))" : "") + " 2>\(Shell.quote(err))"
        let tmux = try Tmux(command: "\(environment) \(F.wall(board))\(redirect); echo EXIT=$?; read line")
        defer { tmux.kill() }
        let status = try tmux.waitForExitStatus()
        #expect(try tmux.display("#{alternate_on}") == "0", "left the alternate screen on")
        #expect(try tmux.display("#{cursor_flag}") == "1", "left the cursor hidden")
        return Refusal(status: status, stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "",
                       stdout: FileManager.default.contents(atPath: out) ?? Data(), screen: try tmux.capture())
    }

    func expectOneLine(_ refusal: Refusal, mentioning phrases: [String], status: Int = 1) {
        #expect(refusal.status == status, "exit status \(refusal.status)")
        #expect(refusal.stderr.hasPrefix("spotlight: "), "one prefix for every error: \(refusal.stderr)")
        let lines = refusal.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr should be one line: \(refusal.stderr)")
        for phrase in phrases { #expect(refusal.stderr.contains(phrase), "stderr lacks '\(phrase)': \(refusal.stderr)") }
        // Nothing but our own echo reached the terminal: no half-drawn screen, no escape codes.
        #expect(refusal.screen.lines.filter { !$0.isEmpty } == ["EXIT=\(status)"], "the terminal shows more than the exit status:\n\(refusal.screen)")
    }

    @Test func anUnknownTerminalTypeIsNamedInOneLine() throws {
        let refusal = try refusal("wall-term-unknown", environment: "TERM=definitely-unknown")
        expectOneLine(refusal, mentioning: ["definitely-unknown", "TERM"])
    }

    @Test func aDumbTerminalIsRefusedClearly() throws {
        let refusal = try refusal("wall-term-dumb", environment: "TERM=dumb")
        expectOneLine(refusal, mentioning: ["'dumb'", "cannot move the cursor"])
    }

    @Test func anUnsetTerminalTypeIsRefusedClearly() throws {
        let refusal = try refusal("wall-term-unset", environment: "env -u TERM")
        expectOneLine(refusal, mentioning: ["TERM is not set"])
    }

    @Test func stdoutToAFileIsRefusedAndSuggestsSnapshot() throws {
        let refusal = try refusal("wall-stdout-file", environment: "", stdoutToFile: true)
        // "Needs a terminal" is a usage error (exit 2), the same line and code as the board's.
        expectOneLine(refusal, mentioning: ["not a tty", "spotlight snapshot"], status: 2)
        #expect(refusal.stdout.isEmpty, "the wall wrote \(refusal.stdout.count) bytes into the file")
    }

    /// LANG=C / LC_ALL=C: the wall still draws, with the ASCII fallback for everything it
    /// draws — its own chrome and the stories' text (accents dropped, "?" for CJK and emoji) —
    /// since on a terminal that really is not UTF-8 anything else shows as mojibake that cuts
    /// the line and moves the border.
    @Test func aNonUTF8LocaleDrawsWithTheASCIIFallback() throws {
        let (_, board) = try F.emptyBoard("wall-lang-c")
        try F.post(board, title: "Pat fixed the printer before the audit", body: "Zoë stayed late — 東京 🌙 too.", hero: "Pat")
        try F.post(board, title: "Lee answered every call during the outage", body: "No caller waited more than a minute.", hero: "Lee")
        let pinned = try SpotlightProcess.run(["pin", "1", "--note", "Story of the month", "--board", board])
        #expect(pinned.status == 0, "\(pinned.stderr)")
        let tmux = try Tmux(command: F.wall(board, ["--interval", "600"]) + "; echo EXIT=$?; read line",
                            environment: ["LANG": "C", "LC_ALL": "C"])
        defer { tmux.kill() }
        var screens = [try tmux.waitFor("an ASCII frame") { screen in
            screen.frameProblem(width: 80, height: 24) == nil && screen.lines[0].hasPrefix("+-") && screen.lines[0].hasSuffix("-+")
        }]
        #expect(screens[0].contains("SERVICE SPOTLIGHT"))
        // Both stories, so the pinned one's "Why" line and the other one's body are among the frames.
        for _ in 0..<3 where !screens.contains(where: { $0.contains("Why: pinned") }) {
            // The card changes with every slot; the footer counts stories, not slots.
            let card = screens.last.map { Array($0.lines.dropFirst(3).dropLast(3)) }
            try tmux.send("Right")
            screens.append(try tmux.waitFor("the next story") {
                Array($0.lines.dropFirst(3).dropLast(3)) != card && $0.frameProblem(width: 80, height: 24) == nil
            })
        }
        // A status line in the bottom border, drawn by the app too.
        for suffix in ["", "-wal", "-shm"] { unlink(board + suffix) }
        screens.append(try tmux.waitFor("the board-missing status", deadline: 3) { $0.contains("board file missing") })
        #expect(screens.contains { $0.contains("Zoe stayed late - ???? ?? too.") }, "the story's text, spelt in ASCII")
        for screen in screens {
            let foreign = screen.lines.enumerated().compactMap { index, line in
                line.unicodeScalars.contains { $0.value > 0x7E } ? "row \(index + 1): \(line)" : nil
            }
            #expect(foreign.isEmpty, "non-ASCII characters drawn in a LANG=C wall:\n\(foreign.joined(separator: "\n"))")
        }
    }
}
