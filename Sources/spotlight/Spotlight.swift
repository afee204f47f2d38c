import ArgumentParser
import Foundation
import SpotlightCore
import SpotlightTerminal

/// The `spotlight` command. Subcommands live one per file under Commands/.
struct Spotlight: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "spotlight",
        abstract: "Service Spotlight: a terminal bulletin board of customer-service success stories.",
        discussion: """
            One board is one SQLite file that every process on the host opens directly, or that a broker \
            (`spotlight serve`) owns and members reach over its socket (--board unix:SOCKET).

            Board location: --board PATH, then SPOTLIGHT_BOARD, then `board` in spotlight/config.toml \
            ($XDG_CONFIG_HOME, then $XDG_CONFIG_DIRS such as /etc/xdg), then $XDG_DATA_HOME/spotlight/board.sqlite.

            Exit codes: 0 ok, 1 runtime error, 2 usage error, 3 permission denied, 4 not found.
            """,
        version: version,
        subcommands: [BoardCommand.self,
            InitCommand.self, PostCommand.self, ListCommand.self, ShowCommand.self,
            UpvoteCommand.self, UnvoteCommand.self, MedalCommand.self,
            PinCommand.self, UnpinCommand.self, HideCommand.self, UnhideCommand.self, RemoveCommand.self,
            ManagersCommand.self, SettingsCommand.self, ExportCommand.self, ImportCommand.self,
            WallCommand.self, SnapshotCommand.self, ThemesCommand.self,
            DemoCommand.self, DoctorCommand.self,
            AwardsCommand.self,
            NewsletterCommand.self,
            StatsCommand.self,
            NewsCommand.self,
            CertCommand.self,
            ServeCommand.self,
        ],
        defaultSubcommand: BoardCommand.self
    )
}

/// Our own entry point, so that every failure ends the same way: one line on stderr and the
/// exit code of DESIGN §6 (ArgumentParser's own usage failures would otherwise exit 64).
/// Plain invocations of the hot commands skip ArgumentParser (`QuickStart`); the rest goes through it.
@main
enum Main {
    static func main() async {
        do {
            switch QuickStart.start(Array(CommandLine.arguments.dropFirst())) {
            case .version?:
                print(Spotlight.version)
            case .command(let command)?:
                try await command.run()
            case nil:
                var command = try Spotlight.parseAsRoot()
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            }
        } catch let error as SpotlightError {
            CLI.fail(error)
        } catch let error as TerminalError {
            CLI.fail(SpotlightError(error))
        } catch {
            let code = Spotlight.exitCode(for: error)
            if code == .validationFailure {
                CLI.fail(.usage(Spotlight.message(for: error) + " (see `spotlight help`)"))
            }
            Spotlight.exit(withError: error)
        }
    }
}
