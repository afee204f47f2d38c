import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

struct ManagersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "managers", abstract: "List, add or remove the board's managers.",
        subcommands: [List.self, Add.self, Remove.self], defaultSubcommand: List.self)
    // Add and Remove name themselves: a name derived from the type costs ArgumentParser a
    // `String(describing:)` of the type, five first-time protocol lookups, on every start (issue 17).
    // The default subcommand must not: ArgumentParser's dump-help (and so the man page) names a
    // default subcommand only when it is derived, and those stay byte for byte as they were.

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the managers.")
        @OptionGroup var boardOptions: BoardOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let managers = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in try await board.managers() }
            if output.json { return CLI.emit(try JSONOutput.encode(managers)) }
            CLI.say(managers.map(Sanitizer.singleLine).joined(separator: "\n"))
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Make an account a manager (managers only).")
        @OptionGroup var boardOptions: BoardOptions
        @Argument(help: "The login name of the account.") var login: String
        @Flag(help: "Add the login even though no such account exists on this host (yet).") var force = false

        func run() async throws {
            try Self.requireAccount(login, force: force)
            try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in try await board.addManager(login) }
            CLI.say("\(Sanitizer.singleLine(login)) is now a manager.")
        }

        /// A typo would otherwise hand manager rights to whoever later gets that login.
        /// (Synchronous and outside `run`: the release compiler crashed splitting `run`'s coroutine
        /// when this throw sat before its first await.)
        static func requireAccount(_ login: String, force: Bool) throws(SpotlightError) {
            guard force || getpwnam(login) != nil else {
                throw .notFound("there is no account \(Sanitizer.singleLine(login)) on this host: check the spelling, or add --force for an account that will be created later")
            }
        }

        func validate() throws {
            guard !login.isEmpty, login.count <= 64, login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw ValidationError("'\(Sanitizer.singleLine(String(login.prefix(64))))' is not a login name (letters, digits, '.', '_' and '-')")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a manager (managers only; never the last one).")
        @OptionGroup var boardOptions: BoardOptions
        @Argument(help: "The login name of the account.") var login: String

        func run() async throws {
            try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in try await board.removeManager(login) }
            CLI.say("\(Sanitizer.singleLine(login)) is no longer a manager.")
        }
    }
}

struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show or change the board's settings (changing needs a manager).",
        discussion: "Keys: \(BoardSettings.keys.joined(separator: ", ")).")

    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "A setting to change.") var key: String?
    @Argument(help: "Its new value.") var value: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if key != nil && value == nil { throw ValidationError("give a value: spotlight settings \(key!) VALUE") }
    }

    func run() async throws {
        let settings = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
            if let key, let value { try await board.setSetting(key, to: value) }
            return try await board.settings()
        }
        if output.json {
            CLI.emit(try JSONOutput.encode(settings))
        } else {
            CLI.say(BoardSettings.keys.map { "\($0) = \(Sanitizer.singleLine(settings.value(forKey: $0) ?? ""))" }.joined(separator: "\n"))
        }
    }
}
