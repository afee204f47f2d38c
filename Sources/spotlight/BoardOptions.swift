import ArgumentParser
import SpotlightStore

/// `--board PATH`, shared by every subcommand.
struct BoardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The board file (default: SPOTLIGHT_BOARD, then $XDG_DATA_HOME/spotlight/board.sqlite).", valueName: "path"))
    var board: String?

    var location: BoardLocation { BoardLocation.resolve(flag: board) }
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
