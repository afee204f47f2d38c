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

    /// The binary built next to this test bundle (SwiftPM puts both in the same folder).
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The test runner may live inside an .xctest bundle directory.
        while !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("spotlight").path), dir.path != "/" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("spotlight").path
    }()

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
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
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
