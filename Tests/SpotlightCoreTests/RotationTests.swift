import Foundation
import Testing
@testable import SpotlightCore

/// The lobby wall's rotation (DESIGN §4), always on a fixed clock.
@Suite struct RotationTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let departments = ["Support", "Finance", "IT", "Sales", "Logistics", "HR"]

    func story(_ id: Int, votes: Int = 0, department: String = "Support", hoursAgo: Double = 1,
               body: String = "", pin: Pin? = nil) -> Story {
        Story(id: id, title: "Story \(id)", body: body, hero: "h", department: department, author: "a",
              authorName: "A", createdAt: now.addingTimeInterval(-hoursAgo * 3600), votes: votes, pin: pin)
    }

    func board(_ count: Int, pins: Set<Int> = []) -> [Story] {
        (1...count).map { id in
            story(id, votes: (id * 7) % 13, department: departments[id % departments.count],
                  hoursAgo: Double(id % 30), pin: pins.contains(id) ? Pin(pinnedBy: "dana", pinnedAt: now) : nil)
        }
    }

    func schedule(_ stories: [Story], settings: BoardSettings = BoardSettings()) -> RotationSchedule {
        var schedule = RotationSchedule(settings: settings)
        schedule.update(stories: stories, now: now)
        return schedule
    }

    /// The slots of the cycle that the next call starts (asserts that it does start one).
    func nextCycle(_ schedule: inout RotationSchedule, at time: Date? = nil) -> [WallSlot] {
        guard let first = schedule.next(now: time ?? now) else { return [] }
        #expect(schedule.position.index == 1)
        var slots = [first]
        while slots.count < schedule.position.count, let slot = schedule.next(now: time ?? now) {
            slots.append(slot)
        }
        return slots
    }

    func isPinned(_ slot: WallSlot) -> Bool {
        if case .pinned = slot.reason { true } else { false }
    }

    @Test func pinsTakeOneSlotInThreeOverALongRun() {
        var wall = schedule(board(40, pins: [3, 17]))
        let slots = (0..<3000).compactMap { _ in wall.next(now: now) }
        let share = Double(slots.filter(isPinned).count) / Double(slots.count)
        #expect(abs(share - 1.0 / 3.0) < 0.01)
        #expect(Set(slots.filter(isPinned).map(\.storyID)) == [3, 17])
    }

    @Test func withoutPinsThereAreNoPinSlots() {
        var wall = schedule(board(12))
        #expect(!nextCycle(&wall).contains(where: isPinned))
    }

    @Test func everyStoryAppearsWithinOneCycle() {
        let stories = board(57, pins: [5])
        var wall = schedule(stories)
        for _ in 0..<3 {
            #expect(Set(nextCycle(&wall).map(\.storyID)) == Set(stories.map(\.id)))
        }
    }

    @Test func extremeVoteSkewStarvesNoOne() {
        var stories = (1...50).map { story($0, votes: 0) }
        stories[0].votes = 1_000_000
        stories[0].medallions = 500
        var wall = schedule(stories)
        let cycle = nextCycle(&wall)
        let counts = Dictionary(grouping: cycle, by: \.storyID).mapValues(\.count)
        #expect(counts.count == 50)
        #expect(counts.values.min() == 1)
        #expect(counts[1] == 3)  // the hot story is favoured, boundedly
        #expect(cycle.first { $0.storyID == 1 }?.reason == .trending)
    }

    @Test func hotterStoriesGetMoreSlotsSpreadThroughTheCycle() {
        var wall = schedule((1...8).map { story($0, votes: 100 - $0 * 10) })
        let cycle = nextCycle(&wall)
        let counts = Dictionary(grouping: cycle, by: \.storyID).mapValues(\.count)
        #expect(counts == [1: 3, 2: 3, 3: 2, 4: 2, 5: 1, 6: 1, 7: 1, 8: 1])
        #expect(zip(cycle, cycle.dropFirst()).allSatisfy { $0.storyID != $1.storyID })
    }

    @Test func everyDepartmentAppearsEachCycle() {
        // Finance and HR hold only the coldest stories of the board.
        var stories = (1...30).map { story($0, votes: 50, department: $0 % 2 == 0 ? "Support" : "IT") }
        stories.append(story(31, votes: 0, department: "Finance", hoursAgo: 200))
        stories.append(story(32, votes: 0, department: "HR", hoursAgo: 300))
        var wall = schedule(stories)
        for _ in 0..<2 {
            let cycle = nextCycle(&wall)
            #expect(Set(cycle.compactMap { slot in stories.first { $0.id == slot.storyID }?.department })
                    == ["Support", "IT", "Finance", "HR"])
            #expect(cycle.contains(WallSlot(storyID: 31, reason: .departmentTurn("Finance"), dwell: .seconds(8))))
        }
    }

    @Test func newlyPostedStoryIsNextWithReasonNew() {
        var stories = board(20)
        var wall = schedule(stories)
        for _ in 0..<5 { _ = wall.next(now: now) }
        let later = now.addingTimeInterval(60)
        stories.append(Story(id: 99, title: "Fresh", hero: "Kim", author: "b", authorName: "B", createdAt: later))
        wall.update(stories: stories, now: later)
        #expect(wall.next(now: later)?.storyID == 99)
        #expect(wall.next(now: later)?.reason != .new)
        let rest = (0..<200).compactMap { _ in wall.next(now: later) }
        #expect(!rest.contains { $0.reason == .new })
        #expect(rest.contains { $0.storyID == 99 })  // then it rotates like any other
    }

    @Test func storyPostedJustBeforeTheCycleStartedButSeenAfterIsStillNew() {
        var stories = board(5)
        var wall = schedule(stories)
        let posted = now.addingTimeInterval(50), seen = now.addingTimeInterval(101)
        _ = wall.next(now: now.addingTimeInterval(100))  // the cycle starts before the wall hears of it
        stories.append(Story(id: 6, title: "Fresh", hero: "Kim", author: "b", authorName: "B", createdAt: posted))
        wall.update(stories: stories, now: seen)
        #expect(wall.next(now: seen)?.reason == .new)
    }

    @Test func storyHiddenBeforeItsNewSlotIsNeverShown() {
        var stories = board(5)
        var wall = schedule(stories)
        _ = wall.next(now: now)
        stories.append(Story(id: 6, title: "Oops", hero: "Kim", author: "b", authorName: "B", createdAt: now))
        wall.update(stories: stories, now: now)
        stories[5].status = .hidden
        wall.update(stories: stories, now: now)
        #expect(!(0..<40).compactMap { _ in wall.next(now: now) }.contains { $0.storyID == 6 })
    }

    @Test func unhiddenStoryIsNotNewButStillShownThisCycle() {
        var stories = board(10)
        stories[3].status = .hidden
        var wall = schedule(stories)
        _ = wall.next(now: now)
        stories[3].status = .visible
        wall.update(stories: stories, now: now)
        let rest = (1..<wall.position.count).compactMap { _ in wall.next(now: now) }
        #expect(rest.filter { $0.storyID == stories[3].id }.map(\.reason) == [.rotation])
    }

    @Test func hiddenStoryNeverAppearsAfterUpdate() {
        var stories = board(15, pins: [4])
        var wall = schedule(stories)
        for _ in 0..<10 { _ = wall.next(now: now) }
        stories[6].status = .hidden   // story 7
        stories.removeAll { $0.id == 4 }  // the pinned one, removed outright
        wall.update(stories: stories, now: now)
        let after = (0..<300).compactMap { _ in wall.next(now: now) }
        #expect(!after.contains { $0.storyID == 7 || $0.storyID == 4 })
        var back: [WallSlot] = []
        while let slot = wall.previous() { back.append(slot) }
        #expect(!back.contains { $0.storyID == 7 || $0.storyID == 4 })
    }

    @Test func expiredPinStopsBeingPinned() {
        let until = now.addingTimeInterval(600)
        var stories = board(9)
        stories[0].pin = Pin(pinnedBy: "dana", pinnedAt: now, until: until, note: "Great save")
        var wall = schedule(stories)
        let first = wall.next(now: now)
        #expect(first == WallSlot(storyID: 1, reason: .pinned(by: "dana", until: until, note: "Great save"),
                                  dwell: .seconds(8)))
        let after = (0..<100).compactMap { _ in wall.next(now: until) }  // expiry is exclusive
        #expect(!after.contains(where: isPinned))
        #expect(after.contains { $0.storyID == 1 })  // back in the rotation from the next cycle
    }

    @Test func newPinMidCycleIsPickedUpWithoutWaitingForTheCycle() {
        var stories = board(30)
        var wall = schedule(stories)
        for _ in 0..<5 { _ = wall.next(now: now) }
        stories[20].pin = Pin(pinnedBy: "dana", pinnedAt: now)
        wall.update(stories: stories, now: now)
        let next = (0..<3).compactMap { _ in wall.next(now: now) }
        #expect(next.contains { $0.storyID == 21 && isPinned($0) })
        let rest = (0..<30).compactMap { _ in wall.next(now: now) }
        #expect(!rest.contains { $0.storyID == 21 && !isPinned($0) })
    }

    @Test func boardOfOnlyPinnedStoriesShowsThePinsInTurn() {
        let stories = (1...3).map { story($0, pin: Pin(pinnedBy: "dana", pinnedAt: now)) }
        var wall = schedule(stories)
        let slots = (0..<6).compactMap { _ in wall.next(now: now) }
        #expect(slots.map(\.storyID) == [1, 2, 3, 1, 2, 3])
        #expect(slots.allSatisfy(isPinned))
        #expect(wall.position == (3, 3))
    }

    @Test func progressCountsDifferentStoriesNotSlots() {
        var wall = schedule(board(30, pins: [3]))
        let cycle = nextCycle(&wall)
        #expect(cycle.count > 30, "pins and top stories take more slots than there are stories")
        #expect(wall.storyProgress == (30, 30))
        var seen: Set<StoryID> = []
        var wallAgain = schedule(board(30, pins: [3]))
        for _ in cycle {
            let slot = wallAgain.next(now: now)!
            seen.insert(slot.storyID ?? -1)
            #expect(wallAgain.storyProgress == (seen.count, 30))
        }
        _ = wallAgain.previous()
        #expect(wallAgain.storyProgress.of == 30)
    }

    @Test func progressFollowsHiddenAndPostedStories() {
        var stories = board(10)
        var wall = schedule(stories)
        _ = wall.next(now: now)
        #expect(wall.storyProgress == (1, 10))
        stories[9].status = .hidden
        wall.update(stories: stories, now: now)
        #expect(wall.storyProgress.of == 9)
        stories.append(story(11, hoursAgo: 0))
        wall.update(stories: stories, now: now)
        #expect(wall.storyProgress.of == 10)
        #expect(wall.next(now: now)?.storyID == 11)
        #expect(wall.storyProgress == (2, 10))
    }

    @Test func singleStoryIsShownEveryTime() {
        var wall = schedule([story(1)])
        let slots = (0..<4).compactMap { _ in wall.next(now: now) }
        #expect(slots.map(\.storyID) == [1, 1, 1, 1])
        #expect(wall.position == (1, 1))
    }

    @Test func emptyBoardHasNothingToShow() {
        var wall = schedule([])
        #expect(wall.next(now: now) == nil)
        #expect(wall.previous() == nil)
        #expect(wall.position == (0, 0))
    }

    @Test func dwellGrowsWithLengthAndIsClampedTo8Through40Seconds() {
        let words = { (n: Int) in Array(repeating: "word", count: n).joined(separator: " ") }
        let dwell = { (body: String) in WallSlot.dwell(for: story(1, body: body), baseSeconds: 12) }
        #expect(dwell("") == .seconds(8))              // title only
        #expect(dwell(words(38)) == .seconds(12))      // 40 words at 200 a minute
        #expect(dwell(words(78)) == .seconds(24))
        #expect(dwell(words(700)) == .seconds(40))
        let lengths = stride(from: 0, through: 200, by: 10).map { dwell(words($0)) }
        #expect(lengths == lengths.sorted())
        #expect(dwell(String(repeating: "日本語", count: 40)) > .seconds(12))  // no spaces, still long
        #expect(WallSlot.dwell(for: story(1, body: words(38)), baseSeconds: 600) == .seconds(40))
        #expect(WallSlot.dwell(for: story(1, body: words(38)), baseSeconds: 3) == .seconds(8))
    }

    @Test func sameInputsGiveTheSameSequence() {
        let stories = board(120, pins: [7, 50])
        var a = schedule(stories), b = schedule(stories)
        #expect((0..<600).map { _ in a.next(now: now) } == (0..<600).map { _ in b.next(now: now) })
    }

    @Test func previousWalksBackThenNextReplaysForward() {
        var wall = schedule(board(10))
        let shown = (0..<5).compactMap { _ in wall.next(now: now) }
        #expect(wall.previous() == shown[3])
        #expect(wall.previous() == shown[2])
        #expect(wall.position.index == 3)
        #expect(wall.previous() == shown[1])
        #expect(wall.previous() == shown[0])
        #expect(wall.previous() == nil)
        #expect(wall.next(now: now) == shown[1])
        _ = (0..<3).map { _ in wall.next(now: now) }
        #expect(wall.position.index == 5)
        #expect(wall.next(now: now) != nil)
        #expect(wall.position.index == 6)
    }

    @Test func positionCountsTheCycle() {
        var wall = schedule((1...8).map { story($0, votes: 100 - $0 * 10) })
        _ = wall.next(now: now)
        #expect(wall.position == (1, 14))  // 3+3+2+2+1+1+1+1
        for _ in 0..<13 { _ = wall.next(now: now) }
        #expect(wall.position == (14, 14))
        _ = wall.next(now: now)
        #expect(wall.position == (1, 14))
    }

    @Test func thousandStoriesOverAHundredThousandSlotsStayFair() {
        let stories = board(1000, pins: [10, 500, 990])
        var wall = schedule(stories)
        var counts: [StoryID: Int] = [:]
        var pinned = 0
        for _ in 0..<100_000 {
            guard let slot = wall.next(now: now) else { break }
            counts[slot.storyID ?? -1, default: 0] += 1
            if isPinned(slot) { pinned += 1 }
        }
        #expect(counts.count == 1000)
        #expect(abs(Double(pinned) / 100_000 - 1.0 / 3.0) < 0.01)
        let unpinned = counts.filter { ![10, 500, 990].contains($0.key) }.values
        #expect(unpinned.max()! <= 3 * unpinned.min()! + 3)
    }
}
