import Foundation
import Testing

/// Issue 13, item 5, on screen: a wall and a board that use the broker keep their last content
/// when the broker is killed, say it is not answering, and come back on their own when it
/// returns (the event stream retries every 250 ms, at most 1 s apart).
@Suite(.serialized) struct BrokerWallTests {
    typealias P = SpotlightProcess
    static let width = 80, height = 24
    /// The status the wall and the board show while the event stream cannot reach the broker
    /// (`EventSubscription.unavailableReason`, worded by `WallLoadFailure.reported`).
    static let notAnswering = "is not answering"

    func post(_ broker: ScratchBroker, _ title: String, body: String) throws {
        let posted = try broker.run(["post", "--title", title, "--hero", "Kim"], stdin: Data(body.utf8))
        try #require(posted.status == 0, "post \(title): \(posted.stderr)")
    }

    func seconds(_ since: Date) -> Double { Date().timeIntervalSince(since) }

    @Test func aWallShowsPostsKeepsItsStoryWhileTheBrokerIsDownAndRecoversWhenItReturns() throws {
        let broker = try ScratchBroker("bw")
        try broker.start()
        defer { broker.stop() }
        try post(broker, "The first story", body: "Kim kept the lights on. WALL-MARKER")
        let wall = ([P.binary, "wall", "--board", broker.location, "--interval", "600"]).map(Shell.quote).joined(separator: " ")
        let tmux = try Tmux(command: "XDG_STATE_HOME=\(Shell.quote(broker.directory + "/state")) " + wall + "; echo EXIT=$?; read line",
                            width: Self.width, height: Self.height)
        defer { tmux.kill() }
        try tmux.waitFor("the first story on the wall") { $0.contains("WALL-MARKER") && !$0.contains(Self.notAnswering) }

        // A post through the broker reaches the wall (pushed, no file watching).
        let posted = Date()
        try post(broker, "Live via broker", body: "Posted while the wall was running.")
        let acknowledged = Date()
        try tmux.waitFor("the new post on the wall", deadline: 5) { $0.contains("Live via broker") }
        let postToVisible = seconds(acknowledged)

        // Killed: the wall keeps what it showed and says the broker is not answering.
        broker.stop(signal: SIGKILL)
        let killed = Date()
        let down = try tmux.waitFor("the not-answering status", deadline: 5) { screen in
            screen.contains(Self.notAnswering) && screen.contains("WALL-MARKER")
        }
        let killToStatus = seconds(killed)
        #expect(down.contains(broker.socket), "the status names the socket:\n\(down)")
        print("broker wall e2e: the status line: " + (down.lines.first { $0.contains(Self.notAnswering) } ?? ""))
        try tmux.holds("the last story and the status while the broker is down", for: 1) { screen in
            screen.contains(Self.notAnswering) && screen.contains("WALL-MARKER")
                && screen.frameProblem(width: Self.width, height: Self.height) == nil
        }

        // Back: the status clears by itself, and a post made now shows.
        let launched = Date()
        try broker.start()
        let answering = Date()
        try tmux.waitFor("the status to clear", deadline: 5) { !$0.contains(Self.notAnswering) && $0.contains("WALL-MARKER") }
        let restartToClear = seconds(answering), launchToClear = seconds(launched)
        try post(broker, "After the restart", body: "The broker came back.")
        let reposted = Date()
        try tmux.waitFor("the post made after the restart", deadline: 5) { $0.contains("After the restart") }
        let afterRestartVisible = seconds(reposted)
        print(String(format: "broker wall e2e: post → visible %.0f ms (post command %.0f ms); kill → status %.0f ms; "
                     + "broker answering → status cleared %.0f ms (%.0f ms from its launch); post after restart → visible %.0f ms",
                     postToVisible * 1000, acknowledged.timeIntervalSince(posted) * 1000, killToStatus * 1000,
                     restartToClear * 1000, launchToClear * 1000, afterRestartVisible * 1000))
        try tmux.send("q")
        #expect(try tmux.waitForExitStatus() == 0)
    }

    @Test func theBoardKeepsItsListWhileTheBrokerIsDownAndRecoversWhenItReturns() throws {
        let broker = try ScratchBroker("bb")
        try broker.start()
        defer { broker.stop() }
        try post(broker, "A story on the board", body: "Kim kept the lights on.")
        let board = ([P.binary, "--board", broker.location]).map(Shell.quote).joined(separator: " ")
        let tmux = try BoardFixture.start("XDG_STATE_HOME=\(Shell.quote(broker.directory + "/state")) " + board)
        defer { tmux.kill() }
        try tmux.waitFor("the story in the list") { BoardFixture.row($0, "A story on the board") != nil }

        broker.stop(signal: SIGKILL)
        let killed = Date()
        let down = try tmux.waitFor("the not-answering status", deadline: 5) { screen in
            screen.contains(Self.notAnswering) && BoardFixture.row(screen, "A story on the board") != nil
        }
        let killToStatus = seconds(killed)
        print("broker board e2e: the status line: " + (down.lines.first { $0.contains(Self.notAnswering) } ?? ""))
        try tmux.holds("the list and the status while the broker is down", for: 1) { screen in
            screen.contains(Self.notAnswering) && BoardFixture.row(screen, "A story on the board") != nil
        }

        let launched = Date()
        try broker.start()
        let answering = Date()
        try tmux.waitFor("the status to clear", deadline: 5) { screen in
            !screen.contains(Self.notAnswering) && BoardFixture.row(screen, "A story on the board") != nil
        }
        let restartToClear = seconds(answering), launchToClear = seconds(launched)
        try post(broker, "Posted after the restart", body: "The broker came back.")
        let reposted = Date()
        try tmux.waitFor("the post made after the restart", deadline: 5) { BoardFixture.row($0, "Posted after the restart") != nil }
        let afterRestartVisible = seconds(reposted)
        print(String(format: "broker board e2e: kill → status %.0f ms; broker answering → status cleared %.0f ms (%.0f ms from its launch); "
                     + "post after restart → listed %.0f ms", killToStatus * 1000, restartToClear * 1000, launchToClear * 1000,
                     afterRestartVisible * 1000))
        #expect(down.contains(broker.socket), "the status names the socket:\n\(down)")
        try tmux.send("q")
        #expect(try tmux.waitForExitStatus() == 0)
    }
}
