import Foundation
import Testing

/// What one member of the README's shared board can do to the others (issue 11), as real
/// accounts: a typed teller's name, an invisible character in a name, `sqlite3` on the file,
/// and a lock held on `-shm`.
@Suite(.serialized) struct SharedBoardMemberTests {
    typealias Person = SharedBoardTests.Person
    let shared = SharedBoardTests()

    func person(_ accounts: TestAccounts, _ host: SharedBoardTests.Host, _ prefix: String, fullName: String) throws -> Person {
        let login = prefix + host.group.dropFirst("spotlight-".count)
        let ids = try accounts.addUser(login, groups: [host.group], fullName: fullName)
        return Person(login: login, uid: ids.uid, gid: ids.gid)
    }

    @Test(.enabled(if: TestAccounts.canCreate, "needs root with useradd, groupadd and setpriv (CI runs as root)"), .timeLimit(.minutes(5)))
    func aTypedTellerNeverHidesTheAccountAndStatsCreditTheAccount() throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, _, bob, carol) = try shared.setUp(accounts)
        for title in ["Quarterly numbers were perfect", "The board meeting went well"] {
            let posted = try host.run(bob, ["post", "--title", title, "--hero", "Finance", "--body", "Thanks.",
                                            "--on-behalf-of", "Dana Manager (CEO)"])
            #expect(posted.status == 0, "\(posted.all)")
        }
        // The wall as the login banner and carol (outside the group, read-only) see it.
        let snapshot = try host.run(carol, ["snapshot", "--width", "100", "--height", "30"])
        #expect(snapshot.stdout.contains("told by Dana Manager (CEO) · posted by \(bob.login)"), "\(snapshot.all)")
        let stats = try host.runAsRoot(["stats"])
        #expect(stats.status == 0, "\(stats.all)")
        let tellers = try #require(stats.stdout.components(separatedBy: "Most active storytellers").last)
        #expect(tellers.contains(bob.login) && !tellers.contains("Dana"), "\(stats.stdout)")
    }

    @Test(.enabled(if: TestAccounts.canCreate, "needs root with useradd, groupadd and setpriv (CI runs as root)"), .timeLimit(.minutes(5)))
    func aZeroWidthSpaceInTheHeroGetsNobodyAMedallionFromThemselves() throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, _, bob, _) = try shared.setUp(accounts)
        let mallory = try person(accounts, host, "spm", fullName: "Mallory Staff")
        // Mallory's friend Bob posts the story; the hero's name hides a U+200B.
        let posted = try host.run(bob, ["post", "--title", "Mallory saved the quarter", "--hero", "Mallory\u{200B} Staff", "--body", "x"])
        #expect(posted.status == 0, "\(posted.all)")
        let id = try #require(shared.storyID(posted))
        let medal = try host.run(mallory, ["medal", id])
        #expect(medal.status == 3, "\(medal.all)")
        #expect(medal.stderr.contains("you cannot give a medallion for your own story or to yourself"), "\(medal.stderr)")
        #expect(try P.sqlite(host.board, "SELECT count(*) FROM medallions") == "0")
        // The stored name is exactly what was typed.
        #expect(try P.sqlite(host.board, "SELECT hex(hero) FROM stories") == "4D616C6C6F7279E2808B205374616666")
    }

    @Test(.enabled(if: TestAccounts.canCreate, "needs root with useradd, groupadd and setpriv (CI runs as root)"), .timeLimit(.minutes(5)))
    func doctorReportsAMembersSqlite3EditsAndRootsWriteIsNotSilentlyUndone() throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, alice, bob, _) = try shared.setUp(accounts)
        let posted = try host.run(alice, ["post", "--title", "Alice's own story", "--hero", "Pat", "--body", "x"])
        let id = try #require(shared.storyID(posted))
        #expect(try host.runAsRoot(["managers", "add", bob.login]).status == 0)
        #expect(try host.runAsRoot(["doctor"]).stdout.contains("audit           every change has its record"))

        // Bob, a member, edits the board file with sqlite3 as himself.
        let edit = try Checkout.run("/usr/bin/setpriv", ["--reuid=\(bob.uid)", "--regid=\(bob.gid)", "--init-groups", "/usr/bin/sqlite3", host.board, """
            UPDATE stories SET votes = 999, author = '\(bob.login)' WHERE id = \(id);
            CREATE TRIGGER stay AFTER DELETE ON managers BEGIN INSERT INTO managers VALUES (old.login, old.added_by, old.added_at); END;
            """])
        try #require(edit.status == 0, "\(edit.all)")

        // Root's `managers remove` is refused, not quietly undone by the trigger.
        let removed = try host.runAsRoot(["managers", "remove", bob.login])
        #expect(removed.status == 1, "\(removed.all)")
        #expect(removed.stderr.contains("was changed outside spotlight (a trigger stay on managers that spotlight did not make); nothing was written"),
                "\(removed.stderr)")
        #expect(try P.sqlite(host.board, "SELECT count(*) FROM audit WHERE action = 'remove-manager'") == "0")

        let doctor = try host.runAsRoot(["doctor"])
        #expect(doctor.status == 1)
        for finding in ["a trigger stay on managers that spotlight did not make", "story #\(id) shows 999 votes but 0 were cast",
                        "story #\(id) is credited to \(bob.login) but was posted by \(alice.login)"] {
            #expect(doctor.stdout.contains("problem: changed outside spotlight: " + finding), "\(finding)\n\(doctor.stdout)")
        }
        #expect(doctor.stdout.contains("integrity       ok"))
    }

    @Test(.enabled(if: TestAccounts.canCreate, "needs root with useradd, groupadd and setpriv (CI runs as root)"), .timeLimit(.minutes(5)))
    func aMemberHoldingTheShmLocksIsNamedByTheWriterAndByDoctor() throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, alice, bob, _) = try shared.setUp(accounts)
        // The board is open (as the lobby wall keeps it), so its -shm exists.
        let holder = try BoardHolder(board: host.board, as: alice, environment: host.environment)
        defer { holder.stop() }
        let locker = try ShmLocker(shm: host.board + "-shm", as: bob)
        defer { locker.stop() }

        let started = Date()
        let post = try host.run(alice, ["post", "--title", "Blocked", "--hero", "X", "--body", "x"])
        #expect(post.status == 1, "\(post.all)")
        #expect(Date().timeIntervalSince(started) >= 9, "the writer waits out its busy timeout first")
        #expect(post.stderr.contains("stayed locked for too long: pid \(locker.pid) (python3, account \(bob.login)) holds the write lock (byte 120 of board.sqlite-shm)"),
                "\(post.stderr)")

        let doctor = try host.run(alice, ["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("locks           problem: pid \(locker.pid) (python3, account \(bob.login)) holds the write lock"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("locks           problem: pid \(locker.pid) (python3, account \(bob.login)) holds the checkpoint lock (byte 121"))
        #expect(doctor.stdout.contains("fix: every writer waits for it and then fails; stop that process (kill \(locker.pid))"))
        locker.stop()
        #expect(try host.run(alice, ["post", "--title", "Free again", "--hero", "X", "--body", "x"]).status == 0)
    }
}

private typealias P = SpotlightProcess

/// A member's process holding `lockf` locks on bytes 120 and 121 of the board's `-shm`, as
/// any member can (the file is group-writable); python3, as `person`, until stopped.
final class ShmLocker {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    var pid: Int32 { process.processIdentifier }

    init(shm: String, as person: SharedBoardTests.Person) throws {
        let script = """
            import fcntl, os, sys
            fd = os.open(sys.argv[1], os.O_RDWR)
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 120)
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 121)
            print("locked", flush=True)
            sys.stdin.read()
            """
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=\(person.uid)", "--regid=\(person.gid)", "--init-groups", "/usr/bin/python3", "-c", script, shm]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("locked") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        try #require(String(decoding: seen, as: UTF8.self).contains("locked"), "python3 could not lock the -shm")
    }

    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
