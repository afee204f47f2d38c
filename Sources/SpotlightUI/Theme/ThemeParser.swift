import Foundation
import SpotlightCore
import TOMLKit

extension Theme {
    /// Reads a theme from TOML text (format: `Themes/README.md`). `file` names the source in
    /// errors; when it ends in `.toml` its base name is the theme's name.
    public init(parsing source: String, file: String) throws(ThemeError) {
        self = try ThemeParser(source: source, file: file).parse()
    }

    /// A theme is a page of TOML; anything bigger is not one.
    public static let maximumBytes = 256 * 1024
}

/// Turns one theme file into a `Theme`, strictly: every key is known, every value checked, and
/// every complaint carries the file, line and dotted key, because a theme author's only other
/// clue would be a wrong colour on a wall across the room.
struct ThemeParser {
    let source: String
    let file: String

    static let topLevelKeys = ["name", "description", "border", "banner", "banner-ascii", "banner-art", "roles", "icons"]

    func parse() throws(ThemeError) -> Theme {
        let root = try document()
        try requireKnownKeys(root, allowed: Self.topLevelKeys, at: [])
        let fallback = Theme.builtIn

        let banner = try optional(root, "banner", text)
        // Without a banner of its own the theme keeps the built-in one, ASCII form included;
        // with one, Theme.init derives the ASCII form unless the file gives it.
        let bannerASCII = try optional(root, "banner-ascii", ascii) ?? (banner == nil ? fallback.bannerASCII : nil)
        return Theme(
            name: try name(root["name"]),
            description: try optional(root, "description", text) ?? "",
            styles: try styles(root["roles"]),
            border: try optional(root, "border", border) ?? fallback.border,
            banner: banner ?? fallback.banner,
            bannerASCII: bannerASCII,
            bannerArt: try optional(root, "banner-art", asciiLines),
            icons: try icons(root["icons"])
        )
    }

    /// The TOML tree; syntax errors keep TOMLKit's line and column.
    private func document() throws(ThemeError) -> TOMLTable {
        // TOMLKit hands the text to C++ as a C string, which would silently end at a NUL.
        if source.contains("\0") {
            throw ThemeError(.syntax, file: file, problem: "TOML syntax error: the file contains a NUL byte")
        }
        do {
            return try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw ThemeError(.syntax, file: file, line: error.source.begin.line,
                             column: error.source.begin.column, problem: "TOML syntax error: \(error.description)")
        } catch {
            throw ThemeError(.syntax, file: file, problem: "TOML syntax error: \(error)")
        }
    }

    /// The theme's name is its file name, so `--theme midnight` and the file always agree.
    private func name(_ value: TOMLValueConvertible?) throws(ThemeError) -> String {
        let url = URL(fileURLWithPath: file)
        let stem = url.pathExtension == "toml" ? url.deletingPathExtension().lastPathComponent : nil
        guard let value else { return stem ?? "custom" }
        let given = try text(value, at: ["name"])
        if let stem, given != stem {
            throw failure(.invalidValue, ["name"], "must match the file name \"\(stem)\", got \"\(given)\"")
        }
        guard Theme.isValidName(given) else {
            throw failure(.invalidValue, ["name"], "may use only letters, digits, - and _, got \"\(given)\"")
        }
        return given
    }

    private func border(_ value: TOMLValueConvertible, at path: [String]) throws(ThemeError) -> BorderStyle {
        let raw = try text(value, at: path)
        guard let style = BorderStyle(rawValue: raw) else {
            let names = BorderStyle.allCases.map(\.rawValue).joined(separator: ", ")
            throw failure(.invalidValue, path, "must be one of \(names); got \"\(raw)\"")
        }
        return style
    }

    /// Every role gets a style: a role the file sets starts from the file's `normal` and
    /// overrides key by key; a role it leaves out is the file's `normal` outright, or the
    /// built-in style when the file has no `normal` either.
    private func styles(_ value: TOMLValueConvertible?) throws(ThemeError) -> [Role: RoleStyle] {
        guard let value else { return Theme.builtIn.styles }
        let roles = try table(value, at: ["roles"])
        for key in roles.keys where Role(rawValue: key) == nil {
            let names = Role.allCases.map(\.rawValue).joined(separator: ", ")
            throw failure(.unknownKey, ["roles", key], "is not a role; roles are \(names)")
        }
        let builtInNormal = Theme.builtIn.style(for: .normal)
        var fileNormal: RoleStyle?
        if let normal = roles["normal"] {
            fileNormal = try roleStyle(normal, at: ["roles", "normal"], base: builtInNormal)
        }
        var styles: [Role: RoleStyle] = [:]
        for role in Role.allCases {
            if let entry = roles[role.rawValue] {
                styles[role] = role == .normal
                    ? fileNormal
                    : try roleStyle(entry, at: ["roles", role.rawValue], base: fileNormal ?? builtInNormal)
            } else {
                styles[role] = fileNormal ?? Theme.builtIn.style(for: role)
            }
        }
        return styles
    }

    private func icons(_ value: TOMLValueConvertible?) throws(ThemeError) -> ThemeIcons {
        var icons = ThemeIcons.standard
        guard let value else { return icons }
        let entries = try table(value, at: ["icons"])
        let known = ThemeIcons.keyPaths
        try requireKnownKeys(entries, allowed: known.map(\.name), at: ["icons"])
        for (name, keyPath) in known {
            guard let entry = entries[name] else { continue }
            icons[keyPath: keyPath] = try icon(entry, at: ["icons", name], base: icons[keyPath: keyPath])
        }
        return icons
    }

    /// `pinned = "📌"` sets just the text; `pinned = { text = "📌", ascii = "[PIN]" }` both.
    private func icon(_ value: TOMLValueConvertible, at path: [String], base: ThemeIcon) throws(ThemeError) -> ThemeIcon {
        if value.type == .string { return ThemeIcon(try text(value, at: path), ascii: base.ascii) }
        guard value.type == .table else {
            throw failure(.wrongType, path, "must be a string or a table with text and ascii, got \(describe(value))")
        }
        let entry = try table(value, at: path)
        try requireKnownKeys(entry, allowed: ["text", "ascii"], at: path)
        var icon = base
        if let text = entry["text"] { icon.text = try self.text(text, at: path + ["text"]) }
        if let ascii = entry["ascii"] { icon.ascii = try self.ascii(ascii, at: path + ["ascii"]) }
        return icon
    }

    /// Reads a top-level key that may be absent with one of the checked readers.
    private func optional<T>(
        _ root: TOMLTable, _ key: String, _ read: (TOMLValueConvertible, [String]) throws(ThemeError) -> T
    ) throws(ThemeError) -> T? {
        guard let value = root[key] else { return nil }
        return try read(value, [key])
    }

    /// The error for `path`, located in the source text (TOMLKit no longer knows the line).
    func failure(_ kind: ThemeError.Kind, _ path: [String], _ problem: String) -> ThemeError {
        ThemeError(kind, file: file, line: TOMLKeyLocator(source: source).line(of: path),
                   key: path.joined(separator: "."), problem: problem)
    }
}
