import ArgumentParser
import SpotlightApp
import SpotlightCore
import SpotlightStore

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a new, empty board; you become its first manager.")

    @OptionGroup var boardOptions: BoardOptions
    @Option(help: "The board's name, shown in the wall's header.") var name: String?

    func run() async throws {
        let path = boardOptions.location.path
        if let socket = boardOptions.location.brokerSocket {
            throw SpotlightError.usage("the broker on \(socket) creates and owns its board; `spotlight init` makes a board file (for a broker: spotlight serve --board FILE)")
        }
        if let name, !(1...60).contains(name.count) {
            throw SpotlightError.usage("--name must be 1–60 characters, got \(name.count)")
        }
        let account = try await CLI.withBoard(boardOptions, mode: .createIfMissing(name: name)) { board async throws(SpotlightError) in
            // A board that already had its schema was not created by us: say so rather than pretend.
            let events = try await board.auditEvents(limit: 2)
            if events.count > 1 || events.first?.actor != board.account.login || events.first?.action != "init" {
                throw .usage("a board already exists at \(path); nothing was changed")
            }
            return board.account
        }
        CLI.say("Created the board \(path); \(account.login) is its first manager.")
    }
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill a new board with about 30 sample stories to try things out.")

    @OptionGroup var boardOptions: BoardOptions

    func run() async throws {
        let path = boardOptions.location.path
        let count = try await CLI.withBoard(boardOptions, mode: .createIfMissing(name: "Acme Support")) { board async throws(SpotlightError) in
            try await board.seed(DemoStories.all)
        }
        CLI.say("Added \(Plural.count(count, "demo story", "demo stories")) to \(path). Try `spotlight list` or `spotlight show 1`.")
    }
}
