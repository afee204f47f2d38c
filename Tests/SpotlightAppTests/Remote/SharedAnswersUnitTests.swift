import Foundation
import Synchronization
import Testing
@testable import SpotlightApp
import SpotlightCore

/// `SharedAnswers` alone: one read per key between changes, and after a change the keys clients
/// asked for are read again at once — but only the most recently asked, and only while asked.
@Suite struct SharedAnswersUnitTests {
    /// Counts reads of each key; every read answers the count so far.
    final class Reads: Sendable {
        private let counts = Mutex([String: Int]())
        func read(_ key: String) -> SharedAnswers<Int>.Read {
            { [self] in .success(counts.withLock { counts in counts[key, default: 0] += 1; return counts[key]! }) }
        }
        func count(_ key: String) -> Int { counts.withLock { $0[key, default: 0] } }
        /// Waits (up to 5 s) until `key` was read `n` times.
        func waitFor(_ key: String, _ n: Int) async -> Bool {
            for _ in 0..<500 where count(key) < n { try? await Task.sleep(for: .milliseconds(10)) }
            return count(key) >= n
        }
    }

    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func oneReadServesEveryAskerUntilTheBoardChanges() async throws {
        let answers = SharedAnswers<Int>()
        let reads = Reads()
        #expect(try await answers.answer(for: "wall", at: now, read: reads.read("wall")).get() == 1)
        #expect(try await answers.answer(for: "wall", at: now, read: reads.read("wall")).get() == 1)
        #expect(reads.count("wall") == 1)
        answers.invalidate(at: now)
        #expect(await reads.waitFor("wall", 2), "read again at the change, before anyone asks")
        #expect(try await answers.answer(for: "wall", at: now, read: reads.read("wall")).get() == 2)
        #expect(reads.count("wall") == 2, "the asker got the change's read, not a third")
    }

    @Test func aReadAgainThatNobodyAsksForIsNotReadAtTheNextChange() async throws {
        let answers = SharedAnswers<Int>()
        let reads = Reads()
        _ = await answers.answer(for: "page", at: now, read: reads.read("page"))
        answers.invalidate(at: now)
        #expect(await reads.waitFor("page", 2))
        answers.invalidate(at: now)
        try await Task.sleep(for: .milliseconds(100))
        #expect(reads.count("page") == 2, "no client asked since the last change")
    }

    @Test func aChangeReadsAgainOnlyTheMostRecentlyAsked() async throws {
        let answers = SharedAnswers<Int>(rereads: 2)
        let reads = Reads()
        for (index, key) in ["a", "b", "c"].enumerated() {
            _ = await answers.answer(for: key, at: now.addingTimeInterval(Double(index) / 10), read: reads.read(key))
        }
        answers.invalidate(at: now)
        #expect(await reads.waitFor("b", 2))
        #expect(await reads.waitFor("c", 2))
        try await Task.sleep(for: .milliseconds(100))
        #expect(reads.count("a") == 1)
    }

    @Test func anAnswerIsKeptForItsLifetimeOnly() async throws {
        let answers = SharedAnswers<Int>(lifetime: 1)
        let reads = Reads()
        _ = await answers.answer(for: "wall", at: now, read: reads.read("wall"))
        #expect(try await answers.answer(for: "wall", at: now.addingTimeInterval(0.9), read: reads.read("wall")).get() == 1)
        #expect(try await answers.answer(for: "wall", at: now.addingTimeInterval(1.1), read: reads.read("wall")).get() == 2)
    }
}
