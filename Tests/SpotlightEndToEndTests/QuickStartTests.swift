import Foundation
@testable import spotlight
import Testing

/// `QuickStart` reads the plain invocations of the hot commands without ArgumentParser. Each
/// command it builds must be the `plain` values of the command ArgumentParser parses from the
/// same arguments (defaults included), and anything that is not plain must go to ArgumentParser,
/// which words the help and errors.
@Suite struct QuickStartTests {
    static func dumped(_ value: Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }

    static let plain: [[String]] = [
        ["list"], ["list", "--limit", "5", "--sort", "new", "--json", "--board", "/tmp/b.sqlite"],
        ["list", "--department", "Billing", "--search", "refund", "--include-hidden"], ["list", "--sort", "top", "--limit", "1000"],
        ["show", "42"], ["show", "#42", "--json", "--board", "/tmp/b.sqlite"],
        ["upvote", "7"], ["upvote", "--board", "/tmp/b.sqlite", "#7"], ["unvote", "7"],
        ["snapshot"], ["snapshot", "--width", "100", "--height", "30", "--theme", "neon", "--ascii", "--board", "/tmp/b.sqlite"],
        ["snapshot", "--no-big-type", "--width", "240", "--height", "67"],
    ]

    @Test(arguments: plain) func quickCommandEqualsArgumentParsers(arguments: [String]) throws {
        guard case .command(let quick)? = QuickStart.start(arguments) else {
            Issue.record("\(arguments) is plain but was left to ArgumentParser")
            return
        }
        let plain: Any
        switch try Spotlight.parseAsRoot(arguments) {
        case let command as ListCommand: plain = command.plain
        case let command as ShowCommand: plain = command.plain
        case let command as UpvoteCommand: plain = command.plain
        case let command as UnvoteCommand: plain = command.plain
        case let command as SnapshotCommand: plain = command.plain
        case let command: Issue.record("QuickStart runs \(arguments) but ArgumentParser parses \(command)"); return
        }
        #expect(Self.dumped(quick) == Self.dumped(plain))
    }

    static let notPlain: [[String]] = [
        [], ["board"], ["pin", "1"], ["help", "list"], ["--help"], ["--version", "list"], ["list", "--version"],
        ["list", "--help"], ["list", "-h"], ["list", "--experimental-dump-help"], ["list", "--generate-completion-script", "bash"],
        ["list", "--limit=5"], ["list", "--limit", "5", "--limit", "6"], ["list", "--json", "--json"], ["list", "--limit", "0"],
        ["list", "--limit", "-5"], ["list", "--limit"], ["list", "--sort", "best"], ["list", "extra"], ["list", "--"],
        ["list", "--search", ""], ["list", "--search", "--json"], ["list", "--nosuch"],
        ["show"], ["show", "1", "2"], ["show", "abc"], ["show", "#0"], ["show", "--json"], ["show", "-1"],
        ["upvote"], ["upvote", "0"], ["unvote", "x"], ["snapshot", "--width", "5"], ["snapshot", "--width", "x"], ["snapshot", "--height", "101"],
    ]

    @Test(arguments: notPlain) func anythingElseGoesToArgumentParser(arguments: [String]) {
        if let start = QuickStart.start(arguments) {
            Issue.record("\(arguments) was taken quickly: \(start)")
        }
    }

    @Test func versionIsTheConfiguredOne() {
        guard case .version? = QuickStart.start(["--version"]) else {
            Issue.record("--version was left to ArgumentParser")
            return
        }
        #expect(Spotlight.configuration.version == Spotlight.version)
    }

    /// The quick path reads the board location's variables with `getenv`; a variable that
    /// `BoardLocation` or `Config` starts to read must join `BoardOptions.locationVariables`.
    @Test func locationReadsOnlyTheVariablesItFetches() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var read: Set<String> = []
        for file in ["Sources/SpotlightStore/BoardLocation.swift", "Sources/spotlight/Config.swift"] {
            let source = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for piece in source.components(separatedBy: "environment[\"").dropFirst() {
                read.insert(String(piece.prefix { $0 != "\"" }))
            }
        }
        #expect(read.count >= 5, "variables found: \(read)")
        #expect(read.isSubset(of: Set(BoardOptions.locationVariables)), "read but not fetched: \(read.subtracting(BoardOptions.locationVariables))")
    }

    /// For an absolute `--board` the quick path fetches no variable; the location must be the
    /// one resolved with the whole environment. A relative or `~` one still reads them.
    @Test func anAbsoluteBoardNeedsNoEnvironment() throws {
        for board in ["/srv/spotlight/board.sqlite", "/", "~/board.sqlite", "board.sqlite"] {
            #expect(BoardOptions.location(board: board) == (try BoardOptions.resolvedLocation(board: board)), "\(board)")
        }
    }
}
