import Foundation
import Testing

/// Runs the real `spotlight` binary as a user would, and captures what it prints.
struct SpotlightProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let stdoutBytes: Data
    }

    /// The binary under test. `SPOTLIGHT_TEST_BINARY` names it (`make test` and `.ci/run` set it
    /// to the release build the Makefile makes: the binary users run); without it, the debug build
    /// next to this test bundle, for a quick local `swift test`. A named binary that is missing is
    /// an error, never a silent fallback to the debug one.
    static let binary: String = {
        if let named = ProcessInfo.processInfo.environment["SPOTLIGHT_TEST_BINARY"], !named.isEmpty {
            let path = URL(fileURLWithPath: named).standardizedFileURL.path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                fatalError("SPOTLIGHT_TEST_BINARY=\(named): no executable there (run `make` first)")
            }
            return path
        }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The test runner may live inside an .xctest bundle directory.
        while !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("spotlight").path), dir.path != "/" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("spotlight").path
    }()

    /// The binary copied where every account can run it: a checkout may sit in a `0700` home,
    /// which `nobody` or a test account cannot enter. Every test that runs the binary as someone
    /// else runs this copy.
    static var binaryForOthers: String { ReachableCopy.of(binary) }

    /// A scratch directory per test; removed by nobody, so a failure can be inspected.
    static func scratch(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "spotlight-e2e-\(name)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, board: String? = nil, asNobody: Bool = false,
                    environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        var environment = ProcessInfo.processInfo.environment
        environment["SPOTLIGHT_BOARD"] = board
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        if asNobody {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binaryForOthers] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { try input.fileHandleForWriting.write(contentsOf: stdin) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self), stdoutBytes: stdoutData)
    }

    /// Runs an SQL statement with the system `sqlite3` (for checks and for making bad files).
    static func sqlite(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// True when the bytes contain something a terminal would act on: C0 controls other than
/// newline, ESC, DEL or C1 controls (as UTF-8), or bidi overrides.
func containsRawControls(_ text: String) -> Bool {
    text.unicodeScalars.contains { s in
        (s.value < 0x20 && s != "\n") || (0x7F...0x9F).contains(s.value)
            || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }
}
