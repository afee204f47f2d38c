import Foundation

/// What one account has seen of one board, for "what's new since your last visit".
///
/// Story ids and audit ids only grow, so "new" is measured in ids, not clock time: a clock that
/// goes backwards cannot make anything disappear from "new". `seenThrough` covers every story up
/// to it; stories above it that were on screen are listed in `seenAbove` until the gap below them
/// closes (`compact`). `auditThrough` is the last audit row already reported (votes and medallions
/// on your stories arrive as audit rows).
public struct VisitMarks: Codable, Equatable, Sendable {
    public static let currentVersion = 1

    public var version: Int
    /// Which board these marks belong to (`BoardStore.identity`): a different board at the same
    /// path starts afresh instead of showing nonsense.
    public var board: String
    public var seenThrough: StoryID
    public var seenAbove: [StoryID]
    public var auditThrough: Int
    /// When the board was last open (for the words "since Tuesday", never for what counts as new).
    public var visitedAt: Date

    public init(board: String, seenThrough: StoryID, auditThrough: Int, visitedAt: Date, seenAbove: [StoryID] = []) {
        version = Self.currentVersion
        self.board = board
        self.seenThrough = seenThrough
        self.seenAbove = seenAbove
        self.auditThrough = auditThrough
        self.visitedAt = visitedAt
    }

    public func hasSeen(_ id: StoryID) -> Bool {
        id <= seenThrough || seenAbove.contains(id)
    }

    /// Stories that have been on screen (in a list or opened). Called after every board frame,
    /// so a frame with nothing newly seen changes nothing.
    public mutating func see<S: Sequence>(_ ids: S) where S.Element == StoryID {
        let fresh = ids.filter { !hasSeen($0) }
        guard !fresh.isEmpty else { return }
        seenAbove = Set(seenAbove + fresh).sorted()
    }

    /// Moves `seenThrough` up over every seen story while no unseen one is in the way.
    /// `ids` are the visible stories above `seenThrough`, ascending.
    public mutating func compact(visibleAbove ids: [StoryID]) {
        var set = Set(seenAbove)
        for id in ids {
            guard set.contains(id) else { break }
            seenThrough = id
            set.remove(id)
        }
        if ids.allSatisfy({ $0 <= seenThrough }) {
            // Everything visible is seen: ids above it (since removed or hidden) need no record.
            seenThrough = max(seenThrough, set.max() ?? seenThrough)
            set.removeAll()
        }
        seenAbove = set.filter { $0 > seenThrough }.sorted()
    }
}
