import Foundation
import Testing
@testable import SpotlightUI

/// The repository's `Themes/`, found from this file so the test runs from any directory.
private let themesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes").path

private func parseError(_ source: String, file: String = "Themes/test.toml") -> ThemeError? {
    do {
        _ = try Theme(parsing: source, file: file)
        return nil
    } catch {
        return error
    }
}

/// A theme file of the checkout, read here and parsed by SpotlightUI (which reads no files).
private func themeFile(_ path: String) throws -> Theme {
    try Theme(parsing: String(contentsOfFile: path, encoding: .utf8), file: path)
}

private func isPrintableASCII(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
}

@Suite struct ThemeFileTests {
    @Test func everyFileInThemesParsesCompletely() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory)
            .filter { $0.hasSuffix(".toml") }.sorted()
        let required = ["classic", "high-contrast", "midnight", "mono", "service-week"]
        #expect(Set(required).isSubset(of: files.map { String($0.dropLast(5)) }))
        for file in files {
            let theme = try themeFile(themesDirectory + "/" + file)
            #expect(theme.name + ".toml" == file)
            #expect(!theme.description.isEmpty, "\(file) needs a description")
            #expect(Set(theme.styles.keys) == Set(Role.allCases), "\(file) must style every role")
            #expect(isPrintableASCII(theme.bannerASCII))
            #expect((theme.bannerArt ?? []).allSatisfy(isPrintableASCII))
        }
    }

    @Test func classicFileIsTheCompiledInDefault() throws {
        #expect(try themeFile(themesDirectory + "/classic.toml") == Theme.builtIn)
    }

    @Test func serviceWeekIsFestive() throws {
        let theme = try themeFile(themesDirectory + "/service-week.toml")
        #expect(theme.banner == "🎉 CUSTOMER SERVICE WEEK 🎉")
        #expect(theme.banner(unicode: false) == "*** CUSTOMER SERVICE WEEK ***")
    }
}

@Suite struct ThemeErrorTests {
    @Test func syntaxErrorCarriesTOMLKitsLine() throws {
        let error = try #require(parseError("name = \"test\"\nborder = \n"))
        #expect(error.kind == .syntax)
        #expect(error.line == 2)
        #expect(error.description.hasPrefix("Themes/test.toml:2:"))
    }

    @Test func outOfRangeColourNamesFileLineAndKey() throws {
        let source = (1...10).map { "# line \($0)" }.joined(separator: "\n")
            + "\n[roles.title]\nfg256 = 300\n"
        let error = try #require(parseError(source, file: "Themes/midnight.toml"))
        #expect(error.kind == .invalidValue)
        #expect(error.description == "Themes/midnight.toml:12: roles.title.fg256 must be 0–255, got 300")
    }

    @Test func unknownKeyIsAnError() throws {
        let error = try #require(parseError("[roles.title]\nbold = true\nblod = true\n"))
        #expect(error.kind == .unknownKey)
        #expect(error.key == "roles.title.blod")
        #expect(error.line == 3)
        let topLevel = try #require(parseError("name = \"test\"\ncolour = 1\n"))
        #expect(topLevel.description.hasPrefix("Themes/test.toml:2: colour is not a theme key"))
    }

    @Test func unknownRoleAndIconAreErrors() throws {
        let role = try #require(parseError("[roles]\ntitel = { bold = true }\n"))
        #expect(role.kind == .unknownKey && role.key == "roles.titel" && role.line == 2)
        #expect(role.problem.contains("roles are normal, banner"))
        let icon = try #require(parseError("[icons.trophy]\ntext = \"🏆\"\n"))
        #expect(icon.kind == .unknownKey && icon.key == "icons.trophy" && icon.line == 1)
    }

    @Test func wrongTypeIsAnError() throws {
        let bold = try #require(parseError("[roles.title]\nbold = \"yes\"\n"))
        #expect(bold.kind == .wrongType)
        #expect(bold.description == "Themes/test.toml:2: roles.title.bold must be true or false, got string \"yes\"")
        let colour = try #require(parseError("[roles.title]\nfg16 = 1.5\n"))
        #expect(colour.kind == .wrongType && colour.line == 2)
        let roles = try #require(parseError("roles = 3\n"))
        #expect(roles.kind == .wrongType && roles.key == "roles")
    }

    @Test func colourNamesMustFitThePalette() throws {
        let error = try #require(parseError("[roles.pinned]\nfg16 = \"bright-red\"\nfg8 = \"bright-red\"\n"))
        #expect(error.kind == .invalidValue && error.key == "roles.pinned.fg8" && error.line == 3)
        let unknown = try #require(parseError("[roles.pinned]\nfg256 = \"orange\"\n"))
        #expect(unknown.kind == .invalidValue && unknown.key == "roles.pinned.fg256")
    }

    @Test func locatesDottedKeysAndInlineTables() throws {
        let dotted = try #require(parseError("[roles]\nhero.fg8 = 9\n"))
        #expect(dotted.line == 2 && dotted.key == "roles.hero.fg8")
        let inline = try #require(parseError("banner-art = [\n  \"[roles.x]\",\n]\n[roles]\nnew = { fg16 = 16 }\n"))
        #expect(inline.line == 5 && inline.key == "roles.new.fg16")
    }

    @Test func otherValuesAreChecked() throws {
        #expect(parseError("border = \"dotted\"\n")?.kind == .invalidValue)
        #expect(parseError("name = \"other\"\n")?.kind == .invalidValue)
        #expect(parseError("[roles.title]\nmono = [\"blink\"]\n")?.kind == .invalidValue)
        #expect(parseError("[icons.pinned]\nascii = \"📌\"\n")?.kind == .invalidValue)
        #expect(parseError("banner-art = [\"café\"]\n")?.kind == .invalidValue)
        // Escape sequences in drawn text would reach the terminal (the wall(1) CVE class).
        #expect(parseError("banner = \"\\u001b[2J\"\n")?.kind == .invalidValue)
    }
}

@Suite struct ThemeInheritanceTests {
    @Test func missingRoleInheritsTheFilesNormal() throws {
        let theme = try Theme(parsing: "[roles.normal]\nfg256 = 252\nbg256 = 17\n", file: "Themes/test.toml")
        let normal = RoleStyle(fg256: 252, bg256: 17)
        #expect(theme.styles[.normal] == normal)
        #expect(theme.styles[.ticker] == normal)
    }

    @Test func givenRoleOverridesOnlyItsOwnKeys() throws {
        let source = "[roles.normal]\nbg256 = 17\nbg8 = \"blue\"\n[roles.title]\nfg256 = 230\nbold = true\nmono = [\"bold\"]\n"
        let theme = try Theme(parsing: source, file: "Themes/test.toml")
        #expect(theme.styles[.title] == RoleStyle(fg256: 230, bg256: 17, bg8: 4, bold: true, monoBold: true))
    }

    @Test func withoutNormalMissingRolesKeepTheBuiltInStyle() throws {
        let theme = try Theme(parsing: "[roles.title]\nfg16 = 15\n", file: "Themes/test.toml")
        #expect(theme.styles[.pinned] == Theme.builtIn.styles[.pinned])
        #expect(theme.styles[.title] == RoleStyle(fg16: 15))
    }

    @Test func defaultMeansTheTerminalsColourOnPurpose() throws {
        let theme = try Theme(parsing: "[roles.meta]\nfg16 = \"bright-black\"\nfg8 = \"default\"\n", file: "x.toml")
        #expect(theme.styles[.meta] == RoleStyle(fg16: 8, fg8: RoleStyle.defaultColor))
    }

    @Test func emptyFileIsTheBuiltInThemeUnderItsOwnName() throws {
        var theme = try Theme(parsing: "", file: "/somewhere/plain.toml")
        #expect(theme.name == "plain")
        theme.name = Theme.builtIn.name
        theme.description = Theme.builtIn.description
        theme.bannerArt = Theme.builtIn.bannerArt
        #expect(theme == Theme.builtIn)
    }

    @Test func styleLookupFallsBackForHandBuiltThemes() {
        let theme = Theme(name: "t", description: "", styles: [.normal: RoleStyle(fg8: 2)],
                          border: .single, banner: "x")
        #expect(theme.style(for: .badge) == RoleStyle(fg8: 2))
        #expect(Theme(name: "t", description: "", styles: [:], border: .single, banner: "x")
            .style(for: .badge) == Theme.builtIn.styles[.badge])
    }
}

@Suite struct ThemeFallbackTests {
    @Test func everyBorderHasEightGlyphsAndAnASCIIFallback() {
        #expect(BorderStyle.single.glyphs == BoxGlyphs.light)
        #expect(BorderStyle.heavy.glyphs.teeLeft == "┣")
        for style in BorderStyle.allCases {
            let glyphs = style.glyphs(unicode: false)
            let all = [glyphs.topLeft, glyphs.top, glyphs.topRight, glyphs.left, glyphs.right,
                       glyphs.bottomLeft, glyphs.bottom, glyphs.bottomRight, glyphs.teeLeft, glyphs.teeRight]
            #expect(all.allSatisfy { $0.count == 1 && $0.allSatisfy(\.isASCII) }, "\(style)")
        }
    }

    @Test func iconsAndBannerHaveASCIIForms() throws {
        let icons = ThemeIcons.standard
        #expect(icons.pinned.glyph(unicode: true) == "📌")
        #expect(icons.pinned.glyph(unicode: false) == "[PIN]")
        #expect(icons.votes.glyph(unicode: false) == "*")
        #expect(icons.medallion.glyph(unicode: false) == "(m)")
        let theme = try Theme(parsing: "banner = \"🎉 PARTY 🎉\"\n[icons]\npinned = \"📍\"\n", file: "t.toml")
        #expect(theme.banner(unicode: false) == "PARTY")
        #expect(theme.icons.pinned == ThemeIcon("📍", ascii: "[PIN]"))
    }
}
