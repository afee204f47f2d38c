/// How many rows each part of a story card gets. Rows are handed out one at a time in order of
/// importance, so a 40×12 wall still shows title, hero and the start of the body, while a
/// 200×60 wall gives the body everything it asks for; what is left over centres the card.
struct WallCardPlan: Equatable {
    var badges = 0
    var title = 0
    var gapAfterTitle = 0
    var body = 0
    var gapBeforeMeta = 0
    var hero = 0
    var stats = 0
    var byline = 0

    var used: Int { badges + title + gapAfterTitle + body + gapBeforeMeta + hero + stats + byline }

    /// - Parameters:
    ///   - rows: rows available.
    ///   - titleLines, bodyLines: lines the wrapped text wants (already capped).
    ///   - hasBadges: pinned or new.
    init(rows: Int, titleLines: Int, bodyLines: Int, hasBadges: Bool) {
        var left = max(0, rows)
        func grant(_ part: WritableKeyPath<WallCardPlan, Int>, upTo limit: Int, _ plan: inout WallCardPlan) {
            while left > 0, plan[keyPath: part] < limit {
                plan[keyPath: part] += 1
                left -= 1
            }
        }
        let hasBody = bodyLines > 0
        grant(\.title, upTo: min(1, titleLines), &self)
        grant(\.hero, upTo: 1, &self)
        grant(\.body, upTo: min(1, bodyLines), &self)
        grant(\.stats, upTo: 1, &self)
        grant(\.byline, upTo: 1, &self)
        grant(\.badges, upTo: hasBadges ? 1 : 0, &self)
        grant(\.gapAfterTitle, upTo: hasBody ? 1 : 0, &self)
        grant(\.body, upTo: min(3, bodyLines), &self)
        grant(\.title, upTo: titleLines, &self)
        grant(\.gapBeforeMeta, upTo: 1, &self)
        grant(\.body, upTo: bodyLines, &self)
    }
}
