import Foundation
import Testing

/// `--kiosk`: the lobby screen cannot be closed by a passer-by, only by the unlock word, and a
/// supervisor can tell a hang-up or a stop (exit 128 + signal) from a deliberate quit.
@Suite struct WallKioskTests {
    typealias F = WallFixture

    /// The kiosk wall under bash, which reports its exit status afterwards and — unlike dash —
    /// names a signal that killed it ("Hangup", "Terminated"), so a handled signal (exit 129)
    /// can be told from an unhandled one (also $? = 129). Returns the session and the wall's pid.
    func kioskWall(_ name: String, unlock: String? = nil) throws -> (Tmux, pid_t) {
        let (_, board) = try F.demoBoard(name)
        let wall = F.wall(board, ["--kiosk"] + (unlock.map { ["--unlock", $0] } ?? []))
        let tmux = try Tmux(command: "exec /bin/bash -c " + Shell.quote(wall + "; echo EXIT=$?; read line"))
        try F.waitForFrame(tmux, width: 80, height: 24)
        guard let pid = try tmux.commandPID(), Tmux.isAlive(pid) else { throw F.Problem("cannot find the wall's process") }
        return (tmux, pid)
    }

    @Test func strayKeysAreIgnoredAndOnlyTheUnlockWordQuits() throws {
        let (tmux, pid) = try kioskWall("wall-kiosk", unlock: "letmeout")
        defer { tmux.kill() }
        // Everything that quits a normal wall, Ctrl-C (raw mode: a key, not SIGINT), Ctrl-\,
        // Esc, arrows, space, and a near miss of the word.
        for key in ["q", "Q", "C-c", "C-\\", "Escape", "Left", "Right", "Up", "Down", "Space", "u", "t", "?", "Enter"] {
            try tmux.send(key)
        }
        try tmux.type("letmeou")
        try tmux.send("x")
        try tmux.holds("the kiosk wall to keep running after stray keys", for: 1) { screen in
            Tmux.isAlive(pid) && screen.contains("SERVICE SPOTLIGHT")
        }
        #expect(try tmux.display("#{cursor_flag}") == "0", "the kiosk hides the cursor")
        try tmux.type("letmeout")
        #expect(try tmux.waitForExitStatus() == 0, "typing the unlock word should exit 0")
        #expect(try tmux.display("#{alternate_on}") == "0", "the alternate screen was left on after unlocking")
        #expect(try tmux.display("#{cursor_flag}") == "1", "the cursor was left hidden after unlocking")
    }

    @Test(arguments: [(SIGHUP, 129), (SIGTERM, 143)])
    func aSignalExitsWith128PlusItAndRestoresTheTerminal(_ signal: Int32, _ expected: Int) throws {
        let (tmux, pid) = try kioskWall("wall-kiosk-signal-\(signal)")
        defer { tmux.kill() }
        #expect(kill(pid, signal) == 0)
        #expect(try tmux.waitForExitStatus() == expected, "kill -\(signal) should exit \(expected)")
        let screen = try tmux.capture()
        #expect(!screen.contains("Hangup") && !screen.contains("Terminated"), "the wall died of the signal instead of handling it:\n\(screen)")
        #expect(try tmux.display("#{alternate_on}") == "0", "the alternate screen was left on after signal \(signal)")
        #expect(try tmux.display("#{cursor_flag}") == "1", "the cursor was left hidden after signal \(signal)")
    }
}
