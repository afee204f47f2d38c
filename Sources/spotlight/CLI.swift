import Foundation
import SpotlightCore
import SpotlightStore

/// Shared plumbing for the subcommands: opening the board as the OS account, and reporting.
enum CLI {
    static func fail(_ error: SpotlightError) -> Never {
        FileHandle.standardError.write(Data(("spotlight: " + Sanitizer.singleLine(error.message) + "\n").utf8))
        exit(error.exitCode)
    }

    /// Text for people, in what their terminal can print: in a locale that is not UTF-8, every
    /// character (ours and the stories') is spelt in ASCII (`ASCIIFallback`), never mojibake.
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((Sanitizer.converted(text, to: charset) + "\n").utf8))
    }

    /// Data for programs (JSON, CSV, exports): UTF-8 whatever the locale, byte for byte.
    static func emit(_ data: String) {
        FileHandle.standardOutput.write(Data((data + "\n").utf8))
    }

    static let charset = OutputCharset(isUTF8: UserLocale.isUTF8)

    /// A note for humans that scripts reading stdout should not see.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Opens the board, runs `body`, and closes the board whatever happens.
    static func withBoard<T>(
        _ options: BoardOptions, mode: BoardStore.OpenMode = .existing,
        _ body: (BoardStore) async throws(SpotlightError) -> T
    ) async throws(SpotlightError) -> T {
        let store = try await BoardStore.open(options.location.path, as: try Identity.current(), mode: mode)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}
