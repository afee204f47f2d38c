import Foundation
import Synchronization
import Testing
@testable import SpotlightApp
import SpotlightCore

/// The broker's per-account handles: many requests of one account arriving while its handle is
/// being opened all get that one handle, and none of them spins waiting for it.
@Suite struct BrokerHandlesTests {
    /// The limit turns the old livelock (for ever) into a failure; it is generous because in `make
    /// test` the end-to-end suites hold the concurrency pool for minutes (CI: this 0.05 s test took 124 s).
    @Test(.timeLimit(.minutes(10))) func requestsArrivingWhileTheHandleOpensShareTheOneOpening() async throws {
        let opened = Mutex(0)
        let storage = InMemoryStorage(name: "Test", creator: People.dana, clock: .fixed(People.now))
        let handles = BrokerHandles(capacity: 4) { account throws(SpotlightError) in
            opened.withLock { $0 += 1 }
            try? await Task.sleep(for: .milliseconds(50))
            return InMemoryBoard(storage: storage, as: account, clock: .fixed(People.now))
        }
        let boards = await withTaskGroup(of: ObjectIdentifier?.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    guard let board = try? await handles.lease(People.mary) else { return nil }
                    // A request that leases again inside its lease (a shared read's own read).
                    guard let again = try? await handles.lease(People.mary) else { return nil }
                    await handles.release(People.mary)
                    return ObjectIdentifier(board) == ObjectIdentifier(again) ? ObjectIdentifier(board) : nil
                }
            }
            var all: [ObjectIdentifier?] = []
            for await board in group { all.append(board) }
            return all
        }
        #expect(boards.count == 40 && Set(boards).count == 1 && boards[0] != nil, "one handle for every request")
        #expect(opened.withLock { $0 } == 1, "opened once")
        #expect(await handles.openCount == 1)
        for _ in 0..<40 { await handles.release(People.mary) }
        await handles.closeAll()
    }
}
