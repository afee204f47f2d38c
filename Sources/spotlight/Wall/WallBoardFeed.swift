import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightUI

/// The one adapter between the wall and the board file: it turns inotify wake-ups, the slow
/// poll and effect requests into `WallMessage`s. Everything about "has the board changed"
/// (BoardWatcher, BoardLink's file identity and data_version, the re-check schedule) stays in
/// here, so `BoardService.changes()` can replace this type alone.
@MainActor
final class WallBoardFeed {
    /// Board check without inotify's help: slow when inotify works, quicker when it is missing.
    static let slowPoll: TimeInterval = 10
    static let fallbackPoll: TimeInterval = 2
    /// Extra checks after an inotify wake-up that found no change yet: a writer's -wal writes
    /// wake us before its commit is published in -shm (which inotify cannot see).
    static let recheckDelays: [TimeInterval] = [0.05, 0.2, 0.5, 1.0]

    let link: BoardLink
    private let watcher: BoardWatcher
    private var nextPoll: Date
    private var rechecks: [Date] = []

    init(link: BoardLink, now: Date) {
        self.link = link
        self.watcher = BoardWatcher(boardPath: link.location.path)
        self.nextPoll = now
    }

    var fileDescriptors: [Int32] { watcher.fileDescriptor.map { [$0] } ?? [] }

    /// What the link read when it opened, as the wall's first messages.
    func opened() -> [WallMessage] { readMessages() }

    /// The next poll or re-check.
    var nextWake: Date { min(nextPoll, rechecks.first ?? nextPoll) }

    /// One of `fileDescriptors` is readable.
    func fileReady(now: Date) async -> [WallMessage] {
        guard watcher.drain() else { return [] }
        let messages = await check()
        if !messages.contains(.boardChanged) {
            rechecks = Self.recheckDelays.map { now.addingTimeInterval($0) }
        }
        return messages
    }

    /// The slow poll and the re-checks that are due at `now`.
    func due(now: Date) async -> [WallMessage] {
        var due = false
        if now >= nextPoll {
            nextPoll = now.addingTimeInterval(watcher.fileDescriptor == nil ? Self.fallbackPoll : Self.slowPoll)
            due = true
        }
        if let first = rechecks.first, now >= first {
            rechecks.removeAll { $0 <= now }
            due = true
        }
        return due ? await check() : []
    }

    /// The `.loadSnapshot` effect.
    func load(highlightSince: Date?) async -> [WallMessage] {
        link.highlightSince = highlightSince
        return await link.reread() ? readMessages() : link.trouble.map { [.loadFailed($0)] } ?? []
    }

    /// The `.upvote` effect.
    func upvote(_ id: StoryID) async -> [WallMessage] {
        guard let store = link.store else { return [.upvoteFailed(reason: nil)] }
        do {
            return [.upvoted(id, added: try await store.upvote(id))]
        } catch {
            return [.upvoteFailed(reason: error.message)]
        }
    }

    func close() async { await link.close() }

    /// `.boardChanged` when the board moved on (no more re-checks needed), `.loadFailed` when
    /// it cannot be read.
    private func check() async -> [WallMessage] {
        if await link.hasChanged(watcher: watcher) {
            rechecks = []
            return [.boardChanged]
        }
        return link.trouble.map { [.loadFailed($0)] } ?? []
    }

    private func readMessages() -> [WallMessage] {
        guard let snapshot = link.snapshot else { return [] }
        let content = WallContent(stories: snapshot.stories, headlines: snapshot.headlines, settings: snapshot.settings,
                                  highlight: snapshot.highlight)
        return [.snapshotLoaded(content)] + (link.statsLines.map { [.statsLoaded($0)] } ?? [])
    }
}
