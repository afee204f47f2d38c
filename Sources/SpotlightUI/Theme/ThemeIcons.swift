/// A marker drawn before a piece of the wall, with the text to use where the terminal cannot
/// show it (a non-UTF-8 locale, a font without emoji).
public struct ThemeIcon: Sendable, Equatable {
    public var text: String
    /// Printable ASCII only; checked when a theme file is read.
    public var ascii: String

    public init(_ text: String, ascii: String) {
        self.text = text
        self.ascii = ascii
    }

    public func glyph(unicode: Bool) -> String { unicode ? text : ascii }
}

/// The markers the wall and board draw (DESIGN §4 sketch: 📌 PINNED, NEW ▸, ★ 14, 🏅 1, 🙌 Mary).
public struct ThemeIcons: Sendable, Equatable {
    public var pinned: ThemeIcon
    public var new: ThemeIcon
    public var votes: ThemeIcon
    public var medallion: ThemeIcon
    public var hero: ThemeIcon

    public init(pinned: ThemeIcon, new: ThemeIcon, votes: ThemeIcon, medallion: ThemeIcon, hero: ThemeIcon) {
        self.pinned = pinned
        self.new = new
        self.votes = votes
        self.medallion = medallion
        self.hero = hero
    }

    /// The icon names a theme file may set under `[icons]`, and where each one lives.
    static var keyPaths: [(name: String, path: WritableKeyPath<ThemeIcons, ThemeIcon>)] {
        [
            ("pinned", \.pinned), ("new", \.new), ("votes", \.votes),
            ("medallion", \.medallion), ("hero", \.hero),
        ]
    }

    public static let standard = ThemeIcons(
        pinned: ThemeIcon("📌", ascii: "[PIN]"),
        new: ThemeIcon("✨", ascii: "+"),
        votes: ThemeIcon("★", ascii: "*"),
        medallion: ThemeIcon("🏅", ascii: "(m)"),
        hero: ThemeIcon("🙌", ascii: "\\o/")
    )
}
