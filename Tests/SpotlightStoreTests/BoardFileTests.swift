import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

/// Bad board files are refused with a clear message, and their bytes stay exactly as they were.
@Suite struct BoardFileTests {
    func expectRefused(_ board: TempBoard, containing phrase: String) async {
        let before = board.bytes()
        do {
            let store = try await BoardStore.open(board.path, as: TempBoard.dana)
            await store.close()
            Issue.record("opening should have failed")
        } catch {
            #expect(error.message.contains(phrase), "message was: \(error.message)")
        }
        #expect(board.bytes() == before)
    }

    @Test func aDirectoryIsNotABoard() async throws {
        let board = TempBoard()
        try FileManager.default.createDirectory(atPath: board.path, withIntermediateDirectories: true)
        await expectRefused(board, containing: "is a directory")
    }

    @Test func aTextFileIsNotABoard() async throws {
        let board = TempBoard()
        _ = FileManager.default.createFile(atPath: board.path, contents: Data(String(repeating: "hello\n", count: 100).utf8))
        await expectRefused(board, containing: "not a Spotlight board")
    }

    @Test func anotherAppsDatabaseIsNotABoard() async throws {
        let board = TempBoard()
        try board.sqlite3("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        await expectRefused(board, containing: "not a Spotlight board")
    }

    @Test func aTruncatedBoardIsRefusedUnchanged() async throws {
        let board = TempBoard()
        let store = try await board.open()
        for i in 0..<200 { _ = try await store.post(TempBoard.draft("story \(i)", body: String(repeating: "x", count: 2000))) }
        await store.close()
        let full = try #require(board.bytes())
        _ = FileManager.default.createFile(atPath: board.path, contents: full.prefix(full.count / 2))
        await expectRefused(board, containing: "damaged")
    }

    @Test func aCorruptedBoardGivesAClearErrorAndStaysUnchanged() async throws {
        let board = TempBoard()
        let store = try await board.open()
        for i in 0..<50 { _ = try await store.post(TempBoard.draft("story \(i)", body: String(repeating: "y", count: 3000))) }
        await store.close()
        var bytes = try #require(board.bytes())
        // Scribble over every page after the first (the schema page stays readable).
        for i in stride(from: 4096, to: bytes.count, by: 1) { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        _ = FileManager.default.createFile(atPath: board.path, contents: bytes)
        let before = board.bytes()
        do {
            let reader = try await BoardStore.open(board.path, as: TempBoard.dana)
            _ = try await reader.stories(StoryQuery(limit: 100))
            _ = try await reader.post(TempBoard.draft("after corruption"))
            await reader.close()
            Issue.record("reading a corrupted board should fail")
        } catch {
            #expect(error.message.contains("damaged") || error.message.contains("not a"), "message was: \(error.message)")
        }
        #expect(board.bytes() == before)
    }

    @Test func aBoardFromANewerVersionIsRefusedUnchanged() async throws {
        let board = TempBoard()
        let store = try await board.open()
        await store.close()
        try board.sqlite3("PRAGMA user_version = 99;")
        await expectRefused(board, containing: "newer spotlight")
    }

    @Test func aMissingBoardSaysHowToCreateOne() async throws {
        let board = TempBoard()
        await expectRefused(board, containing: "spotlight init")
        #expect(!FileManager.default.fileExists(atPath: board.path))
    }

    @Test func exportImportExportIsIdentical() async throws {
        let source = TempBoard()
        let store = try await source.open()
        _ = try await store.seed(DemoStories.all)
        _ = try await store.post(TempBoard.draft("nul \u{0} and esc \u{1B}[31m", body: "\u{202E}bidi\u{0}"))
        try await store.setStatus(2, to: .hidden)
        try await store.setStatus(3, to: .removed)
        let first = try await store.export()
        await store.close()

        let target = TempBoard()
        let copy = try await target.open()
        try await copy.importBoard(first)
        let second = try await copy.export()
        #expect(second == first)
        #expect(try second.encoded() == first.encoded())
        // A second import into a board that now has stories is refused.
        await #expect(throws: SpotlightError.self) { try await copy.importBoard(first) }
        await copy.close()
    }
}
