import Foundation
import Synchronization
import SpotlightCore

/// Answers the broker shares between clients until the board changes: the wall's snapshot and
/// the lists and pages boards ask for, each under a key naming the request. After a change every
/// subscribed wall and board re-reads at once; 150 walls and 50 boards showing the same view
/// made 200 reads (a board's page counts 100,000 stories) where one of each is enough
/// (issue 13's figures). Clients that ask while that read is under way wait for it rather than
/// starting their own.
///
/// Never stale across a change: `invalidate()` runs before a change is announced (our writes,
/// and whatever the watcher sees), and a read that started before it is neither kept nor joined
/// by later requests. Answers also depend on the time (a pin's end), so one is kept for at most
/// `lifetime` after its read started. Only what is the same for every account may be kept
/// here: the caller adds the asker's own part (its votes) to a shared page.
final class SharedAnswers<Value: Sendable>: Sendable {
    typealias Answer = Result<Value, SpotlightError>

    private struct Entry {
        var value: Value?
        var readAt = Date.distantPast
        var reading: Task<Answer, Never>?
    }

    private struct State {
        var generation = 0
        var entries: [String: Entry] = [:]
    }

    private let state = Mutex(State())
    let lifetime: TimeInterval
    /// Keys kept at once; past it, the oldest finished answer makes room (a board's pages are
    /// many keys: one per offset, department and search).
    let capacity: Int

    init(lifetime: TimeInterval = 1, capacity: Int = 64) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The answer kept under `key` while fresh at `now`; else the read of it under way since the
    /// last change; else `read()`, kept for the next asker unless the board changed meanwhile.
    private enum Step { case done(Value), join(Task<Answer, Never>), start(Task<Answer, Never>, Int) }

    func answer(for key: String, at now: Date, read: @escaping @Sendable () async -> Answer) async -> Answer {
        let step: Step = state.withLock { state in
            if let entry = state.entries[key] {
                if let value = entry.value, now >= entry.readAt, now.timeIntervalSince(entry.readAt) < lifetime {
                    return .done(value)
                }
                if let reading = entry.reading { return .join(reading) }
            }
            let task = Task { await read() }
            Self.makeRoom(in: &state, for: key, capacity: capacity)
            state.entries[key] = Entry(reading: task)
            return .start(task, state.generation)
        }
        switch step {
        case .done(let value):
            return .success(value)
        case .join(let task):
            return await task.value
        case .start(let task, let generation):
            let answer = await task.value
            state.withLock { state in
                guard state.generation == generation else { return }
                if case .success(let value) = answer {
                    state.entries[key] = Entry(value: value, readAt: now)
                } else {
                    state.entries[key] = nil
                }
            }
            return answer
        }
    }

    /// The board changed (or may have): forget every answer and every read under way.
    func invalidate() {
        state.withLock { state in
            state.generation += 1
            state.entries = [:]
        }
    }

    /// Keys kept now (for tests).
    var count: Int { state.withLock { $0.entries.count } }

    private static func makeRoom(in state: inout State, for key: String, capacity: Int) {
        guard state.entries[key] == nil, state.entries.count >= capacity else { return }
        let finished = state.entries.filter { $0.value.reading == nil }
        if let oldest = finished.min(by: { $0.value.readAt < $1.value.readAt }) {
            state.entries[oldest.key] = nil
        }
    }
}
