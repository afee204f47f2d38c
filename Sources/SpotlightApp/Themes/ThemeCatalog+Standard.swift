import Foundation
import SpotlightCore
import SpotlightUI

extension ThemeCatalog {
    /// The search order of DESIGN §7, most personal first:
    /// 1. `$XDG_CONFIG_HOME/spotlight/themes` (default `~/.config`): the user's own themes;
    /// 2. each `$XDG_DATA_DIRS` entry + `/spotlight/themes` (default `/usr/local/share:/usr/share`);
    /// 3. `<exe dir>/../share/spotlight/themes`: an install under any prefix, even unregistered;
    /// 4. the checkout's `Themes/`, found by walking up from the executable to a directory with
    ///    `Package.swift` and `Themes/` (`swift run`, `.build/debug/spotlight`).
    ///
    /// Never from the current directory: anyone can make `/tmp/x/Themes/` and wait for someone
    /// to run spotlight there. `currentDirectory` only makes a relative executable path absolute.
    ///
    /// Everything comes in as arguments — no global state — so tests can describe any machine.
    /// `executablePath` should be the resolved binary (e.g. `/proc/self/exe`); a bare command
    /// name (argv[0] found through PATH) says nothing about where it lives and is ignored.
    public static func standard(
        environment: [String: String], executablePath: String?, currentDirectory: String?
    ) -> ThemeCatalog {
        let suffix = "spotlight/themes"
        var paths: [String] = []

        if let config = xdgDirectory(environment["XDG_CONFIG_HOME"])
            ?? environment["HOME"].flatMap({ xdgDirectory($0).map { PathName.join($0, ".config") } }) {
            paths.append(PathName.join(config, suffix))
        }

        let dataDirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        for entry in dataDirs.split(separator: ":") {
            if let directory = xdgDirectory(String(entry)) { paths.append(PathName.join(directory, suffix)) }
        }

        let executable = executablePath.flatMap { absolute($0, relativeTo: currentDirectory) }
        let executableDirectory = executable.map(PathName.parent)
        if let executableDirectory {
            paths.append(PathName.join(PathName.parent(executableDirectory), "share/\(suffix)"))
        }

        if let executableDirectory, let checkout = checkoutThemes(above: executableDirectory) { paths.append(checkout) }

        var seen: Set<String> = []
        return ThemeCatalog(searchPaths: paths.filter { seen.insert($0).inserted })
    }

    /// The nearest `Themes/` beside a `Package.swift`, from `directory` up to the root.
    static func checkoutThemes(above directory: String) -> String? {
        let files = FileManager.default
        var current = directory
        while true {
            let themes = PathName.join(current, "Themes")
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: PathName.join(current, "Package.swift")),
               files.fileExists(atPath: themes, isDirectory: &isDirectory), isDirectory.boolValue {
                return themes
            }
            let up = PathName.parent(current)
            if up == current { return nil }
            current = up
        }
    }

    /// The XDG spec says relative paths in these variables are invalid and must be ignored.
    private static func xdgDirectory(_ value: String?) -> String? {
        guard let value, value.hasPrefix("/") else { return nil }
        return PathName.normalized(value)
    }

    /// `path` made absolute against `base`; nil for a bare command name or no base to use.
    private static func absolute(_ path: String, relativeTo base: String?) -> String? {
        if path.hasPrefix("/") { return PathName.normalized(path) }
        guard path.contains("/"), let base, base.hasPrefix("/") else { return nil }
        return PathName.normalized(PathName.join(base, path))
    }
}
