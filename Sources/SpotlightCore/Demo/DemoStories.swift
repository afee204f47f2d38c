/// One story of the demo board, with who posted it, how long ago, and who recognised it.
public struct SampleStory: Sendable {
    public let draft: StoryDraft
    public let author: Account
    public let hoursAgo: Double
    public let voters: [String]
    public let medallionsFrom: [String]
    public let pinned: Bool

    init(_ title: String, hero: String, department: String, customer: CustomerKind = .external, tags: [String] = [],
         by author: (String, String), hoursAgo: Double, voters: [String] = [], medallionsFrom: [String] = [],
         pinned: Bool = false, onBehalfOf: String? = nil, body: String) {
        self.draft = StoryDraft(title: title, body: body, hero: hero, department: department, customer: customer,
                                tags: tags, onBehalfOf: onBehalfOf)
        self.author = Account(login: author.0, displayName: author.1)
        self.hoursAgo = hoursAgo
        self.voters = voters
        self.medallionsFrom = medallionsFrom
        self.pinned = pinned
    }
}

/// The content of `spotlight demo`: a month of a fictional company's service stories, written
/// for this project. Several departments, internal and external customers, a pin, medallions,
/// and some Japanese, Korean, Chinese and emoji so a newcomer sees the wall handle them.
public enum DemoStories {
    static let staff = ["aokafor", "bchen", "cruiz", "dmorgan", "ekim", "fnair", "gsato", "hberg", "iwalsh", "jpark"]

    static func voters(_ n: Int, skip author: String, offset: Int = 0) -> [String] {
        let pool = staff.filter { $0 != author }
        return (0..<min(n, pool.count)).map { pool[($0 + offset) % pool.count] }
    }

    public static let all: [SampleStory] = part1 + part2 + part3
}
