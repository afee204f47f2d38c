import Foundation

/// How the live wall was started: what the command line and the embedding board decided.
/// Fixed for the wall's life.
public struct WallOptions: Sendable {
    /// Lobby mode: stray keys are ignored; only `unlock` typed in order quits.
    public var kiosk: Bool
    public var unlock: String
    /// Shown from the interactive board: `w`, `q` and Esc go back to it.
    public var embedded: Bool
    /// `--interval`: seconds per story, overriding the board's setting.
    public var interval: Int?
    /// `--theme`: wins over the board's theme and Customer Service Week's.
    public var theme: String?
    /// `--stats`: board statistics take one slot in `WallOptions.statsEvery`.
    public var stats: Bool
    /// Whether the terminal shows UTF-8.
    public var isUTF8: Bool
    /// The zone of the header's clock and of Customer Service Week's days.
    public var timeZone: TimeZone

    public static let statsEvery = 6

    public init(kiosk: Bool = false, unlock: String = "quit", embedded: Bool = false, interval: Int? = nil,
                theme: String? = nil, stats: Bool = false, isUTF8: Bool = true, timeZone: TimeZone = .current) {
        self.kiosk = kiosk
        self.unlock = unlock
        self.embedded = embedded
        self.interval = interval
        self.theme = theme
        self.stats = stats
        self.isUTF8 = isUTF8
        self.timeZone = timeZone
    }
}
