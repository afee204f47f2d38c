import Foundation
@testable import SpotlightBroker
import SpotlightApp
import SpotlightCore
import Testing

/// Failing to reach the broker at all: each a one-line error naming the socket, nothing sent.
@Suite struct ConnectTests {
    func send(to path: String) async -> SpotlightError? {
        do {
            let client = try UnixSocketTransport(path: path)
            defer { Task { await client.close() } }
            _ = try await client.send(BrokerRequest(method: "GET", path: "/v1/version"))
            return nil
        } catch {
            return error
        }
    }

    @Test func noSocketFileMeansNoBroker() async throws {
        let path = ScriptedServer.temporaryPath()
        let error = try #require(await send(to: path))
        #expect(error == .runtime("no broker is listening on \(path) (is `spotlight serve` running?)"))
    }

    @Test func aSocketNobodyListensOnIsRefused() async throws {
        let path = ScriptedServer.temporaryPath()
        let descriptor = try ScriptedServer.listen(at: path, listening: false)
        defer { close(descriptor); unlink(path) }
        let error = try #require(await send(to: path))
        #expect(error == .runtime("no broker is listening on \(path): the connection was refused, the socket is left from a broker that stopped (is `spotlight serve` running?)"))
    }

    @Test func aPlainFileIsNotABrokersSocket() async throws {
        let path = ScriptedServer.temporaryPath()
        #expect(FileManager.default.createFile(atPath: path, contents: Data("board".utf8)))
        defer { unlink(path) }
        let error = try #require(await send(to: path))
        #expect(error == .runtime("\(path) is not a broker's socket (it is not a socket at all; check --board)"))
    }

    @Test func aLocationMustBeUnixAndAPathMustFitSockaddr() throws {
        #expect(throws: SpotlightError.usage("/srv/board.sqlite is not a broker's address (expected unix:/path/to/board.sock)")) {
            try UnixSocketTransport(location: "/srv/board.sqlite")
        }
        let long = "/" + String(repeating: "d", count: 120)
        #expect(throws: SpotlightError.usage("the broker's socket path \(long) is too long (a Unix socket path has at most 107 bytes)")) {
            try UnixSocketTransport(location: "unix:" + long)
        }
        #expect(try UnixSocketTransport(location: "unix:/run/spotlight/board.sock").location == "unix:/run/spotlight/board.sock")
    }

    /// EACCES for real: the socket is root:daemon 0660 and the connect runs on a thread whose
    /// filesystem uid is `nobody`. `setfsuid` changes only the calling thread (and drops its
    /// filesystem capabilities while non-zero), so the rest of the test process stays root.
    /// Needs root; skipped otherwise.
    @Test(.enabled(if: geteuid() == 0, "changing a thread's filesystem uid needs root"))
    func aCallerOutsideTheSocketsGroupIsToldWhichGroupToJoin() async throws {
        let server = try ScriptedServer(mode: 0o660) { connection in connection.waitForClose() }
        defer { server.stop() }
        let daemonGroup = try #require(getgrnam("daemon")).pointee.gr_gid
        #expect(chown(server.path, 0, daemonGroup) == 0)
        let groups = BrokerClientWording.callerGroups()
        try #require(!groups.contains(daemonGroup), "the test process must not be in group daemon")
        let client = try UnixSocketTransport(path: server.path)

        let result = try await ThreadWithFilesystemUID.run(uid: 65534) { client.exchange(BrokerRequest(method: "GET", path: "/v1/version")) }
        await client.close()

        guard case .failure(let error) = result else { Issue.record("connected as nobody: \(result)"); return }
        #expect(error == .permission("permission denied connecting to the broker at \(server.path): you are not in group daemon (ask an administrator to add you, then log in again)"))
        #expect(server.connections == 0)
    }

    // MARK: - Wording, for the cases a test cannot stage cheaply

    @Test func aMemberRefusedByTheModeIsShownTheMode() {
        let facts = BrokerClientWording.SocketFileFacts(isSocket: true, mode: 0o140600, owner: "spotlight", group: "staff", groupID: 50)
        #expect(BrokerClientWording.connectFailure(path: "/run/s.sock", errno: EACCES, facts: .found(facts), callerGroups: [50])
            == .permission("permission denied connecting to the broker at /run/s.sock: the socket is mode 600, owner spotlight, group staff (ask an administrator to give the group write access)"))
    }

    @Test func aClosedDirectoryOnTheWayIsNamed() {
        #expect(BrokerClientWording.connectFailure(path: "/run/s/b.sock", errno: EACCES, facts: .failed(errno: EACCES), callerGroups: [])
            == .permission("permission denied reaching the broker's socket /run/s/b.sock: a directory on the way is closed to you (ask an administrator)"))
    }

    @Test func aReadOnlyRequestThatFailsDoesNotTalkAboutWrites() {
        let error = BrokerClientWording.requestFailure(
            path: "/s", failure: .io(operation: "recv", errno: ECONNRESET), method: "GET", timeout: .seconds(30), mayHaveArrived: true
        )
        #expect(error == .runtime("the broker at /s reset the connection (did `spotlight serve` stop?)"))
        let write = BrokerClientWording.requestFailure(
            path: "/s", failure: .io(operation: "recv", errno: ECONNRESET), method: "POST", timeout: .seconds(30), mayHaveArrived: true
        )
        #expect(write == .runtime("the broker at /s reset the connection (did `spotlight serve` stop?); the write may or may not have been recorded, check before trying again"))
    }

    @Test func aQueueThatStaysFullIsATimeoutBeforeAnythingWasSent() {
        #expect(BrokerClientWording.requestFailure(path: "/s", failure: .timedOut(connected: false), method: "POST", timeout: .seconds(30), mayHaveArrived: false)
            == .runtime("the broker at /s did not accept the connection within 30 s (too busy?)"))
    }
}

/// Runs a closure on a new thread with its filesystem uid set to `uid`, then restores it.
enum ThreadWithFilesystemUID {
    private typealias SetFSUID = @convention(c) (UInt32) -> Int32

    static func run<T: Sendable>(uid: UInt32, _ body: @escaping @Sendable () -> T) async throws -> T {
        // Glibc's module map leaves out <sys/fsuid.h>; the symbol is in libc all the same.
        let symbol = try #require(dlsym(nil, "setfsuid")) // nil is RTLD_DEFAULT
        let setfsuid = unsafeBitCast(symbol, to: SetFSUID.self)
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                _ = setfsuid(uid)
                let result = body()
                _ = setfsuid(0)
                continuation.resume(returning: result)
            }
        }
    }
}
