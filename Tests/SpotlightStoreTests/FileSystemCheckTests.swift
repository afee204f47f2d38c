import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

/// Network filesystems are refused; each wrong permission of a shared board is found and
/// comes with its fix. `SharedBoardCheck.evaluate` is a pure function of what `stat` said, so
/// every machine is described here without touching one.
@Suite struct FileSystemCheckTests {
    @Test(arguments: [
        (UInt32(0x6969), "NFS"), (0xFF53_4D42, "CIFS"), (0xFE53_4D42, "SMB2"), (0x517B, "SMB"),
    ])
    func networkFilesystemsAreRecognisedByTheirMagic(_ magic: UInt32, _ name: String) {
        #expect(FileSystemCheck.kind(ofMagic: magic) == .network(name: name))
    }

    @Test func localFilesystemsAreLocal() {
        #expect(FileSystemCheck.kind(ofMagic: 0xEF53) == .local(name: "ext4"))
        #expect(FileSystemCheck.kind(ofMagic: 0x0102_1994) == .local(name: "tmpfs"))
        #expect(FileSystemCheck.kind(ofMagic: 0x1234) == .local(name: "type 0x1234"))
    }

    @Test func theRealTemporaryDirectoryIsLocalAndReadThroughStatfs() {
        let board = TempBoard()
        #expect(FileSystemCheck.magic(of: board.directory) != nil)
        guard case .local = FileSystemCheck.kind(ofBoard: board.path) else {
            Issue.record("a temporary directory should be local, got \(FileSystemCheck.kind(ofBoard: board.path))")
            return
        }
    }

    @Test func aMissingDirectoryIsJudgedByTheNearestExistingParent() {
        var asked: [String] = []
        let kind = FileSystemCheck.kind(ofBoard: "/mnt/share/new/board.sqlite") { path in
            asked.append(path)
            return path == "/mnt/share" ? 0x6969 : nil
        }
        #expect(kind == .network(name: "NFS"))
        #expect(asked == ["/mnt/share/new/board.sqlite", "/mnt/share/new", "/mnt/share"])
    }

    /// `BoardStore.open` calls exactly this before it looks at the file.
    @Test func aBoardOnNFSIsRefusedWithTheReason() {
        #expect {
            try FileSystemCheck.requireLocal(board: "/mnt/share/board.sqlite") { _ in 0x6969 }
        } throws: { error in
            guard let error = error as? SpotlightError else { return false }
            return error.kind == .runtime && error.message.contains("network filesystem (NFS)")
                && error.message.contains("one host") && error.message.contains("local disk")
                && !error.message.contains("\n")
        }
        #expect(throws: Never.self) { try FileSystemCheck.requireLocal(board: "/var/lib/spotlight/board.sqlite") { _ in 0xEF53 } }
    }

    @Test func openingABoardOnALocalDiskStillWorks() async throws {
        let store = try await TempBoard().open()
        await store.close()
    }

    // MARK: - Shared board permissions

    typealias Facts = SharedBoardCheck.Facts
    static let root: uid_t = 0, alice: uid_t = 1001, bob: uid_t = 1002, carol: uid_t = 1003
    static let spotlight: gid_t = 990, aliceGroup: gid_t = 1001
    static let names = SharedBoardCheck.Names(
        group: { [0: "root", 990: "spotlight", 1001: "alice", 1002: "bob", 1003: "carol"][$0] ?? "\($0)" },
        user: { [0: "root", 1001: "alice", 1002: "bob", 1003: "carol"][$0] ?? "\($0)" })
    static let path = "/var/lib/spotlight/board.sqlite"

    static func caller(_ uid: uid_t, session: Set<gid_t>, account: Set<gid_t>? = nil) -> SharedBoardCheck.Caller {
        SharedBoardCheck.Caller(uid: uid, login: names.user(uid), sessionGroups: session, accountGroups: account ?? session)
    }

    static let good = (directory: Facts(uid: 0, gid: spotlight, mode: 0o2775), file: Facts(uid: 0, gid: spotlight, mode: 0o664))
    static let member = caller(bob, session: [1002, spotlight])

    func check(file: Facts? = good.file, directory: Facts? = good.directory, wal: Facts? = nil, shm: Facts? = nil,
               fileSystem: FileSystemCheck.Kind = .local(name: "ext4"), caller: SharedBoardCheck.Caller = member) -> SharedBoardCheck {
        SharedBoardCheck.evaluate(board: Self.path, file: file, directory: directory, wal: wal, shm: shm,
                                  fileSystem: fileSystem, caller: caller, names: Self.names)
    }

    @Test func theDocumentedSetupHasNoFindings() {
        let result = check(wal: Facts(uid: Self.alice, gid: Self.spotlight, mode: 0o664), shm: Facts(uid: Self.alice, gid: Self.spotlight, mode: 0o664))
        #expect(result.findings == [])
        #expect(result.summary.hasPrefix("shared through group spotlight"))
        #expect(result.summary.contains("root:spotlight 2775") && result.summary.contains("root:spotlight 0664"))
        #expect(check(caller: Self.caller(0, session: [0])).findings == [], "root needs no membership")
    }

    @Test func aPersonalBoardIsNotJudgedAsAShareOne() {
        let mine = Self.caller(Self.alice, session: [Self.aliceGroup])
        // A user-private group with umask 002 makes group-writable files: still personal.
        for (directoryMode, fileMode) in [(mode_t(0o755), mode_t(0o644)), (0o775, 0o664), (0o700, 0o600)] {
            let result = check(file: Facts(uid: Self.alice, gid: Self.aliceGroup, mode: fileMode),
                               directory: Facts(uid: Self.alice, gid: Self.aliceGroup, mode: directoryMode), caller: mine)
            #expect(result.findings == [], "modes \(directoryMode) \(fileMode)")
            #expect(result.summary.hasPrefix("personal: only alice writes it"))
        }
    }

    func expectOne(_ result: SharedBoardCheck, problem: String, fix: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.findings.count == 1, "findings: \(result.findings)", sourceLocation: sourceLocation)
        guard let finding = result.findings.first else { return }
        #expect(finding.problem.contains(problem), "problem: \(finding.problem)", sourceLocation: sourceLocation)
        #expect(finding.fix.contains(fix), "fix: \(finding.fix)", sourceLocation: sourceLocation)
    }

    @Test func aDirectoryThatIsNotGroupWritableIsFound() {
        expectOne(check(directory: Facts(uid: 0, gid: Self.spotlight, mode: 0o2755)),
                  problem: "/var/lib/spotlight is not group-writable (mode 2755)", fix: "sudo chmod 2775 /var/lib/spotlight")
    }

    @Test func aDirectoryThatIsNotSetgidIsFound() {
        expectOne(check(directory: Facts(uid: 0, gid: Self.spotlight, mode: 0o775)),
                  problem: "is not setgid (mode 0775)", fix: "sudo chmod g+s /var/lib/spotlight")
    }

    @Test func aDirectoryOfAnotherGroupIsFound() {
        expectOne(check(directory: Facts(uid: 0, gid: 0, mode: 0o2775)),
                  problem: "belongs to group root, not spotlight", fix: "sudo chgrp spotlight /var/lib/spotlight")
    }

    @Test func aBoardFileThatIsNotGroupWritableIsFound() {
        // SQLite creates database files 0644 whatever the umask: the step the README insists on.
        expectOne(check(file: Facts(uid: 0, gid: Self.spotlight, mode: 0o644)),
                  problem: "board.sqlite is not group-writable (mode 0644)", fix: "sudo chmod g+rw /var/lib/spotlight/board.sqlite")
    }

    @Test(arguments: ["-wal", "-shm"])
    func aJournalFileWithTheWrongGroupOrModeIsFound(_ suffix: String) {
        let wrongGroup = Facts(uid: Self.alice, gid: Self.aliceGroup, mode: 0o664)
        let wrongMode = Facts(uid: Self.alice, gid: Self.spotlight, mode: 0o644)
        let groupResult = suffix == "-wal" ? check(wal: wrongGroup) : check(shm: wrongGroup)
        expectOne(groupResult, problem: "board.sqlite\(suffix) belongs to group alice, not spotlight",
                  fix: "sudo chgrp spotlight /var/lib/spotlight/board.sqlite\(suffix)")
        let modeResult = suffix == "-wal" ? check(wal: wrongMode) : check(shm: wrongMode)
        expectOne(modeResult, problem: "board.sqlite\(suffix) is not group-writable (mode 0644)",
                  fix: "sudo chmod g+rw /var/lib/spotlight/board.sqlite\(suffix)")
    }

    /// A member planted `board.sqlite-shm -> /etc/shadow`: the link is the problem and its fix
    /// removes it; no chgrp/chmod is ever suggested for what it points to (a link's own mode is 0777
    /// and its group the member's, which would otherwise produce exactly those "fixes").
    @Test(arguments: ["-wal", "-shm"])
    func aJournalFileThatIsASymbolicLinkIsRemovedNeverChanged(_ suffix: String) {
        let link = Facts(uid: Self.alice, gid: Self.aliceGroup, mode: 0o777, linkTarget: "/etc/shadow")
        for caller in [Self.member, Self.caller(0, session: [0])] {
            let result = suffix == "-wal" ? check(wal: link, caller: caller) : check(shm: link, caller: caller)
            expectOne(result, problem: "board.sqlite\(suffix) is a symbolic link (to /etc/shadow)",
                      fix: "sudo rm /var/lib/spotlight/board.sqlite\(suffix)")
            #expect(result.findings.first?.problem.contains("SQLite refuses to open the board") == true)
        }
        // Also on a personal board, which gets no other findings.
        let mine = Self.caller(Self.alice, session: [Self.aliceGroup])
        let personal = check(file: Facts(uid: Self.alice, gid: Self.aliceGroup, mode: 0o644),
                             directory: Facts(uid: Self.alice, gid: Self.aliceGroup, mode: 0o755), shm: link, caller: mine)
        expectOne(personal, problem: "is a symbolic link", fix: "sudo rm ")
    }

    @Test func doctorReadsJournalFilesWithoutFollowingLinks() throws {
        let board = TempBoard()
        let victim = board.directory + "/victim"
        #expect(FileManager.default.createFile(atPath: victim, contents: Data("secret".utf8)))
        #expect(symlink(victim, board.path + "-shm") == 0)
        let facts = try #require(Facts.readWithoutFollowing(board.path + "-shm"))
        #expect(facts.linkTarget == victim)
        #expect(Facts.readWithoutFollowing(victim)?.linkTarget == nil)
    }

    @Test func anAccountOutsideTheGroupIsToldToAskAnAdmin() {
        expectOne(check(caller: Self.caller(Self.carol, session: [1003])),
                  problem: "you (carol) are not in the board's group spotlight: you can read stories but not post or vote", fix: "ask an admin to add you: sudo usermod -aG spotlight carol")
    }

    @Test func anAccountAddedAfterLoggingInIsToldToLogInAgain() {
        expectOne(check(caller: Self.caller(Self.carol, session: [1003], account: [1003, Self.spotlight])),
                  problem: "after this login session started", fix: "newgrp spotlight")
    }

    @Test func aBoardLeftInItsOwnersGroupIsFound() {
        // root made it in a plain directory: root:root, 0644, 0755.
        expectOne(check(file: Facts(uid: 0, gid: 0, mode: 0o644), directory: Facts(uid: 0, gid: 0, mode: 0o755)),
                  problem: "belongs to root's own group root", fix: "sudo groupadd --system spotlight")
    }

    @Test func worldWritableFilesAreFound() {
        let result = check(file: Facts(uid: 0, gid: Self.spotlight, mode: 0o666), directory: Facts(uid: 0, gid: Self.spotlight, mode: 0o2777))
        #expect(result.findings.map(\.fix) == ["sudo chmod o-w /var/lib/spotlight", "sudo chmod o-w /var/lib/spotlight/board.sqlite"])
    }

    @Test func aNetworkFilesystemIsAFinding() {
        let result = check(fileSystem: .network(name: "NFS"))
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.problem.contains("network filesystem (NFS)") == true)
        #expect(result.findings.first?.fix.contains("local disk") == true)
    }

    @Test func severalProblemsAreAllReported() {
        let result = check(file: Facts(uid: 0, gid: Self.spotlight, mode: 0o644), directory: Facts(uid: 0, gid: Self.spotlight, mode: 0o755),
                           shm: Facts(uid: Self.alice, gid: Self.aliceGroup, mode: 0o644), caller: Self.caller(Self.carol, session: [1003]))
        #expect(result.findings.count == 6, "\(result.findings.map(\.problem))")
    }
}

/// The clause a "read-only" error can carry when the board's group is what the account lacks.
@Suite struct WriteAdviceTests {
    typealias Facts = SharedBoardCheck.Facts
    let names = FileSystemCheckTests.names
    let file = Facts(uid: 0, gid: 990, mode: 0o664), directory = Facts(uid: 0, gid: 990, mode: 0o2775)

    @Test func anOutsiderIsToldWhichGroupToJoin() {
        let carol = FileSystemCheckTests.caller(1003, session: [1003])
        let advice = SharedBoardCheck.writeAdvice(file: file, directory: directory, caller: carol, names: names)
        #expect(advice == "you (carol) are not in the board's group spotlight: it can only be read — ask an admin to add you: sudo usermod -aG spotlight carol (then log in again)")
    }

    @Test func aMemberOrRootGetsNoAdvice() {
        #expect(SharedBoardCheck.writeAdvice(file: file, directory: directory, caller: FileSystemCheckTests.member, names: names) == nil)
        #expect(SharedBoardCheck.writeAdvice(file: file, directory: directory, caller: FileSystemCheckTests.caller(0, session: [0]), names: names) == nil)
    }

    @Test func whenTheGroupCouldNotWriteEitherTheGroupIsNotTheAnswer() {
        let carol = FileSystemCheckTests.caller(1003, session: [1003])
        #expect(SharedBoardCheck.writeAdvice(file: Facts(uid: 0, gid: 990, mode: 0o644), directory: directory, caller: carol, names: names) == nil)
        #expect(SharedBoardCheck.writeAdvice(file: file, directory: Facts(uid: 0, gid: 990, mode: 0o2755), caller: carol, names: names) == nil)
    }
}
