import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// The reports' inputs: visible stories only (a hidden story counts nowhere, not even through
/// its votes or medallions), half-open periods, bodies cut to an excerpt.
@Suite struct ReportConformanceTests {
    typealias P = People

    @Test(arguments: BoardKind.allCases)
    func reportsReadVisibleStoriesOfThePeriod(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let day = 86_400.0
        let before = try await board.open(as: P.john, clock: .fixed(P.now.addingTimeInterval(-day)))
        let old = try await before.post(P.draft("before the period"))
        await before.close()
        let john = try await board.open(as: P.john)
        let kept = try await john.post(P.draft("kept", body: String(repeating: "é", count: 700)))
        let hidden = try await john.post(P.draft("hidden", hero: "Ann Lee"))
        let dana = try await board.open()
        let mary = try await board.open(as: P.mary)
        let first = try await mary.post(P.draft("Mary's first", hero: "Ann Lee"))
        for id in [kept.id, hidden.id] { try await dana.upvote(id) }
        _ = try await dana.giveMedallion(kept.id)
        _ = try await mary.giveMedallion(hidden.id)
        try await dana.pin(old.id, until: P.now.addingTimeInterval(3600), note: nil)
        try await dana.setStatus(hidden.id, to: .hidden)

        let (start, end) = (P.now, P.now.addingTimeInterval(day))
        let stories = try await dana.reportStories(from: start, to: end)
        #expect(stories.map(\.id) == [kept.id, first.id])
        #expect(stories.first?.body.count == BoardStore.reportBodyLength)
        #expect(try await dana.reportStories(from: start, to: end, bodyLength: 0).allSatisfy { $0.body.isEmpty })
        #expect(try await dana.reportStories(from: start.addingTimeInterval(-day), to: start).map(\.id) == [old.id], "the end is excluded")
        #expect(try await dana.reportPinnedStories(from: start, to: end).map(\.id) == [old.id], "pinned in the period, whenever posted")
        #expect(try await dana.reportPinnedStories(from: end, to: end.addingTimeInterval(day)).isEmpty, "the pin had ended")
        let medallions = try await dana.reportMedallions(from: start, to: end)
        #expect(medallions.map(\.medallion.giver) == ["dana"] && medallions.first?.story.id == kept.id)
        #expect(try await dana.reportFirstPosts(from: start, to: end) == ["jpark": P.now.addingTimeInterval(-day), "mlopez": P.now])
        #expect(try await dana.reportVoteTimes(from: start, to: end) == [P.now])
        #expect(try await dana.reportMedallionTimes(from: start, to: end) == [P.now])
        await john.close(); await dana.close(); await mary.close()
    }
}
