import Foundation

/// The end of a visit, the same on every board (SQLite, PostgreSQL, in memory): each store reads
/// the facts, this decides the marks.
extension VisitMarks {
    /// These marks at the end of `login`'s visit: their own stories above the mark count as
    /// seen (your own posts are not news to you), seen stories are folded into `seenThrough`,
    /// recognition up to `newestAudit` is reported, and `now` is the time of this visit.
    /// `visibleAbove`: the visible stories above `seenThrough`, ascending by id.
    public func closed(by login: String, visibleAbove: [Story], newestAudit: Int, at now: Date) -> VisitMarks {
        var closed = self
        closed.see(visibleAbove.filter { $0.author == login }.map(\.id))
        closed.compact(visibleAbove: visibleAbove.map(\.id))
        closed.auditThrough = max(auditThrough, newestAudit)
        closed.visitedAt = now
        return closed
    }
}
