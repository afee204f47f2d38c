import Foundation
import Testing

/// The board file deleted, corrupted, made unreadable or read-only under a running wall: the
/// wall keeps the last stories on screen, says what is wrong in the bottom border, and recovers
/// when the board is back.
@Suite struct WallBoardFaultTests {
    typealias P = SpotlightProcess
    typealias F = WallFixture

    static let width = 100, height = 24
    static let marker = "SOLO-BODY-MARKER"

    /// A board with one story, whose body (shown only on the card, never in the ticker) carries
    /// `marker`; and a clean copy of it in `dir/backup/`.
    func boardWithOneStory(_ name: String) throws -> (dir: String, board: String, saved: String) {
        let (dir, board) = try F.emptyBoard(name)
        try F.post(board, title: "The only story on this board", body: "Kim kept the lights on. \(Self.marker)", hero: "Kim")
        // The last connection to close checkpoints and removes the WAL, so the file is complete.
        #expect(!FileManager.default.fileExists(atPath: board + "-wal"), "a WAL file was left behind")
        try FileManager.default.createDirectory(atPath: dir + "/backup", withIntermediateDirectories: true)
        let saved = dir + "/backup/board.sqlite"
        try FileManager.default.copyItem(atPath: board, toPath: saved)
        return (dir, board, saved)
    }

    func bottomBorder(_ screen: Tmux.Screen) -> String {
        screen.lines.count >= Self.height - 1 ? screen.lines[Self.height - 2] : ""
    }

    /// Waits until the bottom border says `phrase` (nil: says nothing, i.e. plain border) and the
    /// last story is still on the card; returns the seconds it took.
    func waitForStatus(_ tmux: Tmux, _ phrase: String?, deadline: Double) throws -> Double {
        let started = Date()
        try tmux.waitFor(phrase.map { "the status '\($0)'" } ?? "the status to clear", deadline: deadline) { screen in
            let border = bottomBorder(screen)
            let statusShown = phrase.map { border.contains($0) }
                ?? !(border.contains("missing") || border.contains("unavailable") || border.contains("showing"))
            return statusShown && screen.contains(Self.marker) && screen.frameProblem(width: Self.width, height: Self.height) == nil
        }
        return Date().timeIntervalSince(started)
    }

    /// Replaces `board` with `source` the way a restore tool should: copy next to it, then rename.
    func replace(_ board: String, with source: String, change: (inout Data) -> Void = { _ in }, mode: mode_t = 0o644) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        change(&bytes)
        let temporary = board + ".incoming"
        try bytes.write(to: URL(fileURLWithPath: temporary))
        chmod(temporary, mode)
        guard rename(temporary, board) == 0 else { throw F.Problem("rename failed: \(String(cString: strerror(errno)))") }
    }

    @Test func aDeletedBoardKeepsTheLastStoriesAndRecoversWhenCopiedBack() throws {
        let (_, board, saved) = try boardWithOneStory("wall-deleted")
        let tmux = try Tmux(command: F.wall(board, ["--interval", "600"]), width: Self.width, height: Self.height)
        defer { tmux.kill() }
        _ = try waitForStatus(tmux, nil, deadline: 5)
        for suffix in ["", "-wal", "-shm"] { unlink(board + suffix) }
        let missing = try waitForStatus(tmux, "board file missing", deadline: 2)
        // Put it back with a plain copy, as a person would (the wall may see it half-written).
        try FileManager.default.copyItem(atPath: saved, toPath: board)
        let recovered = try waitForStatus(tmux, nil, deadline: 12)
        print(String(format: "wall e2e: board deleted → status shown in %.0f ms; copied back → status cleared in %.0f ms", missing * 1000, recovered * 1000))
        #expect(missing < 2)
    }

    @Test func aCorruptedBoardShowsUnavailableAndRecoversWhenRestored() throws {
        let (_, board, saved) = try boardWithOneStory("wall-corrupt")
        let pageSize = try Int(P.sqlite(saved, "PRAGMA page_size")) ?? 4096
        let pages = try Int(P.sqlite(saved, "PRAGMA page_count")) ?? 0
        #expect(pages > 2, "the board is too small to damage past its first page")
        let tmux = try Tmux(command: F.wall(board, ["--interval", "600"]), width: Self.width, height: Self.height)
        defer { tmux.kill() }
        _ = try waitForStatus(tmux, nil, deadline: 5)
        // Page 1 (header, schema) stays intact so the file still looks like a board; every page
        // after it becomes garbage (a fixed pseudo-random sequence, so a failure reproduces).
        try replace(board, with: saved) { bytes in
            var state: UInt32 = 0x5EED
            for index in pageSize..<bytes.count {
                state = state &* 1_664_525 &+ 1_013_904_223
                bytes[index] = UInt8(truncatingIfNeeded: state >> 24)
            }
        }
        let damaged = try waitForStatus(tmux, "unavailable", deadline: 3)
        let pid = try tmux.commandPID()
        #expect(pid.map(Tmux.isAlive) == true, "the wall stopped on a corrupted board")
        try replace(board, with: saved)
        let recovered = try waitForStatus(tmux, nil, deadline: 12)
        print(String(format: "wall e2e: board corrupted → status shown in %.0f ms; restored → cleared in %.0f ms", damaged * 1000, recovered * 1000))
    }

    /// Root reads any file whatever its mode, so a wall run as root cannot be shown an unreadable
    /// board. As root the wall runs as `nobody` (setpriv) on a board owned by root, mode 644 in a
    /// 755 directory: read-only for it. As another user, the board is made read-only with
    /// chmod (file 444, directory 555). Either way a mode-000 copy renamed over the board makes
    /// it unreadable for the wall.
    @Test func anUnreadableBoardShowsUnavailableAndAReadOnlyBoardRefusesUpvotesClearly() throws {
        let (dir, board, saved) = try boardWithOneStory("wall-ro")
        var wall = F.wall(board, ["--interval", "600"])
        let asRoot = geteuid() == 0
        if asRoot {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                Issue.record("running as root, this test needs /usr/bin/setpriv (util-linux) to run the wall as nobody")
                return
            }
            wall = "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " + F.wall(board, ["--interval", "600"], forOthers: true)
            chmod(dir, 0o755)
        }
        defer { chmod(dir, 0o755) }
        let tmux = try Tmux(command: wall + "; echo EXIT=$?; read line", width: Self.width, height: Self.height)
        defer { tmux.kill() }
        _ = try waitForStatus(tmux, nil, deadline: 5)

        try replace(board, with: saved, mode: 0o000)
        let unreadable = try waitForStatus(tmux, "unavailable", deadline: 3)
        chmod(board, asRoot ? 0o644 : 0o444)
        if !asRoot { chmod(dir, 0o555) }
        let readable = try waitForStatus(tmux, nil, deadline: 12)
        print(String(format: "wall e2e: board unreadable → status in %.0f ms; readable again → cleared in %.0f ms", unreadable * 1000, readable * 1000))

        try tmux.send("u")
        try tmux.waitFor("the read-only message after u") { bottomBorder($0).contains("read-only") }
        try tmux.send("q")
        #expect(try tmux.waitForExitStatus() == 0)
        #expect(try P.sqlite(board, "SELECT count(*) FROM votes") == "0")
    }
}
