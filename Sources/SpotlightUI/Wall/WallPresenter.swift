import Foundation
import SpotlightCore

/// Turns board state into the wall's view model: which words explain the slot, how the card
/// reads, which banner Customer Service Week calls for. Pure, so `spotlight snapshot`, the live
/// wall and the tests all agree on what a frame says.
public enum WallPresenter {
    /// Everything about the moment and the terminal that the frame depends on.
    public struct Context: Sendable {
        public var boardName: String
        public var theme: Theme
        public var now: Date
        public var timeZone: TimeZone
        public var serviceWeek: ServiceWeekPhase
        public var isUTF8: Bool
        public var kiosk: Bool
        public var isPaused: Bool
        public var statusLine: String?
        /// Opened from the interactive board: q goes back to it.
        public var isEmbedded: Bool
        /// `?` was pressed: the keys take the card's place.
        public var showsHelp: Bool
        /// Big-type headlines on large screens; nil (no font, `--no-big-type`) keeps them text.
        public var font: HexFont?

        public init(boardName: String, theme: Theme, now: Date, timeZone: TimeZone, serviceWeek: ServiceWeekPhase = .none,
                    isUTF8: Bool = true, kiosk: Bool = false, isPaused: Bool = false, statusLine: String? = nil,
                    isEmbedded: Bool = false, showsHelp: Bool = false, font: HexFont? = nil) {
            self.boardName = boardName
            self.theme = theme
            self.now = now
            self.timeZone = timeZone
            self.serviceWeek = serviceWeek
            self.isUTF8 = isUTF8
            self.kiosk = kiosk
            self.isPaused = isPaused
            self.statusLine = statusLine
            self.isEmbedded = isEmbedded
            self.showsHelp = showsHelp
            self.font = font
        }
    }

    /// `position.index` is 1-based, as `RotationSchedule.position` reports it.
    public static func model(
        story: Story?, slot: WallSlot?, position: (index: Int, count: Int), headlines: [String], tickerOffset: Int,
        context: Context
    ) -> WallViewModel {
        let card = story.map { story in
            WallCard(
                title: story.title, body: story.body, hero: story.hero, department: story.department,
                customerKind: "\(story.customer.rawValue) customer", votes: story.votes, medallions: story.medallions,
                isPinned: story.isPinned(at: context.now), isNew: slot?.reason == .new,
                author: story.onBehalfOf == nil ? story.authorName : story.author, toldBy: story.onBehalfOf,
                age: RelativeTime.ago(story.createdAt, now: context.now))
        }
        var model = WallViewModel(
            boardName: context.boardName, banner: banner(context), clock: ClockText.clock(context.now, timeZone: context.timeZone),
            card: card, reason: slot.map { reason($0.reason, story: story, context: context) } ?? "",
            ticker: headlines, tickerOffset: tickerOffset, tickerLabel: "NEW",
            position: WallPosition(index: max(0, position.index - 1), count: position.count), statusLine: context.statusLine,
            isPaused: context.isPaused, isUTF8: context.isUTF8, kiosk: context.kiosk,
            border: context.theme.border.glyphs, icons: context.theme.icons, font: context.font)
        model.isEmbedded = context.isEmbedded
        return model
    }

    /// A celebration's card (issue 16): the achievement as the title, the person as the hero, the
    /// grant's note as the body, the level's title where a story's votes go, how it was earned
    /// and when as the byline. Every field is user text, sanitised when drawn like a story's.
    public static func model(
        celebration: Celebration, slot: WallSlot, position: (index: Int, count: Int), headlines: [String], tickerOffset: Int,
        context: Context
    ) -> WallViewModel {
        var model = model(story: nil, slot: slot, position: position, headlines: headlines, tickerOffset: tickerOffset,
                          context: context)
        let certification = celebration.certification
        var card = WallCard(
            title: celebration.achievement, body: certification.note, hero: celebration.name, department: "",
            customerKind: celebration.levelTitle, author: certification.grantedBy,
            age: RelativeTime.ago(certification.at, now: context.now))
        card.certified = certification.source == .quiz ? .quiz : .manager(certification.grantedBy)
        model.card = card
        model.reason = reason(slot.reason, celebration: celebration, context: context)
        return model
    }

    /// "certified this week · Service Standards, Level I"; "just certified" when it arrived while
    /// the wall was running.
    static func reason(_ reason: SlotReason, celebration: Celebration, context: Context) -> String {
        let lead = reason == .certified(fresh: true) ? "just certified" : "certified this week"
        return lead + Punctuation(unicode: context.isUTF8).dot + celebration.achievement
    }

    /// The header banner: the theme's, with a countdown in the week before Customer Service Week.
    static func banner(_ context: Context) -> String {
        let base = context.theme.banner(unicode: context.isUTF8)
        guard case .countdown(let days) = context.serviceWeek else { return base }
        return base + (context.isUTF8 ? " · " : " - ") + "Customer Service Week in \(Plural.count(days, "day"))"
    }

    /// "Why is this on screen" (DESIGN §4), in the words a passer-by would use.
    static func reason(_ reason: SlotReason, story: Story?, context: Context) -> String {
        switch reason {
        case .pinned(let by, let until, let note):
            var text = "pinned by \(by)"
            if let until { text += " until \(ClockText.pinEnd(until, timeZone: context.timeZone))" }
            if let note, !note.isEmpty { text += (context.isUTF8 ? " — " : " - ") + note }
            return text
        case .new:
            return "new on the board"
        case .trending:
            guard let story else { return "trending" }
            var parts: [String] = []
            if story.votes > 0 { parts.append(Plural.count(story.votes, "vote")) }
            if story.medallions > 0 { parts.append(Plural.count(story.medallions, "medallion")) }
            guard !parts.isEmpty else { return "trending" }
            // One vote is a start, not a trend.
            let lead = story.votes + story.medallions == 1 ? "getting noticed" : "trending"
            return lead + ": " + parts.joined(separator: ", ")
        case .departmentTurn(let department):
            return "\(Possessive.of(department)) turn"
        case .rotation:
            return "in rotation"
        case .dailyHighlight:
            return "Customer Service Week: today's most upvoted story"
        case .certified:
            return "certified this week"   // worded with its celebration by `reason(_:celebration:context:)`
        }
    }
}
