import Foundation
import SpotlightApp
import SpotlightUI
import Testing

/// The repository's `Themes/`, found from this file so the test runs from any directory.
private let themesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Themes").path

/// A fresh directory tree for one test, removed afterwards.
private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("spotlight-theme-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: root) }
    try body(root)
}

private func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

@Suite struct ThemeCatalogTests {
    @Test func firstSearchDirectoryWins() throws {
        try withTemporaryDirectory { root in
            try write("description = \"mine\"\n", to: root + "/user/midnight.toml")
            try write("description = \"installed\"\n", to: root + "/system/midnight.toml")
            try write("description = \"extra\"\n", to: root + "/system/extra.toml")
            try write("not a theme\n", to: root + "/system/README.md")
            let catalog = ThemeCatalog(searchPaths: [root + "/user", root + "/missing", root + "/system"])
            #expect(try catalog.load("midnight").description == "mine")
            #expect(try catalog.load("extra").description == "extra")
            #expect(catalog.names() == ["classic", "extra", "high-contrast", "midnight", "mono", "service-week"])
        }
    }

    @Test func standardThemesAreBuiltInWhenNoFileExists() throws {
        let catalog = ThemeCatalog(searchPaths: [])
        #expect(catalog.names() == ["classic", "high-contrast", "midnight", "mono", "service-week"])
        #expect(try catalog.load("classic") == Theme.builtIn)
        for name in catalog.names() {
            let theme = try catalog.load(name)
            #expect(theme == (try Theme(contentsOfFile: themesDirectory + "/\(name).toml")))
            #expect(catalog.path(for: name) == nil, "compiled in, not read from a file")
        }
    }

    @Test func aFileOverridesTheCompiledInTheme() throws {
        try withTemporaryDirectory { root in
            try write("description = \"my own\"\n", to: root + "/high-contrast.toml")
            #expect(try ThemeCatalog(searchPaths: [root]).load("high-contrast").description == "my own")
        }
    }

    @Test func unknownThemeNamesTheDirectoriesSearched() throws {
        do {
            _ = try ThemeCatalog(searchPaths: ["/cfg/spotlight/themes", "/usr/share/spotlight/themes"]).load("neon")
            Issue.record("neon must not load")
        } catch {
            #expect(error.description == "no theme named \"neon\" (looked for neon.toml in /cfg/spotlight/themes, "
                + "/usr/share/spotlight/themes and among the built-in themes); "
                + "available: classic, high-contrast, midnight, mono, service-week")
        }
        do {
            _ = try ThemeCatalog(searchPaths: []).load("neon")
        } catch {
            #expect(error.description.contains("looked for neon.toml in no theme directories"))
        }
    }

    @Test func unknownThemeListsWhatIsAvailable() throws {
        let catalog = ThemeCatalog(searchPaths: [themesDirectory])
        #expect(throws: ThemeError.self) { try catalog.load("neon") }
        do {
            _ = try catalog.load("neon")
        } catch {
            #expect(error.kind == .unknownTheme)
            #expect(error.description.contains("no theme named \"neon\""))
            #expect(error.description.contains("classic, high-contrast, midnight, mono, service-week"))
        }
        #expect(catalog.path(for: "../Themes/classic") == nil)
    }

    @Test func brokenFileIsReportedNotSkipped() throws {
        try withTemporaryDirectory { root in
            try write("[roles.title]\nfg256 = 300\n", to: root + "/a/classic.toml")
            let catalog = ThemeCatalog(searchPaths: [root + "/a", themesDirectory])
            do {
                _ = try catalog.load("classic")
                Issue.record("a broken theme must not load")
            } catch let error as ThemeError {
                #expect(error.description == "\(root)/a/classic.toml:2: roles.title.fg256 must be 0–255, got 300")
            }
        }
    }

    @Test func standardSearchOrder() throws {
        try withTemporaryDirectory { root in
            try write("// swift-tools-version: 6.2\n", to: root + "/repo/Package.swift")
            try FileManager.default.createDirectory(atPath: root + "/repo/Themes/", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/repo/Sources/app", withIntermediateDirectories: true)
            let catalog = ThemeCatalog.standard(
                environment: ["XDG_CONFIG_HOME": "/cfg", "XDG_DATA_DIRS": "/d1:relative:/d2/", "HOME": "/home/u"],
                executablePath: "/opt/spot/bin/spotlight",
                currentDirectory: root + "/repo/Sources/app"
            )
            #expect(catalog.searchPaths == [
                "/cfg/spotlight/themes", "/d1/spotlight/themes", "/d2/spotlight/themes",
                "/opt/spot/share/spotlight/themes",
            ])
        }
    }

    /// Another user's `/tmp/x/Themes/` (with a `Package.swift` beside it) must not reach
    /// `themes list` or the wall's `t` cycle of whoever runs spotlight in /tmp/x.
    @Test func theCurrentDirectoryIsNeverSearched() throws {
        try withTemporaryDirectory { root in
            try write("// swift-tools-version: 6.2\n", to: root + "/x/Package.swift")
            try write("name = \"planted\"\n", to: root + "/x/Themes/planted.toml")
            for cwd in [root + "/x", root + "/x/Themes", root + "/x/deeper/still"] {
                let catalog = ThemeCatalog.standard(environment: ["HOME": "/home/u"], executablePath: "/usr/bin/spotlight",
                                                    currentDirectory: cwd)
                #expect(catalog.searchPaths == [
                    "/home/u/.config/spotlight/themes", "/usr/local/share/spotlight/themes", "/usr/share/spotlight/themes",
                ], "cwd \(cwd)")
                #expect(!catalog.names().contains("planted"))
            }
        }
    }

    /// A FIFO (or a link to a device) in a theme folder is an error naming it, never a hang.
    @Test func aThemeThatIsNotARegularFileIsRefused() throws {
        try withTemporaryDirectory { root in
            try FileManager.default.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
            #expect(mkfifo(root + "/a/piped.toml", 0o644) == 0)
            #expect(symlink("/dev/zero", root + "/a/endless.toml") == 0)
            let catalog = ThemeCatalog(searchPaths: [root + "/a"])
            for (name, kind) in [("piped", "a FIFO (named pipe)"), ("endless", "a character device")] {
                do {
                    _ = try catalog.load(name)
                    Issue.record("\(name) loaded")
                } catch let error as ThemeError {
                    #expect(error.description == "\(root)/a/\(name).toml: it is \(kind), not a regular file")
                }
            }
        }
    }

    @Test func standardDefaultsAndCheckoutBesideTheBinary() throws {
        try withTemporaryDirectory { root in
            try write("// swift-tools-version: 6.2\n", to: root + "/repo/Package.swift")
            try write("", to: root + "/repo/Themes/x.toml")
            let catalog = ThemeCatalog.standard(
                environment: ["HOME": "/home/u"],
                executablePath: ".build/debug/spotlight",
                currentDirectory: root + "/repo"
            )
            #expect(catalog.searchPaths == [
                "/home/u/.config/spotlight/themes",
                "/usr/local/share/spotlight/themes", "/usr/share/spotlight/themes",
                root + "/repo/.build/share/spotlight/themes", root + "/repo/Themes",
            ])
        }
        let bare = ThemeCatalog.standard(environment: [:], executablePath: "spotlight", currentDirectory: nil)
        #expect(bare.searchPaths == ["/usr/local/share/spotlight/themes", "/usr/share/spotlight/themes"])
    }
}
