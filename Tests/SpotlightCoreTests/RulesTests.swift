import Foundation
import Testing
@testable import SpotlightCore

@Suite struct RulesTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let mary = Account(login: "mlopez", displayName: "Mary Lopez,Room 4,,")
    let john = Account(login: "jpark", displayName: "John Park")

    func story(author: String = "jpark", hero: String = "Mary Lopez", status: StoryStatus = .visible, pin: Pin? = nil) -> Story {
        Story(id: 7, title: "t", hero: hero, author: author, authorName: author, createdAt: now, status: status, pin: pin)
    }

    @Test func displayNameComesFromTheFirstGecosField() {
        #expect(mary.displayName == "Mary Lopez")
        #expect(Account(login: "x", displayName: "").displayName == "x")
    }

    @Test func nobodyVotesForTheirOwnStory() {
        #expect(throws: SpotlightError.permission("you cannot vote for your own story #7")) {
            try BoardRules.checkVote(by: john, on: story(author: "jpark"), mode: .open)
        }
        #expect(throws: Never.self) { try BoardRules.checkVote(by: mary, on: story(author: "jpark"), mode: .open) }
    }

    @Test func votingCanBeSwitchedOff() {
        #expect(throws: SpotlightError.self) { try BoardRules.checkVote(by: mary, on: story(), mode: .off) }
    }

    @Test func hiddenStoriesCannotBeVotedOn() {
        #expect(throws: SpotlightError.self) { try BoardRules.checkVote(by: mary, on: story(status: .hidden), mode: .open) }
    }

    @Test func noMedallionForYourselfEvenWhenSomeoneElsePosted() {
        // John posted a story about Mary; Mary cannot give herself a medallion for it.
        #expect(throws: SpotlightError.self) {
            try BoardRules.checkMedallion(by: mary, on: story(author: "jpark", hero: "  mary   LOPEZ "), givenThisYear: 0, perYear: 1, alreadyGivenToStory: false)
        }
    }

    @Test func medallionsAreLimitedPerYear() {
        let other = Account(login: "dana")
        #expect(throws: Never.self) {
            try BoardRules.checkMedallion(by: other, on: story(), givenThisYear: 0, perYear: 1, alreadyGivenToStory: false)
        }
        // One medallion a year is "your medallion", never "all 1 of your medallions".
        #expect(throws: SpotlightError.permission("you have given your medallion for 2026; you get a new one on 1 January")) {
            try BoardRules.checkMedallion(by: other, on: story(), givenThisYear: 1, perYear: 1, alreadyGivenToStory: false, year: 2026)
        }
        #expect(throws: SpotlightError.permission("you have given all 3 of your medallions this year; they renew on 1 January")) {
            try BoardRules.checkMedallion(by: other, on: story(), givenThisYear: 3, perYear: 3, alreadyGivenToStory: false)
        }
    }

    @Test func medallionYearIsTheUTCCalendarYear() {
        let newYearsEve = Date(timeIntervalSince1970: 1_798_761_599) // 2026-12-31T23:59:59Z
        #expect(BoardRules.medallionYear(of: newYearsEve) == 2026)
        #expect(BoardRules.medallionYear(of: newYearsEve.addingTimeInterval(1)) == 2027)
    }

    @Test func medallionCanBeTakenBackOnlyWithin24Hours() {
        let medal = Medallion(id: 1, storyID: 7, giver: "dana", hero: "Mary", givenAt: now, year: 2026)
        let dana = Account(login: "dana")
        #expect(throws: Never.self) { try BoardRules.checkRevokeMedallion(by: dana, medal, now: now.addingTimeInterval(23 * 3600)) }
        #expect(throws: SpotlightError.self) { try BoardRules.checkRevokeMedallion(by: dana, medal, now: now.addingTimeInterval(25 * 3600)) }
        #expect(throws: SpotlightError.self) { try BoardRules.checkRevokeMedallion(by: mary, medal, now: now) }
    }

    @Test func onlyManagersPin() {
        #expect(throws: SpotlightError.self) {
            try BoardRules.checkPin(by: mary, isManager: false, story: story(), livePins: 0, maxLivePins: 3, until: nil, now: now)
        }
        #expect(throws: Never.self) {
            try BoardRules.checkPin(by: mary, isManager: true, story: story(), livePins: 0, maxLivePins: 3, until: nil, now: now)
        }
    }

    @Test func pinLimitCountsOnlyOtherLivePins() {
        #expect(throws: SpotlightError.self) {
            try BoardRules.checkPin(by: mary, isManager: true, story: story(), livePins: 3, maxLivePins: 3, until: nil, now: now)
        }
        let pinned = story(pin: Pin(pinnedBy: "dana", pinnedAt: now))
        #expect(throws: Never.self) {
            try BoardRules.checkPin(by: mary, isManager: true, story: pinned, livePins: 3, maxLivePins: 3, until: nil, now: now)
        }
    }

    @Test func pinExpiryMustBeInTheFuture() {
        #expect(throws: SpotlightError.usage("the pin expiry must be in the future")) {
            try BoardRules.checkPin(by: mary, isManager: true, story: story(), livePins: 0, maxLivePins: 3, until: now, now: now)
        }
    }

    @Test func expiredPinIsNotLive() {
        let pin = Pin(pinnedBy: "dana", pinnedAt: now, until: now.addingTimeInterval(60))
        #expect(pin.isLive(at: now))
        #expect(!pin.isLive(at: now.addingTimeInterval(60)))
    }

    @Test func hiddenStoryIsVisibleOnlyToManagersAndItsAuthor() {
        let hidden = story(author: "jpark", status: .hidden)
        #expect(throws: SpotlightError.storyNotFound(7)) { try BoardRules.requireVisible(hidden, to: mary, isManager: false) }
        #expect(throws: Never.self) { try BoardRules.requireVisible(hidden, to: john, isManager: false) }
        #expect(throws: Never.self) { try BoardRules.requireVisible(hidden, to: mary, isManager: true) }
        #expect(throws: SpotlightError.storyNotFound(7)) {
            try BoardRules.requireVisible(story(status: .removed), to: mary, isManager: true)
        }
    }

    @Test func authorsEditTheirOwnStoriesAndManagersAny() {
        #expect(throws: Never.self) { try BoardRules.checkEdit(by: john, isManager: false, story: story(author: "jpark")) }
        #expect(throws: SpotlightError.self) { try BoardRules.checkEdit(by: mary, isManager: false, story: story(author: "jpark")) }
        #expect(throws: Never.self) { try BoardRules.checkEdit(by: mary, isManager: true, story: story(author: "jpark")) }
    }

    @Test func theLastManagerCannotBeRemoved() {
        #expect(throws: SpotlightError.self) {
            try BoardRules.checkManagerChange(by: mary, isManager: true, target: "mlopez", adding: false, currentManagers: ["mlopez"])
        }
        #expect(throws: Never.self) {
            try BoardRules.checkManagerChange(by: mary, isManager: true, target: "mlopez", adding: false, currentManagers: ["mlopez", "dana"])
        }
    }

    @Test func staffCannotManageManagers() {
        #expect(throws: SpotlightError.self) {
            try BoardRules.checkManagerChange(by: john, isManager: false, target: "jpark", adding: true, currentManagers: ["mlopez"])
        }
    }
}
