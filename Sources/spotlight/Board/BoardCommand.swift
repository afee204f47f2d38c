import ArgumentParser
import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightTerminal

/// `spotlight` with no subcommand: the interactive board (DESIGN §5).
struct BoardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "The interactive board (the default): browse, search, post, upvote and give medallions; managers pin, hide and remove.",
        discussion: """
            Keys: ↑/↓ j/k move · Enter open · ←/→ Tab 1–5 tabs (Hot New Top Pinned Mine) · / search · d department · \
            n new story · e edit · u upvote · m medallion · w wall · M managers · ? every key · q quit.

            Managers also: p pin (with expiry and note) / unpin · h hide / unhide · x remove.

            A story being written is kept on disk (under $XDG_STATE_HOME/spotlight/drafts) and offered back \
            the next time the board starts, so a dropped connection loses nothing.
            """)

    @OptionGroup var boardOptions: BoardOptions
    @Option(help: "Theme name (default: the board's setting).") var theme: String?

    func run() async throws {
        let runner = try await BoardRunner.start(options: BoardRunner.Options(location: boardOptions.location, theme: theme))
        let code = await runner.run()
        if code != 0 { throw ExitCode(code) }
    }
}
