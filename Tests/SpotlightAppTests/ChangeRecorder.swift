import Foundation
import SpotlightApp

/// Collects what a `changes()` stream says, so a test can wait for it without holding the
/// iterator. Waiting is bounded (a missing change fails the test instead of hanging it);
/// nothing is asserted about how long it took.
actor ChangeRecorder {
    private(set) var changes: [BoardChange] = []
    private(set) var ended = false

    init(_ stream: AsyncStream<BoardChange>) {
        Task {
            for await change in stream { await self.record(change) }
            await self.end()
        }
    }

    private func record(_ change: BoardChange) { changes.append(change) }
    private func end() { ended = true }

    /// Waits until `count` changes arrived (true) or `seconds` passed (false).
    func waitFor(count: Int, seconds: Double = 15) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while changes.count < count && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return changes.count >= count
    }

    /// Waits until the stream finished (true) or `seconds` passed (false).
    func waitForEnd(seconds: Double = 15) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !ended && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return ended
    }
}
