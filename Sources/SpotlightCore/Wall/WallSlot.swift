import Foundation

/// Why the wall shows a story. The footer puts it in words (DESIGN §4, "Why is this on screen").
public enum SlotReason: Equatable, Sendable {
    /// A manager pinned it: their login, the expiry (nil = until unpinned) and their note.
    case pinned(by: String, until: Date?, note: String?)
    /// Posted since the wall last saw the board; shown once, ahead of the rotation.
    case new
    /// In the top quarter of the board by hot score, with votes or medallions behind it.
    case trending
    /// The department's representative turn: none of its stories is trending, but it still
    /// gets named on the wall once per cycle.
    case departmentTurn(String)
    /// An ordinary turn in the fair rotation.
    case rotation
    /// During Customer Service Week: the story most upvoted today, shown every few slots.
    case dailyHighlight
    /// A certification earned or granted in the last week (`Celebration`): the slot names no
    /// story. `fresh` when it arrived while the wall was running and is shown ahead of the plan.
    case certified(fresh: Bool)
}

/// What a wall slot shows: a story, or a celebration (a certification, by its id).
public enum WallSubject: Hashable, Sendable {
    case story(StoryID)
    case celebration(Int)
}

/// One card on the wall: which, why, and for how long.
public struct WallSlot: Equatable, Sendable {
    public let subject: WallSubject
    public let reason: SlotReason
    public let dwell: Duration

    public init(storyID: StoryID, reason: SlotReason, dwell: Duration) {
        self.init(subject: .story(storyID), reason: reason, dwell: dwell)
    }

    public init(subject: WallSubject, reason: SlotReason, dwell: Duration) {
        self.subject = subject
        self.reason = reason
        self.dwell = dwell
    }

    /// The story shown; nil for a celebration.
    public var storyID: StoryID? {
        if case .story(let id) = subject { id } else { nil }
    }

    /// The certification celebrated; nil for a story.
    public var celebrationID: Int? {
        if case .celebration(let id) = subject { id } else { nil }
    }
}

extension WallSlot {
    /// Whatever the settings say, a card stays long enough to notice and never freezes the wall.
    public static let dwellRange: ClosedRange<Int> = 8...40
    /// `rotationSeconds` is the dwell of a story of this many words: at the default 12 s that is
    /// 200 words a minute, a comfortable reading pace on a screen across the room. Other lengths
    /// scale in proportion, so a board that raises the base slows every story alike.
    public static let referenceWords = 40

    /// Dwell for a story: reading time of title and body, scaled by the board's base, clamped.
    public static func dwell(for story: Story, baseSeconds: Int) -> Duration {
        dwell(words: readingWords(story.title) + readingWords(story.body), baseSeconds: baseSeconds)
    }

    /// Dwell for a celebration card: its headline and note read like a story's title and body.
    public static func dwell(for celebration: Celebration, baseSeconds: Int) -> Duration {
        dwell(words: readingWords(celebration.name) + readingWords(celebration.achievement)
                  + readingWords(celebration.levelTitle) + readingWords(celebration.certification.note),
              baseSeconds: baseSeconds)
    }

    /// Reading time of `words` at the board's base, clamped to `dwellRange`.
    static func dwell(words: Int, baseSeconds: Int) -> Duration {
        let seconds = (Double(words) * Double(max(1, baseSeconds)) / Double(referenceWords)).rounded()
        return .seconds(Int(min(Double(dwellRange.upperBound), max(Double(dwellRange.lowerBound), seconds))))
    }

    /// Words as a reader experiences them. Scripts written without spaces (Chinese, Japanese)
    /// would otherwise count a whole paragraph as one word, so each ideograph or kana counts as
    /// half a word (about 400 characters a minute).
    static func readingWords(_ text: String) -> Int {
        var halves = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20:  // ASCII whitespace, decided without a Unicode property lookup
                inWord = false
            case 0x21...0x7E:
                if !inWord { inWord = true; halves += 2 }
            case 0x3000...0x303F, 0xFF00...0xFF0F:  // CJK punctuation and full-width separators
                inWord = false
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
                halves += 1
                inWord = false
            default:
                if scalar.properties.isWhitespace {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    halves += 2
                }
            }
        }
        return (halves + 1) / 2
    }
}
