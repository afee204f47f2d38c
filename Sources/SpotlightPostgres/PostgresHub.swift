#if PostgreSQLSupport
import Foundation
import PostgresNIO
import SpotlightApp
import SpotlightCore
import Synchronization

/// "Has the board changed?" across hosts (design §7): one `LISTEN spotlight_changes` connection
/// per process and database, fanned out to every handle's `changes()` streams. Every write
/// sends `pg_notify` right after its COMMIT (not inside it: a NOTIFY in the transaction holds
/// PostgreSQL's global notify lock through the commit's flush and serialises every writer);
/// a batch of votes notifies inside its transaction (`PostgresStore+Votes`: one a batch).
/// Payload: `<instance> <handle>[,<handle>…] <newest audit id>`, so a handle never hears its own writes.
///
/// A commit whose notification never came (its broker was killed between COMMIT and
/// `pg_notify`, or lost the server then) is found by the listener's check every second: it
/// reads the newest audit id, and one newer than every notification's, twice running (so not a
/// notification still on its way), is announced as `.changed` to every stream.
///
/// The listener is checked every second (that read, 5 s to answer); when it fails, every
/// stream hears `.unavailable`, it reconnects (at once, then 250 ms, 500 ms, every second) and,
/// once listening again, every stream hears `.changed`: whatever was committed meanwhile is
/// re-read, and anything later is notified.
final class PostgresHub: Sendable {
    static let channel = "spotlight_changes"

    private let location: PostgresLocation
    private let configuration: PostgresConnection.Configuration
    private let instance: String
    private let state = Mutex(State())
    private let audit = Mutex(AuditWatch())
    /// Called when the listener loses the server and when it is back (`onLossAndReturn`).
    private let renewal = Mutex<(@Sendable () -> Void)?>(nil)

    private struct Subscriber {
        /// Hears every commit but this handle's; nil: only other processes' commits.
        let handle: String?
        let continuation: AsyncStream<BoardChange>.Continuation
    }

    private struct State {
        var subscribers: [UUID: Subscriber] = [:]
        var task: Task<Void, Never>?
        var isListening = false
        var failure: SpotlightError?
        /// Those waiting in `start()` for the first LISTEN (or its failure).
        var waiting: [CheckedContinuation<Void, Never>] = []
        var isStopped = false
        /// Why the listener is down after it had been up: the store fails calls at once
        /// meanwhile (`PostgresStore.read`) instead of each waiting out its deadline.
        var outage: String?
    }

    init(location: PostgresLocation, configuration: PostgresConnection.Configuration, instance: String) {
        self.location = location
        self.configuration = configuration
        self.instance = instance
    }

    /// Starts listening (once per hub) and returns when LISTEN is acknowledged, so a write
    /// made after any later `changes()` call is heard. Throws when the first attempt failed.
    func start() async throws(SpotlightError) {
        let mustStart: Bool = state.withLock { state in
            guard state.task == nil, !state.isStopped else { return false }
            state.task = Task { [self] in await self.run() }
            return true
        }
        _ = mustStart
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready: Bool = state.withLock { state in
                if state.isListening || state.failure != nil || state.isStopped { return true }
                state.waiting.append(continuation)
                return false
            }
            if ready { continuation.resume() }
        }
        if let failure = state.withLock({ $0.isListening ? nil : $0.failure }) { throw failure }
    }

    func stop() async {
        let (task, subscribers, waiting) = state.withLock { state in
            state.isStopped = true
            defer { state.subscribers = [:]; state.waiting = []; state.task = nil }
            return (state.task, Array(state.subscribers.values), state.waiting)
        }
        for waiter in waiting { waiter.resume() }
        for subscriber in subscribers { subscriber.continuation.finish() }
        task?.cancel()
        await task?.value
    }

    func subscribe(handle: String?, _ continuation: AsyncStream<BoardChange>.Continuation) -> UUID? {
        let id = UUID()
        let added: Bool = state.withLock { state in
            guard !state.isStopped else { return false }
            state.subscribers[id] = Subscriber(handle: handle, continuation: continuation)
            return true
        }
        return added ? id : nil
    }

    func unsubscribe(_ id: UUID) {
        _ = state.withLock { $0.subscribers.removeValue(forKey: id) }
    }

    /// `action` runs each time the listener loses the server (calls waiting on it then fail at
    /// once instead of at their deadlines) and each time it is back, before the streams hear
    /// `.changed` (so their re-reads get live connections): the store renews its pool.
    func onLossAndReturn(_ action: @escaping @Sendable () -> Void) { renewal.withLock { $0 = action } }

    /// Why PostgreSQL is taken to be away (the listener lost it and has not reconnected), or nil.
    var outage: String? { state.withLock { $0.outage } }

    /// The payload a write by `handle` sends.
    func payload(handle: String) -> String { payload(handles: [handle]) }

    /// The payload of one transaction written for several handles (`GroupCommit`).
    func payload(handles: [String]) -> String { "\(instance) \(handles.joined(separator: ","))" }

    // MARK: - The listener

    private func run() async {
        var failures = 0
        var listenedBefore = false
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: PostgresConnect.quietLogger)
                do {
                    try await connection.listen(on: Self.channel) { notifications in
                        failures = 0
                        listened(catchUp: listenedBefore)
                        listenedBefore = true
                        await withThrowingTaskGroup(of: Void.self) { group in
                            group.addTask { try await self.heartbeat(connection) }
                            group.addTask {
                                for try await notification in notifications { self.fanOut(notification.payload) }
                                throw ListenerEnd.notificationsEnded
                            }
                            var why = "it ended"
                            do { try await group.next() } catch { why = Self.describe(error) }
                            // One ended: the server is away. Say so now, and close the connection:
                            // postgres-nio's waits do not end on cancellation, only when it closes
                            // (a cut link sends no reset, and TCP would wait for minutes).
                            self.lost(because: why)
                            try? await connection.close()
                            group.cancelAll()
                        }
                    }
                } catch {}
                try? await connection.close()
            } catch {
                if !listenedBefore && failures == 0 { firstAttemptFailed(PostgresErrors.translate(error, location)) }
            }
            guard !Task.isCancelled else { break }
            lost()
            let delays: [Duration] = [.zero, .milliseconds(250), .milliseconds(500)]
            let delay = failures < delays.count ? delays[failures] : .seconds(1)
            failures += 1
            try? await Task.sleep(for: delay)
        }
    }

    /// The newest audit id every second on the listener; no answer within 5 s ends it (a cut link
    /// sends no reset, and TCP alone would wait for minutes). Not less: on loaded CI cores a 2 s
    /// limit declared a healthy server away and failed a member's export.
    private func heartbeat(_ connection: PostgresConnection) async throws {
        let listener = PGTx(connection: connection, location: location)
        while true {
            try await Task.sleep(for: .seconds(1))
            let rows = try await listener.answer("SELECT coalesce(max(id), 0)::bigint FROM audit", within: .seconds(5))
            let newest = rows.first.flatMap { try? $0.decode(Int.self) } ?? 0
            if audit.withLock({ $0.polled(newest) }) { announceToAll() }
        }
    }

    private func listened(catchUp: Bool) {
        // Whatever was committed before now is read by the catch-up (or the first read after opening).
        audit.withLock { $0.startAgain() }
        if catchUp { renewal.withLock { $0 }?() }
        let waiting = state.withLock { state in
            state.isListening = true
            state.failure = nil
            state.outage = nil
            defer { state.waiting = [] }
            return state.waiting
        }
        for waiter in waiting { waiter.resume() }
        if catchUp { announceToAll() }
    }

    private func firstAttemptFailed(_ error: SpotlightError) {
        let waiting = state.withLock { state in
            state.failure = error
            defer { state.waiting = [] }
            return state.waiting
        }
        for waiter in waiting { waiter.resume() }
    }

    private func lost(because why: String? = nil) {
        let reason = "PostgreSQL at \(location.server) is not answering"
        let (wasListening, subscribers) = state.withLock { state in
            defer { state.isListening = false }
            if state.isListening { state.outage = reason }
            return (state.isListening, Array(state.subscribers.values))
        }
        guard wasListening else { return }
        // For the operator (the broker's log is its standard error): why the listener gave up;
        // nothing when it was stopped.
        if !Task.isCancelled { PGLog.say("lost PostgreSQL at \(location.server) (\(why ?? "the connection failed")); reconnecting") }
        renewal.withLock { $0 }?()
        for subscriber in subscribers { subscriber.continuation.yield(.unavailable(reason)) }
    }

    private enum ListenerEnd: Error { case notificationsEnded }

    private static func describe(_ error: any Error) -> String {
        if error is ListenerEnd { return "its notifications ended" }
        if let error = error as? PSQLError { return String(reflecting: error).prefix(300).description }
        return String(describing: error).prefix(300).description
    }

    private func announceToAll() {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers { subscriber.continuation.yield(.changed) }
    }

    private func fanOut(_ payload: String) {
        let parts = payload.split(separator: " ").map(String.init)
        if parts.count == 3, let newest = Int(parts[2]) { audit.withLock { $0.heard(newest) } }
        let ownInstance = parts.count >= 2 && parts[0] == instance
        let writers = parts.count >= 2 ? parts[1].split(separator: ",").map(String.init) : []
        let subscribers = state.withLock { Array($0.subscribers.values) }
        // Ours: this process's write, not heard by an others-only stream, nor by a handle that
        // was the transaction's only writer.
        for subscriber in subscribers where !(ownInstance && (subscriber.handle == nil || writers.allSatisfy { $0 == subscriber.handle })) {
            subscriber.continuation.yield(.changed)
        }
    }
}
/// The newest audit id notifications announced and the listener's poll saw (`PostgresHub`).
struct AuditWatch {
    private var announced = 0
    private var unannounced: Int?
    private var needsBaseline = true

    /// Listening (again): the next poll's answer is the baseline, not news.
    mutating func startAgain() { needsBaseline = true }

    /// A notification said the board's newest audit id was `newest` after its commit.
    mutating func heard(_ newest: Int) { announced = max(announced, newest) }

    /// The poll read `newest`: true when a commit went unannounced, seen twice running (a
    /// notification still on its way would have arrived by the second).
    mutating func polled(_ newest: Int) -> Bool {
        if needsBaseline {
            needsBaseline = false
            announced = max(announced, newest)
            return false
        }
        guard newest > announced else {
            unannounced = nil
            return false
        }
        if unannounced == newest {
            announced = newest
            unannounced = nil
            return true
        }
        unannounced = newest
        return false
    }
}
#endif
