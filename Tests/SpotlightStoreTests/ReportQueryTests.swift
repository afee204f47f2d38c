import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

/// The report reads: only visible stories, and nothing of hidden or removed ones (not their
/// votes, medallions, pins, or their place as someone's first story).
@Suite struct ReportQueryTests {
    static let day: TimeInterval = 86_400
    /// Midnight UTC, some days before TempBoard.now.
    static let start = Date(timeIntervalSince1970: (TempBoard.now.timeIntervalSince1970 / day).rounded(.down) * day - 10 * day)

    /// Opens the board as `account` with the clock at `start + days`.
    func at(_ board: TempBoard, _ days: Double, as account: Account = TempBoard.dana) async throws -> BoardStore {
        try await board.open(as: account, clock: .fixed(Self.start.addingTimeInterval(days * Self.day)))
    }

    func act<T>(_ board: TempBoard, _ days: Double, as account: Account = TempBoard.dana,
                _ body: (BoardStore) async throws -> T) async throws -> T {
        let store = try await at(board, days, as: account)
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    func draft(_ title: String, hero: String = "Tom Okafor", body: String = "Body") -> StoryDraft {
        StoryDraft(title: title, body: body, hero: hero, department: "Support")
    }

    /// Day 0: Mary's old story. Day 3: John's story, later hidden. Day 4: Mary's story, later
    /// removed. Day 5: John's visible story. Votes and medallions on all of them on day 6.
    func board() async throws -> (TempBoard, [StoryID]) {
        let board = TempBoard()
        let old = try await act(board, 0.5, as: TempBoard.mary) { try await $0.post(draft("Old story")).id }
        let hidden = try await act(board, 3.5, as: TempBoard.john) { try await $0.post(draft("Hidden story", hero: "Secret Hero")).id }
        let removed = try await act(board, 4.5, as: TempBoard.mary) { try await $0.post(draft("Removed story", hero: "Gone Hero")).id }
        let shown = try await act(board, 5.5, as: TempBoard.john) { try await $0.post(draft("Shown story")).id }
        try await act(board, 6.5) { store in
            for id in [old, hidden, removed, shown] {
                try await store.upvote(id)
                _ = try? await store.giveMedallion(id)  // one a year: only the first succeeds
            }
            try await store.pin(hidden, until: nil, note: "hidden pin")
            try await store.pin(shown, until: nil, note: "shown pin")
        }
        try await act(board, 6.5, as: TempBoard.mary) { store in
            _ = try await store.giveMedallion(shown)
            try await store.upvote(shown)
        }
        try await act(board, 7) { store in
            try await store.setStatus(hidden, to: .hidden)
            try await store.setStatus(removed, to: .removed)
        }
        return (board, [old, hidden, removed, shown])
    }

    @Test func reportsReadOnlyVisibleStoriesInTheRange() async throws {
        let (board, ids) = try await board()
        let store = try await at(board, 8)
        let all = try await store.reportStories(from: Self.start, to: Self.start.addingTimeInterval(8 * Self.day))
        #expect(all.map(\.id) == [ids[0], ids[3]])
        let later = try await store.reportStories(from: Self.start.addingTimeInterval(1 * Self.day), to: Self.start.addingTimeInterval(8 * Self.day))
        #expect(later.map(\.id) == [ids[3]])
        // The end is exclusive: a story posted exactly at the end belongs to the next period.
        let before = try await store.reportStories(from: Self.start, to: Self.start.addingTimeInterval(5.5 * Self.day))
        #expect(before.map(\.id) == [ids[0]])
        await store.close()
    }

    @Test func votesAndMedallionsOfHiddenOrRemovedStoriesNeverCount() async throws {
        let (board, ids) = try await board()
        let store = try await at(board, 8)
        let (from, to) = (Self.start, Self.start.addingTimeInterval(8 * Self.day))
        #expect(try await store.reportVoteTimes(from: from, to: to).count == 3)  // Dana on old and shown, Mary on shown
        let medallions = try await store.reportMedallions(from: from, to: to)
        #expect(medallions.map(\.story.id) == [ids[0], ids[3]])
        #expect(medallions.map(\.medallion.giver) == ["dana", "mlopez"])
        #expect(medallions.first?.story.title == "Old story")
        #expect(try await store.reportMedallionTimes(from: from, to: to).count == 2)
        await store.close()
    }

    @Test func pinnedHighlightsSkipHiddenStories() async throws {
        let (board, ids) = try await board()
        let store = try await at(board, 8)
        let pinned = try await store.reportPinnedStories(from: Self.start, to: Self.start.addingTimeInterval(8 * Self.day))
        #expect(pinned.map(\.id) == [ids[3]])
        #expect(pinned.first?.pin?.note == "shown pin")
        // A pin made after the period is not a highlight of it.
        #expect(try await store.reportPinnedStories(from: Self.start, to: Self.start.addingTimeInterval(6 * Self.day)).isEmpty)
        await store.close()
    }

    @Test func firstPostsIgnoreHiddenStories() async throws {
        let (board, _) = try await board()
        let store = try await at(board, 8)
        let firsts = try await store.reportFirstPosts(from: Self.start.addingTimeInterval(2 * Self.day), to: Self.start.addingTimeInterval(8 * Self.day))
        // John's first story (day 3.5) is hidden, so his first visible one is day 5.5; Mary
        // posted nothing visible in the range, so she is not listed at all.
        #expect(firsts == ["jpark": Self.start.addingTimeInterval(5.5 * Self.day)])
        await store.close()
    }

    @Test func bodiesAreCutInSQLButTitlesWithNULsSurvive() async throws {
        let board = TempBoard()
        let long = String(repeating: "é", count: 3000)
        try await act(board, 1) { store in _ = try await store.post(draft("Null\u{0}title", body: long)) }
        let store = try await at(board, 2)
        let story = try #require(try await store.reportStories(from: Self.start, to: Self.start.addingTimeInterval(2 * Self.day)).first)
        #expect(story.body == String(repeating: "é", count: BoardStore.reportBodyLength))
        #expect(story.title == "Null\u{0}title")
        let bare = try await store.reportStories(from: Self.start, to: Self.start.addingTimeInterval(2 * Self.day), bodyLength: 0)
        #expect(bare.first?.body == "" && bare.first?.title == "Null\u{0}title")
        await store.close()
    }

    @Test func awardsThroughTheStoreFoldHeroSpellings() async throws {
        let board = TempBoard()
        for (i, hero) in ["mary lopez", "Mary  Lopez", "Mary Lopez", "Tom"].enumerated() {
            try await act(board, Double(i) + 0.5, as: TempBoard.john) { _ = try await $0.post(draft("Story \(i)", hero: hero)) }
        }
        let store = try await at(board, 9)
        let period = ReportPeriod(first: CalendarDate(year: 1970, month: 1, day: 1)!, last: ClockText.calendarDate(store.clock.now, timeZone: .gmt),
                                  timeZone: .gmt)
        let report = Awards.compute(title: "T", stories: try await store.reportStories(from: period.start, to: period.end), period: period)
        #expect(report.departments.first?.standings.map(\.hero) == ["Mary Lopez", "Tom"])
        #expect(report.departments.first?.winner?.tally.stories == 3)
        await store.close()
    }
}
