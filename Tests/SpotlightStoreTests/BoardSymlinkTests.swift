import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

/// A board is never created through a symbolic link, and a link planted as `-wal` or `-shm`
/// is named when SQLite refuses it. (The attack with real accounts: `MemberPlantedFileTests`.)
@Suite struct BoardSymlinkTests {
    func expectRefusal(_ board: TempBoard, target: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        do {
            let store = try await BoardStore.open(board.path, as: TempBoard.dana, mode: .createIfMissing(name: nil))
            await store.close()
            Issue.record("a board was created through a link", sourceLocation: sourceLocation)
        } catch {
            #expect(error.message.contains("the board path \(board.path) is a symbolic link (to \(target))"),
                    "\(error.message)", sourceLocation: sourceLocation)
            #expect(error.message.contains("rm \(board.path)"), sourceLocation: sourceLocation)
        }
    }

    @Test func aDanglingLinkAtTheBoardPathIsRefusedAndItsTargetNeverMade() async throws {
        let board = TempBoard()
        let target = board.directory + "/elsewhere.sqlite"
        #expect(symlink(target, board.path) == 0)
        await expectRefusal(board, target: target)
        #expect(!FileManager.default.fileExists(atPath: target), "SQLite followed the link and made the target")
    }

    @Test func aLinkToAnEmptyFileIsRefusedAndTheFileLeftEmpty() async throws {
        let board = TempBoard()
        let target = board.directory + "/empty"
        #expect(FileManager.default.createFile(atPath: target, contents: Data()))
        #expect(symlink(target, board.path) == 0)
        await expectRefusal(board, target: target)
        #expect(FileManager.default.contents(atPath: target) == Data())
    }

    @Test func openingAnExistingBoardThroughADanglingLinkNamesTheLink() async throws {
        let board = TempBoard()
        #expect(symlink(board.directory + "/gone.sqlite", board.path) == 0)
        do {
            _ = try await BoardStore.open(board.path, as: TempBoard.dana)
            Issue.record("opened a dangling link")
        } catch {
            #expect(error.message == "the board path \(board.path) is a symbolic link to \(board.directory)/gone.sqlite, which does not exist")
        }
    }

    @Test func aNewBoardIsStillMadeWithSQLitesMode() async throws {
        let board = TempBoard()
        let store = try await BoardStore.open(board.path, as: TempBoard.dana, mode: .createIfMissing(name: "Plain"))
        #expect(try await store.settings().name == "Plain")
        await store.close()
        var info = stat()
        #expect(lstat(board.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
        #expect(info.st_mode & 0o777 == 0o644 & ~OutputUmask.current, "mode \(String(info.st_mode & 0o777, radix: 8))")
    }

    @Test(arguments: ["-wal", "-shm"])
    func aLinkedJournalFileIsNamedWhenSQLiteRefusesIt(_ suffix: String) async throws {
        let board = TempBoard()
        await (try board.open()).close()
        let victim = board.directory + "/victim"
        #expect(FileManager.default.createFile(atPath: victim, contents: Data("do not touch".utf8)))
        #expect(symlink(victim, board.path + suffix) == 0)
        do {
            let store = try await BoardStore.open(board.path, as: TempBoard.dana)
            _ = try await store.storyCount()
            await store.close()
            Issue.record("SQLite opened the board through a linked \(suffix)")
        } catch {
            #expect(error.message.contains("SQLite refuses to open the board \(board.path) because \(board.path)\(suffix) is a symbolic link (to \(victim))"),
                    "\(error.message)")
            #expect(error.message.contains("rm \(board.path)\(suffix)"))
            #expect(!error.message.contains("check that it exists"))
        }
        #expect(FileManager.default.contents(atPath: victim) == Data("do not touch".utf8))
    }
}

/// The test process's umask (read without changing it).
enum OutputUmask {
    static var current: mode_t {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        return line.flatMap { mode_t($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
    }
}
