import Foundation
import SpotlightTestSupport
import Testing

/// Issue 14 as an administrator runs it: `spotlight serve --store postgresql://…` on a private
/// cluster (`PostgresCluster`), with the binary under test (the release one in `make test`).
/// Two brokers on one database, TLS with a password file, bad input refused with one line,
/// `--adopt` lossless, and a wall that keeps its stories while PostgreSQL is away.
@Suite(.serialized) struct ServeStoreTests {
    typealias P = SpotlightProcess
    static let width = 80, height = 24

    /// Does the binary under test have PostgreSQL support? (`make` builds it with; a plain
    /// `swift build` does not.) CI's does, and there every test here must run.
    static let binaryHasPostgres: Bool = {
        let tried = try? P.run(["serve", "--store", "postgresql:///nothing?host=/nonexistent", "--socket", "/nonexistent/s"])
        return tried.map { !$0.stderr.contains("built without PostgreSQL support") } ?? false
    }()
    static let runs = ((try? PostgresTools.bin()) != nil && binaryHasPostgres)
        || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    static let why: Comment = "needs Debian's postgresql and a spotlight built with PostgreSQL support (make); always runs in CI"

    /// The binary's first line on standard error, when it said exactly one and nothing else.
    func oneLine(_ result: P.Result) -> String? {
        let lines = result.stderr.split(separator: "\n")
        return result.status != 0 && lines.count == 1 && result.stdout.isEmpty ? String(lines[0]) : nil
    }

    @Test(.enabled(if: runs, why), .timeLimit(.minutes(5)))
    func twoBrokersOverVerifiedTLSShareOneBoardAndTheAuditNamesTheHost() throws {
        #expect(Self.binaryHasPostgres, "the binary under test was built without PostgreSQL support")
        let cluster = try PostgresCluster.start(tls: true)
        defer { cluster.stop() }
        let url = try #require(cluster.tlsURL(host: "localhost"))
        let store = ["--store", url, "--store-password-file", try #require(cluster.passwordFile)]
        let lisbon = try ScratchBroker("pg-lisbon", store: store)
        let tokyo = try ScratchBroker("pg-tokyo", store: store)
        try lisbon.start()
        defer { lisbon.stop() }
        try tokyo.start()
        defer { tokyo.stop() }

        let posted = try lisbon.run(["post", "--title", "Lisbon rebooted the kiosk", "--hero", "Ana", "--body", "In five minutes."])
        try #require(posted.status == 0, "\(posted.all)")
        let pinned = try tokyo.run(["pin", "1", "--note", "Pinned from Tokyo"])
        #expect(pinned.status == 0, "\(pinned.all)")
        for broker in [lisbon, tokyo] {
            let listed = try broker.run(["list", "--json"])
            let stories = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.all)")
            #expect(stories.map { $0["title"] as? String } == ["Lisbon rebooted the kiosk"])
        }
        let export = try lisbon.run(["export"])
        #expect(export.stdout.contains("Pinned from Tokyo"), "Lisbon's broker reads Tokyo's pin")
        #expect(export.stdout.contains("\"host\" : \"\(ProcessInfo.processInfo.hostName)\""), "the audit rows name the broker's host:\n\(export.stdout.suffix(600))")
        #expect(lisbon.brokerOutput.contains("serving postgresql://spotlight@localhost:"), "\(lisbon.brokerOutput)")
    }

    @Test(.enabled(if: runs, why), .timeLimit(.minutes(5)))
    func badInputIsOneClearLineAndWritesNothing() throws {
        let cluster = try PostgresCluster.start(tls: true)
        defer { cluster.stop() }
        let ca = try #require(cluster.caFile)
        let directory = P.scratch("pg-bad")
        func started(_ store: [String]) throws -> P.Result {
            try P.run(["serve"] + store + ["--socket", directory + "/s"])
        }
        let url = try #require(cluster.tlsURL(host: "localhost"))

        // A password on the command line (it would show in `ps`).
        let inURL = try started(["--store", "postgresql://spotlight:\(cluster.password ?? "")@localhost:\(cluster.port)/spotlight?sslrootcert=\(ca)"])
        #expect(oneLine(inURL)?.contains("--store-password-file") == true, "\(inURL.all)")
        #expect(!inURL.stderr.contains(cluster.password ?? "-"), "the refusal repeats the password")
        // A wrong password; a password file others may read.
        let wrong = directory + "/wrong"
        try "not-the-password\n".write(toFile: wrong, atomically: false, encoding: .utf8)
        chmod(wrong, 0o600)
        let refused = try started(["--store", url, "--store-password-file", wrong])
        #expect(oneLine(refused)?.contains("refused the password of role spotlight") == true, "\(refused.all)")
        chmod(wrong, 0o644)
        let readable = try started(["--store", url, "--store-password-file", wrong])
        #expect(oneLine(readable)?.contains("chmod 600") == true, "\(readable.all)")
        // Nobody listening there.
        let closed = try FreePort.find()
        let unreachable = try started(["--store", "postgresql://spotlight@localhost:\(closed)/spotlight?sslrootcert=\(ca)",
                                       "--store-password-file", try #require(cluster.passwordFile)])
        #expect(oneLine(unreachable)?.contains("cannot reach PostgreSQL at localhost:\(closed)") == true, "\(unreachable.all)")

        // A database holding someone else's tables: refused, and left as it was.
        try cluster.admin("CREATE DATABASE shop")
        try cluster.admin("CREATE TABLE orders(id int PRIMARY KEY, total numeric)", database: "shop")
        let shop = "postgresql://\(PostgresCluster.adminRole)@/shop?host=\(cluster.socketDirectory)&port=\(cluster.port)"
        let foreign = try started(["--store", shop])
        #expect(oneLine(foreign)?.contains("not a Spotlight board") == true, "\(foreign.all)")
        #expect(try cluster.admin("SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE nspname = 'public'", database: "shop")
                .trimmingCharacters(in: .whitespacesAndNewlines) == "orders,orders_pkey")

        // A board made by a newer spotlight: refused, schema untouched.
        try cluster.admin("CREATE DATABASE newer")
        let newer = "postgresql://\(PostgresCluster.adminRole)@/newer?host=\(cluster.socketDirectory)&port=\(cluster.port)"
        let made = try P.run(["serve", "--store", newer, "--socket", directory + "/s", "--adopt-only", "--adopt", try BrokerAdoptTests().fullBoard()])
        try #require(made.status == 0, "\(made.all)")
        try cluster.admin("UPDATE spotlight_board SET schema_version = 99", database: "newer")
        let future = try started(["--store", newer])
        #expect(oneLine(future)?.contains("newer spotlight") == true, "\(future.all)")
        #expect(try cluster.admin("SELECT schema_version FROM spotlight_board", database: "newer") == "99\n")
        print("serve --store refusals:\n" + [inURL, refused, readable, unreachable, foreign, future].map(\.stderr).joined())
    }

    @Test(.enabled(if: runs, why), .timeLimit(.minutes(5)))
    func adoptingAFileBoardIntoPostgreSQLExportsByteForByte() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        try cluster.admin("CREATE DATABASE adopted")
        let url = "postgresql://\(PostgresCluster.adminRole)@/adopted?host=\(cluster.socketDirectory)&port=\(cluster.port)"
        let old = try BrokerAdoptTests().fullBoard()
        let before = try P.run(["export"], board: old)
        try #require(before.status == 0, "\(before.stderr)")
        let broker = try ScratchBroker("pg-adopt", store: ["--store", url])
        let adopted = try P.run(["serve", "--store", url, "--socket", broker.socket, "--adopt", old, "--adopt-only"])
        #expect(adopted.status == 0, "\(adopted.all)")
        try broker.start()
        defer { broker.stop() }
        let after = try broker.run(["export"])
        try #require(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before.stdout, "the export differs:\n\(BrokerAdoptTests.firstDifference(before.stdout, after.stdout))")
        for expected in ["Adopted with its note", "\"medallions-per-year\" : \"3\"", "Three fine cases"] {
            #expect(after.stdout.contains(expected), "missing \(expected)")
        }
        // Again into the same database: refused with one line, nothing changed.
        broker.stop()
        let again = try P.run(["serve", "--store", url, "--socket", broker.socket, "--adopt", old, "--adopt-only"])
        #expect(oneLine(again)?.contains("--adopt needs a new or empty board") == true, "\(again.all)")
        try broker.start()
        #expect(try broker.run(["export"]).stdout == before.stdout)
    }

    @Test(.enabled(if: runs, why), .timeLimit(.minutes(5)))
    func aWallKeepsItsStoriesWhilePostgreSQLIsAwayWritesFailWithOneLineAndItCatchesUp() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        try cluster.admin("CREATE DATABASE away")
        let url = "postgresql://\(PostgresCluster.adminRole)@/away?host=\(cluster.socketDirectory)&port=\(cluster.port)"
        let broker = try ScratchBroker("pg-away", store: ["--store", url])
        try broker.start()
        defer { broker.stop() }
        #expect(try broker.run(["post", "--title", "Before the outage", "--hero", "Kim", "--body", "AWAY-MARKER"]).status == 0)
        func wall() throws -> Tmux {
            let command = ([P.binary, "wall", "--board", broker.location, "--interval", "600"]).map(Shell.quote).joined(separator: " ")
            return try Tmux(command: "XDG_STATE_HOME=\(Shell.quote(broker.directory + "/state")) " + command + "; echo EXIT=$?; read line",
                            width: Self.width, height: Self.height)
        }
        let first = try wall()
        defer { first.kill() }
        try first.waitFor("the story on the wall") { $0.contains("AWAY-MARKER") }

        try cluster.pause()
        // The status names the store (cut short at 80 columns: the socket's path is long).
        let away = "PostgreSQL at " + cluster.socketDirectory
        try first.waitFor("the status line, the story kept", deadline: 10) { $0.contains(away) && $0.contains("AWAY-MARKER") }
        // A wall started now gets the broker's last answer and the status at once.
        let second = try wall()
        defer { second.kill() }
        try second.waitFor("the kept story and the status on a new wall", deadline: 10) {
            $0.contains("AWAY-MARKER") && $0.contains(away)
        }
        let refused = try broker.run(["post", "--title", "During", "--hero", "Kim", "--body", "x"])
        #expect(refused.status == 1, "\(refused.all)")
        #expect(oneLine(refused)?.contains("is not answering") == true, "\(refused.all)")

        try cluster.resume()
        let back = Date()
        for shown in [first, second] {
            try shown.waitFor("the status to clear", deadline: 10) { !$0.contains(away) && $0.contains("AWAY-MARKER") }
        }
        let cleared = Date().timeIntervalSince(back)
        var after: P.Result?
        for _ in 0..<20 {
            after = try broker.run(["post", "--title", "After the outage", "--hero", "Kim", "--body", "x"])
            if after?.status == 0 { break }
            usleep(250_000)
        }
        #expect(after?.status == 0, "\(after?.all ?? "")")
        for shown in [first, second] { try shown.waitFor("the post made afterwards", deadline: 5) { $0.contains("After the outage") } }
        print(String(format: "serve --store: PostgreSQL back → both walls' status cleared in %.0f ms", cleared * 1000))
    }
}
