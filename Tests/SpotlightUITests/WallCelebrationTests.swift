import Foundation
import SpotlightCore
import SpotlightTestSupport
import Testing
@testable import SpotlightUI

/// The wall's celebration card (issue 16): goldens through the live wall's state, and what the
/// update function does when a certification arrives or is revoked.
@Suite struct WallCelebrationTests {
    typealias F = WallFixture

    static func celebration(_ id: Int = 7, name: String = "Mary Lopez", source: Certification.Source = .manager,
                            level: Int = 2, levelTitle: String = "Case Studies",
                            note: String = "Three case studies on billing disputes, all judged excellent by the panel.",
                            hoursAgo: Double = 26) -> Celebration {
        Celebration(certification: Certification(
            id: id, login: "mlopez", program: "Service Standards", level: level, source: source,
            grantedBy: source == .quiz ? "mlopez" : "dana", at: F.start.addingTimeInterval(-hoursAgo * 3600), note: note),
                    name: name, levelTitle: levelTitle)
    }

    static let hostile: Celebration = {
        var c = celebration(
            name: "\u{1B}]0;owned\u{7}\u{202E}Mallory\u{202C}\u{9B}31m" + WallFixtures.zalgo,
            levelTitle: "\u{1B}[5mBlink\u{1B}[0m\u{0}",
            note: "\u{1B}[2Jcleared?\r\n\u{1B}]52;c;SGVsbG8=\u{07}clipboard \u{9B}6n\u{0}\u{7F}\u{200B}zero\u{FEFF} "
                + "\u{202E}desrever\u{202C} " + WallFixtures.giantWord)
        c.certification.program = "\u{1B}[2J\u{202E}Standards\u{202C}\u{2066}"
        c.certification.grantedBy = "\u{1B}[31mdana"
        return c
    }()

    /// A wall whose first slot is the celebration: a board of it alone.
    func wall(_ celebration: Celebration, width: Int, height: Int, isUTF8: Bool = true) -> WallState {
        let clock = ManualClock(F.start)
        var content = WallContent(stories: [], headlines: ["Billing found a double charge before the customer did"],
                                  settings: BoardSettings())
        content.celebrations = [celebration]
        var state = F.wall(clock, options: WallOptions(isUTF8: isUTF8, timeZone: F.utc), content: content)
        _ = state.handle(.resize(width: width, height: height))
        return state
    }

    @Test func goldenFrames() {
        for (w, h) in WallFixtures.sizes {
            let grid = wall(Self.celebration(), width: w, height: h).view(theme: .builtIn)
            expectGolden(grid, "wall-celebration-\(w)x\(h)")
            #expect(frameProblems(grid, width: w, height: h) == [])
        }
        let quiz = Self.celebration(source: .quiz, level: 1, levelTitle: "Foundations", note: "9 of 10 correct (7 needed to pass)")
        expectGolden(wall(quiz, width: 80, height: 24).view(theme: .builtIn), "wall-celebration-quiz-80x24")
        let ascii = wall(quiz, width: 80, height: 24, isUTF8: false).view(theme: .builtIn)
        expectGolden(ascii, "wall-celebration-ascii-80x24")
        #expect(ascii.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func tvFrameWithBigType() {
        let grid = wall(Self.celebration(), width: 200, height: 60).view(theme: .builtIn, font: WallFixtures.font)
        expectGolden(grid, "lobby-celebration-200x60")
        #expect(frameProblems(grid, width: 200, height: 60) == [])
    }

    @Test func hostileTextIsDrawnHarmlessly() {
        for (w, h) in WallFixtures.sizes {
            let grid = wall(Self.hostile, width: w, height: h).view(theme: .builtIn)
            expectGolden(grid, "wall-celebration-hostile-\(w)x\(h)")
            #expect(frameProblems(grid, width: w, height: h) == [], "\(w)×\(h)")
        }
    }

    @Test func theWhyLineNamesTheAchievement() {
        let state = wall(Self.celebration(), width: 100, height: 30)
        #expect(state.frameText.contains("certified this week · Service Standards, Level II"))
        #expect(state.frameText.contains("Mary Lopez"))
        #expect(state.frameText.contains("granted by dana"))
        #expect(state.frameText.contains("Case Studies"))
    }

    @Test func aNewCertificationCutsAStoryShortAndIsCalledJustCertified() {
        let clock = ManualClock(F.start)
        var state = F.wall(clock)
        #expect(state.currentStory != nil)
        clock.advance(by: 2)
        _ = state.tick(clock)
        var content = F.content()
        content.celebrations = [Self.celebration(hoursAgo: 0)]
        _ = state.handle(.snapshotLoaded(content))
        #expect(state.currentCelebration?.id == 7)
        #expect(state.slotStarted == clock.now, "its dwell starts when it appears")
        #expect(state.frameText.contains("just certified · Service Standards, Level II"))
        // A second one arriving while the first is up waits its turn, next.
        content.celebrations.append(Self.celebration(8, name: "Sam O'Neil", hoursAgo: 0))
        _ = state.handle(.snapshotLoaded(content))
        #expect(state.currentCelebration?.id == 7)
        clock.set(try! #require(state.slotEnds))
        _ = state.tick(clock)
        #expect(state.currentCelebration?.id == 8)
    }

    @Test func aPausedWallKeepsItsStoryUntilItsTurn() {
        let clock = ManualClock(F.start)
        var state = F.wall(clock)
        _ = state.handle(.key(.char(" ")))
        #expect(state.isPaused)
        var content = F.content()
        content.celebrations = [Self.celebration(hoursAgo: 0)]
        _ = state.handle(.snapshotLoaded(content))
        #expect(state.currentStory != nil)
        _ = state.handle(.key(.right))
        #expect(state.currentCelebration?.id == 7)
    }

    @Test func aRevokedCertificationLeavesTheScreenOnTheNextRead() {
        let clock = ManualClock(F.start)
        var content = F.content()
        content.celebrations = [Self.celebration(hoursAgo: 0)]
        var state = F.wall(clock, content: WallContent(stories: [], headlines: [], settings: BoardSettings()))
        _ = state.handle(.snapshotLoaded(content))
        #expect(state.currentCelebration?.id == 7)
        content.celebrations = []
        _ = state.handle(.snapshotLoaded(content))
        #expect(state.currentCelebration == nil)
        #expect(state.currentStory != nil)
        #expect(!state.frameText.contains("Mary Lopez"))
    }
}
