import ArgumentParser
import SpotlightCore

/// Start like a C tool (issue 17). ArgumentParser reflects each command it parses with `Mirror`,
/// and every first-time protocol cast that involves scans all the conformance records of this
/// static binary (~0.3 M instructions a cast): two thirds of a `spotlight list`. Even building
/// one of its commands costs such scans (`Option<T>` checks `T: ExpressibleByArgument` at run
/// time). So the plain invocations of the commands that scripts, banners and people run most are
/// read here by hand into each command's `Plain` values, which its ArgumentParser twin also runs.
/// Anything not plain — help, `--name=value`, a repeated or unknown option, a value starting
/// with `-`, a value its type refuses, a failing `validate()` — gives nil, and ArgumentParser
/// parses as always: help, completions and every error message stay its own.
/// `QuickStartTests` checks that each command built here equals the `plain` of ArgumentParser's.
enum QuickStart {
    enum Start {
        case version
        case command(any QuickCommand)
    }

    /// What to run for `arguments` (argv without the program), or nil for ArgumentParser.
    static func start(_ arguments: [String]) -> Start? {
        if arguments == ["--version"] { return .version }
        guard let name = arguments.first else { return nil }
        let rest = arguments.dropFirst()
        let command: (any QuickCommand)?
        switch name {
        case "list": command = ListCommand.Plain(quick: rest)
        case "show": command = ShowCommand.Plain(quick: rest)
        case "upvote": command = UpvoteCommand.Plain(quick: rest)
        case "unvote": command = UnvoteCommand.Plain(quick: rest)
        case "snapshot": command = SnapshotCommand.Plain(quick: rest)
        default: command = nil
        }
        // ArgumentParser validates after parsing; a refusal is its to word.
        guard let command, (try? command.validate()) != nil else { return nil }
        return .command(command)
    }
}

/// A command as plain values, run the same whichever way its arguments were read.
protocol QuickCommand {
    func validate() throws
    func run() async throws
}

extension QuickCommand {
    func validate() throws {}
}

/// The arguments of one command when every one is plain: a known `--option value`, a known
/// `--flag`, or a positional value; each option and flag at most once. Arrays, not sets or
/// dictionaries: their first use instantiates generic metadata whose `Hashable` requirement is
/// another scan of the conformance records, dearer than searching a handful of names.
struct QuickArguments {
    private(set) var options: [(name: String, value: String)] = []
    private(set) var flags: [String] = []
    private(set) var positionals: [String] = []

    init?(_ arguments: ArraySlice<String>, options knownOptions: [String] = [], flags knownFlags: [String] = [], positionals count: Int = 0) {
        var rest = arguments
        while let argument = rest.popFirst() {
            guard !argument.isEmpty else { return nil }
            guard argument.hasPrefix("-") else {
                positionals.append(argument)
                continue
            }
            if knownOptions.contains(argument), option(argument) == nil,
               let value = rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") {
                options.append((argument, value))
            } else if knownFlags.contains(argument), !flags.contains(argument) {
                flags.append(argument)
            } else {
                return nil
            }
        }
        guard positionals.count == count else { return nil }
    }

    func option(_ name: String) -> String? { options.first { $0.name == name }?.value }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The option's value as ArgumentParser would convert it; nil when the type refuses it.
    func value<T: ExpressibleByArgument>(_ name: String, default: T) -> T? {
        guard let text = option(name) else { return `default` }
        return T(argument: text)
    }

    func value<T: ExpressibleByArgument>(_ name: String) -> T?? {
        guard let text = option(name) else { return .some(nil) }
        return T(argument: text).map { .some($0) }
    }

    func positional<T: ExpressibleByArgument>(_ index: Int) -> T? { T(argument: positionals[index]) }
}

extension ListCommand.Plain {
    init?(quick rest: ArraySlice<String>) {
        guard let arguments = QuickArguments(rest, options: ["--board", "--sort", "--limit", "--department", "--search"],
                                             flags: ["--include-hidden", "--json"]),
              let sort = arguments.value("--sort", default: StoryOrder.hot),
              let limit = arguments.value("--limit", default: 20) else { return nil }
        self.init(board: arguments.option("--board"), sort: sort, limit: limit, department: arguments.option("--department"),
                  search: arguments.option("--search"), includeHidden: arguments.flag("--include-hidden"), json: arguments.flag("--json"))
    }
}

extension ShowCommand.Plain {
    init?(quick rest: ArraySlice<String>) {
        guard let arguments = QuickArguments(rest, options: ["--board"], flags: ["--json"], positionals: 1),
              let id: StoryIDArgument = arguments.positional(0) else { return nil }
        self.init(board: arguments.option("--board"), id: id.value, json: arguments.flag("--json"))
    }
}

extension UpvoteCommand.Plain {
    init?(quick rest: ArraySlice<String>) {
        guard let arguments = QuickArguments(rest, options: ["--board"], positionals: 1),
              let id: StoryIDArgument = arguments.positional(0) else { return nil }
        self.init(board: arguments.option("--board"), id: id.value)
    }
}

extension UnvoteCommand.Plain {
    init?(quick rest: ArraySlice<String>) {
        guard let arguments = QuickArguments(rest, options: ["--board"], positionals: 1),
              let id: StoryIDArgument = arguments.positional(0) else { return nil }
        self.init(board: arguments.option("--board"), id: id.value)
    }
}

extension SnapshotCommand.Plain {
    init?(quick rest: ArraySlice<String>) {
        guard let arguments = QuickArguments(rest, options: ["--board", "--width", "--height", "--theme"], flags: ["--ascii", "--no-big-type"]),
              let width: Int? = arguments.value("--width"), let height: Int? = arguments.value("--height") else { return nil }
        self.init(board: arguments.option("--board"), width: width, height: height, theme: arguments.option("--theme"),
                  ascii: arguments.flag("--ascii"), noBigType: arguments.flag("--no-big-type"))
    }
}
