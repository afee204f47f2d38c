import Foundation
import SpotlightCore
import Testing

/// The end of a visit, the same on every board (`VisitMarks+Closing`).
@Suite struct VisitClosingTests {
    static let later = VisitTests.now.addingTimeInterval(3600)

    @Test func ownStoriesCountAsSeenAndSeenOnesFoldIntoTheMark() {
        let marks = VisitMarks(board: "b", seenThrough: 10, auditThrough: 40, visitedAt: VisitTests.now, seenAbove: [12])
        let above = [VisitTests.story(11, author: "bob"), VisitTests.story(12), VisitTests.story(13, author: "bob"),
                     VisitTests.story(14)]
        let closed = marks.closed(by: "bob", visibleAbove: above, newestAudit: 55, at: Self.later)
        #expect(closed.seenThrough == 13, "11 and 13 are bob's own, 12 was seen: all fold; 14 is unseen")
        #expect(closed.seenAbove == [])
        #expect(closed.auditThrough == 55 && closed.visitedAt == Self.later && closed.board == "b")
    }

    @Test func theAuditMarkNeverGoesBack() {
        let marks = VisitMarks(board: "b", seenThrough: 3, auditThrough: 90, visitedAt: VisitTests.now)
        let closed = marks.closed(by: "ann", visibleAbove: [], newestAudit: 20, at: Self.later)
        #expect(closed.auditThrough == 90)
        #expect(closed.seenThrough == 3 && closed.visitedAt == Self.later)
    }
}
