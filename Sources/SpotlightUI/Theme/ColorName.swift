/// The names a theme may use instead of palette numbers. The first 16 palette entries are the
/// ANSI colours on every terminal, so a name means the same at 256, 16 and (for the first
/// eight) 8 colours.
enum ColorName {
    static let ansi = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// "default" is the terminal's own colour (`RoleStyle.defaultColor`); names ignore case.
    static func number(for name: String) -> Int? {
        let name = name.lowercased()
        if name == "default" { return RoleStyle.defaultColor }
        return ansi.firstIndex(of: name)
    }

    /// The names valid in a palette of `limit` colours, for error messages.
    static func names(below limit: Int) -> [String] {
        ["default"] + ansi.prefix(min(limit, ansi.count))
    }
}
