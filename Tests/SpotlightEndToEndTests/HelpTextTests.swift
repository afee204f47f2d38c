import Foundation
import Testing

/// `--help` is ArgumentParser's to wrap: our texts are paragraphs, never lines broken by hand
/// ("only typing the\n--unlock word"), which read as ragged mid-sentence breaks at any width.
@Suite struct HelpTextTests {
    typealias P = SpotlightProcess

    /// Every subcommand named in the top-level help, plus the top level itself.
    static func commands() throws -> [[String]] {
        let help = try P.run(["--help"]).stdout
        let section = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let names = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            let name = line.split(separator: " ").first.map(String.init) ?? ""
            return name.allSatisfy({ $0.isLowercase || $0 == "-" }) && !name.isEmpty ? name : nil
        }
        return [[]] + names.map { [$0] }
    }

    /// A line followed by more of the same paragraph, although the next word would have fitted
    /// on it within the 79 columns ArgumentParser fills at COLUMNS=80: a break made by hand. Indented lines (examples)
    /// and lines ending in ":" (an introduction to a list) may break where they like.
    static func handBrokenLines(_ help: String) -> [String] {
        let prose = help.components(separatedBy: "\nUSAGE:").first ?? help
        let lines = prose.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var found: [String] = []
        for (line, next) in zip(lines, lines.dropFirst()) {
            guard !line.isEmpty, !next.isEmpty, !next.hasPrefix(" "), !line.hasSuffix(":") else { continue }
            let nextWord = next.split(separator: " ").first.map(String.init) ?? ""
            if Columns.of(line) + 1 + Columns.of(nextWord) <= 79 { found.append(line + "⏎" + next) }
        }
        return found
    }

    @Test func noHelpTextIsWrappedByHand() throws {
        let commands = try Self.commands()
        #expect(commands.count > 20, "subcommands found: \(commands)")
        for command in commands {
            let result = try P.run(command + ["--help"], environment: ["COLUMNS": "80"])
            #expect(result.status == 0, "\(command) --help: \(result.stderr)")
            let broken = Self.handBrokenLines(result.stdout)
            #expect(broken.isEmpty, "spotlight \(command.joined()) --help breaks lines by hand:\n\(broken.joined(separator: "\n"))")
        }
    }

    @Test func theCheckFindsAHandBreak() {
        let help = "OVERVIEW: The wall.\n\nWith --kiosk only typing the\n--unlock word quits.\n\nUSAGE: spotlight wall\n"
        #expect(Self.handBrokenLines(help) == ["With --kiosk only typing the⏎--unlock word quits."])
    }
}
