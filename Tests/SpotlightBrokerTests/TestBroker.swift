import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore

/// A `BrokerServer` on a socket in a fresh temporary directory, serving a
/// `RecordingApplication`, with its log recorded.
struct TestBroker {
    let server: BrokerServer
    let application: RecordingApplication
    let log: LogRecorder
    let directory: String
    var socketPath: String { directory + "/board.sock" }

    static func directory() throws -> String {
        // Short: a Unix socket path holds at most 107 bytes.
        let directory = "/tmp/sb-" + String(UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    static func start(limits: BrokerLimits = .standard, clock: MonotonicClock = .continuous,
                      mode: mode_t = 0o660, group: String? = nil,
                      accounts: (@Sendable (UInt32) throws(SpotlightError) -> Account)? = nil) async throws -> TestBroker {
        let directory = try directory()
        let application = RecordingApplication()
        let log = LogRecorder()
        var configuration = BrokerServer.Configuration(socketPath: directory + "/board.sock", log: log.log)
        configuration.limits = limits
        configuration.clock = clock
        configuration.mode = mode
        configuration.group = group
        if let accounts { configuration.accounts = accounts }
        let server = BrokerServer(application: application, configuration: configuration)
        try await server.start()
        return TestBroker(server: server, application: application, log: log, directory: directory)
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Waits (up to 10 s) until `condition` holds; the tests never assert on how long it took.
    func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<1000 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }
}

/// Runs `curl --unix-socket` as a user would; returns the status code and body.
func curl(_ socket: String, _ path: String, method: String = "GET", body: String? = nil,
          headers: [String] = [], as user: String? = nil) async throws -> (status: Int, body: String) {
    var arguments = ["-s", "-S", "--max-time", "20", "--unix-socket", socket, "-X", method,
                     "-o", "-", "-w", "\n%{http_code}", "http://localhost" + path]
    for header in headers { arguments += ["-H", header] }
    if let body { arguments += ["--data-binary", body] }
    let process = Process()
    if let user {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard let entry = getpwnam(user) else { throw RawClientError.system("getpwnam \(user)", errno) }
        process.arguments = ["--reuid=\(user)", "--regid=\(entry.pointee.pw_gid)", "--clear-groups", "curl"] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = arguments
    }
    // Output to a file, not a pipe: reading a pipe while the test process takes signals can fail with EINTR.
    let outputPath = NSTemporaryDirectory() + "curl-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    await offPool { process.waitUntilExit() }
    try output.close()
    let data = try Data(contentsOf: URL(fileURLWithPath: outputPath))
    let text = String(decoding: data, as: UTF8.self)
    guard let newline = text.lastIndex(of: "\n") else { return (0, text) }
    return (Int(text[text.index(after: newline)...]) ?? 0, String(text[..<newline]))
}

extension TestBroker {
    /// Starts a broker, runs `body` with it and stops it, also when `body` throws.
    static func with(limits: BrokerLimits = .standard, clock: MonotonicClock = .continuous,
                     mode: mode_t = 0o660, group: String? = nil,
                     accounts: (@Sendable (UInt32) throws(SpotlightError) -> Account)? = nil,
                     _ body: (TestBroker) async throws -> Void) async throws {
        let broker = try await start(limits: limits, clock: clock, mode: mode, group: group, accounts: accounts)
        do {
            try await body(broker)
        } catch {
            await broker.stop()
            throw error
        }
        await broker.stop()
    }
}
