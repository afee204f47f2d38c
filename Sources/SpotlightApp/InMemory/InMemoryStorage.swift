import Foundation
import Synchronization
import SpotlightCore
import SpotlightStore

/// One board held in memory: what a board file is to `SQLiteBoard`. Several `InMemoryBoard`
/// handles on one storage behave like several processes on one file: each writes as its own
/// account, and a write through one is a `.changed` on every other handle's stream.
///
/// Every operation is one synchronous actor method, so it is as atomic as the store's
/// `BEGIN IMMEDIATE` transaction: rules are checked against facts read in the same step.
public actor InMemoryStorage {
    /// The rows of the board, as the store's tables hold them.
    struct Rows {
        var settings: [String: String] = [:]
        var managers: [BoardExport.ManagerRecord] = []
        var stories: [StoryID: Story] = [:]
        var votes: [BoardExport.VoteRecord] = []
        var medallions: [Medallion] = []
        var audit: [AuditEvent] = []
    }

    /// Who is acting, and when (the handle's clock, read once per operation).
    struct Caller: Sendable {
        let handle: ObjectIdentifier
        let account: Account
        let now: Date
    }

    var rows = Rows()
    /// Set by `interrupt(_:)`: every operation fails with this reason until `restore()`.
    private(set) var outage: String?
    /// Every handle's `changes()` streams. Behind a lock rather than in the actor, so a stream is
    /// registered before `changes()` returns and cannot miss a write that follows it.
    private nonisolated let subscribers = Mutex<[UUID: Subscriber]>([:])

    struct Subscriber: Sendable {
        let handle: ObjectIdentifier
        let continuation: AsyncStream<BoardChange>.Continuation
    }

    /// A new board made by `creator` (its first manager), as `spotlight init` makes one.
    public init(name: String? = nil, creator: Account, clock: Clock = .system) {
        var settings = BoardSettings()
        if let name { settings.name = name }
        let now = Self.stored(clock.now)
        rows.settings = Self.settingsRows(settings)
        rows.managers = [.init(login: creator.login, addedBy: creator.login, addedAt: now.millis)]
        rows.audit = [AuditEvent(id: 1, at: now, actor: creator.login, action: "init", storyID: nil,
                                 detail: AuditDetail.created(firstManager: creator.login))]
    }

    // MARK: Outages (what a deleted or damaged file is to SQLiteBoard)

    /// Makes the board unreadable: every operation fails with `reason`, and every stream hears
    /// `.unavailable(reason)`, as when a board file is deleted.
    public func interrupt(_ reason: String) {
        outage = reason
        broadcast(.unavailable(reason))
    }

    /// Readable again: every stream hears `.changed`.
    public func restore() {
        guard outage != nil else { return }
        outage = nil
        broadcast(.changed)
    }

    func requireAvailable() throws(SpotlightError) {
        if let outage { throw .runtime(outage) }
    }

    // MARK: Streams

    nonisolated func subscribe(_ id: UUID, handle: ObjectIdentifier, _ continuation: AsyncStream<BoardChange>.Continuation) {
        subscribers.withLock { $0[id] = Subscriber(handle: handle, continuation: continuation) }
    }

    nonisolated func unsubscribe(_ id: UUID) {
        _ = subscribers.withLock { $0.removeValue(forKey: id) }
    }

    /// Ends every stream of `handle` (it was closed).
    nonisolated func finish(handle: ObjectIdentifier) {
        let ended = subscribers.withLock { all in
            let mine = all.filter { $0.value.handle == handle }
            for id in mine.keys { all[id] = nil }
            return Array(mine.values)
        }
        for subscriber in ended { subscriber.continuation.finish() }
    }

    /// After a committed write: every other handle's streams hear `.changed` (as `data_version`
    /// moves only for other connections' commits).
    func committed(by handle: ObjectIdentifier) {
        broadcast(.changed, except: handle)
    }

    private func broadcast(_ change: BoardChange, except handle: ObjectIdentifier? = nil) {
        let targets = subscribers.withLock { Array($0.values) }
        for subscriber in targets where subscriber.handle != handle { subscriber.continuation.yield(change) }
    }

    // MARK: Helpers shared by the operations

    /// Board times are whole milliseconds, as the file stores them.
    static func stored(_ date: Date) -> Date { Date(timeIntervalSince1970: Double(date.millis) / 1000) }

    static func settingsRows(_ settings: BoardSettings) -> [String: String] {
        var result: [String: String] = [:]
        for key in BoardSettings.keys { result[key] = settings.value(forKey: key) ?? "" }
        return result
    }

    func audit(_ action: String, story: StoryID?, detail: String, by actor: Caller, as name: String? = nil) {
        let id = (rows.audit.map(\.id).max() ?? 0) + 1
        rows.audit.append(AuditEvent(id: id, at: Self.stored(actor.now), actor: name ?? actor.account.login, action: action,
                                     storyID: story, detail: detail))
    }
}

extension Date {
    /// Whole milliseconds since 1970, as the board file stores times.
    var millis: Int { Int((timeIntervalSince1970 * 1000).rounded()) }
}
