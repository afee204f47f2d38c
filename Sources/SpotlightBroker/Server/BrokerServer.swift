#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import SpotlightApp
import SpotlightCore

/// The broker's network layer (issue 13, DESIGN §12): hosts any `BrokerApplication` on a
/// Unix socket as HTTP/1.1. Each connection's account comes from the kernel (`SO_PEERCRED`)
/// and the broker's user database, never from the client. Knows nothing about boards.
///
/// `start()` binds and listens; `run()` returns once stopped; `stop()` stops accepting,
/// lets in-flight requests finish (up to `shutdownGrace`), ends event streams and removes
/// the socket file.
public final class BrokerServer: Sendable {
    public struct Configuration: Sendable {
        public var socketPath: String
        /// The socket file's mode: who may connect (`0660`: the owner and the group).
        public var mode: mode_t = 0o660
        /// The socket file's group, by name (nil: the broker's own group).
        public var group: String?
        public var limits: BrokerLimits = .standard
        public var log: BrokerLog
        /// Elapsed time for the write rate.
        public var clock: MonotonicClock = .continuous
        public var threads: Int = 1
        /// Finds the account of a peer's uid (tests replace it to simulate an unknown uid).
        public var accounts: @Sendable (UInt32) throws(SpotlightError) -> Account = { uid throws(SpotlightError) in
            try PasswdAccount.account(uid: uid)
        }

        public init(socketPath: String, log: BrokerLog) {
            self.socketPath = socketPath
            self.log = log
        }
    }

    private struct Running {
        var group: MultiThreadedEventLoopGroup
        var channel: Channel
        var socket: (dev_t, ino_t)?
    }

    private enum State {
        case idle
        case starting
        case running(Running)
        case stopped
    }

    private let application: any BrokerApplication
    private let configuration: Configuration
    private let registry: ConnectionRegistry
    private let rate: WriteRateLimiter
    private let state = NIOLockedValueBox(State.idle)
    private let stoppedPromise = NIOLockedValueBox<[CheckedContinuation<Void, Never>]>([])
    private let finished = NIOLockedValueBox(false)

    public init(application: any BrokerApplication, configuration: Configuration) {
        self.application = application
        self.configuration = configuration
        self.registry = ConnectionRegistry(limits: configuration.limits)
        self.rate = WriteRateLimiter(limits: configuration.limits, clock: configuration.clock)
    }

    /// Open connections now (for `doctor` and tests).
    public var connectionCount: Int { registry.count }

    /// Binds the socket (see `SocketPath` for what an existing path means) and starts accepting.
    public func start() async throws(SpotlightError) {
        let starting = state.withLockedValue { state -> Bool in
            guard case .idle = state else { return false }
            state = .starting
            return true
        }
        guard starting else { throw .usage("this broker has already been started") }
        do {
            try await bindAndListen()
        } catch {
            state.withLockedValue { state in
                if case .starting = state { state = .idle }
            }
            throw error
        }
    }

    private func bindAndListen() async throws(SpotlightError) {
        let path = configuration.socketPath
        _ = try SocketPath.inspect(path)
        let gid = try configuration.group.map { name throws(SpotlightError) in try SocketPath.groupID(name) }
        let directory = try SocketPath.privateDirectory(beside: path)
        defer { rmdir(directory) }
        let temporary = directory + "/s"
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.threads))
        let channel: Channel
        do {
            channel = try await bootstrap(group).bind(unixDomainSocketPath: temporary).get()
        } catch {
            unlink(temporary)
            try? await group.shutdownGracefully()
            throw .runtime("cannot listen on \(path): \(error)")
        }
        do {
            try SocketPath.publish(temporary, at: path, mode: configuration.mode, group: gid)
        } catch {
            unlink(temporary)
            try? await channel.close()
            try? await group.shutdownGracefully()
            throw error
        }
        let running = Running(group: group, channel: channel, socket: SocketPath.identity(path))
        let stoppedMeanwhile = state.withLockedValue { state -> Bool in
            if case .stopped = state { return true }
            state = .running(running)
            return false
        }
        if stoppedMeanwhile {
            try? await channel.close()
            if let socket = running.socket, SocketPath.identity(path).map({ $0 == socket }) == true { unlink(path) }
            try? await group.shutdownGracefully()
            throw .runtime("the broker was stopped while it was starting")
        }
        configuration.log("listening on \(path) (mode \(String(configuration.mode, radix: 8))\(configuration.group.map { ", group \($0)" } ?? ""))")
    }

    /// Returns once the server has stopped.
    public func run() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = finished.withLockedValue { done in
                if !done { stoppedPromise.withLockedValue { $0.append(continuation) } }
                return done
            }
            if done { continuation.resume() }
        }
    }

    /// Stops accepting, lets in-flight requests finish (up to `shutdownGrace`), ends event
    /// streams, closes the rest and removes the socket file if it is still ours.
    public func stop() async {
        let running: Running? = state.withLockedValue { state in
            defer { state = .stopped }
            guard case .running(let running) = state else { return nil }
            return running
        }
        guard let running else {
            markFinished()
            return
        }
        try? await running.channel.close()
        if let socket = running.socket, let now = SocketPath.identity(configuration.socketPath), now == socket {
            unlink(configuration.socketPath)
        }
        let drained = running.group.next().makePromise(of: Void.self)
        registry.stop { drained.succeed() }
        let grace = running.group.next().scheduleTask(in: ConnectionTimer.time(configuration.limits.shutdownGrace)) {
            drained.succeed()
        }
        try? await drained.futureResult.get()
        grace.cancel()
        if registry.count > 0 { configuration.log("stopping: closing \(registry.count) connections still open after the grace period") }
        try? await running.group.shutdownGracefully()
        configuration.log("stopped")
        markFinished()
    }

    /// Lets every `run()` return.
    private func markFinished() {
        let waiting = finished.withLockedValue { done in
            done = true
            return stoppedPromise.withLockedValue { list in defer { list = [] }; return list }
        }
        waiting.forEach { $0.resume() }
    }

    private func bootstrap(_ group: MultiThreadedEventLoopGroup) -> ServerBootstrap {
        let shared = BrokerHTTPHandler.Shared(application: application, limits: configuration.limits, rate: rate, log: configuration.log)
        let registry = self.registry
        let accounts = configuration.accounts
        let log = configuration.log
        return ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .childChannelInitializer { channel in
                PeerCredentials.of(channel).flatMap { credentials in
                    // The user database may be LDAP: looked up on NIO's thread pool, not the loop.
                    NIOThreadPool.singleton.runIfActive(eventLoop: channel.eventLoop) {
                        Result { () throws(SpotlightError) in try accounts(credentials.uid) }
                    }.map { (credentials, $0) }
                }.assumeIsolated().flatMapThrowing { credentials, account in
                    try ConnectionSetup(shared: shared, registry: registry, log: log)
                        .install(on: channel, credentials: credentials, account: account)
                }.nonisolated()
            }
    }
}

/// Marks a connection's pipeline as the server stops (see `BrokerHTTPHandler.quiesce`).
struct BrokerQuiesceEvent: Sendable {}
