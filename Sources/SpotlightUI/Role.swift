/// What a piece of the screen *means*. Themes map each role to colours and attributes per colour
/// depth, so screens never name a colour (htop's CRT idea).
public enum Role: String, CaseIterable, Sendable, Codable {
    case normal, banner, title, body, hero, meta, pinned, new, ticker, border, dim, accent
    case status, error, selection, badge
}
