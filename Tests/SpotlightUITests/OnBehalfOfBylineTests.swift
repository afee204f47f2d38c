import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

/// A story posted "on behalf of" a typed name: the wall (and so the snapshot and the login
/// banner) always shows the real account beside it, however long the typed name.
@Suite struct OnBehalfOfBylineTests {
    let now = Date(timeIntervalSince1970: 1_795_521_600)

    func frame(onBehalfOf: String?, width: Int = 100) -> String {
        let story = Story(id: 1, title: "The printer works again", body: "Fixed before the board meeting.", hero: "Bob",
                          author: "alice", authorName: "Alice Ng", onBehalfOf: onBehalfOf, createdAt: now.addingTimeInterval(-7200))
        let context = WallPresenter.Context(boardName: "Acme", theme: .builtIn, now: now, timeZone: TimeZone(identifier: "UTC")!)
        let model = WallPresenter.model(story: story, slot: nil, position: (1, 1), headlines: [], tickerOffset: 0, context: context)
        return WallScreen.render(model, width: width, height: 30).plainText()
    }

    @Test func theRealAccountIsShownBesideTheTypedTeller() {
        let text = frame(onBehalfOf: "Dana Manager (CEO)")
        #expect(text.contains("told by Dana Manager (CEO) · posted by alice · 2 h ago"), "\(text)")
        #expect(!text.contains("posted by Dana"))
        #expect(frame(onBehalfOf: nil).contains("posted by Alice Ng · 2 h ago"))
    }

    @Test func aLongTypedNameIsCutNeverTheAccount() {
        let text = frame(onBehalfOf: String(repeating: "Dana Manager ", count: 6), width: 60)
        #expect(text.contains("· posted by alice · 2 h ago"), "\(text)")
        #expect(text.contains("told by Dana Manager"))
    }
}
