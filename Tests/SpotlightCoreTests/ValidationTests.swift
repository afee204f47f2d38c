import Foundation
import Testing
@testable import SpotlightCore

@Suite struct ValidationTests {
    let good = StoryDraft(title: "Mary saved the day", body: "Details", hero: "Mary Lopez", department: "Support",
                          customer: .external, tags: ["above-and-beyond"])

    @Test func aCompleteDraftHasNoProblems() {
        #expect(good.problems().isEmpty)
    }

    @Test func emptyTitleIsRequired() {
        var draft = good
        draft.title = "   "
        #expect(draft.problems().first == ValidationProblem(field: .title, message: "title is required"))
    }

    @Test func titleOver120CharactersNamesTheLimit() {
        var draft = good
        draft.title = String(repeating: "a", count: 121)
        #expect(draft.problems().first?.message == "title must be at most 120 characters, got 121")
    }

    @Test func titleLimitCountsCharactersNotBytes() {
        var draft = good
        draft.title = String(repeating: "日", count: 120)
        #expect(draft.problems().isEmpty)
    }

    @Test func bodyOver4000CharactersIsRefused() {
        var draft = good
        draft.body = String(repeating: "x", count: 4001)
        #expect(draft.problems().first?.field == .body)
        #expect(draft.problems().first?.message.contains("4000") == true)
    }

    @Test func bodyOfExactly4000CharactersIsAccepted() {
        var draft = good
        draft.body = String(repeating: "x", count: 4000)
        #expect(draft.problems().isEmpty)
    }

    @Test func heroIsRequired() {
        var draft = good
        draft.hero = ""
        #expect(draft.problems().map(\.field) == [.hero])
    }

    @Test func giantCombiningRunIsBoundedByBytes() {
        var draft = good
        draft.title = "e" + String(repeating: "\u{301}", count: 40_000)
        #expect(draft.problems().first?.message.contains("too large") == true)
    }

    @Test func tagsMustBeLowercaseWordsJoinedByHyphens() {
        #expect(StoryDraft.isValidTag("above-and-beyond"))
        #expect(StoryDraft.isValidTag("q4"))
        #expect(!StoryDraft.isValidTag("Above"))
        #expect(!StoryDraft.isValidTag("a--b"))
        #expect(!StoryDraft.isValidTag("-a"))
        #expect(!StoryDraft.isValidTag(""))
        #expect(!StoryDraft.isValidTag("with space"))
        #expect(!StoryDraft.isValidTag(String(repeating: "a", count: 33)))
    }

    @Test func badTagIsReportedByPosition() {
        var draft = good
        draft.tags = ["ok", "Not OK"]
        #expect(draft.problems().first?.message.hasPrefix("tag 2 must be") == true)
    }

    @Test func duplicateTagsAreRefused() {
        var draft = good
        draft.tags = ["recovery", "recovery"]
        #expect(draft.problems().first?.field == .tags)
    }

    @Test func unknownCustomerKindIsAUsageError() throws {
        #expect(throws: SpotlightError.usage("customer must be one of: external, internal")) {
            try StoryDraft.customerKind(parsing: "vip")
        }
        #expect(try StoryDraft.customerKind(parsing: "Internal") == .internal)
    }

    @Test func validateThrowsTheFirstProblemAsExitCode2() {
        var draft = good
        draft.title = ""
        do {
            try draft.validate()
            Issue.record("expected a validation error")
        } catch {
            #expect(error.exitCode == 2)
        }
    }
}

@Suite struct SettingsTests {
    @Test func settingsRoundTripThroughTheirTextForm() throws {
        var settings = BoardSettings()
        try settings.set("pin-share", to: "4")
        try settings.set("voting-mode", to: "off")
        try settings.set("service-week-start", to: "2026-10-12")
        #expect(settings.pinShare == 4)
        #expect(settings.value(forKey: "voting-mode") == "off")
        #expect(settings.serviceWeekStart == "2026-10-12")
    }

    @Test func outOfRangeSettingNamesKeyAndRange() {
        var settings = BoardSettings()
        #expect(throws: SpotlightError.usage("setting rotation-seconds must be a whole number from 3 to 600, got '0'")) {
            try settings.set("rotation-seconds", to: "0")
        }
    }

    @Test func unknownSettingIsRefused() {
        var settings = BoardSettings()
        #expect(throws: SpotlightError.self) { try settings.set("colour", to: "red") }
    }
}
