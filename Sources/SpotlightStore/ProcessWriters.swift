import SpotlightCore
import Synchronization

/// One write transaction at a time in this process, across every `BoardStore`.
///
/// Every SQLite call of a CLI process runs on one thread (`BoardStore.threadPool`; a broker has
/// a few, which a connection waiting in SQLite's busy handler can fill all the same). A process with
/// several connections to one board — the broker keeps one per account — would otherwise
/// deadlock: connection A holds the write lock between statements of its transaction, B's
/// `BEGIN IMMEDIATE` blocks that one thread in SQLite's busy handler waiting for A, and A's next
/// statement (its `COMMIT`) cannot run until B gives up after `busy_timeout`. Eight members
/// writing at once through the broker made every request wait 10 s and fail "locked by another
/// process" (found by `BrokerFaultTests`). Taking turns here costs nothing: SQLite runs one write
/// transaction at a time anyway. Writers in other processes still meet SQLite's lock.
enum ProcessWriters {
    private static let gate = Mutex(ConnectionGate())
    /// True inside a write transaction of the current task, so a nested one does not wait for itself.
    @TaskLocal static var isHeld = false

    /// Runs `body` (a whole write transaction) on the caller's actor, holding the turn.
    static func exclusively<T>(isolation: isolated (any Actor)? = #isolation,
                               _ body: () async throws(SpotlightError) -> T) async throws(SpotlightError) -> T {
        if isHeld { return try await body() }
        if !gate.withLock({ $0.enter() }) { await waitForTurn() }
        defer { gate.withLock { $0.leave() }?() }
        let outcome: WriterOutcome<T> = await $isHeld.withValue(true) {
            do throws(SpotlightError) {
                return .success(try await body())
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let value): return value
        case .failure(let error): throw error
        }
    }

    /// Waits until `leave` hands this task the turn. Only a task that waits pays for the
    /// continuation (issue 17: its first use scans the conformance records).
    @inline(never)
    private static func waitForTurn() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            // The holder may have left since `enter` failed: try again under the lock, and
            // queue only if the gate is still held.
            let entered = gate.withLock { gate in
                if gate.enter() { return true }
                gate.wait(continuation)
                return false
            }
            if entered { continuation.resume() }
        }
    }
}

/// Not `Result`, for the reason `BoardStore+Gate`'s `Outcome` gives (issue 17).
private enum WriterOutcome<T> {
    case success(T)
    case failure(SpotlightError)
}
