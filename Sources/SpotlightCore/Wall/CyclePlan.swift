/// One planned slot of a rotation cycle. Pin slots name no story: they are resolved to the next
/// live pin when shown, so a pin that expires or appears mid-cycle is handled at that moment.
/// Celebration slots likewise resolve to the next certification of the week still celebrated.
enum PlannedSlot: Equatable, Sendable {
    case pin
    case story(StoryID, SlotReason)
    case celebration

    var storyID: StoryID? {
        if case .story(let id, _) = self { id } else { nil }
    }
}

/// Builds one cycle of the wall from the unpinned stories (in hot order) and the number of live
/// pins. Pure and O(n): the weights take at most three values, so the cycle is a merge of at
/// most three already-sorted streams (see `spread`).
enum CyclePlan {
    /// Weight by hot rank, in quarters of the board: top quarter 3, second quarter 2, bottom
    /// half 1. Ranks, not scores, because a hot score is log(points) plus days of age: its
    /// differences are not proportions, and one fresh story would dwarf a year of old ones.
    /// Bounded weights are what keep the weakest story at one slot per cycle.
    static func weight(rank: Int, of count: Int) -> Int {
        guard count > 1 else { return 1 }
        return 1 + (rank * 4 < count ? 1 : 0) + (rank * 2 < count ? 1 : 0)
    }

    /// The slots of one cycle. `pool` is hot order, best first, and excludes pinned stories
    /// (they are served by pin slots instead). With pins, one slot in `pinShare` is a pin slot,
    /// pins first; the rotation is stretched when needed so that every pin gets a slot per cycle
    /// without raising the pin share.
    static func build(pool: [Story], pinCount: Int, pinShare: Int) -> [PlannedSlot] {
        let share = max(1, pinShare)
        if pinCount > 0, share == 1 || pool.isEmpty {
            // A share of one in one, or nothing else on the board: the wall shows only pins.
            return Array(repeating: .pin, count: pinCount)
        }
        let base = pool.indices.map { weight(rank: $0, of: pool.count) }
        var weights = base
        let total = base.reduce(0, +)
        if pinCount > 0, total < pinCount * (share - 1) {
            let stretch = (pinCount * (share - 1) + total - 1) / total
            weights = base.map { $0 * stretch }
        }
        let reasons = reasons(pool: pool, baseWeights: base)
        var announced = Set<Int>()
        let rotation = spread(weights).map { index -> PlannedSlot in
            var reason = reasons[index]
            if case .departmentTurn = reason, !announced.insert(index).inserted { reason = .rotation }
            return .story(pool[index].id, reason)
        }
        return pinCount > 0 ? interleavePins(rotation, pinShare: share) : rotation
    }

    /// Puts a pin slot before every `pinShare − 1` rotation slots: pin, story, story, pin, …
    static func interleavePins(_ rotation: [PlannedSlot], pinShare: Int) -> [PlannedSlot] {
        let run = max(1, pinShare - 1)
        var out: [PlannedSlot] = []
        out.reserveCapacity(rotation.count + rotation.count / run + 1)
        for (i, slot) in rotation.enumerated() {
            if i % run == 0 { out.append(.pin) }
            out.append(slot)
        }
        return out
    }

    /// Celebrations take at most one slot in `share`, never two in a row: one slot per celebration
    /// while there are few, so each is shown once a cycle; when there are more than the share
    /// allows, the slots the share gives, and round-robin carries the rest into the next cycles.
    /// Spread evenly through the cycle with staggered starts (as `spread` places a story's slots).
    /// None leaves the plan exactly as it was; a plan with nothing else is the celebrations alone.
    static func interleaveCelebrations(_ plan: [PlannedSlot], count: Int, share: Int) -> [PlannedSlot] {
        guard count > 0 else { return plan }
        guard !plan.isEmpty else { return Array(repeating: .celebration, count: count) }
        let run = max(1, share - 1)
        let slots = min(count, (plan.count + run - 1) / run)
        var out: [PlannedSlot] = []
        out.reserveCapacity(plan.count + slots)
        var next = 0
        for (i, slot) in plan.enumerated() {
            // Celebration j goes before plan entry ⌊(2j + 1)·n / 2k⌋.
            while next < slots, i == (2 * next + 1) * plan.count / (2 * slots) {
                out.append(.celebration)
                next += 1
            }
            out.append(slot)
        }
        return out
    }

    /// Trending for recognised stories of the top tier; for each department with no trending
    /// story, its best story is the department's turn (only when the board has several).
    static func reasons(pool: [Story], baseWeights: [Int]) -> [SlotReason] {
        let top = 3
        var reasons = pool.indices.map { i -> SlotReason in
            let s = pool[i]
            return baseWeights[i] == top && (s.votes > 0 || s.medallions > 0) ? .trending : .rotation
        }
        var best: [String: Int] = [:]
        var trending = Set<String>()
        for (i, s) in pool.enumerated() {
            if best[s.department] == nil { best[s.department] = i }
            if reasons[i] == .trending { trending.insert(s.department) }
        }
        guard best.count > 1 else { return reasons }
        for (department, i) in best where !trending.contains(department) {
            reasons[i] = .departmentTurn(department)
        }
        return reasons
    }

    /// Stride scheduling with staggered starts, as an exact merge. Story j of the c stories of
    /// weight w has its picks at virtual times (q + (j + ½)/c) / w for q in 0..<w, all inside
    /// one cycle [0, 1): each story gets exactly w slots, evenly apart, and the stories of a
    /// weight are spread across the cycle instead of bunching at its start. Every weight class
    /// is already sorted by time, so the cycle is their merge; ties go to the heavier class.
    /// Times are compared as exact fractions, so the order is the same on every machine.
    static func spread(_ weights: [Int]) -> [Int] {
        var members: [Int: [Int]] = [:]
        for (i, w) in weights.enumerated() { members[w, default: []].append(i) }
        let classes = members.keys.sorted(by: >).map { (weight: $0, members: members[$0]!) }
        var cursor = [Int](repeating: 0, count: classes.count)
        var out: [Int] = []
        out.reserveCapacity(weights.reduce(0, +))
        while true {
            var pick: Int?
            for k in classes.indices where cursor[k] < classes[k].weight * classes[k].members.count {
                guard let p = pick else { pick = k; continue }
                // time = (2·pos + 1) / (2·c·w); compare a/b < c/d as a·d < c·b.
                let a = 2 * cursor[k] + 1, b = classes[k].members.count * classes[k].weight
                let c = 2 * cursor[p] + 1, d = classes[p].members.count * classes[p].weight
                if a * d < c * b { pick = k }
            }
            guard let k = pick else { return out }
            let c = classes[k].members.count
            out.append(classes[k].members[cursor[k] % c])
            cursor[k] += 1
        }
    }
}
