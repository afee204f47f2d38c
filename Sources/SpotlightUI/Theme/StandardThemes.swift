/// The themes shipped in `Themes/`, compiled into the binary: a copy run outside a checkout or
/// an install prefix (a static binary copied to a kiosk) still has all of them. A file of the
/// same name on the search path overrides the compiled-in one.
///
/// `Themes/*.toml` stay the source of truth: `StandardThemes+Sources.swift` is generated from
/// them, and `StandardThemeSourceTests` fails while the two differ.
public enum StandardThemes {
    /// Sorted, like `ThemeCatalog.names()` (SpotlightApp).
    public static let names = sources.keys.sorted()

    /// The TOML text of a standard theme, exactly as in `Themes/<name>.toml`.
    static func source(named name: String) -> String? { sources[name] }

    /// The standard theme called `name`, nil when there is none. Errors name the theme as
    /// `built-in/<name>.toml`; a test parses every one, so they cannot happen in a release.
    public static func theme(named name: String) throws(ThemeError) -> Theme? {
        guard let source = sources[name] else { return nil }
        return try Theme(parsing: source, file: "built-in/\(name).toml")
    }
}
