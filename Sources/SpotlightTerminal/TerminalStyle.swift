import SpotlightUI

/// How one role looks at each colour depth: the theme's `RoleStyle`, used as is, so a theme
/// converts to a terminal style table without copying fields. nil falls back to the next
/// smaller palette; -1 is the terminal's own default colour.
public typealias TerminalStyle = RoleStyle

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
        let foreground = pick(fg256, fg16, fg8)
        // Terminals that show bold as bright (xterm, the Linux console) draw bold black as dark
        // grey, unreadable on the yellow of a badge: black text is drawn without bold.
        let boldBlack = bold && !reverse && foreground == 0
        return ResolvedStyle(foreground: foreground, background: pick(bg256, bg16, bg8),
                             bold: bold && !boldBlack, reverse: reverse, underline: underline, dim: dim)
    }
}

extension TerminalSession {
    /// Colour pairs for every role of `theme`.
    public func apply(theme: Theme) {
        apply(styles: Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, theme.style(for: $0)) }))
    }
}
