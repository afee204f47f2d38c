#if PostgreSQLSupport
import SpotlightCore
import Synchronization

/// Group commit: calls that arrive while a batch is being written wait, and go together in the
/// next one. A call alone is written at once (a batch of one); under load each transaction
/// carries many calls, so the round trips, the COMMIT's flush and the notification are paid once
/// a batch instead of once a call. Every caller still gets its own answer, after its batch's
/// COMMIT. The call that finds nobody writing starts the batches with its `write` (every caller
/// of one queue passes the same function).
final class GroupCommit<Request: Sendable, Answer: Sendable>: Sendable {
    /// Writes one batch; one answer a request, in order.
    typealias Writer = @Sendable ([Request]) async -> [Result<Answer, SpotlightError>]

    private let limit: Int
    private let state = Mutex(State())

    private struct State: Sendable {
        var waiting: [Waiter] = []
        var writing = false
    }

    private struct Waiter: Sendable {
        let request: Request
        let continuation: CheckedContinuation<Result<Answer, SpotlightError>, Never>
    }

    /// `limit`: the most calls in one batch (one transaction's statements stay small).
    init(limit: Int = 64) {
        self.limit = limit
    }

    func submit(_ request: Request, write: @escaping Writer) async throws(SpotlightError) -> Answer {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Answer, SpotlightError>, Never>) in
            let startWriting = state.withLock { state in
                state.waiting.append(Waiter(request: request, continuation: continuation))
                defer { state.writing = true }
                return !state.writing
            }
            if startWriting { Task { await self.drain(write) } }
        }
        return try result.get()
    }

    /// Calls waiting for a batch (tests).
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Writes batches until nobody waits; one writer at a time.
    private func drain(_ write: Writer) async {
        while let batch = next() {
            let answers = await write(batch.map(\.request))
            for (index, waiter) in batch.enumerated() {
                waiter.continuation.resume(returning: index < answers.count
                    ? answers[index] : .failure(.runtime("a batched write gave no answer for this call; nothing is known of it")))
            }
        }
    }

    private func next() -> [Waiter]? {
        state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.writing = false
                return nil
            }
            let batch = Array(state.waiting.prefix(limit))
            state.waiting.removeFirst(batch.count)
            return batch
        }
    }
}
#endif
