import CNcursesw
import SpotlightUI

/// What ncurses needs to draw one role: attributes and a colour pair number (0 = defaults).
struct Paint: Equatable {
    var attributes: attr_t
    var pair: Int16

    static let plain = Paint(attributes: spotlight_a_normal(), pair: 0)
}

extension TerminalSession {
    /// Gives every role its look at this session's colour depth: one colour pair per role
    /// (pair number = the role's position in `Role.allCases` + 1). A role the terminal has no
    /// pair left for, or whose pair is refused, falls back to its monochrome attributes.
    /// Call again after a theme change; the next `draw` repaints everything.
    public func apply(styles: StyleTable) {
        checkThread()
        guard screen != nil else { return }
        let pairLimit = colorDepth == .mono ? 0 : Int(spotlight_color_pairs())
        var table: [Role: Paint] = [:]
        for (index, role) in Role.allCases.enumerated() {
            let style = styles[role] ?? .plain
            var look = style.resolved(for: colorDepth)
            var pair: Int16 = 0
            if look.needsColorPair {
                let number = index + 1
                var foreground = look.foreground
                var background = look.background
                if !canUseDefaultColors {
                    // Without use_default_colors, -1 is invalid: assume white on black.
                    if foreground < 0 { foreground = 7 }
                    if background < 0 { background = 0 }
                }
                if number < pairLimit,
                   init_pair(Int16(number), Int16(foreground), Int16(background)) == OK {
                    pair = Int16(number)
                } else {
                    look = style.resolved(for: .mono)
                }
            }
            table[role] = Paint(attributes: Self.attributes(of: look), pair: pair)
        }
        paints = table
        lastDrawn = nil
    }

    static func attributes(of look: ResolvedStyle) -> attr_t {
        var value = spotlight_a_normal()
        if look.bold { value |= spotlight_a_bold() }
        if look.reverse { value |= spotlight_a_reverse() }
        if look.underline { value |= spotlight_a_underline() }
        if look.dim { value |= spotlight_a_dim() }
        return value
    }
}
