import Foundation

/// What the board supplies for `spotlight stats`.
public struct StatsInput: Sendable {
    public var period: ReportPeriod
    /// Stories posted in the period.
    public var stories: [Story]
    /// When each vote on a visible story was cast, within the period.
    public var voteTimes: [Date]
    /// When each medallion for a visible story was given, within the period.
    public var medallionTimes: [Date]
    /// When each certification held now was earned or granted, within the period (issue 16).
    public var certificationTimes: [Date]

    public init(period: ReportPeriod, stories: [Story], voteTimes: [Date], medallionTimes: [Date], certificationTimes: [Date] = []) {
        self.period = period
        self.stories = stories
        self.voteTimes = voteTimes
        self.medallionTimes = medallionTimes
        self.certificationTimes = certificationTimes
    }
}

/// The board's activity over whole weeks, Monday to Sunday (the last one may be partial).
public struct BoardStats: Equatable, Sendable, Codable {
    public struct Week: Equatable, Sendable, Codable {
        /// The Monday that starts the week, YYYY-MM-DD.
        public let week: String
        public let stories: Int
        public let votes: Int
        public let medallions: Int
        public let certifications: Int
    }

    public struct Count: Equatable, Sendable, Codable {
        public let name: String
        public let count: Int
    }

    public struct Recognised: Equatable, Sendable, Codable {
        public let name: String
        public let score: Int
        public let tally: RecognitionTally
    }

    public let first: String
    public let last: String
    public let weeks: [Week]
    public let departments: [Count]
    public let internalCustomers: Int
    public let externalCustomers: Int
    /// Heroes by the award formula across all departments.
    public let mostRecognised: [Recognised]
    /// Storytellers by stories told (peer-to-peer recognition at work).
    public let storytellers: [Count]
    public let stories: Int
    public let votes: Int
    public let medallions: Int
    /// New certifications in the period (earned by quiz or granted, not since revoked).
    public let certifications: Int

    /// Entries in the "most …" lists.
    public static let topCount = 5
    /// Default window of `spotlight stats`.
    public static let defaultWeeks = 12

    /// The window ending today: this week and the `weeks - 1` whole weeks before it.
    public static func period(weeks: Int, now: Date, timeZone: TimeZone) -> ReportPeriod {
        let today = ClockText.calendarDate(now, timeZone: timeZone)
        return ReportPeriod(first: today.mondayOfWeek.adding(days: -7 * (max(1, weeks) - 1)), last: today, timeZone: timeZone)
    }

    public static func compute(_ input: StatsInput) -> BoardStats {
        let period = input.period
        let stories = input.stories.filter { $0.status == .visible && period.contains($0.createdAt) }.sorted { $0.id < $1.id }
        let weekCount = max(1, (period.last.mondayOfWeek.days(since: period.first.mondayOfWeek)) / 7 + 1)
        func buckets(_ dates: [Date]) -> [Int] {
            var counts = Array(repeating: 0, count: weekCount)
            for date in dates where period.contains(date) {
                let day = ClockText.calendarDate(date, timeZone: period.timeZone)
                let index = day.mondayOfWeek.days(since: period.first.mondayOfWeek) / 7
                if counts.indices.contains(index) { counts[index] += 1 }
            }
            return counts
        }
        let storyWeeks = buckets(stories.map(\.createdAt))
        let voteWeeks = buckets(input.voteTimes), medallionWeeks = buckets(input.medallionTimes)
        let certificationWeeks = buckets(input.certificationTimes)
        let weeks = (0..<weekCount).map { i in
            Week(week: period.first.mondayOfWeek.adding(days: 7 * i).description, stories: storyWeeks[i],
                 votes: voteWeeks[i], medallions: medallionWeeks[i], certifications: certificationWeeks[i])
        }
        let internalCount = stories.filter { $0.customer == .internal }.count
        return BoardStats(
            first: period.first.description, last: period.last.description, weeks: weeks,
            departments: counted(stories, key: { NameGroups.key($0.department) }, name: \.department, limit: nil),
            internalCustomers: internalCount, externalCustomers: stories.count - internalCount,
            mostRecognised: recognised(stories), storytellers: counted(stories, key: Storyteller.key, name: Storyteller.name, limit: topCount),
            stories: stories.count, votes: voteWeeks.reduce(0, +), medallions: medallionWeeks.reduce(0, +),
            certifications: certificationWeeks.reduce(0, +))
    }

    /// Stories per group, most first, ties A–Z by key; names shown in their most common spelling.
    static func counted(_ stories: [Story], key: (Story) -> String, name: (Story) -> String, limit: Int?) -> [Count] {
        var names = NameGroups()
        var counts: [String: Int] = [:]
        var displayKey: [String: String] = [:]
        for story in stories {
            let k = key(story)
            displayKey[k] = names.add(name(story))
            counts[k, default: 0] += 1
        }
        let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        return ranked.prefix(limit ?? ranked.count).map { Count(name: names.display(displayKey[$0.key] ?? $0.key), count: $0.value) }
    }

    static func recognised(_ stories: [Story]) -> [Recognised] {
        var names = NameGroups()
        var tallies: [String: RecognitionTally] = [:]
        for story in stories { tallies[names.add(story.hero), default: RecognitionTally()].add(story) }
        let ranked = tallies.keys.sorted { AwardFormula.ranksAhead(tallies[$0]!, $0, of: tallies[$1]!, $1) }
        return ranked.prefix(topCount).map { Recognised(name: names.display($0), score: AwardFormula.score(tallies[$0]!), tally: tallies[$0]!) }
    }
}
