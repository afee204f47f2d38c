import ArgumentParser
import Foundation
import SpotlightCore
import SpotlightStore

/// `--board PATH`, shared by every subcommand.
struct BoardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The board file, or a broker's socket as unix:/path (default: SPOTLIGHT_BOARD, then `board` in spotlight/config.toml under $XDG_CONFIG_HOME or $XDG_CONFIG_DIRS, then $XDG_DATA_HOME/spotlight/board.sqlite).",
        valueName: "path"))
    var board: String?

    /// The board to open; a broken config file ends the command with its one-line error.
    var location: BoardLocation { Self.location(board: board) }

    /// `location` for a `--board` value read without ArgumentParser (`QuickStart`).
    /// An absolute `--board` is the whole answer, and `BoardLocation.resolve` reads no variable
    /// for it: the variables are then not fetched at all, since the first non-empty dictionary
    /// of the process costs a scan of every conformance record (~0.4 M instructions; issue 17).
    static func location(board: String?) -> BoardLocation {
        do {
            let environment = board?.hasPrefix("/") == true || board?.hasPrefix("unix:/") == true ? [:] : locationEnvironment
            return try resolvedLocation(board: board, environment: environment)
        } catch {
            CLI.fail(error)
        }
    }

    /// The variables `BoardLocation` and `Config` read, from `getenv`: the whole
    /// `ProcessInfo.processInfo.environment` costs 0.8 M instructions a start (every variable
    /// through Foundation's string bridging, issue 17). `QuickStartTests` checks this list
    /// against the names those two files read.
    static let locationVariables = ["SPOTLIGHT_BOARD", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS"]

    static var locationEnvironment: [String: String] {
        var environment: [String: String] = [:]
        for name in locationVariables {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    /// `--board`, `SPOTLIGHT_BOARD`, the config files (`Config`), then the XDG default.
    func resolvedLocation(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SpotlightError) -> BoardLocation {
        try Self.resolvedLocation(board: board, environment: environment)
    }

    static func resolvedLocation(board: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(SpotlightError) -> BoardLocation {
        try BoardLocation.resolve(flag: board, environment: environment) { () throws(SpotlightError) -> BoardLocation.Configured? in
            try Config.board(environment: environment)
        }
    }
}

/// `--json` for machine-readable output.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of text (control characters escaped).")
    var json = false
}

/// A story id as typed by people: `42` or `#42`.
struct StoryIDArgument: ExpressibleByArgument {
    let value: Int

    init?(argument: String) {
        let digits = argument.hasPrefix("#") ? String(argument.dropFirst()) : argument
        guard let n = Int(digits), n > 0 else { return nil }
        value = n
    }

    static var defaultValueDescription: String { "a story id such as 42 or #42" }
}
