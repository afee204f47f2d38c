import Foundation
import Testing

/// Everything ArgumentParser gives users, byte for byte: `--help` and `help X` for every command,
/// the `--experimental-dump-help` description (all that `generate-manual` reads), the man pages
/// themselves, the bash/zsh/fish completions, and the one-line errors and exit codes of usage
/// mistakes. Start-up takes shortcuts past ArgumentParser (issue 17); these goldens prove the
/// shortcuts change nothing a user sees. Help wording is others' to change: after such a change,
/// `SNAPSHOT_UPDATE=1 swift test --filter CLISurfaceTests` rewrites `Goldens/cli/`.
@Suite struct CLISurfaceTests {
    typealias P = SpotlightProcess

    /// A fixed terminal width and a UTF-8 locale, so the goldens do not depend on who runs them.
    static let environment = ["COLUMNS": "80", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"]

    /// Every command path (`[]`, `["list"]`, `["managers", "add"]`, …), read from the dump-help
    /// tree so that a new command is covered without editing this test.
    static func commandPaths() throws -> [[String]] {
        let dump = try P.run(["--experimental-dump-help"], environment: environment)
        let root = try #require(try JSONSerialization.jsonObject(with: dump.stdoutBytes) as? [String: Any])
        func walk(_ command: [String: Any], _ path: [String]) -> [[String]] {
            let children = command["subcommands"] as? [[String: Any]] ?? []
            return [path] + children.flatMap { child in walk(child, path + [child["commandName"] as? String ?? "?"]) }
        }
        return walk(try #require(root["command"] as? [String: Any]), [])
    }

    static func name(_ path: [String]) -> String { (["spotlight"] + path).joined(separator: ".") }

    /// Output, error and exit code of one run as a golden: what a user or a script sees.
    static func transcript(_ arguments: [String], board: String? = nil) throws -> String {
        let result = try P.run(arguments, board: board, environment: environment)
        var text = "$ spotlight \(arguments.joined(separator: " "))\nexit \(result.status)\n"
        if !result.stdout.isEmpty { text += "stdout:\n\(result.stdout)" }
        if !result.stderr.isEmpty { text += "stderr:\n\(result.stderr)" }
        if let board { text = text.replacingOccurrences(of: board, with: "$BOARD") }
        return text
    }

    @Test func helpOfEveryCommand() throws {
        let paths = try Self.commandPaths()
        #expect(paths.count > 25, "commands found: \(paths)")
        for path in paths {
            expectReportGolden(try Self.transcript(path + ["--help"]), "cli/help/\(Self.name(path)).txt")
            if path.count == 1 {
                // `help X` and `X -h` take other routes through the parser than `X --help`.
                expectReportGolden(try Self.transcript(["help"] + path), "cli/help/help.\(Self.name(path)).txt")
                expectReportGolden(try Self.transcript(path + ["-h"]), "cli/help/h.\(Self.name(path)).txt")
            }
        }
        for arguments in [["help"], ["-h"], ["help", "managers", "add"], ["managers", "help", "add"], ["list", "--help", "--limit", "0"]] {
            expectReportGolden(try Self.transcript(arguments), "cli/help/\(arguments.joined(separator: "_")).txt")
        }
    }

    @Test func dumpHelpOfEveryCommand() throws {
        for path in try Self.commandPaths() {
            let result = try P.run(path + ["--experimental-dump-help"], environment: Self.environment)
            #expect(result.status == 0, "\(path): \(result.stderr)" as Comment)
            expectReportGolden(result.stdout, "cli/dump-help/\(Self.name(path)).json")
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionScript(shell: String) throws {
        let result = try P.run(["--generate-completion-script", shell], environment: Self.environment)
        #expect(result.status == 0, Comment(rawValue: result.stderr))
        expectReportGolden(result.stdout, "cli/completions/spotlight.\(shell)")
    }

    /// `generate-manual` is ArgumentParser's, built beside the binary by `make` (or by
    /// `swift build --product generate-manual`); without it only the dump-help, its whole input, is compared.
    static let generateManual: String? = {
        let candidate = URL(fileURLWithPath: P.binary).deletingLastPathComponent().appendingPathComponent("generate-manual").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }()

    @Test(.enabled(if: generateManual != nil, "generate-manual is not built beside the binary under test"))
    func manPages() throws {
        let out = P.scratch("man")
        let result = try Checkout.run(try #require(Self.generateManual), [
            P.binary, "--multi-page", "--date", "2026-01-01", "--authors", "Service Spotlight contributors", "--output-directory", out,
        ])
        #expect(result.status == 0, Comment(rawValue: result.all))
        let pages = Checkout.files(under: out)
        #expect(pages.count > 25, "pages: \(pages)")
        for page in pages {
            expectReportGolden(try String(contentsOfFile: out + "/" + page, encoding: .utf8), "cli/man/\(page)")
        }
    }

    /// Usage mistakes end in one line on stderr and exit 2 (DESIGN §6), whichever path parsed them.
    @Test func usageErrorsAndExitCodes() throws {
        let cases: [[String]] = [
            ["--version"], ["list", "--version"], ["nosuchcommand"], ["--nosuchflag"], ["list", "--nosuchflag"],
            ["list", "--limit"], ["list", "--limit", "many"], ["list", "--limit", "0"], ["list", "--sort", "best"],
            ["show"], ["show", "abc"], ["show", "1", "2"], ["upvote"], ["upvote", "#0"], ["medal", "--revoke"],
            ["managers", "nosuch"], ["themes", "show"], ["post", "--title"], ["snapshot", "--width", "x"],
            ["--generate-completion-script", "tcsh"], ["list", "--board"], ["list", "--limit=5000"], ["list", "-x"],
            ["show", "--", "-1"], ["help", "nosuch"], ["managers", "add"], [],
        ]
        // A board that does not exist: a command that parses reaches "no board", never the machine's default board.
        let board = P.scratch("surface") + "/none.sqlite"
        var text = ""
        for arguments in cases { text += try Self.transcript(arguments, board: board) + "\n" }
        expectReportGolden(text, "cli/usage-errors.txt")
    }

    /// Errors after parsing keep their words and codes too: not found (4), a missing board (4).
    @Test func runtimeErrorsAndExitCodes() throws {
        let board = P.scratch("surface") + "/board.sqlite"
        var text = try Self.transcript(["list"], board: board) + "\n"
        text += try Self.transcript(["upvote", "1"], board: board) + "\n"
        let demo = try P.run(["demo", "--board", board], environment: Self.environment)
        #expect(demo.status == 0, Comment(rawValue: demo.stderr))
        for arguments in [["show", "999"], ["upvote", "999"], ["unpin", "999"], ["list", "--limit", "1", "--json", "--sort", "nosuch"]] {
            text += try Self.transcript(arguments, board: board) + "\n"
        }
        expectReportGolden(text, "cli/runtime-errors.txt")
    }
}
