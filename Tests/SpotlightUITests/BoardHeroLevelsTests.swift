import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

/// The hero's certifications in the story detail (issue 16): one read when a story opens whose
/// hero is named by a login, none otherwise; the levels as a line under the hero.
@Suite struct BoardHeroLevelsTests {
    typealias F = BoardFixtures
    static let stories = [F.story(42, "Answered every call on the storm day", hero: "MLopez", body: "All of them."),
                          F.story(41, "Fixed the heating", hero: "Tom Okafor", body: "Before eight.")]

    @Test func openingAStoryAboutALoginReadsItsLevelsOnce() {
        var state = F.state(stories: Self.stories)
        #expect(state.press(.enter) == [.loadHeroLevels(42, login: "mlopez")])
        _ = state.handle(.heroLevelsLoaded(42, ["Service Standards II"]))
        #expect(state.heroLevels[42] == ["Service Standards II"])
        // A hero named in words is no login: nothing to read.
        #expect(!state.press(.char("]")).contains { if case .loadHeroLevels = $0 { true } else { false } })
        _ = state.press(.char("["))
        #expect(!state.press(.escape, .enter).contains { if case .loadHeroLevels = $0 { true } else { false } })
    }

    @Test func theLevelsAreALineUnderTheHero() {
        var state = F.state(stories: Self.stories)
        _ = state.press(.enter)
        _ = state.handle(.heroLevelsLoaded(42, ["Service Standards II", "Wellbeing I"]))
        let grid = BoardScreen.render(state, context: BoardFrameTests.context, width: 80, height: 24).grid
        #expect(grid.plainText().contains("Certified: Service Standards II, Wellbeing I"))
        expectGolden(grid, "board-detail-levels-80x24")
        var none = F.state(stories: Self.stories)
        _ = none.press(.enter)
        _ = none.handle(.heroLevelsLoaded(42, []))
        #expect(!BoardScreen.render(none, context: BoardFrameTests.context, width: 80, height: 24).grid.plainText().contains("Certified"))
    }

    @Test func labelsAreEachProgramsHighestLevel() {
        func held(_ program: String, _ level: Int) -> Certification {
            Certification(id: level, login: "mlopez", program: program, level: level, source: .manager, grantedBy: "dana", at: F.now)
        }
        #expect(HeroLevels.labels([held("Service Standards", 2), held("Wellbeing", 1), held("service standards", 1)])
                == ["Service Standards II", "Wellbeing I"])
        #expect(HeroLevels.labels([]) == [])
        #expect(HeroLevels.login(forHero: "  MLopez ") == "mlopez")
        #expect(HeroLevels.login(forHero: "Mary Lopez") == nil)
    }
}
