#if PostgreSQLSupport
import Foundation
@testable import SpotlightPostgres
import SpotlightApp
import SpotlightCore
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
