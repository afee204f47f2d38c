import Foundation

/// A medallion handed over in the period, with the story it was given for.
public struct GivenMedallion: Equatable, Sendable, Codable {
    public let medallion: Medallion
    public let story: StoryReference

    public init(medallion: Medallion, story: StoryReference) {
        self.medallion = medallion
        self.story = story
    }
}

/// A story as the newsletter prints it: an excerpt instead of the whole body.
public struct NewsletterStory: Equatable, Sendable {
    public let reference: StoryReference
    public let customer: CustomerKind
    /// The start of the body, cut to `Newsletter.excerptLength` characters. Its line breaks
    /// stay (as on the wall): lines are joined by "\n" and paragraphs by a blank line; spaces
    /// inside a line are collapsed.
    public let excerpt: String
    /// "Eun Kim", or "Ade Okafor on behalf of Rita from the Leeds depot".
    public let postedBy: String
    /// The manager's pin note, for highlights.
    public let pinNote: String?

    public init(_ story: Story) {
        reference = StoryReference(story)
        customer = story.customer
        excerpt = Self.excerpt(Self.tidyLines(story.body), length: Newsletter.excerptLength)
        postedBy = story.authorName + (story.onBehalfOf.map { " on behalf of \($0)" } ?? "")
        pinNote = story.pin?.note
    }

    /// The excerpt's paragraphs, each a list of lines, for renderers that mark breaks up.
    public var paragraphs: [[String]] {
        excerpt.components(separatedBy: "\n\n").map { $0.components(separatedBy: "\n") }.filter { $0 != [""] }
    }

    /// Every line's spaces collapsed, runs of blank lines made one, none at either end.
    static func tidyLines(_ body: String) -> String {
        var lines: [String] = []
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let tidy = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !tidy.isEmpty || !(lines.last?.isEmpty ?? true) { lines.append(tidy) }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Cut at the last word or line break that fits (a long unbroken word is cut mid-word),
    /// then "…".
    static func excerpt(_ text: String, length: Int) -> String {
        guard text.count > length else { return text }
        let head = text.prefix(length - 1)
        var cut = head.lastIndex(where: { $0 == " " || $0 == "\n" }).map { head[..<$0] } ?? head
        while cut.last == "\n" { cut = cut.dropLast() }
        return String(cut.isEmpty ? head : cut) + "…"
    }
}

/// Someone whose first story on the board is in this issue's period.
public struct Newcomer: Equatable, Sendable {
    public let name: String
    public let firstStory: StoryReference
}

/// Medallions given for one story in the period.
public struct MedallionLine: Equatable, Sendable {
    public let hero: String
    public let count: Int
    public let story: StoryReference
}

/// A department's best stories of the period.
public struct DepartmentSection: Equatable, Sendable {
    public let name: String
    public let stories: [NewsletterStory]
}

/// Customer Service Week: one day and its most upvoted story, if any was posted.
public struct DailyHighlight: Equatable, Sendable {
    public let day: CalendarDate
    public let story: NewsletterStory?
}

/// The numbers behind the issue's short stats paragraph.
public struct NewsletterNumbers: Equatable, Sendable {
    public var stories = 0, storytellers = 0, heroes = 0, departments = 0
    public var internalCustomers = 0, externalCustomers = 0, votes = 0, medallions = 0

    /// One sentence made only of numbers and our own words, so it is safe in every format.
    public var sentence: String {
        func n(_ count: Int, _ one: String, _ many: String? = nil) -> String { Plural.count(count, one, many) }
        guard stories > 0 else {
            return "No stories were posted in this period; \(n(medallions, "medallion was", "medallions were")) given."
        }
        return "\(n(stories, "story")) posted by \(n(storytellers, "storyteller")) recognised "
            + "\(n(heroes, "person or team", "people and teams")) in \(n(departments, "department")) "
            + "(\(internalCustomers) for internal customers, \(externalCustomers) for external). "
            + "They received \(n(votes, "vote")), and \(n(medallions, "medallion was", "medallions were")) given."
    }
}

/// One issue of the service newsletter, ready for any renderer (Markdown, HTML, text).
public struct Newsletter: Equatable, Sendable {
    public static let excerptLength = 240
    /// Top stories listed per department.
    public static let storiesPerDepartment = 3

    public let boardName: String
    /// "Customer Service Week 2026" for the special issue, else nil.
    public let specialEdition: String?
    public let period: ReportPeriod
    public let generatedOn: CalendarDate
    public let highlights: [NewsletterStory]
    public let departments: [DepartmentSection]
    public let medallions: [MedallionLine]
    public let newcomers: [Newcomer]
    /// Service Week only: each day's most upvoted story (nil when nothing was posted that day).
    public let dailyHighlights: [DailyHighlight]
    public let numbers: NewsletterNumbers
    /// Certifications earned or granted in the period (issue 16); empty → no section.
    public var certified: [CertifiedLine] = []

    public var isEmpty: Bool { highlights.isEmpty && departments.isEmpty && medallions.isEmpty }

    public var title: String { "\(boardName) — service newsletter" }

    /// Our own words for the top of the issue.
    public var introduction: String {
        if let specialEdition {
            return "\(specialEdition) special issue: a week to thank the people whose service — to customers outside "
                + "and colleagues inside — makes the difference. Here is what we celebrated, day by day."
        }
        return "Success stories from \(period.text): the service our colleagues gave, told by the people who saw it."
    }

    public static let emptyMessage = "No stories in this period. Saw someone go above and beyond? Tell everyone with \"spotlight post\"."
    public static let footer = "Hidden and removed stories are never included. Made with spotlight newsletter."
}
