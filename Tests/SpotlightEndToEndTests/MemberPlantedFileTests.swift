import Foundation
import Testing

/// A member of the board's group can create files in its `2775` directory. These are the
/// files such a member plants there, and what root (following the README) then does: none of
/// it may write outside the directory or hand a file to the wrong group.
@Suite(.serialized) struct MemberPlantedFileTests {
    typealias P = SpotlightProcess
    typealias Person = SharedBoardTests.Person

    static let enabled = TestAccounts.canCreate

    /// Runs `tool` as `person` (e.g. `ln -s`), as they would from their own shell.
    func plant(_ person: Person, _ tool: String, _ arguments: [String]) throws {
        let result = try Checkout.run("/usr/bin/setpriv", ["--reuid=\(person.uid)", "--regid=\(person.gid)", "--init-groups", tool] + arguments)
        try #require(result.status == 0, "\(tool) \(arguments) as \(person.login): \(result.all)")
    }

    /// A root-owned file outside the board's directory, in a group the staff are not in.
    func victim(_ host: SharedBoardTests.Host) throws -> String {
        let path = host.base + "/shadow-like"
        try "root:secret\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o640)
        return path
    }

    func facts(_ path: String) -> (uid: uid_t, gid: gid_t, mode: mode_t)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_uid, info.st_gid, info.st_mode & 0o7777)
    }

    @Test(.enabled(if: enabled, "needs root with useradd, groupadd and setpriv: it creates real accounts"), .timeLimit(.minutes(3)))
    func rootsRestoreNeverFollowsALinkAMemberPlantedAtTheBoardPath() throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, alice, _, _) = try SharedBoardTests().setUp(accounts)
        let backup = host.base + "/backup.json"
        #expect(try host.runAsRoot(["export", "-o", backup]).status == 0)

        // Alice plants a dangling link where the README's restore will create the board.
        try FileManager.default.removeItem(atPath: host.board)
        let target = host.base + "/made-by-root.sqlite"
        try plant(alice, "/bin/ln", ["-s", target, host.board])

        for arguments in [["import", backup], ["init", "--name", "Restored"], ["demo"]] {
            let result = try host.runAsRoot(arguments)
            #expect(result.status == 1, "\(arguments): \(result.all)")
            #expect(result.stderr.contains("the board path \(host.board) is a symbolic link (to \(target))"), "\(result.stderr)")
            #expect(result.stderr.contains("rm \(host.board)") && result.stderr.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: target), "\(arguments) created a root-owned board at the link's target")
        }
        // Once the link is gone the same restore works, and the board is a plain file.
        try FileManager.default.removeItem(atPath: host.board)
        let restored = try host.runAsRoot(["import", backup])
        #expect(restored.status == 0, "\(restored.all)")
        var info = stat()
        #expect(lstat(host.board, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    }

    @Test(.enabled(if: enabled, "needs root with useradd, groupadd and setpriv: it creates real accounts"), .timeLimit(.minutes(3)),
          arguments: ["-wal", "-shm"])
    func doctorTellsToRemoveALinkedJournalFileAndNeverToChangeItsTarget(_ suffix: String) throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, alice, bob, _) = try SharedBoardTests().setUp(accounts)
        let victim = try victim(host)
        let before = try #require(facts(victim))
        let link = host.board + suffix
        try plant(alice, "/bin/ln", ["-s", victim, link])

        for person in [alice, bob] {
            let doctor = try host.run(person, ["doctor"])
            #expect(doctor.status == 1)
            #expect(doctor.stdout.contains("problem: \(link) is a symbolic link (to \(victim))"), "\(doctor.stdout)")
            #expect(doctor.stdout.contains("fix: sudo rm \(link)"), "\(doctor.stdout)")
            // No fix that, followed literally, would hand the target to the staff group.
            #expect(!doctor.stdout.contains("chgrp \(host.group) \(link)") && !doctor.stdout.contains("chmod g+rw \(link)"),
                    "\(doctor.stdout)")
            #expect(doctor.stdout.contains("SQLite refuses to open the board \(host.board) because \(link) is a symbolic link"),
                    "board status should name the link: \(doctor.stdout)")
        }
        let list = try host.run(bob, ["list"])
        #expect(list.status == 1)
        #expect(list.stderr.contains("because \(link) is a symbolic link (to \(victim))"), "\(list.stderr)")
        #expect(!list.stderr.contains("check that it exists"))
        let after = try #require(facts(victim))
        #expect(after == before, "the link's target was changed")
        #expect(FileManager.default.contents(atPath: victim) == Data("root:secret\n".utf8))

        // The fix works: with the link gone the board is healthy again.
        try FileManager.default.removeItem(atPath: link)
        let healthy = try host.run(alice, ["doctor"])
        #expect(healthy.status == 0 && !healthy.stdout.contains("problem:"), "\(healthy.stdout)")
    }

    @Test(.enabled(if: enabled, "needs root with useradd, groupadd and setpriv: it creates real accounts"), .timeLimit(.minutes(3)))
    func aPlantedPartialFileNeitherRedirectsNorBlocksRootsExport() throws {
        let accounts = TestAccounts()
        defer { accounts.removeAll() }
        let (host, alice, _, _) = try SharedBoardTests().setUp(accounts)
        let victim = try victim(host)
        let out = host.directory + "/backup.json"
        let issue = host.directory + "/issue.md"
        // The names the old writer used: a link to redirect it, a directory to block it.
        try plant(alice, "/bin/ln", ["-s", victim, out + ".partial"])
        try plant(alice, "/bin/mkdir", [issue + ".partial"])

        let exported = try host.runAsRoot(["export", "-o", out])
        #expect(exported.status == 0, "\(exported.all)")
        let newsletter = try host.runAsRoot(["newsletter", "--since", "2020-01-01", "-o", issue])
        #expect(newsletter.status == 0, "\(newsletter.all)")
        #expect(FileManager.default.contents(atPath: victim) == Data("root:secret\n".utf8), "the export was redirected")
        #expect((try? String(contentsOfFile: out, encoding: .utf8))?.contains("\"format\" : \"spotlight-board\"") == true)
        #expect(FileManager.default.fileExists(atPath: issue))
        var info = stat()
        #expect(lstat(out, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    }
}
