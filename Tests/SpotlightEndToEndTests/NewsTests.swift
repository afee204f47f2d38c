import Foundation
import Testing
import SpotlightApp
@testable import spotlight

/// Issue 15, for real: Alice posts and recognises Bob's story while Bob is away; Bob's login line
/// and board show exactly that as new; once he has read it, nothing is new. Real accounts on the
/// README's shared board, each with their own state folder.
@Suite(.serialized) struct NewsTests {
    typealias P = SpotlightProcess
    typealias Person = SharedBoardTests.Person

    /// `spotlight …` (or the login snippet) as `person` in a terminal of its own.
    func terminal(_ host: SharedBoardTests.Host, _ person: Person, state: String, _ command: String) throws -> Tmux {
        let asPerson = "/usr/bin/setpriv --reuid=\(person.uid) --regid=\(person.gid) --init-groups "
        var environment: [String: String?] = [:]
        for (key, value) in host.environment { environment[key] = value }
        environment["XDG_STATE_HOME"] = state
        environment["SPOTLIGHT_BIN"] = P.binaryForOthers
        return try Tmux(command: asPerson + command + "; echo EXIT=$?; read line", width: 100, height: 30, environment: environment)
    }

    func board(_ host: SharedBoardTests.Host, _ person: Person, state: String) throws -> Tmux {
        try terminal(host, person, state: state, Shell.quote(P.binaryForOthers))
    }

    func loginLine(_ host: SharedBoardTests.Host, _ person: Person, state: String) throws -> Tmux.Screen {
        let snippet = ReachableCopy.of(Checkout.root + "/Deploy/profile.d/spotlight-news.sh")
        let tmux = try terminal(host, person, state: state, "/bin/sh -c " + Shell.quote(". " + Shell.quote(snippet)))
        defer { tmux.kill() }
        #expect(try tmux.waitForExitStatus() == 0)
        return try tmux.capture()
    }

    @Test(.enabled(if: TestAccounts.canCreate,
                   "needs root with useradd, groupadd and setpriv: it creates real accounts (CI runs as root); not run as this user"),
          .timeLimit(.minutes(3)))
    func whatAliceDidWhileBobWasAwayIsNewForBobUntilHeHasSeenIt() throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, alice, bob, _) = try SharedBoardTests().setUp(accounts)
        let state = host.base + "/bob-state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        #expect(chown(state, bob.uid, bob.gid) == 0 && chmod(state, 0o700) == 0)

        // Bob posts, then looks at the board once: his first visit.
        let posted = try host.run(bob, ["post", "--title", "Bob's story about Carla", "--hero", "Carla", "--body", "Thanks"])
        #expect(posted.status == 0, "\(posted.all)")
        let bobsStory = try #require(SharedBoardTests().storyID(posted))
        let first = try board(host, bob, state: state)
        try first.waitFor("the first-visit welcome") { $0.contains("Welcome to the board") }
        try first.send("q")
        #expect(try first.waitForExitStatus() == 0)
        first.kill()
        #expect(try loginLine(host, bob, state: state).lines.filter { !$0.isEmpty } == ["EXIT=0"], "nothing new yet")

        // While Bob is away, Alice posts twice and upvotes Bob's story.
        for title in ["Alice thanks the night shift", "Alice thanks Facilities"] {
            #expect(try host.run(alice, ["post", "--title", title, "--hero", "Night shift", "--body", "Thanks"]).status == 0)
        }
        #expect(try host.run(alice, ["upvote", bobsStory]).status == 0)

        let banner = try loginLine(host, bob, state: state)
        #expect(banner.contains("2 new stories since your last visit"), "\(banner)")

        // Bob opens the board: For you holds exactly Alice's two stories, marked; the summary says it.
        let back = try board(host, bob, state: state)
        let screen = try back.waitFor("For you with the summary") { $0.contains("[For you]") && $0.contains("new stories") }
        #expect(screen.contains("2 new stories and 1 vote on yours since earlier today"), "\(screen)")
        let rows = screen.lines.filter { $0.contains("•") }
        #expect(rows.count == 2 && rows.contains { $0.contains("Alice thanks the night shift") }
                && rows.contains { $0.contains("Alice thanks Facilities") }, "\(screen)")
        #expect(!screen.contains("Bob's story about Carla"), "his own story is not news to him")
        try back.send("q")
        #expect(try back.waitForExitStatus() == 0)
        back.kill()

        // Seen: nothing is new any more, on the board or at login.
        let again = try board(host, bob, state: state)
        let quiet = try again.waitFor("the board again") { $0.contains("[Hot]") && $0.contains("Nothing new") }
        #expect(!quiet.contains("For you") && !quiet.lines.contains { $0.contains("•") }, "\(quiet)")
        try again.send("q")
        #expect(try again.waitForExitStatus() == 0)
        again.kill()
        #expect(try loginLine(host, bob, state: state).lines.filter { !$0.isEmpty } == ["EXIT=0"])
    }

    /// `spotlight news` reads the marks and never writes them; text, JSON and the banner line agree.
    @Test func newsListsWhatIsUnseenInTextJSONAndOneBannerLine() throws {
        let dir = P.scratch("news-cli")
        let board = dir + "/board.sqlite"
        #expect(try P.run(["demo", "--board", board]).status == 0)
        let environment = ["XDG_STATE_HOME": dir + "/state"]
        let first = try P.run(["news", "--board", board], environment: environment)
        #expect(first.status == 0 && first.stdout.contains("No last visit on record"), "\(first.stderr)")
        #expect(try P.run(["news", "--banner", "--board", board], environment: environment).stdout.isEmpty)

        // Marks as a board closed after story 27 would leave them (identity read from the board).
        let identity = try P.sqlite(board, "SELECT at || '-' || actor FROM audit ORDER BY id LIMIT 1")
        let audit = try P.sqlite(board, "SELECT max(id) FROM audit")
        let marks = #"{"version":1,"board":"\#(identity)","seenThrough":27,"seenAbove":[29],"auditThrough":\#(audit),"visitedAt":"2026-11-28T09:00:00Z"}"#
        let target = VisitFile(boardPath: board, environment: environment).path
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try marks.write(toFile: target, atomically: true, encoding: .utf8)
        let text = try P.run(["news", "--board", board], environment: environment)
        #expect(text.status == 0 && text.stdout.contains("2 new stories"), "\(text.stderr)")
        #expect(text.stdout.contains("#28") && text.stdout.contains("#30") && !text.stdout.contains("#29"), "\(text.stdout)")
        let json = try P.run(["news", "--json", "--board", board], environment: environment)
        let decoded = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
        #expect((decoded?["stories"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }.sorted() == [28, 30])
        let banner = try P.run(["news", "--banner", "--board", board], environment: environment)
        #expect(banner.stdout == "2 new stories since your last visit — type `spotlight`\n")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == marks, "news never writes the marks")
    }
}
