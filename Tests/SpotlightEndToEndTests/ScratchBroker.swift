import Foundation
import Testing

/// `spotlight serve` run by the test's own account in a fresh `0700` scratch directory, for
/// tests that need a broker but no second account (walls, boards, adoption): quicker than
/// `BrokerHost`, and it runs as root or not. The socket sits beside the board, with a short
/// path so the wall's status line, which names it, fits 80 columns.
final class ScratchBroker {
    typealias P = SpotlightProcess

    let directory: String
    let board: String
    let socket: String
    var location: String { "unix:" + socket }
    let log: String
    /// What `serve` is given for its board: `--board FILE` by default, or `--store URL …`.
    let boardArguments: [String]
    private var process: Process?

    /// `store`: serve a PostgreSQL database (`--store URL [--store-password-file F]`) instead
    /// of the file `board`.
    init(_ name: String, store: [String]? = nil) throws {
        directory = P.scratch(name)
        chmod(directory, 0o700)
        board = directory + "/board.sqlite"
        socket = directory + "/s"
        log = directory + "/broker.log"
        boardArguments = store ?? ["--board", board]
    }

    deinit { stop() }

    /// Starts `spotlight serve EXTRA…` and returns once a client's `list` gets an answer.
    func start(_ extra: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: P.binary)
        process.arguments = ["serve"] + boardArguments + ["--socket", socket] + extra
        if !FileManager.default.fileExists(atPath: log) { _ = FileManager.default.createFile(atPath: log, contents: nil) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        output.seekToEndOfFile()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, process.isRunning {
            if (try? run(["list", "--limit", "1"]))?.status == 0 { return }
            usleep(20_000)
        }
        Issue.record("the broker did not answer within 10 s:\n\(brokerOutput)")
        throw CancellationError()
    }

    /// Kills the broker (SIGTERM: a clean stop; SIGKILL: a crash) and waits for it.
    func stop(signal number: Int32 = SIGTERM) {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, number)
        process.waitUntilExit()
    }

    var brokerOutput: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no log)" }

    /// The binary as a client of this broker.
    @discardableResult
    func run(_ arguments: [String], stdin: Data? = nil) throws -> P.Result {
        try P.run(arguments, stdin: stdin, board: location, environment: ["XDG_STATE_HOME": directory + "/state"])
    }
}
