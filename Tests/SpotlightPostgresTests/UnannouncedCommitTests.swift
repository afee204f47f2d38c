#if PostgreSQLSupport
import Foundation
@testable import SpotlightPostgres
import SpotlightApp
import SpotlightCore
import Synchronization
import Testing

/// A commit whose `pg_notify` never came (its broker killed between COMMIT and the notification)
/// still reaches every listener: the hub's poll of the newest audit id (`AuditWatch`).
@Suite struct UnannouncedCommitTests {
    @Test func aPollAnnouncesOnlyWhatStayedUnannouncedTwiceRunning() {
        var watch = AuditWatch()
        func polled(_ newest: Int) -> Bool { watch.polled(newest) }
        #expect(!polled(40), "the first read after listening is the baseline")
        #expect(!polled(40))
        watch.heard(41)
        #expect(!polled(41), "announced by its notification")
        #expect(!polled(42), "perhaps a notification on its way")
        watch.heard(42)
        #expect(!polled(42), "it came")
        #expect(!polled(43))
        #expect(polled(43), "still unannounced a second later")
        #expect(!polled(43), "announced once")
        watch.startAgain()
        #expect(!polled(50), "after a reconnect the catch-up covers it")
    }

    @Test(.enabled(if: TestCluster.adminURL != nil, "SPOTLIGHT_TEST_POSTGRES is not set"), .timeLimit(.minutes(1)))
    func aCommitNobodyAnnouncedIsHeardWithinSeconds() async throws {
        let url = try await TestCluster.newDatabase()
        let board = try await PostgreSQLBoard.open(url, as: Account(login: "dana", displayName: "Dana"),
                                                   mode: .createIfMissing(name: "Lobby"))
        defer { Task { await board.close() } }
        let changes = board.changes()
        // Let the poll take its baseline, then commit behind spotlight's back: no notification.
        try await Task.sleep(for: .seconds(1.5))
        try await TestCluster.run(url, "INSERT INTO audit(at, actor, action, detail) VALUES (0, 'dana', 'settings', 'by hand')")
        let started = ContinuousClock.now
        var iterator = changes.makeAsyncIterator()
        let heard = await iterator.next()
        #expect(heard == .changed)
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
#endif
#if PostgreSQLSupport
/// A broker's watcher hears only other processes' commits (`othersChanges`): its own handles'
/// writes it announces itself, and any other broker's must never be taken for an echo of them.
@Suite struct OthersChangesTests {
    @Test(.enabled(if: TestCluster.adminURL != nil, "SPOTLIGHT_TEST_POSTGRES is not set"), .timeLimit(.minutes(1)))
    func aWatcherHearsOtherInstancesCommitsAndNotItsOwnProcesss() async throws {
        let url = try await TestCluster.newDatabase()
        let dana = Account(login: "dana", displayName: "Dana")
        let watcher = try await PostgreSQLBoard.open(url, as: dana, mode: .createIfMissing(name: "Lobby"))
        defer { Task { await watcher.close() } }
        let writer = try await PostgreSQLBoard.open(url, as: Account(login: "mary", displayName: "Mary"))
        defer { Task { await writer.close() } }
        let others = try #require(watcher.othersChanges())
        let heard = Mutex(0)
        let listening = Task {
            for await change in others where change == .changed { heard.withLock { $0 += 1 } }
        }
        defer { listening.cancel() }
        let everything = watcher.changes()
        _ = try await writer.post(StoryDraft(title: "Ours", body: "b", hero: "h", department: "d", customer: .external, tags: []))
        var all = everything.makeAsyncIterator()
        #expect(await all.next() == .changed, "changes() hears another handle of this process")
        try await Task.sleep(for: .seconds(1.5))
        #expect(heard.withLock { $0 } == 0, "othersChanges() never hears this process's own writes")
        // Another broker's commit, as its notification names it.
        try await TestCluster.run(url, "SELECT pg_notify('spotlight_changes', 'otherhost:1:2 h 0')")
        for _ in 0..<50 where heard.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(100)) }
        #expect(heard.withLock { $0 } == 1)
    }
}
#endif
