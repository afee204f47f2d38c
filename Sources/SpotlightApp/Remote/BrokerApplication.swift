import Foundation
import SpotlightCore

/// The broker's application side (`BoardBroker`): every `/v1/…` request except the event
/// stream, answered as the peer's account, with every rule run in the board's own
/// transactions. The network layer (`SpotlightBroker.BrokerServer`) owns sockets, framing,
/// limits and the event stream's connection; it knows nothing about boards.
public protocol BrokerApplication: AnyObject, Sendable {
    /// Answers one request as `peer`. Never throws: failures are error responses.
    func respond(to request: BrokerRequest, from peer: BrokerPeer) async -> BrokerResponse
    /// True for requests that change the board (counted by the per-account write rate).
    func isWrite(_ request: BrokerRequest) -> Bool
    /// One stream per subscriber (`GET /v1/events`): every change to the board, whoever made
    /// it; finishes when the broker stops.
    func events() -> AsyncStream<BrokerEvent>
}

/// How a remote client (`RemoteBoard`) reaches a broker: over its Unix socket
/// (`SpotlightBroker.UnixSocketTransport`) or, in tests, straight into a `BrokerApplication`
/// in the same process (`LoopbackTransport`).
public protocol BrokerTransport: AnyObject, Sendable {
    /// Where the broker is, for messages: `unix:/run/spotlight/board.sock`.
    var location: String { get }
    /// Sends one request and waits for its whole response. A broker that cannot be reached,
    /// or drops the connection before answering, is a runtime error naming the socket: the
    /// write may or may not have happened, and the caller says so (exit 1).
    func send(_ request: BrokerRequest) async throws(SpotlightError) -> BrokerResponse
    /// The broker's event stream for a handle with this client tag, reconnecting by itself:
    /// `.unavailable(reason)` while the broker cannot be reached, then `.changed(origin: nil)`
    /// once it is back (the client re-reads; changes may have been missed meanwhile).
    /// Cancelling the consumer closes the connection.
    func events(clientTag: String) -> AsyncStream<BrokerEvent>
    /// Closes connections; the transport is unusable afterwards.
    func close() async
}
