#if PostgreSQLSupport
import SpotlightCore
import Synchronization

/// Group commit: calls that arrive while a batch is being written wait, and go together in the
/// next one. A call alone is written at once (a batch of one); under load each transaction
/// carries many calls, so the round trips, the COMMIT's flush and the notification are paid once
/// a batch instead of once a call. Every caller still gets its own answer, after its batch's
/// COMMIT. The call that finds nobody writing starts the batches with its `write` (every caller
/// of one queue passes the same function).
///
/// One writer at a time, but never one stuck writer for everyone: a batch still unanswered after
/// `patience` (a server restarting under it, a link cut) hands the queue to a new writer, and
/// only that batch's callers wait out its deadlines.
final class GroupCommit<Request: Sendable, Answer: Sendable>: Sendable {
    /// Writes one batch; one answer a request, in order.
    typealias Writer = @Sendable ([Request]) async -> [Result<Answer, SpotlightError>]

    private let limit: Int
    private let patience: Duration
    private let state = Mutex(State())

    private struct State: Sendable {
        var waiting: [Waiter] = []
        /// The writer that owns the queue, if any (writers are numbered as they start).
        var writer: Int?
        var writersStarted = 0

        /// Makes a new writer the owner; its number.
        mutating func newWriter() -> Int {
            writersStarted += 1
            writer = writersStarted
            return writersStarted
        }
    }

    private struct Waiter: Sendable {
        let request: Request
        let continuation: CheckedContinuation<Result<Answer, SpotlightError>, Never>
    }

    /// `limit`: the most calls in one batch (one transaction's statements stay small).
    init(limit: Int = 64, patience: Duration = .seconds(1)) {
        self.limit = limit
        self.patience = patience
    }

    func submit(_ request: Request, write: @escaping Writer) async throws(SpotlightError) -> Answer {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Answer, SpotlightError>, Never>) in
            let writer: Int? = state.withLock { state in
                state.waiting.append(Waiter(request: request, continuation: continuation))
                return state.writer == nil ? state.newWriter() : nil
            }
            if let writer { start(writer, write) }
        }
        return try result.get()
    }

    /// Calls waiting for a batch (tests).
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    private func start(_ writer: Int, _ write: @escaping Writer) {
        Task { await self.drain(as: writer, write) }
    }

    /// Writes batches while this writer owns the queue and someone waits.
    private func drain(as writer: Int, _ write: @escaping Writer) async {
        while let batch = next(for: writer) {
            let watchdog = Task { [patience] in
                try? await Task.sleep(for: patience)
                if !Task.isCancelled { self.handOver(from: writer, write) }
            }
            let answers = await write(batch.map(\.request))
            watchdog.cancel()
            for (index, waiter) in batch.enumerated() {
                waiter.continuation.resume(returning: index < answers.count
                    ? answers[index] : .failure(.runtime("a batched write gave no answer for this call; nothing is known of it")))
            }
        }
    }

    private func next(for writer: Int) -> [Waiter]? {
        state.withLock { state in
            guard state.writer == writer else { return nil }
            guard !state.waiting.isEmpty else {
                state.writer = nil
                return nil
            }
            let batch = Array(state.waiting.prefix(limit))
            state.waiting.removeFirst(batch.count)
            return batch
        }
    }

    /// `writer`'s batch is taking too long: the calls waiting behind it get a writer of their own.
    private func handOver(from writer: Int, _ write: @escaping Writer) {
        let successor: Int? = state.withLock { state in
            guard state.writer == writer else { return nil }
            guard !state.waiting.isEmpty else {
                state.writer = nil
                return nil
            }
            return state.newWriter()
        }
        if let successor { start(successor, write) }
    }
}
#endif
