import Foundation
import Testing
@testable import SpotlightUI

/// `Themes/*.toml` are the source of truth; the binary carries a generated copy
/// (`StandardThemes+Sources.swift`). This fails while they differ, and `THEMES_UPDATE=1`
/// regenerates the copy, the way `SNAPSHOT_UPDATE=1` rewrites goldens.
@Suite struct StandardThemeSourceTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let generatedFile = root.appendingPathComponent("Sources/SpotlightUI/Theme/StandardThemes+Sources.swift")
    private static let standardNames = ["classic", "high-contrast", "midnight", "mono", "service-week"]

    @Test func compiledInTextEqualsTheThemeFiles() throws {
        let expected = try Self.generatedSource()
        if ProcessInfo.processInfo.environment["THEMES_UPDATE"] == "1" {
            try expected.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
            return
        }
        #expect(StandardThemes.names == Self.standardNames)
        for name in Self.standardNames {
            let file = try String(contentsOf: Self.themeFile(name), encoding: .utf8)
            #expect(StandardThemes.source(named: name) == file,
                    "Themes/\(name).toml changed; run THEMES_UPDATE=1 swift test --filter StandardThemeSourceTests")
        }
        #expect(try String(contentsOf: Self.generatedFile, encoding: .utf8) == expected,
                "the generated file is stale; run THEMES_UPDATE=1 swift test --filter StandardThemeSourceTests")
    }

    @Test func everyCompiledInThemeParses() throws {
        for name in Self.standardNames {
            let theme = try #require(try StandardThemes.theme(named: name))
            #expect(theme.name == name)
        }
        #expect(try StandardThemes.theme(named: "neon") == nil)
    }

    private static func themeFile(_ name: String) -> URL {
        root.appendingPathComponent("Themes/\(name).toml")
    }

    /// Each file as a raw multi-line literal: every line indented four spaces (empty lines left
    /// empty), so the literal's value is the file byte for byte, final newline included.
    private static func generatedSource() throws -> String {
        var out = [
            "// Generated from Themes/*.toml by `THEMES_UPDATE=1 swift test --filter StandardThemeSourceTests`.",
            "// Do not edit: change the .toml file and regenerate; the test fails while they differ.",
            "",
            "extension StandardThemes {",
            "    static let sources: [String: String] = [",
        ]
        out += standardNames.map { "        \"\($0)\": \(identifier($0))," }
        out.append("    ]")
        for name in standardNames {
            let text = try String(contentsOf: themeFile(name), encoding: .utf8)
            #expect(!text.contains("\"\"\"#") && !text.contains("\\#"), "Themes/\(name).toml cannot be a raw literal")
            out += ["", "    private static let \(identifier(name)) = #\"\"\""]
            out += text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }
            out.append("    \"\"\"#")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// "service-week" → "serviceWeek".
    private static func identifier(_ name: String) -> String {
        let parts = name.split(separator: "-")
        return String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
