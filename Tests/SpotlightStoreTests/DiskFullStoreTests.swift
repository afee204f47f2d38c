import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

/// A full disk while posting, simulated inside SQLite: `PRAGMA max_page_count` stops the file
/// growing exactly as a full disk would (SQLITE_FULL). The end-to-end twin on a real, tiny
/// tmpfs is `DiskFullTests`.
@Suite struct DiskFullStoreTests {
    @Test func aPostThatDoesNotFitIsRefusedAndTheBoardStaysIntact() async throws {
        let board = TempBoard()
        let store = try await board.open()
        for i in 1...3 { _ = try await store.post(TempBoard.draft("Earlier story \(i)")) }
        let pages = try await store.scalarInt("PRAGMA page_count")
        try await store.execute("PRAGMA max_page_count = \(pages)")
        let big = TempBoard.draft("Does not fit", body: String(repeating: "A long story that needs new pages. ", count: 110))
        do {
            _ = try await store.post(big)
            Issue.record("the post should not fit")
        } catch {
            #expect(error.kind == .runtime)
            #expect(error.message.contains("disk") && error.message.contains("full") && error.message.contains("nothing was written"),
                    "message: \(error.message)")
        }
        // Nothing half-written: same stories, same audit trail, integrity intact, still usable.
        #expect(try await store.storyCount() == 3)
        #expect(try await store.scalarInt("SELECT count(*) FROM audit WHERE action = 'post'") == 3)
        #expect(try await store.integrityCheck() == "ok")
        try await store.execute("PRAGMA max_page_count = 1073741823")
        _ = try await store.post(big)
        #expect(try await store.storyCount() == 4)
        await store.close()
    }
}
