import SpotlightUI
import Testing
@testable import SpotlightTerminal

/// Every standard theme, as the terminal draws it at 256, 16 and 8 colours (`resolved(for:)`),
/// measured with WCAG 2 contrast on xterm's default palette:
/// - headline and body text ≥ 7:1; badges (the ★/🏅 row) ≥ 4.5:1;
/// - secondary text ≥ 4.5:1 on a background the theme paints. On the terminal's own
///   background, which may be dark or light, no ANSI colour and only six 256-colour mid-tones
///   reach 4.5:1 against both, so there it must reach WCAG's 3:1 floor against both;
/// - bold text in one of the first eight colours may be drawn in its bright twin (xterm,
///   the Linux console): both are measured, so bold black counts as dark grey;
/// - text in the terminal's own colours on its own background is the user's choice, and
///   borders are not text.
@Suite struct ThemeContrastTests {
    typealias RGB = (Int, Int, Int)

    /// The terminal's own foreground and background, which a theme cannot know.
    static let terminals: [(name: String, foreground: RGB, background: RGB)] = [
        ("dark terminal", XtermPalette.rgb(7), XtermPalette.rgb(0)),
        ("light terminal", XtermPalette.rgb(0), XtermPalette.rgb(15)),
    ]

    static func required(_ role: Role, onTerminalBackground: Bool) -> Double? {
        switch role {
        case .border: nil
        case .normal, .title, .body, .banner: 7
        case .badge: 4.5
        default: onTerminalBackground ? 3 : 4.5
        }
    }

    static func themes() throws -> [Theme] {
        let catalog = ThemeCatalog(searchPaths: [])   // only the compiled-in themes
        return try catalog.names().map { try catalog.load($0) }   // classic is Theme.builtIn (ThemeFileTests)
    }

    /// Each problem as "theme depth role: ratio < required (terminal)".
    static func problems(_ theme: Theme) -> [String] {
        var found: [String] = []
        for depth in [ColorDepth.colors256, .colors16, .colors8] {
            for role in Role.allCases {
                let look = theme.style(for: role).resolved(for: depth)
                guard look.needsColorPair else { continue }
                // With both colours painted the terminal's own colours do not matter: one pass.
                let passes = look.foreground >= 0 && look.background >= 0 ? terminals.prefix(1) : terminals[...]
                for terminal in passes {
                    // Bold may brighten colours 0–7: the text is measured in both.
                    var foregrounds = [look.foreground < 0 ? terminal.foreground : XtermPalette.rgb(look.foreground)]
                    if look.bold, (0..<8).contains(look.foreground) { foregrounds.append(XtermPalette.rgb(look.foreground + 8)) }
                    let background = look.background < 0 ? terminal.background : XtermPalette.rgb(look.background)
                    let onTerminal = look.reverse ? look.foreground < 0 : look.background < 0
                    guard let need = required(role, onTerminalBackground: onTerminal) else { continue }
                    let ratio = foregrounds.map { XtermPalette.contrast($0, background) }.min() ?? 21
                    if ratio < need {
                        let on = passes.count == 1 ? "painted" : terminal.name
                        found.append("\(theme.name) \(depth) \(role): \((ratio * 100).rounded() / 100) < \(need) (\(on))")
                    }
                }
            }
        }
        return found
    }

    @Test func everyThemeIsReadableAtEveryDepth() throws {
        let all = try Self.themes().flatMap(Self.problems)
        #expect(all.isEmpty, "\(all.count) pairs too faint:\n\(all.joined(separator: "\n"))")
    }

    @Test func boldBlackIsDrawnWithoutBold() {
        // The complaint: bold black on yellow, drawn dark grey (2.35:1) on 8 and 16 colours.
        #expect(XtermPalette.contrast(XtermPalette.rgb(8), XtermPalette.rgb(3)) < 3)
        let badge = RoleStyle(fg256: 16, bg256: 172, fg16: 0, bg16: 3, fg8: 0, bg8: 3, bold: true)
        #expect(badge.resolved(for: .colors8) == ResolvedStyle(foreground: 0, background: 3))
        #expect(badge.resolved(for: .colors16) == ResolvedStyle(foreground: 0, background: 3))
        #expect(badge.resolved(for: .colors256) == ResolvedStyle(foreground: 16, background: 172, bold: true))
        let theme = Theme(name: "t", description: "", styles: [.badge: badge], border: .single, banner: "")
        #expect(Self.problems(theme).filter { $0.contains("badge") } == [])
        // The check itself still sees bold brightening: bold blue on yellow is too faint.
        let blue = Theme(name: "b", description: "", styles: [.badge: RoleStyle(fg8: 4, bg8: 3, bold: true)], border: .single, banner: "")
        #expect(Self.problems(blue).contains { $0.hasPrefix("b colors8 badge") })
    }
}
