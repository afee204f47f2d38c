import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore
import Testing

@Suite("BrokerServer: 10,000 connections")
struct ManyConnectionsTests {
    /// The clients run in a child process (`python3`), so this process never raises its own
    /// open-file limit: Foundation's `Process.run` reads that limit while other suites start
    /// processes, and changing it under them crashed a CI run. The child connects `count`
    /// times, says `connected`, sorts the connections into refused (a 429 arrived) and silent
    /// (admitted) with a generous wait for late refusals, checks the refused ones are closed,
    /// prints one JSON line, and keeps the admitted ones open until its stdin closes.
    static let clients = #"""
    import json, resource, select, socket, sys, time
    path, count = sys.argv[1], int(sys.argv[2])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, count + 1000)
    if soft < want: resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    conns = []
    for _ in range(count):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.connect(path); conns.append(s)
    print("connected", flush=True)
    def readable(s, seconds):
        poller = select.poll(); poller.register(s, select.POLLIN)
        return bool(poller.poll(max(0, seconds) * 1000))
    def answer(s, timeout):
        data, end = b"", time.time() + timeout
        while b"}" not in data:
            left = end - time.time()
            if left <= 0 or not readable(s, left): break
            chunk = s.recv(65536)
            if not chunk: break
            data += chunk
        return data
    refused, silent = [], []
    for s in conns:
        (refused if answer(s, 0.05).startswith(b"HTTP/1.1 429") else silent).append(s)
    # Late refusals, all waited for at once for up to 3 s.
    late, poller, end = set(), select.poll(), time.time() + 3
    by_fd = {s.fileno(): s for s in silent}
    for s in silent: poller.register(s, select.POLLIN)
    while by_fd and time.time() < end:
        for fd, _ in poller.poll(max(0, end - time.time()) * 1000):
            if fd in by_fd:
                s = by_fd.pop(fd); poller.unregister(fd)
                if answer(s, 1.0).startswith(b"HTTP/1.1 429"): late.add(fd)
    refused += [s for s in silent if s.fileno() in late]
    admitted = [s for s in silent if s.fileno() not in late]
    closed = 0
    for s in refused:
        end = time.time() + 5
        while time.time() < end and readable(s, end - time.time()):
            if not s.recv(65536): closed += 1; break
    print(json.dumps({"refused": len(refused), "admitted": len(admitted), "closed": closed}), flush=True)
    admitted[0].sendall(b"GET /v1/x HTTP/1.1\r\nHost: x\r\n\r\n")
    print(json.dumps({"servedAfter": answer(admitted[0], 10).decode("utf-8", "replace").split("\r\n")[0]}), flush=True)
    sys.stdin.read()
    """#

    @Test("one account opening 10,000 connections is held at its limit, each extra one answered 429, closed and logged; another account is still served")
    func tenThousand() async throws {
        let attempts = 10_000
        var limits = BrokerLimits()
        limits.maximumConnections = 200
        limits.maximumConnectionsPerAccount = 100
        try await TestBroker.with(limits: limits, mode: 0o666) { broker in
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: broker.directory)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = ["-c", Self.clients, broker.socketPath, String(attempts)]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            defer {
                try? input.fileHandleForWriting.close()
                process.waitUntilExit()
            }
            let lines = LineReader(output.fileHandleForReading)
            #expect(await lines.next() == "connected")
            #expect(await broker.eventually { broker.log.count(containing: "already has 100 connections open") == attempts - 100 })
            #expect(broker.server.connectionCount == 100)

            // Another account (`nobody`, through setpriv) is served meanwhile.
            let other = try await curl(broker.socketPath, "/v1/stories", as: "nobody")
            #expect(other.status == 200)
            #expect(other.body.contains("\"login\":\"nobody\""))

            // Every extra connection got its answer and was closed; 100 are still open and one
            // of them is still served.
            let summary = try #require(await lines.next())
            let counts = try JSONDecoder().decode([String: Int].self, from: Data(summary.utf8))
            #expect(counts == ["refused": attempts - 100, "admitted": 100, "closed": attempts - 100], "\(summary)")
            #expect(await lines.next()?.contains("HTTP/1.1 200") == true)
        }
    }
}

/// Lines of a child's output, read off the cooperative pool.
final class LineReader: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    func next() async -> String? {
        await offPool { self.readLine() }
    }

    private func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}
