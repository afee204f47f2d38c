import Foundation
import SpotlightCore
import SpotlightStore

/// A `StoryQuery` over stories in memory, with the store's semantics: which statuses are
/// listed, the department and author filters, live pins, the full-text search (every word a
/// prefix of a word in the title, body, hero or tags; case and accents ignored, as FTS5's
/// `unicode61 remove_diacritics 2`, `SearchText`), and the three orders with the id as tie-break.
struct StoryFilter {
    let query: StoryQuery
    let now: Date
    /// `stories(_:)` matches the department ignoring ASCII case (`COLLATE NOCASE`); the board's
    /// pages match it exactly (the name comes from the board's own list).
    let departmentIgnoresCase: Bool

    func matches(_ story: Story) -> Bool {
        let statuses: [StoryStatus] = query.includeHidden ? [.visible, .hidden] : [.visible]
        guard statuses.contains(story.status) else { return false }
        if let department = query.department {
            let same = departmentIgnoresCase ? Self.asciiLowercased(story.department) == Self.asciiLowercased(department)
                                             : story.department == department
            guard same else { return false }
        }
        if let author = query.author, story.author != author { return false }
        if query.pinnedOnly, !(story.pin.map { $0.until.map { $0 > now } ?? true } ?? false) { return false }
        if let search = query.search, !Self.matchesSearch(search, story) { return false }
        return true
    }

    /// The matching stories in the query's order (offset and limit not applied).
    func all(_ stories: some Sequence<Story>) -> [Story] {
        Self.sorted(stories.filter(matches), by: query.order)
    }

    /// The page `query.offset ..< offset + limit`.
    func page(_ stories: some Sequence<Story>) -> [Story] {
        let ordered = all(stories)
        let start = min(max(0, query.offset), ordered.count)
        return Array(ordered[start..<min(ordered.count, start + max(0, query.limit))])
    }

    static func sorted(_ stories: [Story], by order: StoryOrder) -> [Story] {
        stories.sorted { a, b in
            let (ka, kb): (Double, Double) = switch order {
            case .hot: (HotScore.score(of: a), HotScore.score(of: b))
            case .new: (a.createdAt.timeIntervalSince1970, b.createdAt.timeIntervalSince1970)
            case .top: (Double(HotScore.points(votes: a.votes, medallions: a.medallions)),
                        Double(HotScore.points(votes: b.votes, medallions: b.medallions)))
            }
            return ka != kb ? ka > kb : a.id > b.id
        }
    }

    // MARK: Search

    static func matchesSearch(_ text: String, _ story: Story) -> Bool {
        let terms = SearchText.terms(text)
        // No words (only punctuation): no filter, as the store then adds no MATCH.
        guard !terms.isEmpty else { return true }
        let words = [story.title, story.body, story.hero, story.tags.joined(separator: " ")].flatMap(SearchText.tokens)
        return SearchText.matches(terms: terms, words: words)
    }

    static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isASCII ? Unicode.Scalar(UInt8(ascii: $0).lowercasedASCII) : $0 }))
    }
}

private extension UInt8 {
    init(ascii scalar: Unicode.Scalar) { self = UInt8(scalar.value) }

    var lowercasedASCII: UInt8 { (65...90).contains(self) ? self + 32 : self }
}
