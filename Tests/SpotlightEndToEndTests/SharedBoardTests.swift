import Foundation
import Testing

/// Real OS accounts for a test, removed again afterwards (also when the test fails).
final class TestAccounts {
    private(set) var users: [String] = []
    private(set) var groups: [String] = []

    func addGroup(_ name: String) throws {
        let result = try Checkout.run("/usr/sbin/groupadd", [name])
        try #require(result.status == 0, "groupadd \(name): \(result.all)")
        groups.append(name)
    }

    /// An account with its own private group (Debian's default), in `groups` as well.
    func addUser(_ name: String, groups extra: [String] = [], fullName: String? = nil) throws -> (uid: uid_t, gid: gid_t) {
        var arguments = ["--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "--user-group"]
        if !extra.isEmpty { arguments += ["--groups", extra.joined(separator: ",")] }
        if let fullName { arguments += ["--comment", fullName] }
        let result = try Checkout.run("/usr/sbin/useradd", arguments + [name])
        try #require(result.status == 0, "useradd \(name): \(result.all)")
        users.append(name)
        let entry = try #require(getpwnam(name))
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }

    func removeAll() {
        for user in users.reversed() { _ = try? Checkout.run("/usr/sbin/userdel", [user]) }
        for group in groups.reversed() { _ = try? Checkout.run("/usr/sbin/groupdel", [group]) }
        users = []
        groups = []
    }

    deinit { removeAll() }

    static var canCreate: Bool {
        getuid() == 0 && ["/usr/sbin/useradd", "/usr/sbin/userdel", "/usr/sbin/groupadd", "/usr/sbin/groupdel", "/usr/bin/setpriv"]
            .allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// The README's shared board, for real: a `spotlight` group, the directory 2775 and the board
/// 0664, a system config naming it, and three accounts — two staff in the group (one of them a
/// manager) and one outside it — each running the binary as themselves (`setpriv`).
@Suite(.serialized) struct SharedBoardTests {
    typealias P = SpotlightProcess

    struct Person {
        let login: String
        let uid: uid_t
        let gid: gid_t
    }

    /// The shared host: paths, the environment every account sees, and the people.
    struct Host {
        let base: String
        let directory: String
        var board: String { directory + "/board.sqlite" }
        let group: String
        let environment: [String: String]

        /// Runs the binary as `person`: their uid, their primary group and their groups from
        /// the group database, exactly as after logging in.
        func run(_ person: Person, _ arguments: [String]) throws -> Checkout.Output {
            try Checkout.run("/usr/bin/setpriv", ["--reuid=\(person.uid)", "--regid=\(person.gid)", "--init-groups", P.binaryForOthers] + arguments,
                             environment: environment)
        }

        func runAsRoot(_ arguments: [String]) throws -> Checkout.Output {
            try Checkout.run(P.binary, arguments, environment: environment)
        }
    }

    /// The admin's steps from the README, with a unique group name so a real `spotlight`
    /// group on the machine is never touched.
    func setUp(_ accounts: TestAccounts) throws -> (Host, alice: Person, bob: Person, carol: Person) {
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let group = "spotlight-\(tag)"
        try accounts.addGroup(group)
        let a = try accounts.addUser("spa\(tag)", groups: [group])
        let b = try accounts.addUser("spb\(tag)", groups: [group])
        let c = try accounts.addUser("spc\(tag)")
        let alice = Person(login: "spa\(tag)", uid: a.uid, gid: a.gid)
        let bob = Person(login: "spb\(tag)", uid: b.uid, gid: b.gid)
        let carol = Person(login: "spc\(tag)", uid: c.uid, gid: c.gid)

        let base = P.scratch("shared")
        chmod(base, 0o755)
        // sudo install -d -m 2775 -g spotlight /var/lib/spotlight
        let directory = base + "/var-lib-spotlight"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let groupID = try #require(getgrnam(group)).pointee.gr_gid
        #expect(chown(directory, 0, groupID) == 0)
        #expect(chmod(directory, 0o2775) == 0)
        // /etc/xdg/spotlight/config.toml
        try FileManager.default.createDirectory(atPath: base + "/etc-xdg/spotlight", withIntermediateDirectories: true)
        try "board = \"\(directory)/board.sqlite\"\n".write(toFile: base + "/etc-xdg/spotlight/config.toml", atomically: true, encoding: .utf8)
        chmod(base + "/etc-xdg/spotlight/config.toml", 0o644)
        let environment = ["XDG_CONFIG_DIRS": base + "/etc-xdg", "XDG_CONFIG_HOME": base + "/no-config", "HOME": "/nonexistent",
                           "SPOTLIGHT_BOARD": "", "LANG": "C.UTF-8"]
        let host = Host(base: base, directory: directory, group: group, environment: environment)

        // sudo spotlight init; sudo chmod 0664 board.sqlite; sudo spotlight managers add alice
        let created = try host.runAsRoot(["init", "--name", "Shared host"])
        try #require(created.status == 0, "init: \(created.all)")
        #expect(chmod(host.board, 0o664) == 0)
        let manager = try host.runAsRoot(["managers", "add", alice.login])
        #expect(manager.status == 0, "managers add: \(manager.all)")
        return (host, alice, bob, carol)
    }

    func storyID(_ output: Checkout.Output) -> String? {
        output.all.firstMatch(of: /#(\d+)/).map { String($0.1) }
    }

    @Test(.enabled(if: TestAccounts.canCreate,
                   "needs root with useradd, groupadd and setpriv: it creates real accounts (CI runs as root); not run as this user"),
          .timeLimit(.minutes(5)))
    func twoStaffInTheGroupPostAndVoteOnlyTheManagerPinsAndAnOutsiderIsToldWhy() throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, alice, bob, carol) = try setUp(accounts)

        // Both members see a clean bill of health.
        for person in [alice, bob] {
            let doctor = try host.run(person, ["doctor"])
            #expect(doctor.status == 0, "doctor as \(person.login):\n\(doctor.all)")
            #expect(doctor.stdout.contains("shared through group \(host.group)"), "\(doctor.stdout)")
            #expect(doctor.stdout.contains("access          read-write"))
            #expect(!doctor.stdout.contains("problem:"), "\(doctor.stdout)")
        }
        #expect(try host.run(alice, ["doctor"]).stdout.contains("role            manager"))
        #expect(try host.run(bob, ["doctor"]).stdout.contains("role            staff"))

        // Alice keeps the board open (as the lobby wall would), so SQLite's -wal and -shm stay:
        // they are hers, made with her umask, and Bob must still be able to write through them.
        let holder = try BoardHolder(board: host.board, as: alice, environment: host.environment)
        defer { holder.stop() }
        for suffix in ["-wal", "-shm"] {
            var info = stat()
            #expect(stat(host.board + suffix, &info) == 0, "\(suffix) should exist while the board is open")
            #expect(info.st_uid == alice.uid)
            #expect(info.st_gid == getgrnam(host.group)!.pointee.gr_gid, "\(suffix) must get the board's group (setgid directory)")
            #expect(info.st_mode & 0o060 == 0o060, "\(suffix) must be group-writable, got \(String(info.st_mode & 0o777, radix: 8))")
        }

        let alicePost = try host.run(alice, ["post", "--title", "Bob calmed a furious caller", "--hero", "Bob", "--body", "He listened."])
        #expect(alicePost.status == 0, "alice post: \(alicePost.all)")
        let bobPost = try host.run(bob, ["post", "--title", "Alice fixed the printer queue", "--hero", "Alice", "--body", "Before close."])
        #expect(bobPost.status == 0, "bob post: \(bobPost.all)")
        let aliceStory = try #require(storyID(alicePost)), bobStory = try #require(storyID(bobPost))

        #expect(try host.run(bob, ["upvote", aliceStory]).status == 0)
        #expect(try host.run(alice, ["upvote", bobStory]).status == 0)

        let bobPins = try host.run(bob, ["pin", aliceStory, "--note", "Story of the week"])
        #expect(bobPins.status == 3, "staff may not pin: \(bobPins.all)")
        #expect(bobPins.stderr.contains("manager"), "\(bobPins.stderr)")
        let alicePins = try host.run(alice, ["pin", bobStory, "--note", "Story of the week"])
        #expect(alicePins.status == 0, "the manager pins: \(alicePins.all)")

        // Carol is not in the group: she can read, and every way she tries to write says why.
        let carolList = try host.run(carol, ["list"])
        #expect(carolList.status == 0 && carolList.stdout.contains("Bob calmed a furious caller"))
        let carolPost = try host.run(carol, ["post", "--title", "Let me in", "--hero", "Carol", "--body", "x"])
        #expect(carolPost.status == 3, "\(carolPost.all)")
        #expect(carolPost.stderr.contains("read-only"), "\(carolPost.stderr)")
        let carolDoctor = try host.run(carol, ["doctor"])
        #expect(carolDoctor.status == 1)
        #expect(carolDoctor.stdout.contains("you (\(carol.login)) are not in the board's group \(host.group): you can read stories but not post or vote"), "\(carolDoctor.stdout)")
        #expect(carolDoctor.stdout.contains("sudo usermod -aG \(host.group) \(carol.login)"))
        #expect(carolDoctor.stdout.contains("because you are not in the board's group"), "\(carolDoctor.stdout)")
        holder.stop()

        // What is on the board is exactly what the three of them did.
        #expect(try P.sqlite(host.board, "SELECT author FROM stories ORDER BY id") == "\(alice.login)\n\(bob.login)")
        #expect(try P.sqlite(host.board, "SELECT voter || '>' || story_id FROM votes ORDER BY voter")
                == "\(alice.login)>\(bobStory)\n\(bob.login)>\(aliceStory)")
        #expect(try P.sqlite(host.board, "SELECT pinned_by || '>' || id FROM stories WHERE pinned_by IS NOT NULL")
                == "\(alice.login)>\(bobStory)")
        #expect(try P.sqlite(host.board, "PRAGMA integrity_check") == "ok")
    }

    @Test(.enabled(if: TestAccounts.canCreate,
                   "needs root with useradd, groupadd and setpriv: it creates real accounts (CI runs as root); not run as this user"),
          .timeLimit(.minutes(5)))
    func doctorFindsEachWrongPermissionOnTheRealBoard() throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, alice, _, _) = try setUp(accounts)

        // The board file left as SQLite made it (0644): members can only read.
        chmod(host.board, 0o644)
        var doctor = try host.run(alice, ["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("is not group-writable (mode 0644)") && doctor.stdout.contains("fix: sudo chmod g+rw \(host.board)"),
                "\(doctor.stdout)")
        let refused = try host.run(alice, ["post", "--title", "Blocked", "--hero", "X", "--body", "x"])
        #expect(refused.status == 3, "\(refused.all)")
        chmod(host.board, 0o664)

        // The directory without setgid, and not group-writable.
        chmod(host.directory, 0o755)
        doctor = try host.run(alice, ["doctor"])
        #expect(doctor.stdout.contains("fix: sudo chmod 2775 \(host.directory)"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("fix: sudo chmod g+s \(host.directory)"))
        chmod(host.directory, 0o2775)

        // A stale -shm of someone's private group, mode 0644.
        let shm = host.board + "-shm"
        _ = FileManager.default.createFile(atPath: shm, contents: Data(count: 32768))
        chown(shm, alice.uid, alice.gid)
        chmod(shm, 0o644)
        doctor = try host.run(alice, ["doctor"])
        #expect(doctor.stdout.contains("fix: sudo chgrp \(host.group) \(shm)"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("fix: sudo chmod g+rw \(shm)"))
        // (doctor's own open may already have cleaned it up, as the last connection to close)
        try? FileManager.default.removeItem(atPath: shm)

        // And back to the documented setup: nothing to report.
        doctor = try host.run(alice, ["doctor"])
        #expect(doctor.status == 0 && !doctor.stdout.contains("problem:"), "\(doctor.stdout)")
    }

    @Test(.enabled(if: TestAccounts.canCreate,
                   "needs root with useradd, groupadd and setpriv: it creates real accounts (CI runs as root); not run as this user"))
    func aPrivateDirectoryOrBoardTellsAnOutsiderWhichGroupToJoin() throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, _, _, carol) = try setUp(accounts)
        chmod(host.directory, 0o2770)
        let result = try host.run(carol, ["list"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("the directory \(host.directory) (root:\(host.group) 2770) does not let \(carol.login) in"), "\(result.stderr)")
        #expect(result.stderr.contains("only its members may open it"), "\(result.stderr)")
        #expect(result.stderr.contains("sudo usermod -aG \(host.group) \(carol.login)"), "\(result.stderr)")

        // A members-only board (0660) in an open directory: the same advice on reading.
        chmod(host.directory, 0o2775)
        chmod(host.board, 0o660)
        let unreadable = try host.run(carol, ["list"])
        #expect(unreadable.status == 3)
        #expect(unreadable.stderr.contains("cannot read the board \(host.board): permission denied"), "\(unreadable.stderr)")
        #expect(unreadable.stderr.contains("only its members may read it — ask an admin to add you: sudo usermod -aG \(host.group) \(carol.login)"),
                "\(unreadable.stderr)")
        #expect(unreadable.stderr.split(separator: "\n").count == 1)
    }
}

/// Keeps a board open with the sqlite3 shell (reads only; as `person` when given), so the
/// board's `-wal` and `-shm` files exist, as they do while a wall is running.
final class BoardHolder {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(board: String, as person: SharedBoardTests.Person? = nil, environment: [String: String]? = nil) throws {
        if let person {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(person.uid)", "--regid=\(person.gid)", "--init-groups", "/usr/bin/sqlite3", board]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [board]
        }
        if let environment { process.environment = environment }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("SELECT 'open:' || count(*) FROM stories;\n".utf8))
        // Wait until the shell has answered: the board is open from then on.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("open:") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
    }

    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
