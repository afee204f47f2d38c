import Foundation
import Testing

/// Shared set-up for the wall's tmux tests: boards, the command line, and what a frame that
/// "fits" means.
enum WallFixture {
    typealias P = SpotlightProcess

    /// A fresh board filled by `spotlight demo` (30 stories by fictional colleagues).
    static func demoBoard(_ name: String) throws -> (dir: String, board: String) {
        let dir = P.scratch(name)
        let board = dir + "/board.sqlite"
        let made = try P.run(["demo", "--board", board])
        guard made.status == 0 else { throw Problem("spotlight demo failed: \(made.stderr)") }
        return (dir, board)
    }

    /// A fresh, empty board made with `spotlight init`.
    static func emptyBoard(_ name: String) throws -> (dir: String, board: String) {
        let dir = P.scratch(name)
        let board = dir + "/board.sqlite"
        let made = try P.run(["init", "--name", "Wall test board", "--board", board])
        guard made.status == 0 else { throw Problem("spotlight init failed: \(made.stderr)") }
        return (dir, board)
    }

    @discardableResult
    static func post(_ board: String, title: String, body: String, hero: String = "Sam") throws -> P.Result {
        // The body goes through stdin, as a person pasting a story would send it.
        let posted = try P.run(["post", "--title", title, "--hero", hero, "--board", board], stdin: Data(body.utf8))
        guard posted.status == 0 else { throw Problem("post '\(title.prefix(40))' failed (\(posted.status)): \(posted.stderr)") }
        return posted
    }

    /// `spotlight wall --board BOARD EXTRA…` as a shell word list.
    static func wall(_ board: String, _ extra: [String] = [], forOthers: Bool = false) -> String {
        ([forOthers ? P.binaryForOthers : P.binary, "wall", "--board", board] + extra).map(Shell.quote).joined(separator: " ")
    }

    /// The minimum size below which the wall shows its "Enlarge" card.
    static let minimum = (width: 40, height: 12)

    /// Waits until the wall has drawn a frame that fits `width`×`height`.
    @discardableResult
    static func waitForFrame(_ tmux: Tmux, width: Int, height: Int, deadline: Double = 5) throws -> Tmux.Screen {
        try tmux.waitFor("a wall frame that fits \(width)×\(height)", deadline: deadline) { screen in
            screen.frameProblem(width: width, height: height) == nil
        }
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension Tmux.Screen {
    static let corners: Set<Character> = ["┌", "┐", "└", "┘", "╭", "╮", "╰", "╯", "╔", "╗", "╚", "╝", "┏", "┓", "┗", "┛", "+"]
    static let edges: Set<Character> = corners.union(["│", "║", "┃", "|", "├", "┤", "╠", "╣", "┣", "┫"])

    /// Why this screen is not a wall frame that fits `width`×`height`, or nil when it is.
    /// At or above the minimum size: the first row is a border exactly `width` columns wide
    /// from corner to corner, and every row but the last (the footer, outside the box) starts
    /// and ends on a border character at column 1 and column `width` — so nothing inside pushed
    /// an edge out of line. Below it: the "Enlarge" card, no row wider than the screen.
    func frameProblem(width: Int, height: Int) -> String? {
        if lines.count > height { return "\(lines.count) rows on a \(height)-row screen" }
        for (index, line) in lines.enumerated() where Columns.of(line) > width {
            return "row \(index + 1) is \(Columns.of(line)) columns wide on a \(width)-column screen"
        }
        if width < WallFixture.minimum.width || height < WallFixture.minimum.height {
            return contains("Enlarge") ? nil : "no \"Enlarge\" card at \(width)×\(height)"
        }
        guard let top = lines.first, let first = top.first, let last = top.last,
              Self.corners.contains(first), Self.corners.contains(last), Columns.of(top) == width else {
            return "the first row is not a border \(width) columns wide: \(lines.first ?? "(none)")"
        }
        guard lines.count >= height - 1 else { return "only \(lines.count) rows drawn" }
        for index in 1..<(height - 1) {
            let line = lines[index]
            guard let first = line.first, let last = line.last, Self.edges.contains(first), Self.edges.contains(last),
                  Columns.of(line) == width else {
                return "row \(index + 1) does not end on the border at column \(width) (\(Columns.of(line)) columns): \(line)"
            }
        }
        return nil
    }
}

/// The wall as a person sees it: it draws the board, follows other processes' posts, relayouts
/// on resize and gives the terminal back as it found it.
@Suite struct WallDisplayTests {
    typealias P = SpotlightProcess
    typealias F = WallFixture

    @Test func showsTheDemoBoardWithHeaderStoryTickerAndFooter() throws {
        let (_, board) = try F.demoBoard("wall-demo")
        let titles = try P.sqlite(board, "SELECT title FROM stories WHERE status = 'visible'").split(separator: "\n").map(String.init)
        let newest = try P.sqlite(board, "SELECT title FROM stories WHERE status = 'visible' ORDER BY created_at DESC, id DESC LIMIT 1")
        let tmux = try Tmux(command: F.wall(board), width: 80, height: 24)
        defer { tmux.kill() }
        let screen = try tmux.waitFor("the demo board on the wall") { screen in
            screen.contains("SERVICE SPOTLIGHT") && screen.frameProblem(width: 80, height: 24) == nil
        }
        // A story card: some row inside the box starts with a board title (its first 30 characters
        // survive any wrapping at 80 columns).
        let card = screen.lines.dropFirst(3).dropLast(5)
        #expect(titles.contains { title in card.contains { $0.contains(String(title.prefix(30))) } }, "no story title on the card:\n\(screen)")
        // The ticker of newest headlines, just above the bottom border, starts with the newest.
        let ticker = screen.lines[screen.lines.count - 3]
        #expect(ticker.contains(String(newest.prefix(20))), "ticker row does not show the newest headline '\(newest)':\n\(screen)")
        // The footer, under the box: how far the round is, in stories (30 on the demo board, however
        // many slots pins and top stories take), and the keys.
        let footer = screen.lines[screen.lines.count - 1]
        #expect(footer.contains(/\d+ of 30 stories/) && footer.contains("q quit"), "footer: \(footer)")
        #expect(try tmux.display("#{alternate_on}") == "1", "the wall should use the alternate screen")
    }

    @Test func aPostFromAnotherProcessAppearsWithinTwoSeconds() throws {
        let (_, board) = try F.demoBoard("wall-live")
        let tmux = try Tmux(command: F.wall(board), width: 100, height: 30)
        defer { tmux.kill() }
        try F.waitForFrame(tmux, width: 100, height: 30)
        let title = "Live post \(UUID().uuidString.prefix(6))"
        let started = Date()
        try F.post(board, title: title, body: "Posted while the wall was running.")
        let committed = Date()
        let screen = try tmux.waitFor("the new post '\(title)' on the wall", deadline: 2) { $0.contains(title) }
        let seen = Date()
        let latency = seen.timeIntervalSince(committed)
        print(String(format: "wall e2e: post → visible %.0f ms after the post command exited (%.0f ms including the post command)",
                     latency * 1000, seen.timeIntervalSince(started) * 1000))
        #expect(latency < 2)
        // The ticker restarted on the newest headline.
        #expect(screen.lines[screen.lines.count - 3].contains(title), "ticker:\n\(screen)")
    }

    @Test func resizingRelayoutsEveryFrameAndSurvivesAStormOfResizes() throws {
        let (_, board) = try F.demoBoard("wall-resize")
        let tmux = try Tmux(command: "exec " + F.wall(board), width: 80, height: 24)
        defer { tmux.kill() }
        try F.waitForFrame(tmux, width: 80, height: 24)
        for (width, height) in [(40, 12), (120, 40), (10, 5), (80, 24)] {
            try tmux.resize(width: width, height: height)
            let screen = try F.waitForFrame(tmux, width: width, height: height)
            if width >= F.minimum.width {
                #expect(Columns.of(screen.lines[0]) == width)
            } else {
                #expect(screen.contains("Enlarge"))
            }
        }
        let pid = pid_t(try tmux.display("#{pane_pid}")) ?? 0
        var generator = SystemRandomNumberGenerator()
        var last = (width: 80, height: 24)
        let started = Date()
        for _ in 0..<50 {
            last = (Int.random(in: 10...200, using: &generator), Int.random(in: 5...60, using: &generator))
            try tmux.resize(width: last.width, height: last.height)
            usleep(15_000)
        }
        print(String(format: "wall e2e: 50 resizes in %.2f s, last %d×%d", Date().timeIntervalSince(started), last.width, last.height))
        #expect(!tmux.paneIsDead, "the wall died during the resize storm")
        #expect(pid > 0 && Tmux.isAlive(pid), "the wall process is gone")
        try F.waitForFrame(tmux, width: last.width, height: last.height)
    }

    @Test func quitRestoresTheTerminal() throws {
        let (_, board) = try F.demoBoard("wall-quit")
        // `read` keeps the pane's shell alive afterwards, with the terminal as the wall left it.
        let tmux = try Tmux(command: F.wall(board) + "; echo EXIT=$?; read line", width: 80, height: 24)
        defer { tmux.kill() }
        try F.waitForFrame(tmux, width: 80, height: 24)
        #expect(try tmux.display("#{alternate_on}") == "1")
        #expect(try tmux.display("#{cursor_flag}") == "0", "the wall hides the cursor")
        try tmux.send("q")
        try tmux.waitFor("the exit status after q") { $0.contains("EXIT=0") }
        #expect(try tmux.display("#{alternate_on}") == "0", "the alternate screen was left on")
        #expect(try tmux.display("#{cursor_flag}") == "1", "the cursor was left hidden")
        #expect(try !tmux.capture().contains("SERVICE SPOTLIGHT"), "the wall's frame is still on the normal screen")
        // Echo and line editing are back: what is typed now shows up, as in any shell.
        try tmux.type("typed after quit")
        try tmux.waitFor("typed text to echo") { $0.contains("typed after quit") }
    }

    @Test func snapshotPrintsAPlainFrameThatFits() throws {
        let (_, board) = try F.demoBoard("wall-snapshot")
        _ = try F.post(board, title: "Hostile \u{1B}[31mred\u{1B}]52;c;SGVsbG8=\u{07} \u{9B}31m \u{202E}evil",
                       body: "\u{1B}[2J" + String(repeating: "W", count: 300) + " é" + String(repeating: "\u{301}", count: 500))
        for (width, height) in [(80, 24), (40, 12), (120, 40), (10, 5)] {
            let result = try P.run(["snapshot", "--width", String(width), "--height", String(height), "--board", board])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdoutBytes.contains(0x1B), "an ESC byte in the \(width)×\(height) snapshot")
            #expect(!containsRawControls(result.stdout), "a control character in the \(width)×\(height) snapshot")
            var lines = result.stdout.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            #expect(!lines.isEmpty && lines.count <= height, "\(lines.count) lines for height \(height)")
            for line in lines {
                #expect(Columns.approximateAppWidth(line) <= width, "wider than \(width): \(line)")
            }
            if width >= 40 {
                // Large frames letter-space the banner ("S E R V I C E").
                #expect(result.stdout.contains("SERVICE SPOTLIGHT") || result.stdout.contains("S E R V I C E"))
                #expect(Columns.approximateAppWidth(lines[0]) == width, "the top border is not \(width) wide")
            }
        }
    }
}
