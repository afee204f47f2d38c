/// How one role looks at each colour depth, field for field what the terminal layer's
/// `TerminalStyle` takes, so turning a theme into colour pairs is a plain copy.
///
/// Colours are palette indexes: 0–255 for `fg256`/`bg256`, 0–15 for the 16-colour pair, 0–7 for
/// the 8-colour pair. `nil` means "not given": the terminal falls back to the nearest shallower
/// depth the theme did give, and to the terminal's own colour when there is none.
/// `RoleStyle.defaultColor` (-1) means the terminal's own colour explicitly, with no fallback —
/// needed when, say, a grey 16-colour value would turn into black on an 8-colour terminal.
public struct RoleStyle: Sendable, Equatable {
    /// The terminal's own foreground or background, chosen on purpose (TOML `"default"`).
    public static let defaultColor = -1

    public var fg256: Int?
    public var bg256: Int?
    public var fg16: Int?
    public var bg16: Int?
    public var fg8: Int?
    public var bg8: Int?
    /// Attributes used whenever colour is available.
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
    /// Attributes used instead on monochrome terminals and with NO_COLOR, where colour alone
    /// can no longer tell a pinned story from a plain one.
    public var monoBold: Bool
    public var monoReverse: Bool
    public var monoUnderline: Bool

    public init(
        fg256: Int? = nil, bg256: Int? = nil, fg16: Int? = nil, bg16: Int? = nil,
        fg8: Int? = nil, bg8: Int? = nil,
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false,
        monoBold: Bool = false, monoReverse: Bool = false, monoUnderline: Bool = false
    ) {
        self.fg256 = fg256
        self.bg256 = bg256
        self.fg16 = fg16
        self.bg16 = bg16
        self.fg8 = fg8
        self.bg8 = bg8
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.monoBold = monoBold
        self.monoReverse = monoReverse
        self.monoUnderline = monoUnderline
    }

    /// Terminal colours, no attributes.
    public static let plain = RoleStyle()
}
