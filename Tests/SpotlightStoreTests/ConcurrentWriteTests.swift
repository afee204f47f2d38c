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
}
