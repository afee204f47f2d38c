import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightUI

/// "Has the board changed?" for the interactive board, as messages: inotify (`BoardWatcher`)
/// as the hint, `BoardLink` (file identity, `PRAGMA data_version`) to confirm, and a slow poll
/// as the fallback. Kept thin and on its own: `BoardService.changes()` replaces it (issue 12).
@MainActor
final class BoardChangeCheck {
    /// How often the board is checked without a hint (the wall's figures): often when there
    /// is no inotify to hint, rarely when there is.
    static let slowPoll: TimeInterval = 10
    static let fallbackPoll: TimeInterval = 2

    let link: BoardLink
    let watcher: BoardWatcher
    private var nextPoll: Date
    /// Follow-up checks after an inotify hint: a writer's WAL frames wake us before its commit
    /// is visible (the commit itself only touches the `-shm` mapping, which inotify never
    /// reports), so a hint that found nothing is checked again shortly, backing off, for a second.
    private var recheck: (next: Date, step: TimeInterval, until: Date)?

    init(link: BoardLink, boardPath: String, now: Date) {
        self.link = link
        watcher = BoardWatcher(boardPath: boardPath)
        nextPoll = now.addingTimeInterval(Self.slowPoll)
    }

    /// The descriptors the loop's `poll` watches for a hint.
    var fileDescriptors: [Int32] { watcher.fileDescriptor.map { [$0] } ?? [] }

    /// Reads the watcher's pending events; true when they hint at a change.
    func drainHint() -> Bool { watcher.drain() }

    /// After a hint: check now, then again shortly, backing off.
    func hinted(now: Date) async -> [BoardMessage] {
        recheck = (now.addingTimeInterval(0.03), 0.03, now.addingTimeInterval(1))
        return await check()
    }

    /// The re-checks and the slow poll, when due.
    func tick(now: Date) async -> [BoardMessage] {
        var messages: [BoardMessage] = []
        if let pending = recheck, now >= pending.next {
            let step = pending.step * 2
            recheck = now.addingTimeInterval(step) <= pending.until ? (now.addingTimeInterval(step), step, pending.until) : nil
            messages += await check()
        }
        if now >= nextPoll {
            nextPoll = now.addingTimeInterval(watcher.fileDescriptor == nil ? Self.fallbackPoll : Self.slowPoll)
            messages += await check()
        }
        return messages
    }

    var nextWake: Date { min(nextPoll, recheck?.next ?? .distantFuture) }

    /// Another process may have changed the board (or it went away, or came back).
    private func check() async -> [BoardMessage] {
        let hadProblem = link.problem
        let changed = await link.refresh(watcher: watcher)
        var messages: [BoardMessage] = []
        if link.problem != hadProblem { messages.append(.boardProblem(link.problem)) }
        if changed { messages.append(.boardChanged) }
        return messages
    }
}
