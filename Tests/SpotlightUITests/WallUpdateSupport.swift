import Foundation
import SpotlightCore
@testable import SpotlightUI
import SpotlightTestSupport

/// Stories and a started wall for the update tests.
enum WallFixture {
    /// Tue 10 Nov 2026 12:00:30 UTC: not Customer Service Week, half a minute into the minute.
    static let start = Date(timeIntervalSince1970: 1_794_312_030)
    static let utc = TimeZone(identifier: "UTC")!

    static func story(_ id: Int, votes: Int = 1, body: String? = nil) -> Story {
        Story(id: id, title: "Story number \(id)", body: body ?? "Body of story \(id).", hero: "Hero \(id)",
              department: "Dept \(id % 3)", author: "a\(id)", authorName: "Author \(id)",
              createdAt: start.addingTimeInterval(-Double(id) * 3600 * 30), votes: votes)
    }

    static func content(_ ids: ClosedRange<Int> = 1...3, settings: BoardSettings = BoardSettings()) -> WallContent {
        let stories = ids.map { story($0, votes: $0) }
        return WallContent(stories: stories, headlines: stories.map(\.title), settings: settings)
    }

    /// A wall as the runner starts it: size, first tick, the first read.
    static func wall(_ clock: ManualClock, options: WallOptions = WallOptions(timeZone: utc),
                     content: WallContent = content()) -> WallState {
        var state = WallState(settings: content.settings, now: clock.now, options: options)
        _ = state.handle(.resize(width: 100, height: 30))
        _ = state.handle(.tick(now: clock.now))
        _ = state.handle(.snapshotLoaded(content))
        return state
    }
}

extension WallState {
    /// What the wall would draw now, as text.
    var frameText: String { view(theme: .builtIn).plainText() }

    /// The runner's step: read the clock, hand over the tick.
    mutating func tick(_ clock: ManualClock) -> [WallEffect] { handle(.tick(now: clock.now)) }
}
