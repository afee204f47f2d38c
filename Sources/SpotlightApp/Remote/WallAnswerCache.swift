import Foundation
import Synchronization
import SpotlightCore

/// The answer to a plain `GET /v1/wall`, shared by every wall. After a change every subscribed
/// wall re-reads at once, and the snapshot (settings, pins, the 300 hottest, the newest, each
/// department's best) is the same for every account: so one read and one JSON encoding serve
/// them all, where 150 walls made 150 of both per post (issue 13's figures). Walls that ask
/// while that read is under way wait for it rather than starting their own.
///
/// Never stale across a change: `invalidate()` runs before a change is announced (our writes,
/// and whatever the watcher sees), and a read that started before it is neither kept nor joined
/// by later requests. The snapshot also depends on the time (a pin's end), so an answer is kept
/// for at most `lifetime` after its read started.
final class WallAnswerCache: Sendable {
    typealias Answer = Result<[UInt8], SpotlightError>

    private struct State {
        var generation = 0
        var bytes: [UInt8]?
        var readAt = Date.distantPast
        var reading: (generation: Int, task: Task<Answer, Never>)?
    }

    private let state = Mutex(State())
    let lifetime: TimeInterval

    init(lifetime: TimeInterval = 1) { self.lifetime = lifetime }

    /// The kept answer while fresh at `now`; else the read under way since the last change;
    /// else `read()`, kept for the next wall unless the board changed meanwhile.
    func answer(at now: Date, read: @escaping @Sendable () async -> Answer) async -> Answer {
        enum Step { case done([UInt8]), join(Task<Answer, Never>), start(Task<Answer, Never>, Int) }
        let step: Step = state.withLock { state in
            if let bytes = state.bytes, now >= state.readAt, now.timeIntervalSince(state.readAt) < lifetime {
                return .done(bytes)
            }
            if let reading = state.reading, reading.generation == state.generation {
                return .join(reading.task)
            }
            let task = Task { await read() }
            state.reading = (state.generation, task)
            return .start(task, state.generation)
        }
        switch step {
        case .done(let bytes):
            return .success(bytes)
        case .join(let task):
            return await task.value
        case .start(let task, let generation):
            let answer = await task.value
            state.withLock { state in
                guard state.generation == generation else { return }
                state.reading = nil
                if case .success(let bytes) = answer {
                    state.bytes = bytes
                    state.readAt = now
                }
            }
            return answer
        }
    }

    /// The board changed (or may have): forget the answer and the read under way.
    func invalidate() {
        state.withLock { state in
            state.generation += 1
            state.bytes = nil
            state.reading = nil
        }
    }
}
