#if PostgreSQLSupport
import PostgresNIO
import SpotlightCore
import Synchronization

/// Every wait on PostgreSQL has an end (design §8). A cut link sends no reset, and a server that
/// closed an idle transaction's connection can leave a waiter with nothing to wake it; without
/// these deadlines a broker would hang instead of saying the store is away.
enum PGDeadline {
    /// For a pooled connection. The pool queues leases when all its connections are busy, so
    /// this is long enough for a queue of healthy transactions (each under `statement_timeout`).
    static let lease: Duration = .seconds(10)
    /// For one statement's answer, all rows of it. The server ends its own statements after 5 s
    /// (`statement_timeout`, `PostgresConnect.startupParameters`): past 10 s the link is gone.
    static let statement: Duration = .seconds(10)
}

/// A connection leased from the pool under `PGDeadline.lease`. `PostgresClient.withConnection`
/// holds its lease only for the length of a closure, with no deadline, so a task holds it here
/// (cancelled, which withdraws the request, when the deadline passes first) and hands the
/// connection over until `giveBack`.
struct PGLease: Sendable {
    let connection: PostgresConnection
    private let returned: CheckedContinuation<Void, Never>
    private let holder: Task<Void, Never>

    /// Back to the pool; returns once the pool has it.
    func giveBack() async {
        returned.resume()
        await holder.value
    }

    static func take(from client: PostgresClient, _ location: PostgresLocation) async throws(SpotlightError) -> PGLease {
        let handoff = PGFirstOutcome<Granted>()
        let holder = Task {
            do {
                try await client.withConnection { connection in
                    await withCheckedContinuation { (returned: CheckedContinuation<Void, Never>) in
                        // Too late (the deadline won): give it straight back.
                        if !handoff.deliver(.success(Granted(connection: connection, returned: returned))) { returned.resume() }
                    }
                }
            } catch {
                _ = handoff.deliver(.failure(error))
            }
        }
        let timer = Task {
            try? await Task.sleep(for: PGDeadline.lease)
            if !Task.isCancelled, handoff.deliver(.failure(TimedOut())) { holder.cancel() }
        }
        let outcome = await handoff.value()
        timer.cancel()
        switch outcome {
        case .success(let granted):
            return PGLease(connection: granted.connection, returned: granted.returned, holder: holder)
        case .failure(let error) where error is TimedOut:
            throw .runtime("PostgreSQL at \(location.server) gave this broker no connection within \(PGDeadline.lease): it is not answering, or busy; nothing was written")
        case .failure(let error):
            throw PostgresErrors.translate(error, location)
        }
    }

    private struct TimedOut: Error {}

    private struct Granted: Sendable {
        let connection: PostgresConnection
        let returned: CheckedContinuation<Void, Never>
    }
}

/// A statement that got no answer within its deadline (`PGTx.answer`).
struct PGNoAnswer: Error {}

/// The first of several outcomes (an answer, an error, a deadline); later ones are told they
/// came too late. Waiting for it never depends on the losers ending.
final class PGFirstOutcome<Value: Sendable>: Sendable {
    private struct State {
        var outcome: Result<Value, any Error>?
        var waiter: CheckedContinuation<Result<Value, any Error>, Never>?
    }

    private let state = Mutex(State())

    /// True when `outcome` is the first.
    @discardableResult
    func deliver(_ outcome: Result<Value, any Error>) -> Bool {
        let (first, waiter): (Bool, CheckedContinuation<Result<Value, any Error>, Never>?) = state.withLock { state in
            guard state.outcome == nil else { return (false, nil) }
            state.outcome = outcome
            defer { state.waiter = nil }
            return (true, state.waiter)
        }
        if first { waiter?.resume(returning: outcome) }
        return first
    }

    func value() async -> Result<Value, any Error> {
        await withCheckedContinuation { (waiter: CheckedContinuation<Result<Value, any Error>, Never>) in
            let ready: Result<Value, any Error>? = state.withLock { state in
                if let outcome = state.outcome { return outcome }
                state.waiter = waiter
                return nil
            }
            if let ready { waiter.resume(returning: ready) }
        }
    }
}
#endif
