import NIOCore
import NIOHTTP1
import SpotlightApp
import SpotlightCore

/// Decides, for a freshly accepted connection, who it is and whether it may stay, and builds
/// its pipeline: the HTTP handlers for an admitted peer, a one-response refusal otherwise.
/// Runs on the connection's event loop before it is registered.
struct ConnectionSetup {
    let shared: BrokerHTTPHandler.Shared
    let registry: ConnectionRegistry
    let log: BrokerLog

    /// `account` is what the user database said about the peer's uid.
    func install(on channel: Channel, credentials: PeerCredentials, account found: Result<Account, SpotlightError>) throws {
        let pipeline = channel.pipeline.syncOperations
        let account: Account
        do {
            account = try found.get()
        } catch {
            log("refused a connection from uid \(credentials.uid) (pid \(credentials.pid)): \(error.message)")
            try pipeline.addHandler(refusal(403, "Forbidden", .permission("the broker cannot find the account of uid \(credentials.uid)")))
            return
        }
        let peer = BrokerPeer(uid: credentials.uid, gid: credentials.gid, pid: credentials.pid, account: account)
        let who = "\(account.login) (uid \(credentials.uid), pid \(credentials.pid))"
        let admitted = registry.admit(login: account.login) { [channel] in
            channel.pipeline.fireUserInboundEventTriggered(BrokerQuiesceEvent())
        }
        switch admitted {
        case .failure(let refused):
            switch refused.refusal {
            case .tooManyConnections(let limit):
                log("refused a connection from \(who): \(limit) connections are open, the most the broker allows")
                try pipeline.addHandler(refusal(503, "Service Unavailable", .runtime("the broker has too many connections; try again later")))
            case .tooManyForAccount(let limit):
                log("refused a connection from \(who): \(account.login) already has \(limit) connections open, the most one account may")
                try pipeline.addHandler(refusal(429, "Too Many Requests", .runtime("\(account.login) has too many connections to the broker open")))
            case .stopping:
                log("refused a connection from \(who): the broker is stopping")
                try pipeline.addHandler(refusal(503, "Service Unavailable", .runtime("the broker is stopping")))
            }
        case .success(let id):
            channel.closeFuture.whenComplete { _ in registry.release(id) }
            log("connection from \(who)")
            let limits = shared.limits
            var decoderLimits = NIOHTTPDecoderLimitConfiguration()
            decoderLimits.maxHeaderListSize = limits.maximumHeaderBytes
            decoderLimits.maxHeaderFieldSize = limits.maximumHeaderBytes
            decoderLimits.maxHeaderFieldCount = limits.maximumHeaderFields
            let timer = ConnectionTimer(loop: channel.eventLoop, limits: limits)
            try pipeline.addHandler(InboundByteWatcher(timer: timer, limits: limits, log: log, who: who))
            try pipeline.addHandler(HTTPResponseEncoder())
            try pipeline.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes, limitConfiguration: decoderLimits)))
            try pipeline.addHandler(HTTPServerPipelineHandler())
            try pipeline.addHandler(BrokerHTTPHandler(shared: shared, peer: peer, timer: timer))
        }
    }

    private func refusal(_ status: Int, _ reason: String, _ error: SpotlightError) -> RefusingHandler {
        RefusingHandler(status: status, reason: reason, body: BrokerErrorBody(error).encoded(), linger: shared.limits.refusalLinger)
    }
}
