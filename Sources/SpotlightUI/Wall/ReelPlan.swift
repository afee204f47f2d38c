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
        var steps: [Step] = [.announcement(
            "Celebrating our successes · \(periodText) · \(stories.count) stor\(stories.count == 1 ? "y" : "ies"), "
                + "\(votes) vote\(votes == 1 ? "" : "s"), \(medallions) medallion\(medallions == 1 ? "" : "s")")]
        for (index, story) in top.enumerated().reversed() {
            steps.append(.story(story, rank: index + 1, of: top.count))
        }
        let heroes = Set(top.map { BoardRules.normalizedName($0.hero) }).count
        steps.append(.announcement("Thank you to all \(heroes) hero\(heroes == 1 ? "" : "es") — and to everyone who told their stories."))
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
                .replacingOccurrences(of: "—", with: "-")
        case .story(let story, let rank, let count):
            model = WallPresenter.model(story: story, slot: nil, position: (position, steps.count), headlines: [],
                                        tickerOffset: 0, context: context)
            model.reason = rank == 1 ? "the most recognised story of the period" : "number \(rank) of the top \(count)"
        }
        model.tickerLabel = "REEL"
        return model
    }
}
