import Foundation

/// What happened since an account's last visit: new stories (the ones about them first) and the
/// recognition their own stories received. Built from store reads by `News.make`; worded here so
/// the board, `spotlight news` and the login line say it the same way.
public struct News: Equatable, Sendable, Codable {
    /// Something that happened to one of your stories.
    public struct Recognition: Equatable, Sendable, Codable {
        public var story: Story
        public var votes: Int
        public var medallions: Int

        public init(story: Story, votes: Int, medallions: Int) {
            self.story = story
            self.votes = votes
            self.medallions = medallions
        }
    }

    /// New stories: the ones that recognise you or your department first, then oldest first.
    public var stories: [Story]
    public var recognitions: [Recognition]
    public var since: Date

    public init(stories: [Story], recognitions: [Recognition], since: Date) {
        self.stories = stories
        self.recognitions = recognitions
        self.since = since
    }

    public var votesOnYours: Int { recognitions.reduce(0) { $0 + $1.votes } }
    public var medallionsOnYours: Int { recognitions.reduce(0) { $0 + $1.medallions } }
    public var isEmpty: Bool { stories.isEmpty && recognitions.isEmpty }

    /// Orders new stories for "New for you": about you (your name as the hero) or your
    /// department (one you have been recognised in) first, then oldest first.
    public static func ordered(_ stories: [Story], for account: Account, departments: Set<String>) -> [Story] {
        let names = Set([account.login, account.displayName].map(BoardRules.normalizedName).filter { !$0.isEmpty })
        let homes = Set(departments.map(BoardRules.normalizedName))
        func aboutYou(_ story: Story) -> Bool {
            names.contains(BoardRules.normalizedName(story.hero)) || homes.contains(BoardRules.normalizedName(story.department))
        }
        return stories.sorted { a, b in
            let (x, y) = (aboutYou(a), aboutYou(b))
            return x != y ? x : a.id < b.id
        }
    }

    /// "7 new stories and 23 votes on yours since Tuesday", "2 new stories, 3 votes and a
    /// medallion on yours since Sunday".
    public func summary(now: Date, timeZone: TimeZone) -> String {
        let when = Self.since(since, now: now, timeZone: timeZone)
        var items: [String] = []
        if !stories.isEmpty { items.append(Plural.count(stories.count, "new story", "new stories")) }
        var onYours: [String] = []
        if votesOnYours > 0 { onYours.append(Plural.count(votesOnYours, "vote")) }
        if medallionsOnYours == 1 { onYours.append("a medallion") } else if medallionsOnYours > 1 {
            onYours.append(Plural.count(medallionsOnYours, "medallion"))
        }
        if !onYours.isEmpty { onYours[onYours.count - 1] += " on yours" }
        items += onYours
        guard let last = items.popLast() else { return "Nothing new \(when)" }
        return (items.isEmpty ? last : items.joined(separator: ", ") + " and " + last) + " " + when
    }

    /// One line for the login banner, or nil when there is nothing to say.
    public func bannerLine() -> String? { Self.bannerLine(newStories: stories.count) }

    public static func bannerLine(newStories count: Int) -> String? {
        guard count > 0 else { return nil }
        return Plural.count(count, "new story", "new stories") + " since your last visit — type `spotlight`"
    }

    /// "Mary's story you posted got 5 votes and a medallion".
    public static func line(for recognition: Recognition) -> String {
        var got: [String] = []
        if recognition.votes > 0 { got.append(Plural.count(recognition.votes, "vote")) }
        if recognition.medallions == 1 { got.append("a medallion") } else if recognition.medallions > 1 {
            got.append(Plural.count(recognition.medallions, "medallion"))
        }
        let hero = Sanitizer.singleLine(recognition.story.hero)
        return "\(Possessive.of(hero)) story you posted got \(got.joined(separator: " and ")) (#\(recognition.story.id))"
    }

    /// "since earlier today", "since yesterday", "since Tuesday", "since 3 Nov".
    static func since(_ date: Date, now: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: date), to: calendar.startOfDay(for: now)).day ?? 0
        switch days {
        case ...0: return "since earlier today"
        case 1: return "since yesterday"
        case 2...6:
            let weekday = calendar.component(.weekday, from: date)
            return "since " + ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][weekday - 1]
        default:
            let parts = ClockText.day(date, timeZone: timeZone).split(separator: " ")
            return "since " + parts.dropFirst().joined(separator: " ")
        }
    }
}
