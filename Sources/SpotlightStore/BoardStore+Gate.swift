import SpotlightCore

/// Who holds a store's one connection, and who waits for it, in arrival order. A plain value:
/// the actor owns it, so no lock is needed.
struct ConnectionGate {
    private(set) var isHeld = false
    /// What resumes each waiting task. Closures, not the `CheckedContinuation`s themselves:
    /// that type's `E: Error` requirement is checked at run time the first time a value of it
    /// is handled, a scan of every conformance record (~0.2 M instructions), which every
    /// statement's `leave` paid even when nobody waited (issue 17).
    private var waiting: [@Sendable () -> Void] = []

    /// Takes the connection if it is free.
    mutating func enter() -> Bool {
        guard !isHeld else { return false }
        isHeld = true
        return true
    }

    mutating func wait(_ continuation: CheckedContinuation<Void, Never>) {
        waiting.append { continuation.resume() }
    }

    /// Gives the connection to the next waiter (it stays held) or frees it; the caller resumes
    /// the returned waiter.
    mutating func leave() -> (@Sendable () -> Void)? {
        guard !waiting.isEmpty else {
            isHeld = false
            return nil
        }
        return waiting.removeFirst()
    }
}

extension BoardStore {
    /// The store whose gate the current task holds: statements inside a transaction run
    /// without queueing behind the transaction itself.
    @TaskLocal static var holder: ObjectIdentifier?

    /// Runs `body` holding the connection: one statement, or a whole transaction. Re-entrant
    /// for the task that holds it; every other task waits its turn (first come, first served).
    func exclusively<T>(_ body: () async throws(SpotlightError) -> T) async throws(SpotlightError) -> T {
        let me = ObjectIdentifier(self)
        if Self.holder == me { return try await body() }
        if !gate.enter() { await waitForGate() }
        defer { gate.leave()?() }
        let outcome: Outcome<T> = await Self.$holder.withValue(me) {
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

    /// Waits until `leave` hands this task the connection. A function of its own, so that only
    /// a task that waits instantiates `CheckedContinuation<Void, Never>` (its `E: Error`
    /// requirement is a scan of every conformance record); inlined, `exclusively` did so on
    /// every call (issue 17).
    @inline(never)
    private func waitForGate() async {
        await withCheckedContinuation { gate.wait($0) }
    }
}

/// What a body run under the gate gave. Not `Result`: its `Failure: Error` requirement is
/// checked at run time on first use, a scan of every conformance record (issue 17).
private enum Outcome<T> {
    case success(T)
    case failure(SpotlightError)
}
