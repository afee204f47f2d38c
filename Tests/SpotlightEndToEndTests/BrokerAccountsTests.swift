import Foundation
import Testing

/// Issue 13's proof with real accounts: members reach the board only through the broker, the
/// kernel names them, and the forgeries of the shared-file mode (manager rights, vote counts,
/// authorship, triggers, locks) are impossible; an outsider is refused at connect.
@Suite(.serialized) struct BrokerAccountsTests {
    static let curl = Checkout.which("curl")

    func storyID(_ output: Checkout.Output) -> String? {
        output.all.firstMatch(of: /#(\d+)/).map { String($0.1) }
    }

    @Test(.enabled(if: TestAccounts.canCreate && curl != nil,
                   "needs root with useradd, groupadd and setpriv, and curl: it creates real accounts (CI runs as root)"),
          .timeLimit(.minutes(5)))
    func staffVoteOnEachOtherThroughTheBrokerOnlyTheManagerPinsAndNobodyForgesAnything() throws {
        let host = try BrokerHost()
        try host.startBroker()
        // The service account made the board, so it is the first manager; it names Alice.
        let named = try host.run(host.service, ["managers", "add", host.alice.login])
        #expect(named.status == 0, "\(named.all)")

        // Two staff post and vote on each other's stories, through the broker.
        let alicePost = try host.run(host.alice, ["post", "--title", "Alice's call", "--hero", "Bob Staff", "--body", "x"])
        let bobPost = try host.run(host.bob, ["post", "--title", "Bob's save", "--hero", "Alice Manager", "--body", "y"])
        #expect(alicePost.status == 0 && bobPost.status == 0, "\(alicePost.all)\(bobPost.all)")
        let aliceStory = try #require(storyID(alicePost)), bobStory = try #require(storyID(bobPost))
        #expect(try host.run(host.bob, ["upvote", aliceStory]).status == 0)
        #expect(try host.run(host.alice, ["upvote", bobStory]).status == 0)
        let listed = try host.run(host.bob, ["list", "--json"])
        #expect(listed.status == 0, "\(listed.all)")
        let stories = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(stories.count == 2)
        for story in stories {
            #expect(story["votes"] as? Int == 1, "\(story)")
            let expectedAuthor = (story["title"] as? String) == "Alice's call" ? host.alice.login : host.bob.login
            #expect(story["author"] as? String == expectedAuthor, "\(story)")
        }

        // Only the manager pins; Bob cannot make himself a manager.
        #expect(try host.run(host.alice, ["pin", bobStory]).status == 0)
        let bobPins = try host.run(host.bob, ["pin", aliceStory])
        #expect(bobPins.status == 3, "\(bobPins.all)")
        let bobPromotes = try host.run(host.bob, ["managers", "add", host.bob.login])
        #expect(bobPromotes.status == 3, "\(bobPromotes.all)")

        // The board file is out of reach: spotlight, sqlite3 and a lock on -shm all fail.
        let direct = try host.run(host.bob, ["list", "--board", host.board])
        #expect(direct.status != 0, "\(direct.all)")
        let edit = try host.runProgram(host.bob, "/usr/bin/sqlite3", [host.board, "UPDATE stories SET votes = 999; CREATE TRIGGER t AFTER INSERT ON votes BEGIN SELECT 1; END;"])
        #expect(edit.status != 0, "sqlite3 as a member must fail: \(edit.all)")
        let lock = try host.runProgram(host.bob, "/usr/bin/flock", ["--nonblock", host.board + "-shm", "true"])
        #expect(lock.status != 0, "a member must not be able to lock -shm: \(lock.all)")

        // Speaking HTTP by hand changes nothing about who acts: fields and headers naming
        // someone else, or counts, are ignored or refused.
        let curl = try #require(Self.curl)
        let forged = try host.runProgram(host.bob, curl, [
            "-s", "--unix-socket", host.socket, "-X", "POST", "http://localhost/v1/stories",
            "-H", "Content-Type: application/json", "-H", "X-Remote-User: \(host.alice.login)", "-H", "Spotlight-Client: \(host.alice.login)",
            "--data", #"{"title":"Forged","body":"z","hero":"Someone","department":"Support","customer":"external","tags":[],"author":"\#(host.alice.login)","votes":999}"#,
        ])
        let after = try host.run(host.service, ["list", "--json"])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])
        if let forgedStory = all.first(where: { $0["title"] as? String == "Forged" }) {
            #expect(forgedStory["author"] as? String == host.bob.login, "\(forgedStory) / \(forged.all)")
            #expect(forgedStory["votes"] as? Int == 0, "\(forgedStory)")
        }
        let promote = try host.runProgram(host.bob, curl, ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--unix-socket", host.socket,
                                                           "-X", "POST", "http://localhost/v1/managers",
                                                           "-H", "Content-Type: application/json", "--data", #"{"login":"\#(host.bob.login)"}"#])
        #expect(promote.stdout == "403", "\(promote.all)")
        let managers = try host.run(host.service, ["managers", "list"])
        #expect(!managers.stdout.contains(host.bob.login), "\(managers.all)")

        // An outsider is refused at connect, told which group lets people in.
        let outsider = try host.run(host.outsider, ["list"])
        #expect(outsider.status == 3, "\(outsider.all)")
        #expect(outsider.stderr.contains(host.group), "\(outsider.stderr)")
        #expect(outsider.stderr.split(separator: "\n").count == 1, "\(outsider.stderr)")

        // doctor shows the mode, the broker's version and who the broker sees.
        let doctor = try host.run(host.bob, ["doctor"])
        #expect(doctor.stdout.contains("broker"), "\(doctor.all)")
        #expect(doctor.stdout.contains(host.bob.login), "\(doctor.all)")

        // The broker logged each connection with its account and pid.
        host.stopBroker()
        #expect(host.brokerExit == 0, "\(host.brokerOutput)")
        let brokerLog = host.brokerOutput
        #expect(brokerLog.contains(host.bob.login) && brokerLog.contains(host.alice.login), "\(brokerLog)")
    }

    @Test(.enabled(if: TestAccounts.canCreate, "needs root with useradd, groupadd and setpriv: it creates real accounts (CI runs as root)"),
          .timeLimit(.minutes(5)))
    func aCrashedBrokersSocketIsReplacedAndTwoBrokersNeverServeOneBoard() throws {
        let host = try BrokerHost()
        try host.startBroker()
        #expect(try host.run(host.bob, ["post", "--title", "Before the crash", "--hero", "H", "--body", "x"]).status == 0)
        host.stopBroker(signal: SIGKILL)
        // The socket file stays behind; a client says the broker is not answering (exit 1).
        #expect(FileManager.default.fileExists(atPath: host.socket))
        let down = try host.run(host.bob, ["list"])
        #expect(down.status == 1, "\(down.all)")
        #expect(down.stderr.contains(host.socket), "\(down.stderr)")
        // A new broker replaces the stale socket and serves the same board.
        try host.startBroker()
        let listed = try host.run(host.bob, ["list"])
        #expect(listed.stdout.contains("Before the crash"), "\(listed.all)")
        // A second broker on the same board refuses to run, naming the first.
        let second = try Checkout.run("/usr/bin/setpriv", ["--reuid=\(host.service.uid)", "--regid=\(host.service.gid)", "--init-groups",
                                                          SpotlightProcess.binaryForOthers, "serve", "--board", host.board,
                                                          "--socket", host.socket + "2", "--socket-group", host.group],
                                      environment: host.environment)
        #expect(second.status != 0, "\(second.all)")
        #expect(second.stderr.contains("another broker"), "\(second.stderr)")
        // The first still serves.
        #expect(try host.run(host.alice, ["list"]).status == 0)
    }
}
