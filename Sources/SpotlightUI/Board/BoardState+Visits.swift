import Foundation
import SpotlightCore

extension BoardState {
    /// The tabs on the tab row: For you only when the visit brought something new.
    public var tabs: [BoardTab] {
        BoardTab.allCases.filter { $0 != .forYou || !forYou.isEmpty }
    }

    /// The board opened after an absence: the summary on the status line, new stories marked,
    /// and, when there are any, the For you list first.
    public mutating func welcomeBack(_ news: News, now: Date, timeZone: TimeZone) -> [BoardEffect] {
        forYou = news.stories.map(\.id)
        unseen = Set(forYou)
        let summary = news.summary(now: now, timeZone: timeZone)
        say(forYou.isEmpty ? summary : summary + " — they are under For you (6)")
        guard !forYou.isEmpty else { return [] }
        tab = .forYou
        return applyFilters()
    }

    /// The first visit: nothing is "new" yet, the Hot list and a welcome.
    public mutating func welcomeFirstTime() {
        say("Welcome to the board: Hot shows what colleagues are recognising now; n writes a story, ? lists the keys")
    }

    /// The stories on screen now (list rows or the open story): these count as seen.
    public var storiesOnScreen: [StoryID] {
        switch view {
        case .detail: return detail.map { [$0.id] } ?? []
        case .list:
            return (top..<max(top, min(total, top + layout.listRows))).compactMap { window.story(at: $0)?.id }
        case .managers, .stats: return []
        }
    }
}
