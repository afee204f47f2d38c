/// Everything that decides how the wall and board look, and nothing about what they show:
/// a style per role (DESIGN §7), the box-drawing family, the header banner and the icons.
/// Screens name roles; only the theme names colours (htop's CRT idea).
public struct Theme: Sendable, Equatable {
    /// The file name without `.toml`; what `--theme` and the board's `theme` setting hold.
    public var name: String
    /// One line for `spotlight themes list`.
    public var description: String
    /// A style for every role once loaded from a file or built in; see `style(for:)`.
    public var styles: [Role: RoleStyle]
    public var border: BorderStyle
    /// The wall header text, e.g. "★ SERVICE SPOTLIGHT".
    public var banner: String
    /// The header on terminals that cannot show `banner`; printable ASCII.
    public var bannerASCII: String
    /// A few lines of ASCII art the wall may show instead of `banner` when the screen is big.
    public var bannerArt: [String]?
    public var icons: ThemeIcons

    public init(
        name: String, description: String, styles: [Role: RoleStyle], border: BorderStyle,
        banner: String, bannerASCII: String? = nil, bannerArt: [String]? = nil,
        icons: ThemeIcons = .standard
    ) {
        self.name = name
        self.description = description
        self.styles = styles
        self.border = border
        self.banner = banner
        self.bannerASCII = bannerASCII ?? Theme.asciiApproximation(of: banner)
        self.bannerArt = bannerArt
        self.icons = icons
    }

    /// The role's style; a role the theme leaves out looks like the theme's `normal`, and a
    /// theme without `normal` falls back to the compiled-in default, so screens never get nil.
    public func style(for role: Role) -> RoleStyle {
        styles[role] ?? styles[.normal] ?? Theme.builtIn.styles[role] ?? .plain
    }

    /// `banner` or `bannerASCII`, as the terminal allows.
    public func banner(unicode: Bool) -> String { unicode ? banner : bannerASCII }

    /// The banner with everything outside printable ASCII dropped ("🎉 WEEK 🎉" → "WEEK"):
    /// good enough when a theme does not give `banner-ascii` itself.
    static func asciiApproximation(of text: String) -> String {
        let kept = text.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }
        let collapsed = String(String.UnicodeScalarView(kept))
            .split(separator: " ", omittingEmptySubsequences: true)
            .joined(separator: " ")
        return collapsed.isEmpty ? "SERVICE SPOTLIGHT" : collapsed
    }
}
