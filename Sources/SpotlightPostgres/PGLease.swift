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
        let handoff = Handoff()
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
        let outcome = await handoff.outcome()
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

    /// The first outcome (a connection, an error, or the deadline) wins; later ones are told so.
    private final class Handoff: Sendable {
        private struct State {
            var outcome: Result<Granted, any Error>?
            var waiter: CheckedContinuation<Result<Granted, any Error>, Never>?
        }

        private let state = Mutex(State())

        func deliver(_ outcome: Result<Granted, any Error>) -> Bool {
            let (first, waiter): (Bool, CheckedContinuation<Result<Granted, any Error>, Never>?) = state.withLock { state in
                guard state.outcome == nil else { return (false, nil) }
                state.outcome = outcome
                defer { state.waiter = nil }
                return (true, state.waiter)
            }
            if first { waiter?.resume(returning: outcome) }
            return first
        }

        func outcome() async -> Result<Granted, any Error> {
            await withCheckedContinuation { (waiter: CheckedContinuation<Result<Granted, any Error>, Never>) in
                let ready: Result<Granted, any Error>? = state.withLock { state in
                    if let outcome = state.outcome { return outcome }
                    state.waiter = waiter
                    return nil
                }
                if let ready { waiter.resume(returning: ready) }
            }
        }
    }
}
#endif
