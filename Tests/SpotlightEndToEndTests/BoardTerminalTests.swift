import Foundation
import SpotlightTestSupport
import Testing

/// The interactive board driven through tmux with the real binary: writing a story in the form
/// and finding it on the board and on a running wall, a second person's vote arriving live, a
/// manager pinning, resizes while composing, hostile pastes, a dropped connection, read-only
/// boards and the wall switch.
enum BoardFixture {
    typealias P = SpotlightProcess

    /// `spotlight --board BOARD` (the board is the default command) with drafts kept under `dir`.
    static func board(_ board: String, state dir: String, asNobody: Bool = false) -> String {
        let words = (asNobody ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []) + [asNobody ? P.binaryForOthers : P.binary, "--board", board]
        return "XDG_STATE_HOME=\(Shell.quote(dir + "/state")) " + words.map(Shell.quote).joined(separator: " ")
    }

    /// A demo board in a directory anyone may write (for a second person, `nobody`).
    static func sharedBoard(_ name: String) throws -> (dir: String, board: String) {
        let (dir, board) = try WallFixture.demoBoard(name)
        chmod(dir, 0o777)
        for suffix in ["", "-wal", "-shm"] { chmod(board + suffix, 0o666) }
        try FileManager.default.createDirectory(atPath: dir + "/state", withIntermediateDirectories: true)
        chmod(dir + "/state", 0o777)
        return (dir, board)
    }

    /// Starts the board and waits for its first frame.
    static func start(_ command: String, width: Int = 80, height: Int = 24, pipeTo raw: String? = nil) throws -> Tmux {
        let tmux = try Tmux(command: "umask 000; " + command + "; echo EXIT=$?; read line", width: width, height: height, pipeTo: raw)
        try tmux.waitFor("the board's first frame") { $0.contains("[Hot]") }
        return tmux
    }

    /// The row of the list showing `title` (its first 30 characters).
    static func row(_ screen: Tmux.Screen, _ title: String) -> String? {
        screen.lines.first { $0.contains(String(title.prefix(30))) }
    }

    static func storyID(_ board: String, title: String) throws -> Int {
        Int(try P.sqlite(board, "SELECT id FROM stories WHERE title = '\(title.replacingOccurrences(of: "'", with: "''"))'")) ?? -1
    }
}

@Suite(.serialized) struct BoardTerminalTests {
    typealias P = SpotlightProcess
    typealias B = BoardFixture
    typealias F = WallFixture

    @Test func aStoryTypedIntoTheFormIsOnTheBoardAndOnARunningWall() throws {
        let (dir, board) = try F.demoBoard("board-compose")
        let wall = try Tmux(command: F.wall(board), width: 100, height: 30)
        defer { wall.kill() }
        try F.waitForFrame(wall, width: 100, height: 30)
        let tmux = try B.start(B.board(board, state: dir))
        defer { tmux.kill() }

        let title = "Typed in tmux \(UUID().uuidString.prefix(6)) 東京 🎉"
        try tmux.send("n")
        try tmux.waitFor("the compose form") { $0.contains("New story") && $0.contains("Title (0/120)") }
        try tmux.type(title)
        try tmux.send("Tab")
        try tmux.type("Ana Typist")
        try tmux.send("Tab")
        try tmux.type("Front Desk")
        for _ in 0..<4 { try tmux.send("Tab") }   // customer, tags, on behalf of, body
        try tmux.type("She found the parcel. ")
        try tmux.type("The customer wrote back to thank her.")
        try tmux.send("C-s")
        let posted = try tmux.waitFor("the posted message") { $0.contains("posted #") }
        #expect(!posted.contains("New story"), "the form closes after posting")

        let id = try B.storyID(board, title: title)
        #expect(try P.sqlite(board, "SELECT hero || '|' || department || '|' || body FROM stories WHERE id = \(id)")
                == "Ana Typist|Front Desk|She found the parcel. The customer wrote back to thank her.")
        try tmux.send("2")   // New: the newest story first
        let list = try tmux.waitFor("the story first in New") { screen in
            screen.lines.count > 3 && screen.lines[3].contains("Typed in tmux")
        }
        #expect(B.row(list, title)?.contains("Ana Typist") == true)
        try wall.waitFor("the story on the wall", deadline: 3) { $0.contains(String(title.prefix(20))) }
        try tmux.send("q")
        #expect(try tmux.waitForExitStatus() == 0)
    }

    @Test(.enabled(if: getuid() == 0, "needs root to run a second person as nobody (setpriv)"))
    func anUpvoteFromASecondPersonShowsOnTheFirstTerminalWithinASecond() throws {
        let (dir, board) = try B.sharedBoard("board-vote")
        let title = "Vote for the night shift \(UUID().uuidString.prefix(6))"
        try F.post(board, title: title, body: "They stayed until every parcel was out.")
        for suffix in ["", "-wal", "-shm"] { chmod(board + suffix, 0o666) }
        let mine = try B.start(B.board(board, state: dir))
        defer { mine.kill() }
        try mine.send("2")
        try mine.waitFor("the story with no votes") { B.row($0, title)?.contains("★ 0") == true }

        let other = try B.start(B.board(board, state: dir, asNobody: true))
        defer { other.kill() }
        #expect(try other.capture().lines[0].contains("nobody"), "the second terminal is another person")
        try other.send("2")
        try other.waitFor("the story on the second terminal") { B.row($0, title) != nil }
        // Staff are told why a manager key does nothing.
        try other.send("p")
        try other.waitFor("the explanation for p") { $0.contains("only a manager may pin; nobody is not a manager") }
        try other.send("u")
        try other.waitFor("the vote acknowledged") { $0.contains("upvoted #") }
        let acknowledged = Date()
        try mine.waitFor("the vote on the first terminal", deadline: 2) { B.row($0, title)?.contains("★ 1") == true }
        let latency = Date().timeIntervalSince(acknowledged)
        print(String(format: "board e2e: a vote showed on the other terminal %.0f ms after it was acknowledged", latency * 1000))
        #expect(latency < 1)
        #expect(try P.sqlite(board, "SELECT voter FROM votes WHERE story_id = \(try B.storyID(board, title: title))") == "nobody")

        // u again takes the vote back, everywhere.
        try other.send("u")
        try other.waitFor("the vote withdrawn") { $0.contains("took back your vote") }
        try mine.waitFor("the vote gone on the first terminal", deadline: 2) { B.row($0, title)?.contains("★ 0") == true }
    }

    @Test func theBoardsCreatorPinsAStoryWithAnExpiryAndANote() throws {
        let (dir, board) = try F.demoBoard("board-pin")
        let title = "Pin me \(UUID().uuidString.prefix(6))"
        try F.post(board, title: title, body: "A story worth pinning.")
        let tmux = try B.start(B.board(board, state: dir))
        defer { tmux.kill() }
        #expect(try tmux.capture().lines[0].contains("(manager)"), "whoever made the board is its manager")
        try tmux.send("2")
        try tmux.waitFor("the new story selected") { $0.lines.count > 3 && $0.lines[3].contains("▸ Pin me") }
        try tmux.send("p")
        try tmux.waitFor("the pin form") { $0.contains("Until:") && $0.contains("Note:") }
        try tmux.type("3d")
        try tmux.send("Tab")
        try tmux.type("Story of the week")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("the pin acknowledged") { $0.contains("pinned #") }
        #expect(B.row(screen, title)?.contains("📌") == true, "the list marks the pin:\n\(screen)")
        let id = try B.storyID(board, title: title)
        #expect(try P.sqlite(board, "SELECT pinned_by || '|' || pin_note || '|' || (pin_until > pinned_at) FROM stories WHERE id = \(id)")
                == "root|Story of the week|1")
        #expect(try P.sqlite(board, "SELECT count(*) FROM audit WHERE action = 'pin' AND story_id = \(id)") == "1")
        try tmux.send("4")   // Pinned
        try tmux.waitFor("the story in Pinned") { B.row($0, title) != nil }
    }

    @Test func resizingWhileComposingKeepsTheTextAndTheCursor() throws {
        let (dir, board) = try F.demoBoard("board-resize")
        let tmux = try B.start(B.board(board, state: dir))
        defer { tmux.kill() }
        try tmux.send("n")
        try tmux.waitFor("the compose form") { $0.contains("New story") }
        try tmux.type("Resize keeps 東京 text")
        for _ in 0..<6 { try tmux.send("Tab") }
        let body = "The first line of the story. 台風の日も全件対応しました 👩‍💻. And it goes on for a while so that it wraps at narrow sizes. END"
        try tmux.type(body)
        let before = try tmux.waitFor("the body typed") { $0.contains("END") }
        let cursor = try self.cursor(tmux)
        #expect(textBefore(cursor, in: before).hasSuffix("END"))

        for (width, height) in [(120, 40), (50, 16), (100, 30), (80, 24)] {
            try tmux.resize(width: width, height: height)
            let screen = try tmux.waitFor("the form at \(width)×\(height)") { screen in
                screen.lines.count <= height && Columns.of(screen.lines.first ?? "") == width
                    && screen.contains("Resize keeps 東京 text") && screen.contains("END")
                    && screen.lines.allSatisfy { Columns.of($0) <= width }
            }
            let at = try self.cursor(tmux)
            #expect(textBefore(at, in: screen).hasSuffix("END"), "cursor not after END at \(width)×\(height): \(at)\n\(screen)")
            #expect(try tmux.display("#{cursor_flag}") == "1", "the cursor is shown while typing")
        }
        let back = try self.cursor(tmux)
        let screenBack = try tmux.capture()
        #expect(back == cursor, "back at 80×24 the cursor is where it was: \(back) vs \(cursor)\n\(before)\n\(screenBack)")
        try tmux.type(" more")
        try tmux.waitFor("typing continues at the cursor") { $0.contains("END more") }
    }

    @Test func pastingTenThousandCharactersAndEscapeSequencesIsLimitedAndHarmless() throws {
        let (dir, board) = try F.demoBoard("board-paste")
        let raw = dir + "/raw-output.bin"
        let tmux = try B.start(B.board(board, state: dir), pipeTo: raw)
        defer { tmux.kill() }
        let title = try tmux.display("#{pane_title}")

        // Search field: limited to 100 characters, with a message.
        try tmux.send("/")
        try paste(String(repeating: "s", count: 10_000), into: tmux, dir: dir)
        try tmux.waitFor("the search limit message") { $0.contains("limited to 100 characters") }
        try tmux.send("Escape")

        // Title: 120 characters at most; the rest is refused with a message.
        try tmux.send("n")
        try tmux.waitFor("the compose form") { $0.contains("New story") }
        try paste(String(repeating: "x", count: 10_000), into: tmux, dir: dir)
        try tmux.waitFor("the title full") { $0.contains("Title (120/120)") }
        try tmux.send("Tab")
        try tmux.type("Paste Tester")
        // Body: escape sequences, C1 controls, bidi overrides and 10,000 characters.
        for _ in 0..<5 { try tmux.send("Tab") }
        let hostile = "B: \u{1B}]0;pwned\u{07} \u{1B}]52;c;SGVsbG8=\u{07} \u{1B}[2J \u{9B}31m \u{202E}reversed\u{202C} \u{7}"
            + String(repeating: "y", count: 10_000)
        try paste(hostile, into: tmux, dir: dir)
        let screen = try tmux.waitFor("the body full") { $0.contains("Body (4000/4000)") }
        #expect(screen.lines.first?.hasPrefix("╭─ New story") == true, "the frame survived:\n\(screen)")
        #expect(screen.lines.allSatisfy { Columns.of($0) <= 80 })
        #expect(try tmux.display("#{pane_title}") == title, "an OSC sequence in the paste retitled the terminal")
        try tmux.send("C-s")
        try tmux.waitFor("the story posted") { $0.contains("posted #") }
        let stored = try P.sqlite(board, "SELECT length(title) || '|' || length(body) FROM stories ORDER BY id DESC LIMIT 1")
        #expect(stored == "120|4000")
        try tmux.send("q")
        #expect(try tmux.waitForExitStatus() == 0)
        let bytes = RawStream.waitForRmcup(raw)
        for problem in RawStream.problems(bytes) { Issue.record(Comment(rawValue: problem)) }
        // Bracketed paste was asked for while the screen was up, and switched off on the way out.
        let on = bytes.range(of: Data("\u{1B}[?2004h".utf8), options: .backwards)
        let off = bytes.range(of: Data("\u{1B}[?2004l".utf8), options: .backwards)
        #expect(on != nil, "bracketed paste was never enabled")
        #expect(off != nil && on.map { $0.lowerBound < off!.lowerBound } == true, "bracketed paste was left on after quitting")
    }

    /// With bracketed paste a paste is text: in the list, pasted `h`, `x`, `q` and ESCs are not
    /// commands (the story is not hidden, nothing is removed, the board stays); in the body, a
    /// megabyte is taken up to the limit at once, with the message, and the draft is saved.
    @Test func aBracketedPasteIsTextNeverCommandsAndAMegabyteIsAbsorbedAtOnce() throws {
        let (dir, board) = try F.demoBoard("board-bracketed")
        let tmux = try B.start(B.board(board, state: dir))
        defer { tmux.kill() }
        let pid = try #require(try tmux.commandPID())
        try paste(String(repeating: "hx\u{1B}q", count: 300), into: tmux, dir: dir, bracketed: true)
        try tmux.waitFor("the paste explained") { $0.contains("pasted text is only taken in a text field") }
        #expect(Tmux.isAlive(pid), "a pasted q quit the board")
        #expect(try P.sqlite(board, "SELECT count(*) FROM stories WHERE status != 'visible'") == "0", "pasted keys hid or removed stories")

        try tmux.send("n")
        try tmux.waitFor("the compose form") { $0.contains("New story") }
        try tmux.type("A megabyte pasted")
        for _ in 0..<6 { try tmux.send("Tab") }
        var megabyte = ""
        while megabyte.utf8.count < 1_000_000 { megabyte += "Thanks \u{1B}[31mfor\u{1B}[0m the call\nq x " }
        let started = Date()
        try paste(megabyte, into: tmux, dir: dir, bracketed: true)
        let screen = try tmux.waitFor("the body limited with a message", deadline: 10) {
            $0.contains("Body holds at most 4,000 characters") && $0.contains("left out")
        }
        let took = Date().timeIntervalSince(started)
        print(String(format: "board e2e: a 1 MB bracketed paste into the body was absorbed in %.0f ms", took * 1000))
        #expect(took <= 1, "a 1 MB paste took \(took) s (≤ 1 s expected)")
        #expect(screen.lines.first?.hasPrefix("╭─ New story") == true, "the frame survived:\n\(screen)")
        try tmux.waitFor("the draft saved", deadline: 5) { _ in
            let drafts = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/state/spotlight/drafts")) ?? []
            return drafts.contains { name in
                let text = String(decoding: FileManager.default.contents(atPath: dir + "/state/spotlight/drafts/" + name) ?? Data(), as: UTF8.self)
                return text.contains("A megabyte pasted") && text.contains("the call")
            }
        }
        try tmux.send("Escape")
        try tmux.waitFor("the discard question") { $0.contains("Discard") }
        try tmux.send("Escape")
        try tmux.waitFor("the board again") { $0.contains("[Hot]") }
        try tmux.send("q")
        #expect(try tmux.waitForExitStatus() == 0)
    }

    @Test func aHangUpWhileComposingKeepsTheDraftWhichComesBackNextTime() throws {
        let (dir, board) = try F.demoBoard("board-sighup")
        let tmux = try B.start(B.board(board, state: dir))
        defer { tmux.kill() }
        try tmux.send("n")
        try tmux.waitFor("the compose form") { $0.contains("New story") }
        try tmux.type("Written before the connection dropped")
        try tmux.send("Tab")
        try tmux.type("Hana")
        try tmux.waitFor("the hero typed") { $0.contains("Hana") }
        let pid = try #require(try tmux.commandPID())
        kill(pid, SIGHUP)
        #expect(try tmux.waitForExitStatus() == 129)
        let drafts = try FileManager.default.contentsOfDirectory(atPath: dir + "/state/spotlight/drafts")
        #expect(drafts.count == 1)
        let saved = String(decoding: FileManager.default.contents(atPath: dir + "/state/spotlight/drafts/" + drafts[0]) ?? Data(), as: UTF8.self)
        #expect(saved.contains("Written before the connection dropped") && saved.contains("Hana"))

        let again = try Tmux(command: B.board(board, state: dir) + "; echo EXIT=$?; read line", width: 80, height: 24)
        defer { again.kill() }
        try again.waitFor("the draft offered back") { $0.contains("Welcome back") && $0.contains("Written before the connection dropped") }
        try again.send("C-s")
        try again.waitFor("the draft posted") { $0.contains("posted #") }
        #expect(try B.storyID(board, title: "Written before the connection dropped") > 0)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir + "/state/spotlight/drafts"))?.isEmpty ?? true,
                "a posted draft is forgotten")
    }

    @Test func twoTerminalsEditingOneStoryNeverOverwriteUnseenChanges() throws {
        let (dir, board) = try F.demoBoard("board-edit-race")
        let title = "Edited twice \(UUID().uuidString.prefix(6))"
        try F.post(board, title: title, body: "The original text.")
        let id = try B.storyID(board, title: title)
        var terminals: [Tmux] = []
        defer { terminals.forEach { $0.kill() } }
        for _ in 0..<2 {
            let tmux = try B.start(B.board(board, state: dir + "/\(terminals.count)"))
            terminals.append(tmux)
            try tmux.send("2")
            try tmux.waitFor("the story selected") { $0.lines.count > 3 && $0.lines[3].contains("▸ Edited twice") }
            try tmux.send("e")
            try tmux.waitFor("the edit form") { $0.contains("Edit story #\(id)") }
        }
        let (first, second) = (terminals[0], terminals[1])
        try second.send("End")
        try second.type(" (second)")
        try second.send("C-s")
        try second.waitFor("the second edit saved") { $0.contains("saved your changes to #\(id)") }
        try first.send("End")
        try first.type(" (first)")
        try first.send("C-s")
        let refused = try first.waitFor("the first edit refused") { $0.contains("changed by someone else") }
        #expect(refused.contains("(first)"), "the refused text is kept in the form:\n\(refused)")
        #expect(try P.sqlite(board, "SELECT title FROM stories WHERE id = \(id)") == title + " (second)")
    }

    @Test(.enabled(if: getuid() == 0, "needs root to run the board as nobody (setpriv)"))
    func aReadOnlyBoardBrowsesAndExplainsWhyWritesAreUnavailable() throws {
        let (dir, board) = try F.demoBoard("board-readonly")
        chmod(dir, 0o755)
        try FileManager.default.createDirectory(atPath: dir + "/state", withIntermediateDirectories: true)
        chmod(dir + "/state", 0o777)
        let tmux = try B.start(B.board(board, state: dir, asNobody: true))
        defer { tmux.kill() }
        #expect(try tmux.capture().lines[0].contains("read-only"))
        for key in ["n", "u", "m"] {
            try tmux.send(key)
            try tmux.waitFor("the read-only explanation for \(key)") { $0.contains("the board is read-only for nobody") }
            try tmux.send("Escape")
        }
        try tmux.send("Enter")
        try tmux.waitFor("a story opened") { $0.contains("posted by") }
    }

    @Test func wSwitchesToTheWallAndBack() throws {
        let (dir, board) = try F.demoBoard("board-wall")
        let tmux = try B.start(B.board(board, state: dir))
        defer { tmux.kill() }
        try tmux.send("w")
        try F.waitForFrame(tmux, width: 80, height: 24)
        // Opened from the board, q goes back to it, and the footer says so.
        try tmux.waitFor("the wall's footer") { $0.lines.last?.contains("q back") == true }
        try tmux.send("w")
        try tmux.waitFor("the board again") { $0.contains("[Hot]") }
        try tmux.send("q")
        #expect(try tmux.waitForExitStatus() == 0)
    }

    @Test func withoutATerminalTheBoardSaysWhatToUseInstead() throws {
        let (_, board) = try F.demoBoard("board-notty")
        let result = try P.run(["--board", board])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("spotlight: ") && result.stderr.contains("needs a terminal") && result.stderr.contains("spotlight list"))
        // The wall and the reel say it the same way, with the same code.
        for command in [["wall"], ["wall", "--reel"]] {
            let wall = try P.run(command + ["--board", board])
            #expect(wall.status == 2, "\(command): \(wall.stderr)")
            #expect(wall.stderr.hasPrefix("spotlight: ") && wall.stderr.contains("needs a terminal"), "\(command): \(wall.stderr)")
        }
    }

    // MARK: - Helpers

    private func cursor(_ tmux: Tmux) throws -> [Int] {
        try tmux.display("#{cursor_x} #{cursor_y}").split(separator: " ").compactMap { Int($0) }
    }

    /// The text on the cursor's row left of the cursor.
    private func textBefore(_ cursor: [Int], in screen: Tmux.Screen) -> String {
        guard cursor.count == 2, screen.lines.indices.contains(cursor[1]) else { return "" }
        var out = ""
        for character in screen.lines[cursor[1]] {
            if Columns.of(out + String(character)) > cursor[0] { break }
            out.append(character)
        }
        return out
    }

    /// Pastes `text` into the pane at once, as a terminal delivers a paste: `bracketed` marks it
    /// (ESC [200~ … ESC [201~) as terminals do for programs that ask, otherwise it arrives as typing.
    private func paste(_ text: String, into tmux: Tmux, dir: String, bracketed: Bool = false) throws {
        let file = dir + "/paste-\(UUID().uuidString.prefix(6)).txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let pasteBuffer = ["paste-buffer", "-d", "-b", "p", "-t", tmux.target] + (bracketed ? ["-p"] : [])
        for arguments in [["load-buffer", "-b", "p", file], pasteBuffer] {
            let result = try Tmux.run(["-L", tmux.socket, "-f", "/dev/null", "-u"] + arguments)
            guard result.status == 0 else { throw F.Problem("tmux \(arguments[0]) failed: \(result.stderr)") }
        }
    }
}
