/// Everything one wall frame shows, already chosen and formatted by the caller (the rotation
/// schedule picks the story, the clock is formatted, the theme picks glyphs), so
/// `WallScreen.render` is a pure function of this value and a size. Text fields may hold
/// anything a user posted: the screen sanitises them when drawing.
public struct WallViewModel: Sendable, Equatable {
    public var boardName: String
    /// Theme banner, e.g. "★ SERVICE SPOTLIGHT" or the Customer Service Week banner.
    public var banner: String
    /// Already formatted, e.g. "Tue 24 Nov 14:05".
    public var clock: String
    /// The story on screen; nil for an empty board.
    public var card: WallCard?
    /// Why this story is on screen, e.g. "pinned by Dana until Fri", "trending", "new".
    public var reason: String
    /// Newest headlines first.
    public var ticker: [String]
    /// First headline shown (taken modulo the count); advance it to page the ticker.
    public var tickerOffset: Int
    /// Word in front of the ticker, e.g. "NEW".
    public var tickerLabel: String
    public var position: WallPosition
    /// A problem the viewer should know about, e.g. "board unavailable — showing last good content".
    public var statusLine: String?
    public var isPaused: Bool
    /// False: ASCII borders, icons and punctuation only.
    public var isUTF8: Bool
    /// Lobby display: no key hints.
    public var kiosk: Bool
    /// Shown from the interactive board (`w`): q goes back to it rather than quitting.
    public var isEmbedded: Bool = false
    /// Shown in place of a story when there is no card: the celebration reel's title and
    /// closing cards. Nil shows the empty-board message.
    public var announcement: String?
    /// Preformatted lines shown in place of a story (the wall's statistics slot).
    public var panel: [String]?
    /// Used when `isUTF8`; otherwise `BoxGlyphs.ascii`.
    public var border: BoxGlyphs
    public var icons: ThemeIcons
    /// The font for big-type headlines on large screens (`BigText`); nil draws them as text.
    public var font: HexFont?

    public init(
        boardName: String, banner: String, clock: String, card: WallCard?, reason: String = "",
        ticker: [String] = [], tickerOffset: Int = 0, tickerLabel: String = "NEW",
        position: WallPosition = WallPosition(index: 0, count: 0), statusLine: String? = nil,
        isPaused: Bool = false, isUTF8: Bool = true, kiosk: Bool = false, announcement: String? = nil,
        border: BoxGlyphs = .light, icons: ThemeIcons = .standard, font: HexFont? = nil
    ) {
        self.boardName = boardName
        self.banner = banner
        self.clock = clock
        self.card = card
        self.reason = reason
        self.ticker = ticker
        self.tickerOffset = tickerOffset
        self.tickerLabel = tickerLabel
        self.position = position
        self.statusLine = statusLine
        self.isPaused = isPaused
        self.isUTF8 = isUTF8
        self.kiosk = kiosk
        self.announcement = announcement
        self.border = border
        self.icons = icons
        self.font = font
    }
}

/// Where the wall is in what it goes through: the stories of its rotation cycle, or the reel's
/// cards. A count of 0 shows nothing.
public struct WallPosition: Sendable, Equatable {
    /// Zero-based; shown to people as `index + 1`.
    public var index: Int
    public var count: Int
    /// What is counted, plural ("stories" gives "3 of 30 stories"); nil gives the bare "3/30".
    public var unit: String?

    public init(index: Int, count: Int, unit: String? = nil) {
        self.index = index
        self.count = count
        self.unit = unit
    }
}

/// The story on the wall, reduced to what the card shows.
public struct WallCard: Sendable, Equatable {
    public var title: String
    public var body: String
    /// Who is recognised, a person or a team.
    public var hero: String
    public var department: String
    /// Already worded, e.g. "external customer", "internal customer".
    public var customerKind: String
    public var votes: Int
    public var medallions: Int
    public var isPinned: Bool
    public var isNew: Bool
    /// Who posted it: the display name, or the login when `toldBy` is set, so a free-text
    /// on-behalf-of name ("Dana Manager (CEO)") never stands alone for the real account.
    public var author: String
    /// The colleague it was posted on behalf of (free text, unverified): "told by …".
    public var toldBy: String?
    /// Already worded, e.g. "2 days ago".
    public var age: String
    /// Set when the card celebrates a certification instead of telling a story: the title is the
    /// achievement, the hero the person, the body the grant's note, `customerKind` the level's title.
    public var certified: CertifiedBy?

    /// How a celebrated certification was earned: the byline in place of "posted by".
    public enum CertifiedBy: Sendable, Equatable {
        case quiz
        case manager(String)
    }

    /// Pinned, new and certified cards carry a badge row (or an icon before the title).
    var hasBadges: Bool { isPinned || isNew || certified != nil }

    public init(
        title: String, body: String, hero: String, department: String, customerKind: String,
        votes: Int = 0, medallions: Int = 0, isPinned: Bool = false, isNew: Bool = false,
        author: String, toldBy: String? = nil, age: String
    ) {
        self.title = title
        self.body = body
        self.hero = hero
        self.department = department
        self.customerKind = customerKind
        self.votes = votes
        self.medallions = medallions
        self.isPinned = isPinned
        self.isNew = isNew
        self.author = author
        self.toldBy = toldBy
        self.age = age
    }
}
