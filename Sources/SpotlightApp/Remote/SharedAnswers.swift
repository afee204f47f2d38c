import Foundation
import Synchronization
import SpotlightCore

/// Answers the broker shares between clients until the board changes: the wall's snapshot and
/// the lists and pages boards ask for, each under a key naming the request. After a change every
/// subscribed wall and board re-reads at once; 150 walls and 50 boards showing the same view
/// made 200 reads (a board's page counts 100,000 stories) where one of each is enough
/// (issue 13's figures). Clients that ask while that read is under way wait for it rather than
/// starting their own, and the reads asked for since the last change start again as soon as
/// the board changes (`invalidate(at:)`), before the clients' requests arrive.
///
/// Never stale across a change: `invalidate` runs before a change is announced (our writes,
/// and whatever the watcher sees), and a read that started before it is neither kept nor joined
/// by later requests. Answers also depend on the time (a pin's end), so one is kept for at most
/// `lifetime` after its read started. Only what is the same for every account may be kept
/// here: the caller adds the asker's own part (its votes) to a shared page.
final class SharedAnswers<Value: Sendable>: Sendable {
    typealias Answer = Result<Value, SpotlightError>
    typealias Read = @Sendable () async -> Answer

    private struct Entry {
        var value: Value?
        var readAt = Date.distantPast
        var reading: Task<Answer, Never>?
        /// How to read it again after a change.
        var read: Read
        /// When a client last asked for it since the last change; nil for a read started by a
        /// change that nobody has asked for yet (not started again by the next one).
        var askedAt: Date?
    }

    private struct State {
        var generation = 0
        var entries: [String: Entry] = [:]
    }

    private enum Step { case done(Value), join(Task<Answer, Never>) }

    private let state = Mutex(State())
    let lifetime: TimeInterval
    /// Keys kept at once; past it, the oldest finished answer makes room (a board's pages are
    /// many keys: one per offset, department and search). Also the most re-read after a change.
    let capacity: Int
    /// How many reads a change starts again at most: each costs the board a read (a page of
    /// 100,000 stories ~10 ms) whether or not anyone asks again.
    let rereads: Int

    init(lifetime: TimeInterval = 1, capacity: Int = 32, rereads: Int = 2) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.rereads = rereads
    }

    /// The answer kept under `key` while fresh at `now`; else the read of it under way since the
    /// last change; else `read()`, kept for the next asker unless the board changed meanwhile.
    func answer(for key: String, at now: Date, read: @escaping Read) async -> Answer {
        let step: Step = state.withLock { state in
            if let entry = state.entries[key] {
                state.entries[key]?.askedAt = now
                if let value = entry.value, now >= entry.readAt, now.timeIntervalSince(entry.readAt) < lifetime {
                    return .done(value)
                }
                if let reading = entry.reading { return .join(reading) }
            }
            Self.makeRoom(in: &state, for: key, capacity: capacity)
            let task = start(key, read, at: now, in: &state)
            state.entries[key]?.askedAt = now
            return .join(task)
        }
        switch step {
        case .done(let value): return .success(value)
        case .join(let task): return await task.value
        }
    }

    /// The board changed (or may have): forget every answer and every read under way, and
    /// start again the `rereads` most recently asked for since the last change.
    func invalidate(at now: Date) {
        state.withLock { state in
            let asked = state.entries.compactMap { key, entry in entry.askedAt.map { (key: key, at: $0, read: entry.read) } }
                .sorted { $0.at > $1.at }.prefix(rereads)
            state.generation += 1
            state.entries = [:]
            for entry in asked { _ = start(entry.key, entry.read, at: now, in: &state) }
        }
    }

    /// Starts `read` for `key` in the current generation; its answer is kept when it ends unless
    /// the board changed meanwhile (a failure is not kept: the next asker tries again).
    private func start(_ key: String, _ read: @escaping Read, at now: Date, in state: inout State) -> Task<Answer, Never> {
        let generation = state.generation
        let task = Task { [weak self] in
            let answer = await read()
            self?.state.withLock { state in
                guard state.generation == generation, let entry = state.entries[key] else { return }
                if case .success(let value) = answer {
                    state.entries[key] = Entry(value: value, readAt: now, read: entry.read, askedAt: entry.askedAt)
                } else {
                    state.entries[key] = nil
                }
            }
            return answer
        }
        state.entries[key] = Entry(reading: task, read: read)
        return task
    }

    private static func makeRoom(in state: inout State, for key: String, capacity: Int) {
        guard state.entries[key] == nil, state.entries.count >= capacity else { return }
        let finished = state.entries.filter { $0.value.reading == nil || $0.value.value != nil }
        if let oldest = finished.min(by: { $0.value.readAt < $1.value.readAt }) {
            state.entries[oldest.key] = nil
        }
    }
}
