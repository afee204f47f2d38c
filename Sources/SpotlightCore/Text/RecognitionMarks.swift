/// The marks in front of vote and medallion counts in the text people read: `list`, `awards`
/// and the newsletter use the same ★ and 🏅 as the wall and the board (the standard theme
/// icons, `ThemeIcons.standard`; a test keeps them equal), and the same ASCII stand-ins where
/// the output is ASCII.
public struct RecognitionMarks: Sendable, Equatable {
    public let votes: String
    public let medallion: String

    public static let unicode = RecognitionMarks(votes: "★", medallion: "🏅")
    public static let ascii = RecognitionMarks(votes: "*", medallion: "(m)")

    public static func forOutput(unicode: Bool) -> RecognitionMarks { unicode ? .unicode : .ascii }

    /// "★ 3 votes · 🏅 1 medallion": the words stay, so the line still reads where a font
    /// lacks the glyph (a print server without emoji shows a box, not a meaning).
    public func counts(votes: Int, medallions: Int) -> String {
        "\(self.votes) \(Plural.count(votes, "vote")) · \(medallion) \(Plural.count(medallions, "medallion"))"
    }
}
