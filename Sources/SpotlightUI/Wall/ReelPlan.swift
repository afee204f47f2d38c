import Foundation
import SpotlightCore

/// The celebration reel (`spotlight wall --reel`): a period's top stories played once for a
/// team meeting — a title card, the stories counting down to the most recognised, a closing
/// card. Pure, so the order and the words are testable.
public struct ReelPlan: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        case announcement(String)
        case story(Story, rank: Int, of: Int)
    }

    public let steps: [Step]

    /// Title and closing cards stay up this long.
    public static let cardSeconds = 6

    /// `stories` are the period's visible stories; the `count` most recognised are kept and
    /// shown from the last place up to first place.
    public init(stories: [Story], periodText: String, count: Int) {
        let top = Array(stories.sorted(by: .top).prefix(max(1, count)))
        let votes = stories.reduce(0) { $0 + $1.votes }
        let medallions = stories.reduce(0) { $0 + $1.medallions }
        guard !top.isEmpty else {
            steps = [.announcement("No stories were posted \(periodText). Next time, then!")]
            return
        }
        // One line each for what, when and how much, so no count is cut from its noun mid-card.
        let counts = [Plural.count(stories.count, "story"), Plural.count(votes, "vote"), Plural.count(medallions, "medallion")]
        var steps: [Step] = [.announcement("Celebrating our successes\n\(periodText)\n" + counts.joined(separator: ", "))]
        for (index, story) in top.enumerated().reversed() {
            steps.append(.story(story, rank: index + 1, of: top.count))
        }
        let heroes = Set(top.map { BoardRules.normalizedName($0.hero) }).count
        let thanks = heroes == 1 ? "Thank you to our hero" : "Thank you to all \(Plural.count(heroes, "hero", "heroes"))"
        steps.append(.announcement(thanks + " — and to everyone who told their stories."))
        self.steps = steps
    }

    public func dwell(of step: Step, baseSeconds: Int) -> Int {
        switch step {
        case .announcement: Self.cardSeconds
        case .story(let story, _, _): Int(WallSlot.dwell(for: story, baseSeconds: baseSeconds).components.seconds)
        }
    }

    /// The frame for one step.
    public func model(_ step: Step, position: Int, context: WallPresenter.Context) -> WallViewModel {
        var model: WallViewModel
        switch step {
        case .announcement(let text):
            model = WallPresenter.model(story: nil, slot: nil, position: (position, steps.count), headlines: [],
                                        tickerOffset: 0, context: context)
            model.announcement = context.isUTF8 ? text : text.replacingOccurrences(of: "·", with: "-")
                .replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "–", with: "-")
        case .story(let story, let rank, let count):
            model = WallPresenter.model(story: story, slot: nil, position: (position, steps.count), headlines: [],
                                        tickerOffset: 0, context: context)
            model.reason = rank == 1 ? "the most recognised story of the period" : "number \(rank) of the top \(count)"
            // The reel says why each story is here; a pin is the live wall's business.
            model.card?.isPinned = false
        }
        model.tickerLabel = "REEL"
        return model
    }
}
