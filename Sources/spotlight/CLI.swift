import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore
import SpotlightStore

/// Shared plumbing for the subcommands: opening the board as the OS account, and reporting.
enum CLI {
    static func fail(_ error: SpotlightError) -> Never {
        write("spotlight: " + Sanitizer.singleLine(error.message) + "\n", to: .standardError)
        exit(error.exitCode)
    }

    /// Text for people, in what their terminal can print: in a locale that is not UTF-8, every
    /// character (ours and the stories') is spelt in ASCII (`ASCIIFallback`), never mojibake.
    static func say(_ text: String) {
        write(Sanitizer.converted(text, to: charset) + "\n", to: .standardOutput)
    }

    /// Data for programs (JSON, CSV, exports): UTF-8 whatever the locale, byte for byte.
    static func emit(_ data: String) {
        write(data + "\n", to: .standardOutput)
    }

    static let charset = OutputCharset(isUTF8: UserLocale.isUTF8)

    /// A note for humans that scripts reading stdout should not see.
    static func note(_ text: String) {
        write(text + "\n", to: .standardError)
    }

    /// The UTF-8 of `text`, copied once: `Data(text.utf8)` takes Data's generic sequence path,
    /// whose first use scans every conformance record of the binary (~0.3 M instructions, issue 17).
    private static func write(_ text: String, to handle: FileHandle) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            handle.write(Data(bytes: base, count: bytes.count))
        }
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Opens the board, runs `body`, and closes the board whatever happens.
    static func withBoard<T>(
        _ options: BoardOptions, mode: SQLiteBoard.OpenMode = .existing,
        _ body: (any BoardService) async throws(SpotlightError) -> T
    ) async throws(SpotlightError) -> T {
        try await withBoard(board: options.board, mode: mode, body)
    }

    /// `withBoard` for a `--board` value read without ArgumentParser (`QuickStart`).
    static func withBoard<T>(
        board: String?, mode: SQLiteBoard.OpenMode = .existing,
        _ body: (any BoardService) async throws(SpotlightError) -> T
    ) async throws(SpotlightError) -> T {
        try await withBoard(at: BoardOptions.location(board: board), mode: mode, body)
    }

    /// The one place a front end opens a board: the file at `location` as this process's OS
    /// account (an `SQLiteBoard`), or, for `unix:SOCKET`, the broker that owns it (a
    /// `RemoteBoard`: the broker learns who we are from the kernel, issue 13). `.existing`
    /// falls back to read-only, or immutable, when the file, its directory or its disk cannot
    /// be written, so `doctor`, `list` and `export` still read such a board.
    ///
    /// `askingBroker`: a broker handle asks who it is (`GET /v1/whoami`) before anything else;
    /// without it a one-shot command takes the account its own uid names (the one the broker
    /// resolves too) and saves that round trip.
    static func openBoard(_ location: BoardLocation, mode: SQLiteBoard.OpenMode = .existing,
                          clock: Clock = .system, askingBroker: Bool = true) async throws(SpotlightError) -> any BoardService {
        if let socket = location.brokerSocket {
            let transport = try UnixSocketTransport(path: socket)
            guard !askingBroker, let account = try? Identity.current() else {
                return try await RemoteBoard.open(transport, clock: clock)
            }
            return try await RemoteBoard.open(transport, clock: clock, introduction: .assuming(account, uid: geteuid()))
        }
        return try await SQLiteBoard.open(location.path, as: try Identity.current(), mode: mode, clock: clock)
    }

    /// Opens the board at `location`, runs `body`, and closes the board whatever happens: the
    /// one place a command pairs `openBoard` with `close`. Commands see only `BoardService`.
    static func withBoard<T>(
        at location: BoardLocation, mode: SQLiteBoard.OpenMode = .existing, askingBroker: Bool = false,
        _ body: (any BoardService) async throws(SpotlightError) -> T
    ) async throws(SpotlightError) -> T {
        let board = try await openBoard(location, mode: mode, askingBroker: askingBroker)
        do {
            let result = try await body(board)
            await board.close()
            return result
        } catch {
            await board.close()
            throw error
        }
    }
}
