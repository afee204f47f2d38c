import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// `changes()`: another handle's write is `.changed`; a handle's own writes are nothing; the
/// stream ends when the handle closes. For a file also: deleted is `.unavailable`, back is
/// `.changed`.
@Suite struct ChangesConformanceTests {
    typealias P = People

    @Test(arguments: BoardKind.allCases)
    func anotherHandlesWriteIsAChange(kind: BoardKind) async throws {
        let board = try await kind.makeBoard(clock: movingClock())
        let wall = try await board.open()
        let writer = try await board.open(as: P.john)
        let recorder = ChangeRecorder(wall.changes())
        _ = try await writer.post(P.draft())
        #expect(await recorder.waitFor(count: 1))
        #expect(await recorder.changes.first == .changed)
        await wall.close()
        #expect(await recorder.waitForEnd(), "closing the handle ends its streams")
        await writer.close()
    }

    @Test(arguments: BoardKind.allCases)
    func ownWritesAreNoChange(kind: BoardKind) async throws {
        let board = try await kind.makeBoard(clock: movingClock())
        let dana = try await board.open()
        let john = try await board.open(as: P.john)
        let recorder = ChangeRecorder(dana.changes())
        let story = try await dana.post(P.draft())
        try await dana.pin(story.id, until: nil, note: nil)
        if kind == .sqlite {
            // Long enough for the hint's follow-up re-checks (about a second) to have looked.
            try await Task.sleep(for: .seconds(2))
        }
        // Then one write by someone else: exactly one change is heard, and it is that one.
        try await john.upvote(story.id)
        #expect(await recorder.waitFor(count: 1))
        await dana.close()
        #expect(await recorder.waitForEnd())
        #expect(await recorder.changes == [.changed])
        await john.close()
    }

    @Test(arguments: BoardKind.allCases)
    func everyStreamHearsAndCancellingOneLeavesTheOthers(kind: BoardKind) async throws {
        let board = try await kind.makeBoard(clock: movingClock())
        let wall = try await board.open()
        let writer = try await board.open(as: P.john)
        let first = ChangeRecorder(wall.changes())
        let cancelled = Task {
            for await _ in wall.changes() {}
        }
        cancelled.cancel()
        let second = ChangeRecorder(wall.changes())
        _ = try await writer.post(P.draft())
        #expect(await first.waitFor(count: 1))
        #expect(await second.waitFor(count: 1))
        await wall.close()
        await writer.close()
    }

    @Test func aDeletedBoardFileIsUnavailableAndItsReturnAChange() async throws {
        let board = try await BoardKind.sqlite.makeBoard(clock: movingClock())
        let path = try #require(board.path)
        let wall = try await board.open(clock: movingClock())
        let recorder = ChangeRecorder(wall.changes())
        _ = try await wall.storyCount()
        try FileManager.default.moveItem(atPath: path, toPath: path + ".away")
        #expect(await recorder.waitFor(count: 1))
        #expect(await recorder.changes == [.unavailable("board file missing")])
        await #expect(throws: SpotlightError.self) { _ = try await wall.storyCount() }
        try FileManager.default.moveItem(atPath: path + ".away", toPath: path)
        #expect(await recorder.waitFor(count: 2))
        #expect(await recorder.changes.last == .changed)
        #expect(try await wall.storyCount() == 0, "reconnected")
        await wall.close()
    }

    @Test func aReplacedBoardFileIsAChangeAndIsReadFromThen() async throws {
        let board = try await BoardKind.sqlite.makeBoard(clock: movingClock())
        let path = try #require(board.path)
        let wall = try await board.open(clock: movingClock())
        let recorder = ChangeRecorder(wall.changes())
        // Another board, with a story, put in its place (as a restore from backup would).
        let replacement = try await BoardKind.sqlite.makeBoard(clock: movingClock())
        let other = try await replacement.open(clock: movingClock())
        _ = try await other.post(P.draft("from the backup"))
        await other.close()
        let replacementPath = try #require(replacement.path)
        #expect(rename(replacementPath, path) == 0)
        #expect(await recorder.waitFor(count: 1))
        #expect(await recorder.changes.first == .changed)
        #expect(try await wall.stories(StoryQuery()).map(\.title) == ["from the backup"])
        await wall.close()
    }

    @Test func anInterruptedStorageIsUnavailableUntilRestored() async throws {
        let board = try await BoardKind.memory.makeBoard()
        let storage = try #require(board.storage)
        let wall = try await board.open()
        let recorder = ChangeRecorder(wall.changes())
        await storage.interrupt("board file missing")
        #expect(await recorder.waitFor(count: 1))
        await #expect(throws: SpotlightError.runtime("board file missing")) { _ = try await wall.storyCount() }
        await storage.restore()
        #expect(await recorder.waitFor(count: 2))
        #expect(await recorder.changes == [.unavailable("board file missing"), .changed])
        #expect(try await wall.storyCount() == 0)
        await wall.close()
    }
}
