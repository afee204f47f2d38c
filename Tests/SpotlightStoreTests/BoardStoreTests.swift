import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

@Suite struct BoardStoreTests {
    @Test func creatorIsTheFirstManagerAndCreationIsAudited() async throws {
        let board = TempBoard()
        let store = try await board.open()
        #expect(try await store.managers() == ["dana"])
        let events = try await store.auditEvents()
        #expect(events.map(\.action) == ["init"])
        #expect(try await store.schemaVersion() == Schema.currentVersion)
        await store.close()
    }

    @Test func postedStoryReadsBackExactly() async throws {
        let board = TempBoard()
        let store = try await board.open(as: TempBoard.john)
        let posted = try await store.post(TempBoard.draft())
        let read = try await store.story(posted.id)
        #expect(read == posted)
        #expect(read.author == "jpark" && read.authorName == "John Park")
        #expect(read.createdAt == TempBoard.now)
        #expect(try await store.auditEvents().first?.action == "post")
        await store.close()
    }

    @Test func hostileTextRoundTripsByteForByte() async throws {
        let hostile = "\u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07}\u{9B}31m\u{202E}evil\u{0}nul\u{7F}" + "e" + String(repeating: "\u{301}", count: 5000)
        let word = String(repeating: "W", count: 3990)
        let board = TempBoard()
        let store = try await board.open()
        let posted = try await store.post(TempBoard.draft(hostile.prefix(30).description, hero: "\u{0}hero\u{1B}", body: hostile + word.prefix(100)))
        let read = try await store.story(posted.id)
        #expect(read.body == hostile + word.prefix(100))
        #expect(read.hero == "\u{0}hero\u{1B}")
        #expect(read.title == String(hostile.prefix(30)))
        await store.close()
    }

    @Test func invalidDraftWritesNothing() async throws {
        let board = TempBoard()
        let store = try await board.open()
        await #expect(throws: SpotlightError.usage("title is required")) {
            _ = try await store.post(TempBoard.draft(""))
        }
        #expect(try await store.storyCount() == 0)
        #expect(try await store.auditEvents().count == 1)
        await store.close()
    }

    @Test func votesToggleAndCountOncePerPerson() async throws {
        let board = TempBoard()
        let john = try await board.open(as: TempBoard.john)
        let story = try await john.post(TempBoard.draft())
        let mary = try await board.open(as: TempBoard.mary)
        #expect(try await mary.upvote(story.id))
        #expect(try await mary.upvote(story.id) == false)
        #expect(try await mary.story(story.id).votes == 1)
        #expect(try await mary.unvote(story.id))
        #expect(try await mary.story(story.id).votes == 0)
        await #expect(throws: SpotlightError.permission("you cannot vote for your own story #\(story.id)")) {
            try await john.upvote(story.id)
        }
        await john.close(); await mary.close()
    }

    @Test func medallionsAreCountedAgainstTheYearlyAllowance() async throws {
        let board = TempBoard()
        let john = try await board.open(as: TempBoard.john)
        let a = try await john.post(TempBoard.draft("a"))
        let b = try await john.post(TempBoard.draft("b"))
        let dana = try await board.open(as: TempBoard.dana)
        #expect(try await dana.medallionsLeft() == 1)
        #expect(try await dana.giveMedallion(a.id) == 0)
        #expect(try await dana.story(a.id).medallions == 1)
        await #expect(throws: SpotlightError.self) { _ = try await dana.giveMedallion(b.id) }
        try await dana.revokeMedallion(a.id)
        #expect(try await dana.medallionsLeft() == 1)
        // Mary is the hero of both stories: no medallion for herself.
        let mary = try await board.open(as: TempBoard.mary)
        await #expect(throws: SpotlightError.self) { _ = try await mary.giveMedallion(a.id) }
        await john.close(); await dana.close(); await mary.close()
    }

    @Test func nonManagerCannotPinHideOrRemoveAndNothingIsAudited() async throws {
        let board = TempBoard()
        let john = try await board.open(as: TempBoard.john)
        let story = try await john.post(TempBoard.draft())
        let before = try await john.auditEvents().count
        await #expect(throws: SpotlightError.self) { try await john.pin(story.id, until: nil, note: nil) }
        await #expect(throws: SpotlightError.self) { try await john.setStatus(story.id, to: .hidden) }
        await #expect(throws: SpotlightError.self) { try await john.setStatus(story.id, to: .removed) }
        await #expect(throws: SpotlightError.self) { try await john.addManager("jpark") }
        #expect(try await john.auditEvents().count == before)
        #expect(try await john.story(story.id).pin == nil)
        #expect(try await john.story(story.id).status == .visible)
        await john.close()
    }

    @Test func managerPinsWithExpiryAndHiddenStoriesLeaveTheList() async throws {
        let board = TempBoard()
        let dana = try await board.open()
        let story = try await dana.post(TempBoard.draft())
        try await dana.pin(story.id, until: TempBoard.now.addingTimeInterval(3600), note: "Story of the week")
        #expect(try await dana.pinnedStories().map(\.id) == [story.id])
        try await dana.setStatus(story.id, to: .hidden)
        #expect(try await dana.stories(StoryQuery()).isEmpty)
        #expect(try await dana.stories(StoryQuery(includeHidden: true)).count == 1)
        let mary = try await board.open(as: TempBoard.mary)
        await #expect(throws: SpotlightError.storyNotFound(story.id)) { _ = try await mary.story(story.id) }
        try await dana.setStatus(story.id, to: .removed)
        await #expect(throws: SpotlightError.storyNotFound(story.id)) { _ = try await dana.story(story.id) }
        await dana.close(); await mary.close()
    }

    @Test func expiredPinIsNoLongerListedAsPinned() async throws {
        let board = TempBoard()
        let dana = try await board.open()
        let story = try await dana.post(TempBoard.draft())
        try await dana.pin(story.id, until: TempBoard.now.addingTimeInterval(60), note: nil)
        await dana.close()
        let later = try await board.open(clock: .fixed(TempBoard.now.addingTimeInterval(61)))
        #expect(try await later.pinnedStories().isEmpty)
        await later.close()
    }

    @Test func listOrdersAndFiltersWork() async throws {
        let board = TempBoard()
        var clockTime = TempBoard.now
        let dana = try await board.open()
        _ = try await dana.post(StoryDraft(title: "Old famous", hero: "A", department: "Sales"))
        await dana.close()
        clockTime += 3600
        let later = try await board.open(clock: .fixed(clockTime))
        let fresh = try await later.post(StoryDraft(title: "Fresh news about invoices", hero: "B", department: "Billing"))
        let mary = try await board.open(as: TempBoard.mary, clock: .fixed(clockTime))
        try await mary.upvote(1)
        #expect(try await later.stories(StoryQuery(order: .new)).map(\.id) == [fresh.id, 1])
        #expect(try await later.stories(StoryQuery(order: .top)).map(\.id) == [1, fresh.id])
        #expect(try await later.stories(StoryQuery(department: "billing")).map(\.id) == [fresh.id])
        #expect(try await later.stories(StoryQuery(search: "invoic")).map(\.id) == [fresh.id])
        #expect(try await later.stories(StoryQuery(search: "\"unbalanced OR (")).isEmpty)
        #expect(try await later.departments().map(\.name) == ["Billing", "Sales"])
        await later.close(); await mary.close()
    }

    @Test func lastManagerCannotBeRemoved() async throws {
        let board = TempBoard()
        let dana = try await board.open()
        await #expect(throws: SpotlightError.self) { try await dana.removeManager("dana") }
        try await dana.addManager("mlopez")
        try await dana.removeManager("dana")
        #expect(try await dana.managers() == ["mlopez"])
        await dana.close()
    }

    @Test func dataVersionChangesOnlyForOtherConnectionsCommits() async throws {
        let board = TempBoard()
        let wall = try await board.open()
        let writer = try await board.open(as: TempBoard.john)
        let before = try await wall.dataVersion()
        _ = try await wall.post(TempBoard.draft("own"))
        #expect(try await wall.dataVersion() == before)
        _ = try await writer.post(TempBoard.draft("other"))
        #expect(try await wall.dataVersion() != before)
        await wall.close(); await writer.close()
    }

    @Test func settingsChangeNeedsAManager() async throws {
        let board = TempBoard()
        let dana = try await board.open()
        try await dana.setSetting("pin-share", to: "4")
        #expect(try await dana.settings().pinShare == 4)
        let john = try await board.open(as: TempBoard.john)
        await #expect(throws: SpotlightError.self) { try await john.setSetting("pin-share", to: "2") }
        await dana.close(); await john.close()
    }
}
