import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

/// The SQLite file is writable by every member: every connection is opened hardened, writes
/// refuse a schema that is not ours, and `outsideChanges` finds what `sqlite3` changed.
@Suite struct BoardHardeningTests {
    @Test func everyConnectionIsOpenedHardened() async throws {
        let board = TempBoard()
        let store = try await board.open()
        _ = try await store.post(TempBoard.draft())
        #expect(try await store.scalarInt("PRAGMA trusted_schema") == 0)
        #expect(try await store.scalarInt("PRAGMA cell_size_check") == 1)
        // SQLITE_DBCONFIG_DEFENSIVE: FTS5's shadow tables and the schema cannot be written directly.
        await #expect(throws: SpotlightError.self) {
            try await store.execute("INSERT INTO stories_fts_config(k, v) VALUES ('x', 1)")
        }
        try await store.execute("PRAGMA writable_schema = ON")
        await #expect(throws: SpotlightError.self) { try await store.execute("UPDATE sqlite_schema SET sql = sql WHERE name = 'stories'") }
        await store.close()
    }

    @Test func aPlantedTriggerStopsEveryWriteAndIsNamed() async throws {
        let board = TempBoard()
        var store = try await board.open()
        try await store.addManager("mlopez")
        await store.close()
        // A member keeps themselves a manager: removing them quietly puts them back.
        try board.sqlite3("CREATE TRIGGER keep AFTER DELETE ON managers BEGIN INSERT INTO managers VALUES (old.login, old.added_by, old.added_at); END")
        store = try await board.open()
        await #expect(throws: SpotlightError.runtime("the board \(board.path) was changed outside spotlight (a trigger keep on managers that spotlight did not make); nothing was written: run `spotlight doctor`, and restore from a backup (`spotlight export`)")) {
            try await store.removeManager("mlopez")
        }
        #expect(try await store.managers() == ["dana", "mlopez"])
        #expect(try await store.outsideChanges() == ["a trigger keep on managers that spotlight did not make"])
        await store.close()
    }

    @Test func anAlteredTriggerOrAMissingIndexIsNamedToo() async throws {
        let board = TempBoard()
        await (try await board.open()).close()
        try board.sqlite3("DROP TRIGGER stories_fts_insert; CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN SELECT 1; END; DROP INDEX stories_by_hot; CREATE VIEW v AS SELECT 1")
        let store = try await board.open()
        #expect(try await store.outsideChanges() == [
            "the trigger stories_fts_insert on stories was altered", "a view v that spotlight did not make",
            "the index stories_by_hot is missing",
        ])
        await store.close()
    }

    /// Runs `body` on the store and closes it, also when `body` throws.
    func using<T>(_ store: BoardStore, _ body: (BoardStore) async throws -> T) async throws -> T {
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    @Test func boardsSpotlightWroteHaveNoOutsideChanges() async throws {
        let board = TempBoard()
        let (first, second) = try await using(try await board.open(as: TempBoard.john)) { store in
            (try await store.post(TempBoard.draft(hero: "Pat Kim")), try await store.post(TempBoard.draft("Second", hero: "Dana Morgan")))
        }
        try await using(try await board.open(as: TempBoard.mary)) { store in
            try await store.upvote(first.id)
            _ = try await store.giveMedallion(first.id)
        }
        let export = try await using(try await board.open()) { store in
            try await store.pin(first.id, until: nil, note: "Week")
            try await store.setStatus(second.id, to: .hidden)
            try await store.addManager("mlopez")
            try await store.addManager("jpark")
            try await store.removeManager("jpark")
            #expect(try await store.outsideChanges() == [])
            return try await store.export()
        }
        try await using(try await TempBoard().open()) { restored in
            try await restored.importBoard(export)
            #expect(try await restored.outsideChanges() == [])
        }
        try await using(try await TempBoard().open()) { demo in
            _ = try await demo.seed(DemoStories.all)
            #expect(try await demo.outsideChanges() == [])
        }
    }

    @Test func editsWithSqlite3AreReportedAsChangedOutsideSpotlight() async throws {
        let board = TempBoard()
        var store = try await board.open(as: TempBoard.john)
        let story = try await store.post(TempBoard.draft())
        let other = try await store.post(TempBoard.draft("Other"))
        await store.close()
        store = try await board.open()
        try await store.addManager("jpark")
        try await store.removeManager("jpark")
        await store.close()
        try board.sqlite3("""
            INSERT INTO managers VALUES ('mallory', 'dana', 0);
            UPDATE stories SET votes = 999 WHERE id = \(story.id);
            UPDATE stories SET author = 'mallory' WHERE id = \(other.id);
            UPDATE stories SET status = 'hidden', pinned_by = 'dana', pinned_at = 1 WHERE id = \(story.id);
            INSERT INTO managers VALUES ('jpark', 'dana', 0);
            """)
        store = try await board.open()
        #expect(try await store.outsideChanges() == [
            "story #\(story.id) shows 999 votes but 0 were cast",
            "jpark is a manager, but the audit log says they were removed",
            "mallory is a manager with no record of being made one",
            "story #\(story.id) is pinned by dana with no record of the pin",
            "story #\(story.id) is hidden, but the audit log says visible",
            "story #\(other.id) is credited to mallory but was posted by jpark",
        ])
        await store.close()
    }

    @Test func anImportNamesTheLineOfABoardNobodyManagesAndOfAVoteForOnesOwnStory() throws {
        let story = BoardExport.StoryRecord(id: 1, title: "t", body: "", hero: "h", department: "General", customer: "external",
                                            tags: [], author: "bob", authorName: "Bob", onBehalfOf: nil, createdAt: 0, editedAt: nil,
                                            status: "visible", pinnedBy: nil, pinnedAt: nil, pinUntil: nil, pinNote: nil)
        var export = BoardExport(settings: [:], managers: [], stories: [story], votes: [], medallions: [], audit: [])
        var text = try export.encoded()
        let managersLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"managers\"") }! + 1
        #expect(throws: SpotlightError.usage("backup.json line \(managersLine): \"managers\" is empty: nobody could ever manage the imported board; list at least one login; nothing was imported")) {
            try BoardExport.decode(Data(text.utf8), file: "backup.json")
        }
        export.managers = [.init(login: "dana", addedBy: "dana", addedAt: 0)]
        export.votes = [.init(storyID: 1, voter: "carol", at: 0), .init(storyID: 1, voter: "bob", at: 0)]
        text = try export.encoded()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        do {
            _ = try BoardExport.decode(Data(text.utf8), file: "backup.json")
            Issue.record("a vote for one's own story was imported")
        } catch {
            #expect(error.message.hasPrefix("backup.json line "), "\(error.message)")
            #expect(error.message.contains("vote 2 is by bob for story #1, which bob posted: nobody votes for their own story"))
            // The line named is the second vote's opening brace.
            let named = Int(error.message.split(separator: " ")[2].dropLast())!
            #expect(lines[named - 1].trimmingCharacters(in: .whitespaces) == "{")
            #expect(lines[named...].prefix(4).contains { $0.contains("\"bob\"") })
        }
    }

    @Test func theLineFinderCountsArrayElementsOfTheTopLevelKey() {
        let json = Data("{\n  \"a\" : [1, 2],\n  \"votes\" : [\n    {\"x\": \"],{\"},\n    {\"x\": 2}\n  ]\n}".utf8)
        #expect(JSONLines.line(of: .init(key: "votes", index: nil), in: json) == 3)
        #expect(JSONLines.line(of: .init(key: "votes", index: 0), in: json) == 4)
        #expect(JSONLines.line(of: .init(key: "votes", index: 1), in: json) == 5)
        #expect(JSONLines.line(of: .init(key: "votes", index: 2), in: json) == nil)
        #expect(JSONLines.line(of: .init(key: "missing", index: nil), in: json) == nil)
    }

    @Test func lockHoldersAreReadFromProcLocks() {
        let table = """
            1: POSIX  ADVISORY  WRITE 4242 fe:00:16220742 120 120
            2: POSIX  ADVISORY  READ  4343 fe:00:16220742 121 127
            3: -> POSIX  ADVISORY  WRITE 99 fe:00:16220742 120 120
            4: POSIX  ADVISORY  WRITE 5555 fe:00:1 120 120
            5: OFDLCK ADVISORY  WRITE -1 fe:00:16220742 0 EOF
            6: FLOCK  ADVISORY  WRITE 7777 fe:00:16220742 0 EOF
            """
        let device = UInt64(0xFE) << 8
        #expect(ShmLocks.parse(table, device: device, inode: 16_220_742) == [
            .init(pid: 4242, lock: .write), .init(pid: 4343, lock: .checkpoint),
            .init(pid: -1, lock: .write), .init(pid: -1, lock: .checkpoint),
        ])
        #expect(ShmLocks.describe(.init(pid: -1, lock: .write), board: "/b/board.sqlite")
                == "a process (an open-file-description lock, pid not shown) holds the write lock (byte 120 of board.sqlite-shm)")
    }

    /// `/proc/locks` reports size 0 and is longer than one read on a busy host: a holder listed
    /// after the first 4 KB (here after and before 300 other locks) must still be found.
    @Test func aHolderFarDownAFullProcLocksIsStillNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shm-locks-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let board = folder + "/board.sqlite"
        for file in [board + "-shm", folder + "/padding"] { try Data(count: 4096).write(to: URL(fileURLWithPath: file)) }
        let script = """
            import fcntl, os, sys
            pad = os.open(sys.argv[2], os.O_RDWR)
            for i in range(300): fcntl.lockf(pad, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 2 * i)
            shm = os.open(sys.argv[1], os.O_RDWR)
            fcntl.lockf(shm, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 120)
            for i in range(300, 600): fcntl.lockf(pad, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 2 * i)
            print("locked", flush=True)
            sys.stdin.read()
            """
        let python = Process()
        let input = Pipe(), output = Pipe()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = ["-c", script, board + "-shm", folder + "/padding"]
        python.standardInput = input
        python.standardOutput = output
        try python.run()
        defer { try? input.fileHandleForWriting.close(); python.waitUntilExit() }
        let said = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        try #require(said.contains("locked"), "python3 could not take its locks")

        #expect(try #require(ShmLocks.lockTable()).utf8.count > 3 * 4096, "the table is longer than one read")
        #expect(ShmLocks.holders(board: board) == [.init(pid: python.processIdentifier, lock: .write)])
    }
}
