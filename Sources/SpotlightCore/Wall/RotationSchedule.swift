import Foundation

/// Decides which story the lobby wall shows next, and why (DESIGN §4). Pure and deterministic:
/// the same snapshots and clock readings always give the same sequence, so it is testable and
/// two walls on one board agree.
///
/// The algorithm, and why:
/// - A *cycle* is planned when the previous one runs out: every visible unpinned story gets
///   a weight from its hot rank (top quarter 3, next quarter 2, bottom half 1; `CyclePlan`).
///   Bounded weights give "fair-weighted by hot score" without starvation: the weakest story
///   still has one slot per cycle, however skewed the votes. So every visible story, and with
///   it every department, is on the wall once per cycle.
/// - The weighted slots are ordered by stride scheduling with staggered starts: each story's
///   slots sit evenly apart in the cycle, and the cycle is the exact merge of at most three
///   sorted streams: planning is O(n) once a cycle, and any other `next` is O(1) plus counting
///   the story's words for its dwell. Stride scheduling over
///   smooth weighted round-robin because SWRR costs O(n) per pick and, with many equal weights,
///   degenerates into plain list order (all hot stories in one block).
/// - With live pins, one slot in `pinShare` is a pin slot. Pin slots name no story: each is
///   resolved when shown to the next live pin in id order (round-robin), so a pin that expires
///   stops at once and a new pin is picked up without replanning. A share of 1 (the setting
///   allows it) means what it says: while pins are live, the wall shows only pins.
/// - A story first seen after the cycle began and newer than anything seen before is posted,
///   not unhidden: it is queued and shown next, once, as `.new`, ahead of the plan.
/// - `update` prunes hidden and removed stories from the rest of the plan and from history;
///   weights stay as planned until the cycle ends, so the cycle's length does not jump on a vote.
/// - Certifications of the last week (`Celebration`) have their own slots, at most one in
///   `celebrationShare` (`CyclePlan.interleaveCelebrations`), resolved like pin slots to the next
///   one still celebrated, round-robin. One that arrives while the wall runs is shown next, once,
///   as fresh news (like a NEW story); a revoked one leaves with the next snapshot, an old one
///   when its week is over. Without any, the plan is exactly what it was.
public struct RotationSchedule: Sendable {
    public var settings: BoardSettings

    /// The visible stories of the latest snapshot, and their ids in hot order.
    private var stories: [StoryID: Story] = [:]
    private var ranked: [StoryID] = []
    /// Stories with a pin, ascending id; whether each is live is asked at `now`.
    private var pinned: [StoryID] = []
    private var lastPin: StoryID?
    /// Every id any snapshot held, and the newest creation time among them: what "new" means.
    private var known: Set<StoryID> = []
    private var newest: Date?
    private var newQueue: [StoryID] = []
    /// The week's certifications by id, the ids ascending (round-robin order), the one shown
    /// last, the highest id seen (what "fresh" means) and the fresh ones waiting.
    private var celebrations: [Int: Celebration] = [:]
    private var celebrationOrder: [Int] = []
    private var lastCelebration: Int?
    private var newestCelebration: Int?
    private var celebrationQueue: [Int] = []
    /// Celebrations take at most one slot in this many.
    public static let celebrationShare = 4

    private var plan: [PlannedSlot] = []
    private var planIndex = 0
    private var planHasPins = false
    /// Stories this cycle owes a slot to or has shown.
    private var members: Set<StoryID> = []
    private var cycle = 0
    private var shownInCycle = 0
    /// Distinct stories shown this cycle, and every story the cycle counts (its members, the
    /// stories shown and NEW ones waiting) with how many of those are still visible: the
    /// "3 of 30 stories" a person at the wall can follow, where slots (78 for 30 stories, as
    /// pins and top stories come round more than once) mean nothing to them.
    private var seenInCycle: Set<StoryID> = []
    private var cycleStories: Set<StoryID> = []
    private var visibleCycleStories = 0

    private struct Shown: Sendable {
        let slot: WallSlot
        let cycle: Int
        let index: Int
        let count: Int
        /// Distinct stories shown in the cycle up to this slot, and the cycle's stories then.
        let seen: Int
        let stories: Int
    }
    private var history: [Shown] = []
    private var historyCursor = -1
    /// How far ← reaches back at least; enough for a person at the wall, bounded for a wall that
    /// runs 24/7.
    static let historyLimit = 200

    public init(settings: BoardSettings) {
        self.settings = settings
    }

    /// A new board snapshot: stories may appear, disappear, change, be pinned or unpinned;
    /// certifications may be earned, granted or revoked. Only `.visible` stories and celebrations
    /// of the week before `now` count. O(n log n) for the hot order; called on board changes only.
    public mutating func update(stories snapshot: [Story], celebrations week: [Celebration] = [], now: Date) {
        updateCelebrations(week, now: now)
        let visible = snapshot.filter { $0.status == .visible }
        stories = Dictionary(visible.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        ranked = visible.sorted(by: .hot).map(\.id)
        pinned = visible.filter { $0.pin != nil }.map(\.id).sorted()

        let fresh = visible.filter { story in
            !known.contains(story.id) && newest.map { story.createdAt >= $0 } ?? false
        }
        newQueue.removeAll { stories[$0] == nil }  // hidden before its first showing
        if cycle > 0 {
            for story in fresh.sorted(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) })
            where !members.contains(story.id) && !newQueue.contains(story.id) {
                newQueue.append(story.id)
            }
        }
        for story in visible {
            known.insert(story.id)
            if newest.map({ story.createdAt > $0 }) ?? true { newest = story.createdAt }
        }
        prunePlan(now: now)
        pruneHistory()
        recountCycleStories()
    }

    private mutating func updateCelebrations(_ week: [Celebration], now: Date) {
        let live = week.filter { $0.isCelebrated(at: now) }
        celebrations = Dictionary(live.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        celebrationOrder = celebrations.keys.sorted()
        celebrationQueue.removeAll { celebrations[$0] == nil }   // revoked before it was shown
        if cycle > 0 {
            let newest = newestCelebration ?? Int.min
            celebrationQueue += celebrationOrder.filter { $0 > newest && !celebrationQueue.contains($0) }
        }
        if let top = celebrationOrder.last, top > newestCelebration ?? Int.min { newestCelebration = top }
    }

    /// The celebration a slot names, while it is in the latest snapshot.
    public func celebration(_ id: Int) -> Celebration? { celebrations[id] }

    /// A certification arrived since the wall began and waits to be shown next.
    public var hasFreshCelebration: Bool { !celebrationQueue.isEmpty }

    /// The slot's story or celebration is still in the latest snapshot.
    private func isLive(_ slot: WallSlot) -> Bool {
        switch slot.subject {
        case .story(let id): stories[id] != nil
        case .celebration(let id): celebrations[id] != nil
        }
    }

    /// Advances the wall: replays history forward after `previous()`, else the next NEW story,
    /// else the plan (planning a new cycle when it runs out). Nil when the board is empty.
    public mutating func next(now: Date) -> WallSlot? {
        while historyCursor + 1 < history.count {
            historyCursor += 1
            if isLive(history[historyCursor].slot) { return history[historyCursor].slot }
        }
        guard let slot = produce(now: now) else { return nil }
        history.append(Shown(slot: slot, cycle: cycle, index: shownInCycle, count: cycleCount,
                             seen: seenInCycle.count, stories: visibleCycleStories))
        // Trimmed in halves, not one by one, so that shifting the array stays O(1) amortised.
        if history.count >= 2 * Self.historyLimit { history.removeFirst(Self.historyLimit) }
        historyCursor = history.count - 1
        return slot
    }

    /// The wall's ← key: the slot shown before the current one, or nil at the start of history.
    public mutating func previous() -> WallSlot? {
        var i = historyCursor - 1
        while i >= 0 {
            if isLive(history[i].slot) {
                historyCursor = i
                return history[i].slot
            }
            i -= 1
        }
        return nil
    }

    /// The shown slot's place among its cycle's slots, where pins and top stories take several
    /// each; (0, 0) before any. The wall shows people `storyProgress` instead.
    public var position: (index: Int, count: Int) {
        guard history.indices.contains(historyCursor) else { return (0, 0) }
        let shown = history[historyCursor]
        return (shown.index, shown.cycle == cycle ? cycleCount : shown.count)
    }

    /// The shown story's place among the cycle's stories, for people: (3, 30) is "3 of 30
    /// stories" — three different stories shown so far this cycle, this one included, out of
    /// the thirty the cycle shows. A story shown again (a pin, a top story) does not count twice.
    /// (0, 0) before any.
    public var storyProgress: (seen: Int, of: Int) {
        guard history.indices.contains(historyCursor) else { return (0, 0) }
        let shown = history[historyCursor]
        let total = shown.cycle == cycle ? visibleCycleStories : shown.stories
        return (min(shown.seen, total), total)
    }

    /// Slots in the current cycle: shown, still planned, and NEW stories waiting.
    private var cycleCount: Int {
        shownInCycle + (plan.count - planIndex) + newQueue.count + celebrationQueue.count
    }

    private mutating func produce(now: Date) -> WallSlot? {
        while !newQueue.isEmpty {
            let id = newQueue.removeFirst()
            guard let story = stories[id] else { continue }
            members.insert(id)
            return show(story, .new)
        }
        while !celebrationQueue.isEmpty {
            let id = celebrationQueue.removeFirst()
            guard let celebration = celebrations[id], celebration.isCelebrated(at: now) else { continue }
            return show(celebration, fresh: true)
        }
        var planned = false
        while true {
            if planIndex == plan.count {
                guard !planned else { return nil }
                startCycle(now: now)
                planned = true
                if plan.isEmpty { return nil }
            }
            let entry = plan[planIndex]
            planIndex += 1
            switch entry {
            case .pin:
                if let story = nextLivePin(now: now), let pin = story.pin {
                    return show(story, .pinned(by: pin.pinnedBy, until: pin.until, note: pin.note))
                }
                // Every pin has expired: the rest of the cycle has no pin slots.
                dropPinSlots()
            case .story(let id, let reason):
                if let story = stories[id], !story.isPinned(at: now) { return show(story, reason) }
            case .celebration:
                if let celebration = nextCelebration(now: now) { return show(celebration, fresh: false) }
                // Every celebration is over or revoked: the rest of the cycle has no such slots.
                plan = plan[planIndex...].filter { $0 != .celebration }
                planIndex = 0
            }
        }
    }

    private mutating func show(_ story: Story, _ reason: SlotReason) -> WallSlot {
        shownInCycle += 1
        seenInCycle.insert(story.id)
        if cycleStories.insert(story.id).inserted { visibleCycleStories += 1 }
        return WallSlot(storyID: story.id, reason: reason,
                        dwell: WallSlot.dwell(for: story, baseSeconds: settings.rotationSeconds))
    }

    private mutating func show(_ celebration: Celebration, fresh: Bool) -> WallSlot {
        shownInCycle += 1
        lastCelebration = celebration.id
        return WallSlot(subject: .celebration(celebration.id), reason: .certified(fresh: fresh),
                        dwell: WallSlot.dwell(for: celebration, baseSeconds: settings.rotationSeconds))
    }

    private func liveCelebrations(now: Date) -> [Celebration] {
        celebrationOrder.compactMap { celebrations[$0] }.filter { $0.isCelebrated(at: now) }
    }

    /// Round-robin in id order, continuing after the celebration shown last, across cycles.
    private func nextCelebration(now: Date) -> Celebration? {
        let live = liveCelebrations(now: now)
        return live.first(where: { $0.id > lastCelebration ?? Int.min }) ?? live.first
    }

    private mutating func startCycle(now: Date) {
        let pins = livePins(now: now)
        let pool = ranked.compactMap { stories[$0] }.filter { !$0.isPinned(at: now) }
        plan = CyclePlan.interleaveCelebrations(
            CyclePlan.build(pool: pool, pinCount: pins.count, pinShare: settings.pinShare),
            count: liveCelebrations(now: now).count, share: Self.celebrationShare)
        planIndex = 0
        planHasPins = !pins.isEmpty
        members = Set(pool.map(\.id)).union(pins.map(\.id))
        cycle += 1
        shownInCycle = 0
        seenInCycle = []
        recountCycleStories()
        avoidRepeatAtStart()
    }

    /// O(stories in the cycle): only when a snapshot arrives or a cycle starts, never per slot.
    private mutating func recountCycleStories() {
        cycleStories = members.union(seenInCycle).union(newQueue)
        visibleCycleStories = cycleStories.reduce(0) { stories[$1] != nil ? $0 + 1 : $0 }
    }

    /// Without pins a cycle may open with the story that closed the last one; swap in the next
    /// different story so the wall never shows the same card twice in a row across cycles.
    private mutating func avoidRepeatAtStart() {
        guard let last = history.last?.slot.storyID, plan.first?.storyID == last,
              let other = plan.firstIndex(where: { $0.storyID != nil && $0.storyID != last }) else { return }
        plan.swapAt(0, other)
    }

    private func livePins(now: Date) -> [Story] {
        pinned.compactMap { stories[$0] }.filter { $0.isPinned(at: now) }
    }

    /// Round-robin in id order, continuing after the pin shown last, across cycles.
    private mutating func nextLivePin(now: Date) -> Story? {
        let live = livePins(now: now)
        guard let pick = live.first(where: { $0.id > lastPin ?? Int.min }) ?? live.first else { return nil }
        lastPin = pick.id
        return pick
    }

    private mutating func dropPinSlots() {
        plan = plan[planIndex...].filter { $0 != .pin }
        planIndex = 0
        planHasPins = false
    }

    /// Keeps the rest of the plan true to the snapshot: no hidden, removed or newly pinned
    /// stories; pin slots only while pins are live (added when the first pin appears); and a
    /// slot at the end for a story that came back (unhidden) so it is still shown this cycle.
    private mutating func prunePlan(now: Date) {
        guard cycle > 0 else { return }
        let anyCelebration = !liveCelebrations(now: now).isEmpty
        var rest = plan[planIndex...].filter { slot in
            if slot == .celebration { return anyCelebration }
            guard let id = slot.storyID else { return true }
            guard let story = stories[id] else { return false }
            return !story.isPinned(at: now)
        }
        let anyPin = !livePins(now: now).isEmpty
        if !anyPin {
            rest.removeAll { $0 == .pin }
        } else if !planHasPins, !rest.isEmpty {
            rest = CyclePlan.interleavePins(rest, pinShare: settings.pinShare)
        }
        for id in ranked where !members.contains(id) && !newQueue.contains(id) {
            guard let story = stories[id], !story.isPinned(at: now) else { continue }
            rest.append(.story(id, .rotation))
            members.insert(id)
        }
        plan = rest
        planIndex = 0
        planHasPins = anyPin && (planHasPins || !rest.isEmpty)
    }

    /// History never leads back to a story that is no longer visible.
    private mutating func pruneHistory() {
        var kept: [Shown] = []
        var cursor = -1
        for (i, shown) in history.enumerated() where isLive(shown.slot) {
            kept.append(shown)
            if i <= historyCursor { cursor = kept.count - 1 }
        }
        history = kept
        historyCursor = cursor
    }
}
