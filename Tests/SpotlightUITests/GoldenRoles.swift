@testable import SpotlightUI

/// The role layer of a golden frame: below the text, one letter per cell saying what the cell
/// means (its `Role`), so a screen that paints the right text in the wrong role — a style
/// regression no text golden sees — fails its golden. A wide grapheme's two cells get a letter
/// each, so the layer lines up column for column with the text in a monospaced view.
enum GoldenRoles {
    static func letter(_ role: Role) -> Character {
        switch role {
        case .normal: "."
        case .banner: "B"
        case .title: "T"
        case .body: "b"
        case .hero: "H"
        case .meta: "m"
        case .pinned: "P"
        case .new: "N"
        case .ticker: "k"
        case .border: "#"
        case .dim: "d"
        case .accent: "a"
        case .status: "s"
        case .error: "E"
        case .selection: "S"
        case .badge: "g"
        }
    }

    /// The line between the text and the layer: it names every letter, so a golden explains itself.
    static let legend = "roles: " + Role.allCases.map { "\(letter($0))=\($0.rawValue)" }.joined(separator: " ")

    /// One row of letters per grid row.
    static func layer(_ grid: Grid) -> String {
        (0..<grid.height).map { y in String((0..<grid.width).map { letter(grid[$0, y].role) }) }
            .joined(separator: "\n")
    }

    /// What a frame golden holds: the text, the legend, the role layer.
    static func golden(_ grid: Grid) -> String {
        grid.plainText() + "\n" + legend + "\n" + layer(grid) + "\n"
    }
}
