import Foundation
import SpotlightCore
import SpotlightStore

/// "Has the board file changed?" for one `changes()` stream: inotify hints, the file's
/// identity (deleted or replaced), `PRAGMA data_version` (which ignores this connection's own
/// commits), all re-checked on `RecheckPolicy`'s one schedule.
extension SQLiteBoard {
    /// Registered, watching and with its starting point taken before it returns, so a commit
    /// after this call is never missed (one made just before may be reported once more: a
    /// spare re-read, never a lost one).
    public nonisolated func changes() -> AsyncStream<BoardChange> {
        let (stream, output) = AsyncStream.makeStream(of: BoardChange.self, bufferingPolicy: .bufferingNewest(8))
        let registered = watchers.withLock { watchers -> (id: Int, start: Seen)? in
            guard !watchers.isClosed else { return nil }
            let id = watchers.nextID
            watchers.nextID += 1
            watchers.streams.append(Stream(id: id, output: output))
            // A problem still there is told to the new stream too.
            var start = watchers.latest
            start.problem = nil
            return (id, start)
        }
        guard let (id, start) = registered else {
            output.finish()
            return stream
        }
        let (events, wake) = AsyncStream.makeStream(of: WatchEvent.self, bufferingPolicy: .bufferingNewest(4))
        let hints = InotifyHints(boardPath: location) { wake.yield(.hint) }
        let task = Task { await self.watch(output, from: start, events: events, wake: wake, hinted: hints.isAvailable) }
        let stop: @Sendable () -> Void = { [weak self] in
            task.cancel()
            hints.cancel()
            wake.finish()
            self?.watchers.withLock { $0.streams.removeAll { $0.id == id } }
        }
        output.onTermination = { _ in stop() }
        // Closed between registering and here: its finish came before the handler was set.
        if watchers.withLock({ $0.isClosed }) { stop() }
        return stream
    }

    /// What one stream last saw, to tell a change from a re-read of the same board.
    struct Seen: Sendable {
        var generation: Int
        var dataVersion: Int?
        var problem: String?
    }

    enum WatchEvent: Sendable {
        case hint, tick
    }

    private func watch(_ output: AsyncStream<BoardChange>.Continuation, from start: Seen,
                       events: AsyncStream<WatchEvent>, wake: AsyncStream<WatchEvent>.Continuation, hinted: Bool) async {
        var policy = RecheckPolicy(now: clock.now, firstDelay: self.policy.firstDelay, maximumDelay: self.policy.maximumDelay,
                                   burst: self.policy.burst,
                                   slowPoll: self.policy.slowPoll, fallbackPoll: self.policy.fallbackPoll, hintsAvailable: hinted)
        var seen = start
        var timer: Task<Void, Never>?
        // Sleeping is only a wake-up; whether a check is due is decided by the clock.
        func sleep() {
            timer?.cancel()
            let delay = policy.delay(from: clock.now)
            timer = Task {
                // A cancelled timer was replaced by a newer one: its tick would cancel that one
                // in turn, and so on — a spin at full CPU after the first hint (issue 13's figures).
                do { try await Task.sleep(for: .milliseconds(Int((delay * 1000).rounded(.up)))) } catch { return }
                wake.yield(.tick)
            }
        }
        // The first look is at once: whatever happened since `start` was taken.
        policy.hint(at: clock.now)
        wake.yield(.tick)
        for await event in events {
            if Task.isCancelled { break }
            if event == .hint { policy.hint(at: clock.now) }
            if policy.isDue(at: clock.now) {
                let change = await check(&seen)
                if Task.isCancelled { break }
                if let change { output.yield(change) }
                let latest = seen
                watchers.withLock { $0.latest = latest }
                policy.checked(at: clock.now, foundChange: change != nil)
            }
            sleep()
        }
        timer?.cancel()
        output.finish()
    }

    /// One look at the board file: `.changed` when another connection committed, or the board is
    /// back (reconnected) after a problem; `.unavailable` once per new problem; nil otherwise.
    func check(_ seen: inout Seen) async -> BoardChange? {
        guard let current = BoardWatcher.fileIdentity(of: location) else {
            await disconnect()
            return report(Self.missing, in: &seen)
        }
        if let storeIdentity, storeIdentity != current {
            // Replaced: an open connection would go on reading the old file.
            await disconnect()
        }
        do {
            let version = try await connected().dataVersion()
            let moved = seen.problem != nil || seen.generation != generation || seen.dataVersion != version
            seen = Seen(generation: generation, dataVersion: version)
            return moved ? .changed : nil
        } catch {
            // A cancelled stream's reads fail; that says nothing about the board.
            guard !Task.isCancelled else { return nil }
            await disconnect()
            return report(Self.unavailable(error), in: &seen)
        }
    }

    private func report(_ problem: String, in seen: inout Seen) -> BoardChange? {
        guard seen.problem != problem else { return nil }
        seen.problem = problem
        return .unavailable(problem)
    }

    static let missing = "board file missing"

    static func unavailable(_ error: SpotlightError) -> String { "board unavailable (\(error.message))" }
}
