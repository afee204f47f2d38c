import Foundation
import Synchronization
import SpotlightCore
import SpotlightStore

/// Broker mode (DESIGN §12): a `BoardService` whose every operation is one request of
/// `BoardAPI` to `spotlight serve`, which runs it as the account the kernel says we are.
/// Errors come back as the same `SpotlightError` (kind, exit code and message); changes are
/// the broker's pushed events, without the ones this handle's own writes caused.
public final class RemoteBoard: BoardService {
    /// The account as the broker sees it (`GET /v1/whoami`), or, when opened `.assuming` it, as
    /// this process's uid names it: the broker resolves that same uid from the kernel.
    public let account: Account
    /// Only for wording ages: the broker stamps writes with its own clock.
    public let clock: Clock
    public let location: String
    /// The broker's board as it says (`.asking` only; `.assuming` takes it as writable: a write
    /// the broker cannot make fails with its own message all the same).
    public let isReadOnly: Bool
    public let isImmutable: Bool
    public let isOutOfSpace: Bool
    /// Where the broker's board file is, as it says (for `doctor`); empty when not asked.
    public let brokerBoard: String
    /// This handle's `Spotlight-Client` tag: names the handle, never a person.
        public let clientTag: String
    /// What the broker makes of the tag in change events (`GET /v1/whoami`): the ones to skip.
    public let ownOrigin: String?
    let transport: any BrokerTransport
    private let streams = Mutex(Streams())

    private struct Streams {
        var outputs: [(id: Int, output: AsyncStream<BoardChange>.Continuation)] = []
        var nextID = 0
        var isClosed = false
    }

    /// How a handle learns who it is.
    public enum Introduction: Sendable {
        /// `GET /v1/whoami` before anything else: the account and the board's state as the
        /// broker sees them. For `doctor` and the long-running screens; a broker that cannot be
        /// reached is a runtime error at once.
        case asking
        /// No request: `account` is the one this process's uid names (`PasswdAccount`), which
        /// is what the broker resolves from the same uid (`SO_PEERCRED`), and change events
        /// from `uid:tag` are this handle's own. Saves a one-shot command a round trip; the
        /// broker still acts only as the kernel says, so nothing is trusted that was not before.
        case assuming(Account, uid: UInt32)
    }

    /// A handle on the broker behind `transport`, introduced as `introduction` says.
    public static func open(_ transport: any BrokerTransport, clock: Clock = .system,
                            introduction: Introduction = .asking) async throws(SpotlightError) -> RemoteBoard {
        let tag = randomTag()
        switch introduction {
        case .asking:
            let response = try await transport.send(BrokerRequest(method: BoardAPI.whoami.method, path: BoardAPI.whoami.path, clientTag: tag))
            let who = try answer(response, as: Wire.WhoAmI.self, from: transport.location)
            return RemoteBoard(transport: transport, clock: clock, tag: tag, who: who)
        case .assuming(let account, let uid):
            let who = Wire.WhoAmI(account: account, isReadOnly: false, isImmutable: false, isOutOfSpace: false, board: "",
                                  origin: "\(uid):\(tag)")
            return RemoteBoard(transport: transport, clock: clock, tag: tag, who: who)
        }
    }

    private init(transport: any BrokerTransport, clock: Clock, tag: String, who: Wire.WhoAmI) {
        self.transport = transport
        self.clock = clock
        self.clientTag = tag
        ownOrigin = who.origin
        account = who.account
        location = transport.location
        isReadOnly = who.isReadOnly
        isImmutable = who.isImmutable
        isOutOfSpace = who.isOutOfSpace
        brokerBoard = who.board
    }

    public func close() async {
        let outputs = streams.withLock { streams in
            streams.isClosed = true
            defer { streams.outputs = [] }
            return streams.outputs
        }
        for stream in outputs { stream.output.finish() }
        await transport.close()
    }

    public func changes() -> AsyncStream<BoardChange> {
        let (stream, output) = AsyncStream.makeStream(of: BoardChange.self, bufferingPolicy: .bufferingNewest(8))
        let id: Int? = streams.withLock { streams in
            guard !streams.isClosed else { return nil }
            defer { streams.nextID += 1 }
            streams.outputs.append((streams.nextID, output))
            return streams.nextID
        }
        guard let id else {
            output.finish()
            return stream
        }
        let events = transport.events(clientTag: clientTag)
        let own = ownOrigin
        let pump = Task {
            for await event in events {
                switch event {
                case .changed(let origin): if origin == nil || origin != own { output.yield(.changed) }
                case .unavailable(let reason): output.yield(.unavailable(reason))
                }
            }
            output.finish()
        }
        output.onTermination = { [weak self] _ in
            pump.cancel()
            self?.streams.withLock { $0.outputs.removeAll { $0.id == id } }
        }
        return stream
    }

    /// `GET /v1/version`: the broker's spotlight version and API version, for `doctor`.
    public func brokerVersion() async throws(SpotlightError) -> Wire.Version {
        try await call(BoardAPI.getVersion, as: Wire.Version.self)
    }

    // MARK: Requests

    /// Sends `endpoint` (with the story `id` in its path, a query and a JSON body) and decodes the answer.
    func call<Answer: Decodable>(_ endpoint: Endpoint, id: StoryID? = nil, query: [BrokerRequest.QueryItem] = [],
                                 as type: Answer.Type) async throws(SpotlightError) -> Answer {
        try await call(endpoint, id: id, query: query, bytes: [], as: type)
    }

    func call<Arguments: Encodable, Answer: Decodable>(_ endpoint: Endpoint, id: StoryID? = nil, body: Arguments,
                                                       as type: Answer.Type) async throws(SpotlightError) -> Answer {
        try await call(endpoint, id: id, query: [], bytes: try BoardWire.encode(body), as: type)
    }

    private func call<Answer: Decodable>(_ endpoint: Endpoint, id: StoryID?, query: [BrokerRequest.QueryItem], bytes: [UInt8],
                                         as type: Answer.Type) async throws(SpotlightError) -> Answer {
        var path = endpoint.path
        if let id { path = path.replacingOccurrences(of: "{id}", with: String(id)) }
        let request = BrokerRequest(method: endpoint.method, path: path, query: query, body: bytes, clientTag: clientTag)
        return try Self.answer(try await transport.send(request), as: type, from: location)
    }

    /// A 200's body as `Answer`; any other status as the `SpotlightError` its body carries.
    static func answer<Answer: Decodable>(_ response: BrokerResponse, as type: Answer.Type, from location: String)
        throws(SpotlightError) -> Answer {
        guard response.status == 200 else {
            if let body = try? JSONDecoder().decode(BrokerErrorBody.self, from: Data(response.body)) { throw body.spotlightError }
            throw .runtime("the broker at \(location) answered HTTP \(response.status) without an error message")
        }
        do {
            return try BoardWire.decoder().decode(type, from: Data(response.body))
        } catch {
            throw .runtime("the broker at \(location) sent an answer this version cannot read (is it a different version?)")
        }
    }

    static func randomTag() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<32).map { _ in digits[Int(generator.next(upperBound: UInt8(16)))] })
    }
}
