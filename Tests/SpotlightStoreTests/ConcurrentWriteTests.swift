import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

/// One store, many tasks: its connection's transactions are not re-entrant (a second
/// `BEGIN IMMEDIATE` on the same connection fails), so the store must take them in turn.
@Suite struct ConcurrentWriteTests {
    @Test func twoTasksWritingThroughOneStoreBothSucceed() async throws {
        let board = TempBoard()
        let store = try await board.open(as: TempBoard.john)
        let writes = 10
        let posted = try await withThrowingTaskGroup(of: [StoryID].self) { group in
            for task in 0..<2 {
                group.addTask {
                    var ids: [StoryID] = []
                    for n in 0..<writes {
                        ids.append(try await store.post(TempBoard.draft("task \(task) story \(n)")).id)
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(posted).count == 2 * writes)
        #expect(try await store.storyCount() == 2 * writes)
        #expect(try await store.auditEvents(limit: 100).filter { $0.action == "post" }.count == 2 * writes)
        await store.close()
    }

    /// Two stores of one process on one board, as the broker keeps one per account: every
    /// SQLite call runs on one thread, so without `ProcessWriters` the second store's
    /// `BEGIN IMMEDIATE` waited in the busy handler on that thread for the first store's
    /// `COMMIT`, which could not run — each collision failed after busy_timeout, "locked".
    @Test func twoStoresOfOneProcessWritingAtOnceBothSucceed() async throws {
        let board = TempBoard()
        let dana = try await board.open(as: TempBoard.dana)
        let john = try await board.open(as: TempBoard.john)
        let writes = 10
        var posted: [StoryID] = []
        var failure: (any Error)?
        do {
            posted = try await withThrowingTaskGroup(of: [StoryID].self) { group in
                for (name, store) in [("dana", dana), ("john", john)] {
                    group.addTask {
                        var ids: [StoryID] = []
                        for n in 0..<writes {
                            ids.append(try await store.post(TempBoard.draft("\(name) story \(n)")).id)
                        }
                        return ids
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        } catch {
            failure = error
        }
        let stored = try await dana.storyCount()
        // Closed on every path: an unclosed connection traps in the driver.
        await john.close()
        await dana.close()
        #expect(failure == nil, "a write failed: \(String(describing: failure))")
        #expect(Set(posted).count == 2 * writes)
        #expect(stored == 2 * writes)
    }
}
