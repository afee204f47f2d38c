import SpotlightUI

/// How one role looks at each colour depth. Colour numbers are terminal palette indexes;
/// nil or -1 means the terminal's own default colour. Themes are converted into this, so the
/// terminal layer never needs to know about theme files.
public struct TerminalStyle: Equatable, Sendable {
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
    /// Attributes used instead on monochrome terminals and with NO_COLOR.
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

    /// Terminal default colours, no attributes.
    public static let plain = TerminalStyle()
}

/// The style of every role; a role missing from the table is drawn plain.
public typealias StyleTable = [Role: TerminalStyle]

/// How many colours the session draws with.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    case mono = 0
    case colors8 = 8
    case colors16 = 16
    case colors256 = 256

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The depth for a terminal reporting `colors` (terminfo `colors`, ncurses COLORS).
    /// NO_COLOR (set and non-empty, https://no-color.org) forces mono. Direct-colour terminals
    /// (COLORS > 256, e.g. xterm-direct) read colour numbers ≥ 8 as RGB values, so only the
    /// 8 ANSI colours mean the same there.
    public static func detect(colors: Int, hasColors: Bool, noColor: String?) -> ColorDepth {
        if let noColor, !noColor.isEmpty { return .mono }
        guard hasColors else { return .mono }
        switch colors {
        case 257...: return .colors8
        case 256: return .colors256
        case 16..<256: return .colors16
        case 8..<16: return .colors8
        default: return .mono
        }
    }
}

/// A style reduced to what one depth can show: concrete colours (-1 = default) and attributes.
struct ResolvedStyle: Equatable {
    var foreground: Int
    var background: Int
    var bold = false
    var reverse = false
    var underline = false
    var dim = false

    var needsColorPair: Bool { foreground != -1 || background != -1 }
}

extension TerminalStyle {
    /// Picks the colours for `depth`, falling back to the nearest shallower palette the theme
    /// gave (256 → 16 → 8), else the terminal's own colour. An explicit -1 stops the fallback:
    /// it means the terminal's colour on purpose. Values the depth cannot show also become -1.
    func resolved(for depth: ColorDepth) -> ResolvedStyle {
        guard depth != .mono else {
            return ResolvedStyle(foreground: -1, background: -1, bold: monoBold,
                                 reverse: monoReverse, underline: monoUnderline)
        }
        func pick(_ c256: Int?, _ c16: Int?, _ c8: Int?) -> Int {
            let raw: Int?
            switch depth {
            case .colors256: raw = c256 ?? c16 ?? c8
            case .colors16: raw = c16 ?? c8
            default: raw = c8
            }
            guard let raw, raw >= 0, raw < depth.rawValue else { return -1 }
            return raw
        }
        return ResolvedStyle(foreground: pick(fg256, fg16, fg8), background: pick(bg256, bg16, bg8),
                             bold: bold, reverse: reverse, underline: underline, dim: dim)
    }
}
