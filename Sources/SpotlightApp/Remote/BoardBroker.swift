import Foundation
import Synchronization
import SpotlightCore
import SpotlightStore

/// The broker's application side (issue 13, DESIGN §12): answers every `/v1/…` request of
/// `BoardAPI` as the peer's account — the one the kernel named; nothing in a request names
/// who acts — through one `BoardService` handle per account, so every rule runs in the
/// board's own transactions. Writes are announced to every `events()` subscriber with the
/// writer's client tag; a watcher handle (the broker's own account) reports what others did
/// to the board and when it cannot be read.
public final class BoardBroker: BrokerApplication {
    public typealias Opener = @Sendable (Account) async throws(SpotlightError) -> any BoardService

    /// The spotlight version `GET /v1/version` reports.
    public let version: String
    let handles: BrokerHandles
    let subscribers = BrokerSubscribers()
    /// One `GET /v1/wall` answer for all walls until the board changes; likewise lists and
    /// boards' pages (`BoardBroker+SharedReads`).
    let wallAnswers = SharedAnswers<[UInt8]>()
    let listAnswers = SharedAnswers<[UInt8]>()
    let pageAnswers = SharedAnswers<StoryPage>()
    /// The last wall answer read, served while the watcher says the board cannot be read (a
    /// PostgreSQL store away): a wall started meanwhile shows the last stories, with the status.
    let lastWall = Mutex<[UInt8]?>(nil)
    let tally: Mutex<WriteTally>
    let watcher: any BoardService
    private let forwarding = Mutex<Task<Void, Never>?>(nil)

    /// Opens the watcher as `account` (the broker's own) and starts forwarding its changes.
    /// `capacity`: how many accounts' handles stay open (least recently used closed first).
    /// `echoWindow`: how long after our own commit a change the watcher sees is taken as ours
    /// (`WriteTally`), in the watcher's clock.
    public static func open(version: String, account: Account, capacity: Int = 64, echoWindow: TimeInterval = 2,
                            opener: @escaping Opener) async throws(SpotlightError) -> BoardBroker {
        let watcher = try await opener(account)
        let broker = BoardBroker(version: version, watcher: watcher, handles: BrokerHandles(capacity: capacity, opener: opener),
                                 tally: WriteTally(echoWindow: echoWindow))
        broker.startForwarding()
        return broker
    }

    private init(version: String, watcher: any BoardService, handles: BrokerHandles, tally: WriteTally) {
        self.version = version
        self.tally = Mutex(tally)
        self.watcher = watcher
        self.handles = handles
    }

    public func isWrite(_ request: BrokerRequest) -> Bool {
        if case .found(let endpoint, _) = BoardAPI.route(method: request.method, path: request.path) {
            return endpoint.isWrite
        }
        return false
    }

    /// A subscriber that arrives while the board cannot be read hears why at once.
    public func events() -> AsyncStream<BrokerEvent> {
        subscribers.subscribe { tally.withLock { $0.problem }.map { .unavailable($0) } }
    }

    /// Ends every event stream, stops the watcher and closes every handle.
    public func close() async {
        subscribers.finishAll()
        forwarding.withLock { $0 }?.cancel()
        await watcher.close()
        await handles.closeAll()
    }

    public func respond(to request: BrokerRequest, from peer: BrokerPeer) async -> BrokerResponse {
        let endpoint: Endpoint, id: Int?
        switch BoardAPI.route(method: request.method, path: request.path) {
        case .unknownPath:
            return .error(status: 404, .notFound("no such endpoint: \(Self.quoted(request.path)) (see docs/api.md)"))
        case .wrongMethod(let allowed):
            return .error(status: 405, .usage("`\(Self.quoted(request.method))` is not allowed on \(Self.quoted(request.path)): use \(allowed.joined(separator: " or "))"))
        case .found(let found, let foundID):
            (endpoint, id) = (found, foundID)
        }
        if endpoint == BoardAPI.getVersion {
            return Self.ok { () throws(SpotlightError) in try BoardWire.encode(Wire.Version(spotlight: version, api: BoardAPI.version)) }
        }
        if endpoint == BoardAPI.events {
            return .error(status: 404, .notFound("the event stream is served by the broker's socket, not this application"))
        }
        if let shared = await sharedRead(endpoint, request: request, id: id, peer: peer) { return shared }
        var committed = false
        if endpoint.isWrite { tally.withLock { $0.begin() } }
        defer {
            if endpoint.isWrite {
                let now = watcher.clock.now
                tally.withLock { $0.end(committed: committed, at: now) }
            }
        }
        do throws(SpotlightError) {
            let body = try await answered(endpoint, request: request, id: id, peer: peer).get()
            if endpoint.isWrite {
                committed = true
                forgetSharedAnswers()
                subscribers.broadcast(.changed(origin: Self.origin(of: request.clientTag, from: peer)))
            }
            return BrokerResponse(status: 200, body: body)
        } catch {
            return .error(status: status(of: error), error)
        }
    }

    /// `endpoint` answered on the peer's own handle. Writes of different accounts take turns in
    /// the store (`ProcessWriters`).
    func answered(_ endpoint: Endpoint, request: BrokerRequest, id: Int?, peer: BrokerPeer) async -> Result<[UInt8], SpotlightError> {
        await leased(peer) { board throws(SpotlightError) in
            try await BrokerCall(request: request, id: id, board: board, peer: peer).answer(endpoint)
        }
    }

    /// usage 400, permission 403, not found 404, runtime 500 — or 503 while the watcher says
    /// the board cannot be read.
    func status(of error: SpotlightError) -> Int {
        switch error.kind {
        case .usage: 400
        case .permission: 403
        case .notFound: 404
        case .runtime: tally.withLock { $0.problem } == nil ? 500 : 503
        }
    }

    private static func ok(_ body: () throws(SpotlightError) -> [UInt8]) -> BrokerResponse {
        do throws(SpotlightError) {
            return BrokerResponse(status: 200, body: try body())
        } catch {
            return .error(status: 500, error)
        }
    }

    /// The `origin` a write's change event carries: the peer's uid and its handle's tag, so a
    /// client that copies another's tag (events show them to everyone) makes no one skip its
    /// change. A tag that is not 1–64 letters, digits, `-` or `_` is no tag.
    static func origin(of tag: String?, from peer: BrokerPeer) -> String? {
        guard let tag, (1...64).contains(tag.utf8.count),
              tag.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0)
                                      || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        else { return nil }
        return "\(peer.uid):\(tag)"
    }

    /// A client's text in a message, cut short and with controls escaped: messages are one line.
    static func quoted(_ text: String) -> String {
        let short = text.count > 80 ? String(text.prefix(80)) + "…" : text
        return short.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }
            .joined()
    }

    // MARK: Others' changes

    private func startForwarding() {
        // A board that names whose each change was (PostgreSQL: many brokers) gives only others'
        // changes, every one announced; otherwise `WriteTally` tells our own echoes apart.
        let othersOnly = watcher.othersChanges()
        let changes = othersOnly ?? watcher.changes()
        let exact = othersOnly != nil
        let clock = watcher.clock
        let task = Task { [weak self] in
            for await change in changes {
                guard let self else { return }
                switch change {
                case .unavailable(let reason):
                    forgetSharedAnswers()
                    tally.withLock { $0.problem = reason }
                    subscribers.broadcast(.unavailable(reason))
                case .changed:
                    // Whoever wrote it, the kept answers are old now.
                    forgetSharedAnswers()
                    let now = clock.now
                    if tally.withLock({ exact ? $0.othersChanged() : $0.watcherChanged(at: now) }) {
                        subscribers.broadcast(.changed(origin: nil))
                    }
                }
            }
        }
        forwarding.withLock { $0 = task }
    }
}

/// Tells the watcher's changes caused by the broker's own writes (already announced with
/// their origin) from others'. A watcher sees a commit some time after it happened (SQLite's
/// re-checks, DESIGN §12), never knowing whose it was, so: a change seen while one of our writes
/// is under way, or within `echoWindow` of our last commit, is taken as ours; any other is
/// another process's. The cost: another process's write within that window is not announced
/// on its own (the readers re-read for our write, perhaps just before it).
struct WriteTally: Sendable {
    let echoWindow: TimeInterval
    private var inFlight = 0
    private var lastCommit: Date?
    /// What the watcher last said was wrong with the board, nil while it is readable.
    var problem: String?

    init(echoWindow: TimeInterval) { self.echoWindow = echoWindow }

    mutating func begin() { inFlight += 1 }

    /// A refused write changed nothing for the watcher to see.
    mutating func end(committed: Bool, at now: Date) {
        if committed { lastCommit = now }
        inFlight -= 1
    }

    /// Another process's change, known to be one (`BoardService.othersChanges`): always announced.
    mutating func othersChanged() -> Bool {
        problem = nil
        return true
    }

    /// The watcher saw a change: true when it is another process's, to be announced.
    mutating func watcherChanged(at now: Date) -> Bool {
        if problem != nil {
            // Readable again: always worth a re-read.
            problem = nil
            return true
        }
        if inFlight > 0 { return false }
        guard let lastCommit else { return true }
        return now.timeIntervalSince(lastCommit) >= echoWindow
    }
}
