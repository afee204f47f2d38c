/// Groups free-text names (heroes, departments, storytellers) that people typed differently.
///
/// Two spellings are one name when `NameKey` makes them equal: NFC, invisible characters
/// (zero-width, soft hyphen, bidi controls) dropped, case-folded and whitespace collapsed, so
/// "mary lopez", "Mary  Lopez", " MARY LOPEZ " and "Mary\u{200B} Lopez" are one person. Nothing cleverer (no initials, no
/// nicknames): a false merge would hand one person's award to another.
///
/// A group is shown under its most common spelling; a tie goes to the spelling seen first
/// (callers add in a deterministic order), so the same board always prints the same name.
public struct NameGroups: Sendable {
    private struct Spellings: Sendable {
        var counts: [String: Int] = [:]
        var order: [String] = []
    }

    private var groups: [String: Spellings] = [:]

    public init() {}

    /// The key a name is grouped under.
    public static func key(_ name: String) -> String { NameKey.key(name) }

    /// Records one use of `name` and returns its group key.
    @discardableResult
    public mutating func add(_ name: String) -> String {
        let key = Self.key(name)
        let spelling = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var entry = groups[key] ?? Spellings()
        if entry.counts[spelling] == nil { entry.order.append(spelling) }
        entry.counts[spelling, default: 0] += 1
        groups[key] = entry
        return key
    }

    /// The most common spelling of the group `key` (with runs of spaces tidied to one).
    public func display(_ key: String) -> String {
        guard let entry = groups[key] else { return key }
        var best = entry.order.first ?? key
        for spelling in entry.order where (entry.counts[spelling] ?? 0) > (entry.counts[best] ?? 0) {
            best = spelling
        }
        return best
    }
}
