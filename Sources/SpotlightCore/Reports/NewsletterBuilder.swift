import Foundation

/// What the board supplies for one newsletter issue; `NewsletterBuilder` does the rest.
public struct NewsletterInput: Sendable {
    public var boardName: String
    public var period: ReportPeriod
    public var now: Date
    /// Stories posted in the period.
    public var stories: [Story]
    /// Stories with a pin that was live at some moment of the period (they may be older).
    public var pinned: [Story]
    /// Medallions given in the period.
    public var medallions: [GivenMedallion]
    /// For each author of a story in the period: when their first visible story was posted.
    public var firstPosts: [String: Date]
    /// "Customer Service Week 2026" for the special issue.
    public var specialEdition: String?
    /// Certifications held now, at least those of the period (others are dropped), and the
    /// programs that name their levels.
    public var certifications: [Certification]
    public var programs: [CertProgram]

    public init(boardName: String, period: ReportPeriod, now: Date, stories: [Story], pinned: [Story] = [],
                medallions: [GivenMedallion] = [], firstPosts: [String: Date] = [:], specialEdition: String? = nil,
                certifications: [Certification] = [], programs: [CertProgram] = []) {
        self.boardName = boardName
        self.period = period
        self.now = now
        self.stories = stories
        self.pinned = pinned
        self.medallions = medallions
        self.firstPosts = firstPosts
        self.specialEdition = specialEdition
        self.certifications = certifications
        self.programs = programs
    }
}

/// Turns the board's facts into an issue. Pure: the same input always gives the same issue.
/// Every list re-checks `status == .visible` and the period, so a hidden or removed story
/// cannot reach a newsletter even if a caller passes one.
public enum NewsletterBuilder {
    public static func build(_ input: NewsletterInput) -> Newsletter {
        let period = input.period
        let stories = input.stories.filter { $0.status == .visible && period.contains($0.createdAt) }.sorted { $0.id < $1.id }
        let highlights = input.pinned.filter { $0.status == .visible && pinOverlaps($0.pin, period) }
            .sorted { ($0.pin!.pinnedAt, $0.id) > ($1.pin!.pinnedAt, $1.id) }
        let highlighted = Set(highlights.map(\.id))
        let medallions = input.medallions.filter { period.contains($0.medallion.givenAt) }
        return Newsletter(
            boardName: input.boardName, specialEdition: input.specialEdition, period: period,
            generatedOn: ClockText.calendarDate(input.now, timeZone: period.timeZone),
            highlights: highlights.map(NewsletterStory.init),
            departments: departmentSections(stories, skipping: highlighted),
            medallions: medallionLines(medallions), newcomers: newcomers(stories, firstPosts: input.firstPosts, period: period),
            dailyHighlights: input.specialEdition == nil ? [] : daily(stories, period: period),
            numbers: numbers(stories, medallionsGiven: medallions.count),
            certified: CertifiedLine.lines(input.certifications, programs: input.programs, period: period))
    }

    static func pinOverlaps(_ pin: Pin?, _ period: ReportPeriod) -> Bool {
        guard let pin else { return false }
        return pin.pinnedAt < period.end && (pin.until.map { $0 > period.start } ?? true)
    }

    /// Departments A–Z (spellings folded as for names), each with its most recognised stories
    /// except the highlights, which the issue already showed. Spellings are counted over all
    /// the period's stories, so a highlight's department name still sets the common spelling.
    static func departmentSections(_ all: [Story], skipping highlighted: Set<StoryID>) -> [DepartmentSection] {
        var names = NameGroups()
        for story in all { names.add(story.department) }
        let grouped = Dictionary(grouping: all.filter { !highlighted.contains($0.id) }) { NameGroups.key($0.department) }
        return grouped.keys.sorted().map { key in
            DepartmentSection(name: names.display(key),
                              stories: grouped[key]!.sorted(by: .top).prefix(Newsletter.storiesPerDepartment).map(NewsletterStory.init))
        }
    }

    /// One line per story that received medallions, most medallions first.
    static func medallionLines(_ given: [GivenMedallion]) -> [MedallionLine] {
        let byStory = Dictionary(grouping: given, by: \.story.id)
        return byStory.values.map { group in
            // The hero as named when the first medallion was given (the story may be edited since).
            let first = group.min { ($0.medallion.givenAt, $0.medallion.id) < ($1.medallion.givenAt, $1.medallion.id) }!
            return MedallionLine(hero: first.medallion.hero, count: group.count, story: first.story)
        }.sorted { ($0.count, -$0.story.id) > ($1.count, -$1.story.id) }
    }

    /// Authors whose first visible story falls in the period, in the order they arrived.
    static func newcomers(_ stories: [Story], firstPosts: [String: Date], period: ReportPeriod) -> [Newcomer] {
        var seen = Set<String>()
        return stories.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.compactMap { story in
            guard seen.insert(story.author).inserted else { return nil }
            let first = firstPosts[story.author] ?? story.createdAt
            guard first >= period.start else { return nil }
            return Newcomer(name: story.authorName.isEmpty ? story.author : story.authorName, firstStory: StoryReference(story))
        }
    }

    /// Each day of the period and its most upvoted story (then most medallions, then first posted).
    static func daily(_ stories: [Story], period: ReportPeriod) -> [DailyHighlight] {
        (0..<period.dayCount).map { offset in
            let day = period.first.adding(days: offset)
            let dayPeriod = ReportPeriod(first: day, last: day, timeZone: period.timeZone)
            let best = stories.filter { dayPeriod.contains($0.createdAt) }
                .min { ($1.votes, $1.medallions, $0.id) < ($0.votes, $0.medallions, $1.id) }
            return DailyHighlight(day: day, story: best.map(NewsletterStory.init))
        }
    }

    static func numbers(_ stories: [Story], medallionsGiven: Int) -> NewsletterNumbers {
        var n = NewsletterNumbers()
        n.stories = stories.count
        n.storytellers = Set(stories.map(Storyteller.key)).count
        n.heroes = Set(stories.map { NameGroups.key($0.hero) }).count
        n.departments = Set(stories.map { NameGroups.key($0.department) }).count
        n.internalCustomers = stories.filter { $0.customer == .internal }.count
        n.externalCustomers = stories.count - n.internalCustomers
        n.votes = stories.reduce(0) { $0 + max(0, $1.votes) }
        n.medallions = medallionsGiven
        return n
    }
}
