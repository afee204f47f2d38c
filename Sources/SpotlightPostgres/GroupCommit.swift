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
/// Under a storm, answering a batch's callers and starting the next batch at once would split
/// the callers in two halves that take turns (one writing while the other is on its way back),
/// so after a batch the writer waits up to `linger` for everyone it just answered or left
/// waiting: whole batches, half the transactions. A lone call never waits: nobody is writing,
/// or the gathering ends as soon as it is all there is to wait for.
///
/// One writer at a time, but never one stuck writer for everyone: a batch still unanswered after
/// `patience` (a server restarting under it, a link cut) hands the queue to a new writer, and
/// only that batch's callers wait out its deadlines.
final class GroupCommit<Request: Sendable, Answer: Sendable>: Sendable {
    /// Writes one batch; one answer a request, in order.
    typealias Writer = @Sendable ([Request]) async -> [Result<Answer, SpotlightError>]

    private let limit: Int
    private let patience: Duration
    private let linger: Duration
    private let state = Mutex(State())

    private struct State: Sendable {
        var waiting: [Waiter] = []
        /// The writer that owns the queue, if any (writers are numbered as they start).
        var writer: Int?
        var writersStarted = 0
        /// The writer waiting for `target` calls before its next batch.
        var gathering: (number: Int, target: Int, continuation: CheckedContinuation<Void, Never>)?
        var gatherings = 0

        /// Ends the gathering when enough have come, or gathering `number`'s time is up; the
        /// continuation to resume, if so.
        mutating func gathered(timeUpFor number: Int? = nil) -> CheckedContinuation<Void, Never>? {
            guard let gathering, waiting.count >= gathering.target || gathering.number == number else { return nil }
            self.gathering = nil
            return gathering.continuation
        }

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
    init(limit: Int = 64, patience: Duration = .seconds(1), linger: Duration = .milliseconds(2)) {
        self.limit = limit
        self.patience = patience
        self.linger = linger
    }

    func submit(_ request: Request, write: @escaping Writer) async throws(SpotlightError) -> Answer {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Answer, SpotlightError>, Never>) in
            let (writer, gathered): (Int?, CheckedContinuation<Void, Never>?) = state.withLock { state in
                state.waiting.append(Waiter(request: request, continuation: continuation))
                return (state.writer == nil ? state.newWriter() : nil, state.gathered())
            }
            gathered?.resume()
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
            let expected = min(limit, batch.count + waitingCount)
            for (index, waiter) in batch.enumerated() {
                waiter.continuation.resume(returning: index < answers.count
                    ? answers[index] : .failure(.runtime("a batched write gave no answer for this call; nothing is known of it")))
            }
            await gather(expected, as: writer)
        }
    }

    /// Waits up to `linger` until `target` calls are waiting; only the queue's owner gathers
    /// (one gathering at a time: a writer that was handed over from may still be finishing).
    private func gather(_ target: Int, as writer: Int) async {
        guard linger > .zero else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (number, replaced): (Int?, CheckedContinuation<Void, Never>?) = state.withLock { state in
                guard state.writer == writer, state.waiting.count < target else { return (nil, nil) }
                let replaced = state.gathering?.continuation
                state.gatherings += 1
                state.gathering = (state.gatherings, target, continuation)
                return (state.gatherings, replaced)
            }
            replaced?.resume()
            guard let number else {
                continuation.resume()
                return
            }
            Task { [linger] in
                try? await Task.sleep(for: linger)
                self.state.withLock { $0.gathered(timeUpFor: number) }?.resume()
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
        let (successor, gathering): (Int?, CheckedContinuation<Void, Never>?) = state.withLock { state in
            guard state.writer == writer else { return (nil, nil) }
            // A gathering still open is the old owner's: it ends now, whatever it waited for.
            let gathering = state.gathering?.continuation
            state.gathering = nil
            guard !state.waiting.isEmpty else {
                state.writer = nil
                return (nil, gathering)
            }
            return (state.newWriter(), gathering)
        }
        gathering?.resume()
        if let successor { start(successor, write) }
    }
}
#endif
