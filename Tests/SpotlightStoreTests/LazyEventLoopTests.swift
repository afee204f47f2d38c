import Foundation
import NIOCore
import SQLiteNIO
import Testing
@testable import SpotlightStore

/// Connections are given `LazyEventLoop`, which starts NIO's event loop only when asked for work
/// (issue 17), and closed with the driver's `async` close in a task of its own.
@Suite struct LazyEventLoopTests {
    @Test func futureBasedCallsRunOnTheLoopItStarts() async throws {
        let db = try await SQLiteConnection.open(storage: .memory, threadPool: BoardStore.threadPool, on: BoardStore.eventLoop)
        let future: EventLoopFuture<[SQLiteRow]> = db.query("SELECT 41 + 1 AS answer", [])
        let rows = try await future.get()
        #expect(rows.first?.column("answer")?.integer == 42)
        let loop = BoardStore.eventLoop
        #expect(!loop.inEventLoop)
        #expect(try await loop.submit { loop.inEventLoop }.get())
        let closed: EventLoopFuture<Void> = db.close()
        try await closed.get()
    }

    /// The last connection's close checkpoints and removes `-wal`; a close the cancellation
    /// skipped would leave it behind.
    @Test func aStoreClosedFromACancelledTaskIsClosed() async throws {
        let board = TempBoard()
        let store = try await board.open()
        _ = try await store.post(TempBoard.draft())
        #expect(FileManager.default.fileExists(atPath: board.path + "-wal"))
        let closing = Task {
            while !Task.isCancelled { await Task.yield() }
            await store.close()
        }
        closing.cancel()
        await closing.value
        #expect(!FileManager.default.fileExists(atPath: board.path + "-wal"))
    }
}
