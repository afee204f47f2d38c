import SpotlightCore

/// Who holds a store's one connection, and who waits for it, in arrival order. A plain value:
/// the actor owns it, so no lock is needed.
struct ConnectionGate {
    private(set) var isHeld = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Takes the connection if it is free.
    mutating func enter() -> Bool {
        guard !isHeld else { return false }
        isHeld = true
        return true
    }

    mutating func wait(_ continuation: CheckedContinuation<Void, Never>) {
        waiting.append(continuation)
    }

    /// Gives the connection to the next waiter (it stays held) or frees it; the caller resumes
    /// the returned waiter.
    mutating func leave() -> CheckedContinuation<Void, Never>? {
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
        if !gate.enter() {
            await withCheckedContinuation { gate.wait($0) }
        }
        defer { gate.leave()?.resume() }
        let result: Result<T, SpotlightError> = await Self.$holder.withValue(me) {
            do throws(SpotlightError) {
                return .success(try await body())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
