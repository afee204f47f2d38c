import Foundation
import SpotlightUI

/// Where themes come from: `<name>.toml` files in an ordered list of directories, then the
/// standard themes compiled into the binary (`StandardThemes`). The first directory holding a
/// name wins, so a user's copy in `~/.config` overrides the installed or compiled-in one
/// without editing it.
public struct ThemeCatalog: Sendable, Equatable {
    /// Directories searched in order; missing ones are simply skipped.
    public let searchPaths: [String]

    public init(searchPaths: [String]) {
        self.searchPaths = searchPaths
    }

    /// Every theme name any search directory offers, plus the compiled-in ones, sorted.
    public func names() -> [String] {
        var found = Set(StandardThemes.names + [Theme.builtIn.name])
        let files = FileManager.default
        for directory in searchPaths {
            guard let entries = try? files.contentsOfDirectory(atPath: directory) else { continue }
            for entry in entries where entry.hasSuffix(".toml") {
                let name = String(entry.dropLast(".toml".count))
                if Theme.isValidName(name) { found.insert(name) }
            }
        }
        return found.sorted()
    }

    /// The file that `load(name)` would read, or nil when none exists (or the name is invalid):
    /// then a standard theme comes from the binary.
    public func path(for name: String) -> String? {
        guard Theme.isValidName(name) else { return nil }
        let files = FileManager.default
        for directory in searchPaths {
            let candidate = (directory as NSString).appendingPathComponent("\(name).toml")
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }

    /// The theme called `name`. A broken file is an error rather than skipped in favour of a
    /// later directory: silently showing a different theme would hide the author's mistake.
    public func load(_ name: String) throws(ThemeError) -> Theme {
        if let file = path(for: name) { return try Theme(contentsOfFile: file) }
        if name == Theme.builtIn.name { return Theme.builtIn }
        if let standard = try StandardThemes.theme(named: name) { return standard }
        guard Theme.isValidName(name) else {
            throw ThemeError(.unknownTheme, problem: "\"\(name)\" is not a theme name (letters, digits, - and _ only)"
                + "; available: \(names().joined(separator: ", "))")
        }
        // Say where we looked, so a theme installed in the wrong place is found quickly.
        let looked = searchPaths.isEmpty ? "no theme directories" : searchPaths.joined(separator: ", ")
        throw ThemeError(.unknownTheme, problem: "no theme named \"\(name)\" (looked for \(name).toml in \(looked)"
            + " and among the built-in themes); available: \(names().joined(separator: ", "))")
    }
}
