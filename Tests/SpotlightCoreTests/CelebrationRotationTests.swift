import Foundation
import Testing
@testable import SpotlightCore

/// Certifications of the week in the wall's rotation (issue 16), always on a fixed clock.
@Suite struct CelebrationRotationTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let day: TimeInterval = 24 * 3600

    func story(_ id: Int, votes: Int = 0) -> Story {
        Story(id: id, title: "Story \(id)", body: "", hero: "h", department: ["Support", "IT", "HR"][id % 3], author: "a",
              authorName: "A", createdAt: now.addingTimeInterval(-Double(id) * 3600), votes: votes)
    }

    func board(_ count: Int) -> [Story] { (1...count).map { story($0, votes: ($0 * 7) % 13) } }

    func celebration(_ id: Int, daysAgo: Double = 1, login: String = "mlopez") -> Celebration {
        Celebration(certification: Certification(id: id, login: login, program: "Service Standards", level: 1, source: .quiz,
                                                 grantedBy: login, at: now.addingTimeInterval(-daysAgo * day)),
                    levelTitle: "Foundations")
    }

    func schedule(_ stories: [Story], _ celebrations: [Celebration], at time: Date? = nil) -> RotationSchedule {
        var schedule = RotationSchedule(settings: BoardSettings())
        schedule.update(stories: stories, celebrations: celebrations, now: time ?? now)
        return schedule
    }

    /// The slots of the cycle the next call starts.
    func cycle(_ schedule: inout RotationSchedule, at time: Date? = nil) -> [WallSlot] {
        guard let first = schedule.next(now: time ?? now) else { return [] }
        var slots = [first]
        while slots.count < schedule.position.count, let slot = schedule.next(now: time ?? now) { slots.append(slot) }
        return slots
    }

    @Test func noCelebrationLeavesTheRotationAsItWas() {
        var plain = RotationSchedule(settings: BoardSettings())
        plain.update(stories: board(20), now: now)
        var withOld = schedule(board(20), [celebration(1, daysAgo: 8)])
        for _ in 0..<200 { #expect(plain.next(now: now) == withOld.next(now: now)) }
    }

    @Test func eachCelebrationOfTheWeekIsShownOncePerCycle() {
        var wall = schedule(board(20), [celebration(1), celebration(2, daysAgo: 6.9), celebration(3, daysAgo: 0)])
        for _ in 0..<3 {
            let slots = cycle(&wall)
            let celebrated = slots.compactMap(\.celebrationID)
            #expect(celebrated.sorted() == [1, 2, 3])
            #expect(slots.filter { $0.celebrationID != nil }.allSatisfy { $0.reason == .certified(fresh: false) })
            #expect(Set(slots.compactMap(\.storyID)).count == 20, "every story still has its turn")
        }
    }

    @Test func celebrationsNeverTakeTwoSlotsInARowOrMoreThanTheirShare() {
        var wall = schedule(board(10), (1...30).map { celebration($0) })
        var shown: Set<Int> = []
        for _ in 0..<8 {
            let slots = cycle(&wall)
            let count = slots.filter { $0.celebrationID != nil }.count
            let stories = slots.count - count
            let run = RotationSchedule.celebrationShare - 1
            #expect(count == (stories + run - 1) / run, "one slot in \(RotationSchedule.celebrationShare), no more")
            for (a, b) in zip(slots, slots.dropFirst()) { #expect(a.celebrationID == nil || b.celebrationID == nil) }
            shown.formUnion(slots.compactMap(\.celebrationID))
        }
        #expect(shown == Set(1...30), "round-robin reaches every celebration across cycles")
    }

    @Test func aCelebrationIsGoneAfterSevenDays() {
        let c = celebration(1, daysAgo: 6)
        var wall = schedule(board(12), [c])
        #expect(cycle(&wall).contains { $0.celebrationID == 1 })
        // A day and a minute later the week is over: not shown, even before the next snapshot.
        let later = now.addingTimeInterval(day + 60)
        #expect(!cycle(&wall, at: later).contains { $0.celebrationID != nil })
        wall.update(stories: board(12), celebrations: [c], now: later)
        #expect(!cycle(&wall, at: later).contains { $0.celebrationID != nil })
    }

    @Test func aNewCertificationIsShownNextOnceAsFresh() {
        var wall = schedule(board(12), [celebration(1)])
        _ = wall.next(now: now)
        _ = wall.next(now: now)
        wall.update(stories: board(12), celebrations: [celebration(2, daysAgo: 0), celebration(1)], now: now)
        #expect(wall.hasFreshCelebration)
        let next = wall.next(now: now)
        #expect(next?.celebrationID == 2)
        #expect(next?.reason == .certified(fresh: true))
        #expect(!wall.hasFreshCelebration)
        // Unchanged snapshots do not make it fresh again.
        wall.update(stories: board(12), celebrations: [celebration(2, daysAgo: 0), celebration(1)], now: now)
        #expect(!wall.hasFreshCelebration)
    }

    @Test func theFirstSnapshotHasNothingFresh() {
        let wall = schedule(board(5), [celebration(1, daysAgo: 0)])
        #expect(!wall.hasFreshCelebration)
    }

    @Test func aRevokedCertificationLeavesWithTheNextSnapshot() {
        var wall = schedule(board(12), [celebration(1), celebration(2)])
        var first = cycle(&wall)
        #expect(first.contains { $0.celebrationID == 2 })
        wall.update(stories: board(12), celebrations: [celebration(1)], now: now)
        first = cycle(&wall) + cycle(&wall)
        #expect(!first.contains { $0.celebrationID == 2 })
        #expect(wall.celebration(2) == nil)
        // Nor does ← lead back to it.
        while let back = wall.previous() { #expect(back.celebrationID != 2) }
    }

    @Test func aRevokedFreshCertificationIsNeverShown() {
        var wall = schedule(board(6), [])
        _ = wall.next(now: now)
        wall.update(stories: board(6), celebrations: [celebration(5, daysAgo: 0)], now: now)
        wall.update(stories: board(6), celebrations: [], now: now)
        #expect(!wall.hasFreshCelebration)
        #expect(!cycle(&wall).contains { $0.celebrationID != nil })
    }

    @Test func aBoardWithOnlyCelebrationsShowsThem() {
        var wall = schedule([], [celebration(1), celebration(2)])
        #expect(cycle(&wall).compactMap(\.celebrationID) == [1, 2])
    }

    @Test func theDwellReadsTheNote() {
        var long = celebration(1)
        long.certification.note = String(repeating: "Handled every escalation this quarter with care. ", count: 30)
        #expect(WallSlot.dwell(for: celebration(1), baseSeconds: 12) == .seconds(8))
        #expect(WallSlot.dwell(for: long, baseSeconds: 12) == .seconds(40))
    }

    @Test func levelsAreRomanAsTheArticlesWriteThem() {
        #expect(Celebration.roman(1) == "I")
        #expect(Celebration.roman(4) == "IV")
        #expect(Celebration.roman(21) == "21")
        #expect(celebration(1).achievement == "Service Standards, Level I")
    }
}
