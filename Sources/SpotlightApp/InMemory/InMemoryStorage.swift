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
        /// Programs, held levels and quiz attempts (`InMemoryStorage+Certification`).
        var certification = CertificationRows()
    }

    /// Who is acting, and when (the handle's clock, read once per operation).
    struct Caller: Sendable {
        let handle: ObjectIdentifier
        let account: Account
        let now: Date
    }

    var rows = Rows()
    /// Every handle's `changes()` streams, and the outage set by `interrupt(_:)` (every operation
    /// fails with its reason until `restore()`). Behind a lock rather than in the actor, so a
    /// stream is registered before `changes()` returns and cannot miss what follows it.
    private nonisolated let streams = Mutex(Streams())

    struct Streams {
        var subscribers: [UUID: Subscriber] = [:]
        var outage: String?
    }

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
        let targets = streams.withLock { streams in
            streams.outage = reason
            return Array(streams.subscribers.values)
        }
        for subscriber in targets { subscriber.continuation.yield(.unavailable(reason)) }
    }

    /// Readable again: every stream hears `.changed`.
    public func restore() {
        let targets = streams.withLock { streams -> [Subscriber] in
            guard streams.outage != nil else { return [] }
            streams.outage = nil
            return Array(streams.subscribers.values)
        }
        for subscriber in targets { subscriber.continuation.yield(.changed) }
    }

    func requireAvailable() throws(SpotlightError) {
        if let outage = streams.withLock({ $0.outage }) { throw .runtime(outage) }
    }

    // MARK: Streams

    /// A new stream hears at once if the board is unavailable now.
    nonisolated func subscribe(_ id: UUID, handle: ObjectIdentifier, _ continuation: AsyncStream<BoardChange>.Continuation) {
        let outage = streams.withLock { streams in
            streams.subscribers[id] = Subscriber(handle: handle, continuation: continuation)
            return streams.outage
        }
        if let outage { continuation.yield(.unavailable(outage)) }
    }

    nonisolated func unsubscribe(_ id: UUID) {
        _ = streams.withLock { $0.subscribers.removeValue(forKey: id) }
    }

    /// Ends every stream of `handle` (it was closed).
    nonisolated func finish(handle: ObjectIdentifier) {
        let ended = streams.withLock { streams in
            let mine = streams.subscribers.filter { $0.value.handle == handle }
            for id in mine.keys { streams.subscribers[id] = nil }
            return Array(mine.values)
        }
        for subscriber in ended { subscriber.continuation.finish() }
    }

    /// After a committed write: every other handle's streams hear `.changed` (as `data_version`
    /// moves only for other connections' commits).
    func committed(by handle: ObjectIdentifier) {
        let targets = streams.withLock { Array($0.subscribers.values) }
        for subscriber in targets where subscriber.handle != handle { subscriber.continuation.yield(.changed) }
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
