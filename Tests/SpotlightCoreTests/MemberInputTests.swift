import Foundation
import Testing
@testable import SpotlightCore

/// What a member can type into the board: invisible characters, free-text tellers, far-off pin
/// ends and oversized settings (issue 11, "What members can write into the board").
@Suite struct MemberInputTests {
    typealias F = ReportFixtures
    let mallory = Account(login: "mallory", displayName: "Mallory Staff")
    let hidden = ["\u{200B}", "\u{2060}", "\u{AD}", "\u{202E}", "\u{FEFF}", "\u{200D}", "\u{2066}"]

    @Test func invisibleCharactersDoNotMakeANewName() {
        for mark in hidden {
            #expect(NameKey.key("Mallory\(mark) Staff") == "mallory staff", "U+\(String(mark.unicodeScalars.first!.value, radix: 16))")
            #expect(NameKey.key("Mal\(mark)lory Staff") == "mallory staff")
        }
        // NFC: a composed and a decomposed é are one name.
        #expect(NameKey.key("Zo\u{E9} Ng") == NameKey.key("Zoe\u{301}  ng"))
        #expect(NameGroups.key("Mallory\u{200B} Staff") == NameGroups.key("mallory staff"))
    }

    /// The byte-wise key of ASCII names (issue 17) is the general key: every ASCII byte, alone,
    /// between letters and in runs, and names with leading, trailing and repeated whitespace.
    @Test func asciiNamesKeyAsTheGeneralPathDoes() {
        var names = ["  Mallory \t Staff\r\n", "JOSE\u{0B}Ng", "a\u{0C}\u{1C}b", "", "   ", "Ops & Billing-2"]
        for byte in UInt8(0)..<0x80 {
            let c = String(decoding: [byte], as: UTF8.self)
            names += [c, "Ab\(c)Cd", "x \(c)\(c) Y", "\(c)Q\(c)"]
        }
        for name in names {
            #expect(NameKey.asciiKey(name) == NameKey.unicodeKey(name), "\(Array(name.utf8))")
        }
        #expect(NameKey.asciiKey("Zo\u{E9}") == nil)
    }

    @Test func aDisguisedOwnNameGetsNoMedallionFromYourself() {
        let story = Story(id: 3, title: "t", hero: "Mallory\u{200B} Staff", author: "bob", authorName: "Bob", createdAt: F.now)
        #expect(throws: SpotlightError.permission("you cannot give a medallion for your own story or to yourself")) {
            try BoardRules.checkMedallion(by: mallory, on: story, givenThisYear: 0, perYear: 1, alreadyGivenToStory: false)
        }
        var byLogin = story
        byLogin.hero = "\u{202E}mallory"
        #expect(throws: SpotlightError.self) {
            try BoardRules.checkMedallion(by: mallory, on: byLogin, givenThisYear: 0, perYear: 1, alreadyGivenToStory: false)
        }
    }

    @Test func statsAndAwardsKeepOnePersonInOneRow() throws {
        let stories = [F.story(1, hero: "Mallory Staff", votes: 1), F.story(2, hero: "Mallory\u{200B} Staff", votes: 1),
                       F.story(3, hero: "Mallory\u{AD} Staff")]
        let period = BoardStats.period(weeks: 1, now: F.now, timeZone: F.utc)
        let stats = BoardStats.compute(StatsInput(period: period, stories: stories, voteTimes: [], medallionTimes: []))
        #expect(stats.mostRecognised.count == 1)
        #expect(stats.mostRecognised.first?.tally.stories == 3)
        let report = Awards.compute(title: "t", stories: stories, period: F.period("2026-10-01", "2026-10-31"))
        #expect(try #require(report.departments.first).standings.count == 1)
    }

    @Test func aRequiredFieldNeedsAVisibleCharacter() {
        let invisible = hidden.joined()
        let draft = StoryDraft(title: invisible, hero: "\u{200B}", department: "\u{AD}\u{2800}")
        #expect(draft.problems().map(\.message) == ["title is required", "hero is required", "department is required"])
        // The stored text is exactly what was typed once it has something to see.
        let fine = StoryDraft(title: "Mallory\u{200B} helped", hero: "Mallory\u{200B} Staff")
        #expect(fine.problems().isEmpty)
        #expect(fine.hero.unicodeScalars.count == 14)
        let teller = StoryDraft(title: "t", hero: "h", onBehalfOf: "\u{202E}\u{200B}")
        #expect(teller.problems().map(\.message) == ["on-behalf-of is required"])
    }

    @Test func storytellersAreTheAccountsNotTheTypedNames() {
        let period = BoardStats.period(weeks: 1, now: F.now, timeZone: F.utc)
        let stories = [
            F.story(1, hero: "A", author: "alice", authorName: "Alice Ng", onBehalfOf: "Dana Manager (CEO)"),
            F.story(2, hero: "B", author: "alice", authorName: "Alice Ng", onBehalfOf: "Dana  manager (ceo)"),
            F.story(3, hero: "C", author: "alice", authorName: "Alice Ng", onBehalfOf: "Someone Else"),
        ]
        let stats = BoardStats.compute(StatsInput(period: period, stories: stories, voteTimes: [], medallionTimes: []))
        #expect(stats.storytellers == [.init(name: "Alice Ng", count: 3)])
        #expect(Storyteller.key(stories[0]) == "login:alice")
    }

    @Test func aPinLastsAtMostTheBoardsLimit() throws {
        let now = F.now
        let story = Story(id: 1, title: "t", hero: "h", author: "bob", authorName: "Bob", createdAt: now)
        let far = try WhenParser.parse("99999999w", now: now, timeZone: F.utc)
        for until in [far, now.addingTimeInterval(91 * 86_400)] {
            #expect(throws: SpotlightError.usage("a pin lasts at most 90 days on this board (setting max-pin-days); choose an earlier end")) {
                try BoardRules.checkPin(by: mallory, isManager: true, story: story, livePins: 0, maxLivePins: 3, until: until, now: now, maxDays: 90)
            }
        }
        #expect(throws: Never.self) {
            try BoardRules.checkPin(by: mallory, isManager: true, story: story, livePins: 0, maxLivePins: 3,
                                    until: now.addingTimeInterval(90 * 86_400), now: now, maxDays: 90)
        }
        #expect(BoardRules.latestPinEnd(now: now, maxDays: 7) == now.addingTimeInterval(7 * 86_400))
        #expect(BoardSettings().maxPinDays == 90)
        var settings = BoardSettings()
        try settings.set("max-pin-days", to: "14")
        #expect(settings.value(forKey: "max-pin-days") == "14")
        #expect(throws: SpotlightError.self) { try settings.set("max-pin-days", to: "100000") }
    }

    @Test func settingsValuesHaveLengthLimits() {
        var settings = BoardSettings()
        #expect(throws: SpotlightError.usage("setting theme must be a theme name such as classic (up to 64 letters, digits, - and _)")) {
            try settings.set("theme", to: String(repeating: "a", count: 65))
        }
        #expect(throws: SpotlightError.usage("setting rotation-seconds is too long: 300 bytes, the limit is 256")) {
            try settings.set("rotation-seconds", to: String(repeating: "1", count: 300))
        }
        // Sixty "characters", each a letter under a thousand combining marks.
        let heavy = String(repeating: "e" + String(repeating: "\u{301}", count: 1000), count: 60)
        #expect(throws: SpotlightError.self) { try settings.set("name", to: heavy) }
        #expect(throws: SpotlightError.usage("setting name needs at least one visible character")) {
            try settings.set("name", to: "\u{200B}\u{202E}")
        }
        #expect(throws: SpotlightError.self) { try settings.set("unknown", to: String(repeating: "x", count: 10_000)) }
        #expect(settings == BoardSettings())
    }
}
