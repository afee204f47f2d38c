import Foundation
import SpotlightCore

/// A `BrokerTransport` inside one process: requests go straight to a `BrokerApplication` as a
/// fixed peer, events straight from its `events()`. For tests (the conformance suite's
/// `.remote` kind) and anything that wants the broker's behaviour without a socket.
public final class LoopbackTransport: BrokerTransport {
    public let application: any BrokerApplication
    public let peer: BrokerPeer
    public let location: String
    private let onClose: @Sendable () async -> Void

    /// `onClose`: run when the transport closes (e.g. a test's own broker closed with it).
    public init(application: any BrokerApplication, peer: BrokerPeer, location: String = "loopback:",
                onClose: @escaping @Sendable () async -> Void = {}) {
        self.application = application
        self.peer = peer
        self.location = location
        self.onClose = onClose
    }

    public func send(_ request: BrokerRequest) async throws(SpotlightError) -> BrokerResponse {
        await application.respond(to: request, from: peer)
    }

    public func events(clientTag: String) -> AsyncStream<BrokerEvent> { application.events() }

    public func close() async { await onClose() }
}
