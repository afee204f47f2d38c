import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// The rules every `BoardService` enforces (BoardRules): the same tests against each backend.
@Suite struct RulesConformanceTests {
    typealias P = People

    @Test(arguments: BoardKind.withPostgres)
    func creatorIsTheFirstManagerAndCreationIsAudited(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        #expect(try await dana.managers() == ["dana"])
        let events = try await dana.auditEvents()
        #expect(events.map(\.action) == ["init"])
        #expect(events.first?.detail == "created the board; dana is its first manager")
        #expect(try await dana.settings().name == "Test")
        #expect(try await dana.schemaVersion() == BoardStore.currentSchemaVersion)
        #expect(try await dana.integrityCheck() == "ok")
        #expect(try await dana.outsideChanges().isEmpty)
        #expect(dana.account == P.dana && !dana.isReadOnly)
        await dana.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func aPostedStoryReadsBackExactly(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let john = try await board.open(as: P.john)
        var draft = P.draft()
        draft.tags = ["recovery", "night-shift"]
        draft.onBehalfOf = "Ann Lee"
        let posted = try await john.post(draft)
        let read = try await john.story(posted.id)
        #expect(read == posted)
        #expect(read.author == "jpark" && read.authorName == "John Park")
        #expect(read.createdAt == P.now && read.editedAt == nil)
        // The handle's clock is the one its writes are stamped with (the CLI words ages from it).
        #expect(john.clock.now == read.createdAt)
        #expect(read.tags == ["recovery", "night-shift"] && read.onBehalfOf == "Ann Lee")
        #expect(read.votes == 0 && read.medallions == 0 && read.pin == nil && read.status == .visible)
        #expect(try await john.auditEvents().first.map { [$0.action, $0.actor, $0.detail] } == ["post", "jpark", "posted story #\(posted.id)"])
        await john.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func anInvalidDraftWritesNothing(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        await #expect(throws: SpotlightError.usage("title is required")) {
            _ = try await dana.post(P.draft(""))
        }
        #expect(try await dana.storyCount() == 0)
        #expect(try await dana.auditEvents().count == 1)
        await dana.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func votesToggleCountOncePerPersonAndNeverForYourself(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let john = try await board.open(as: P.john)
        let story = try await john.post(P.draft())
        let mary = try await board.open(as: P.mary)
        #expect(try await mary.upvote(story.id))
        #expect(try await mary.upvote(story.id) == false)
        #expect(try await mary.story(story.id).votes == 1)
        #expect(try await mary.hasVoted(story.id))
        #expect(try await john.hasVoted(story.id) == false)
        #expect(try await mary.unvote(story.id))
        #expect(try await mary.unvote(story.id) == false)
        #expect(try await mary.story(story.id).votes == 0)
        await #expect(throws: SpotlightError.permission("you cannot vote for your own story #\(story.id)")) {
            try await john.upvote(story.id)
        }
        await #expect(throws: SpotlightError.storyNotFound(999)) { try await mary.upvote(999) }
        await john.close(); await mary.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func medallionsCountAgainstTheYearlyAllowanceAndNeverGoToYourself(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let john = try await board.open(as: P.john)
        let a = try await john.post(P.draft("a"))
        let b = try await john.post(P.draft("b"))
        let dana = try await board.open()
        #expect(try await dana.medallionsLeft() == 1)
        #expect(try await dana.giveMedallion(a.id) == 0)
        #expect(try await dana.story(a.id).medallions == 1)
        #expect(try await dana.medallionsLeft() == 0)
        await #expect(throws: SpotlightError.permission("you have given your medallion for 2026; you get a new one on 1 January")) {
            _ = try await dana.giveMedallion(b.id)
        }
        try await dana.revokeMedallion(a.id)
        #expect(try await dana.medallionsLeft() == 1)
        #expect(try await dana.story(a.id).medallions == 0)
        await #expect(throws: SpotlightError.notFound("you have not given a medallion for story #\(a.id)")) {
            try await dana.revokeMedallion(a.id)
        }
        // Mary is the hero of both stories, John their author: neither may give one.
        let mary = try await board.open(as: P.mary)
        await #expect(throws: SpotlightError.permission("you cannot give a medallion for your own story or to yourself")) {
            _ = try await mary.giveMedallion(a.id)
        }
        await #expect(throws: SpotlightError.permission("you cannot give a medallion for your own story or to yourself")) {
            _ = try await john.giveMedallion(a.id)
        }
        await john.close(); await dana.close(); await mary.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func onlyManagersPinHideRemoveAndManageAndRefusalsLeaveNoAudit(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let john = try await board.open(as: P.john)
        let story = try await john.post(P.draft())
        let before = try await john.auditEvents().count
        await #expect(throws: SpotlightError.permission("only a manager may pin; jpark is not a manager of this board (see `spotlight managers list`)")) {
            try await john.pin(story.id, until: nil, note: nil)
        }
        await #expect(throws: SpotlightError.self) { try await john.setStatus(story.id, to: .hidden) }
        await #expect(throws: SpotlightError.self) { try await john.setStatus(story.id, to: .removed) }
        await #expect(throws: SpotlightError.self) { try await john.addManager("jpark") }
        await #expect(throws: SpotlightError.self) { try await john.setSetting("pin-share", to: "2") }
        #expect(try await john.auditEvents().count == before)
        #expect(try await john.story(story.id).pin == nil)
        #expect(try await john.story(story.id).status == .visible)
        #expect(try await john.managers() == ["dana"])
        await john.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func hiddenStoriesLeaveTheListAndRemovedOnesExistForNoOne(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let john = try await board.open(as: P.john)
        let mary = try await board.open(as: P.mary)
        let story = try await john.post(P.draft())
        try await dana.setStatus(story.id, to: .hidden)
        await #expect(throws: SpotlightError.usage("story #\(story.id) is already hidden")) {
            try await dana.setStatus(story.id, to: .hidden)
        }
        #expect(try await dana.stories(StoryQuery()).isEmpty)
        #expect(try await dana.stories(StoryQuery(includeHidden: true)).map(\.id) == [story.id])
        #expect(try await john.story(story.id).status == .hidden, "the author still sees it")
        await #expect(throws: SpotlightError.storyNotFound(story.id)) { _ = try await mary.story(story.id) }
        await #expect(throws: SpotlightError.storyNotFound(story.id)) { try await mary.upvote(story.id) }
        try await dana.setStatus(story.id, to: .removed)
        await #expect(throws: SpotlightError.storyNotFound(story.id)) { _ = try await dana.story(story.id) }
        await #expect(throws: SpotlightError.storyNotFound(story.id)) { _ = try await john.story(story.id) }
        #expect(try await dana.stories(StoryQuery(includeHidden: true)).isEmpty)
        await dana.close(); await john.close(); await mary.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func pinsExpireAndAreLimitedByTheBoardsSettings(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let story = try await dana.post(P.draft())
        await #expect(throws: SpotlightError.usage("the pin expiry must be in the future")) {
            try await dana.pin(story.id, until: P.now, note: nil)
        }
        await #expect(throws: SpotlightError.usage("a pin lasts at most 90 days on this board (setting max-pin-days); choose an earlier end")) {
            try await dana.pin(story.id, until: P.now.addingTimeInterval(91 * 86_400), note: nil)
        }
        let end = try await dana.pin(story.id, until: P.now.addingTimeInterval(60), note: "Story of the week")
        #expect(end == P.now.addingTimeInterval(60))
        #expect(try await dana.pinnedStories().map(\.id) == [story.id])
        #expect(try await dana.story(story.id).pin == Pin(pinnedBy: "dana", pinnedAt: P.now, until: end, note: "Story of the week"))
        await dana.close()
        let later = try await board.open(clock: .fixed(P.now.addingTimeInterval(61)))
        #expect(try await later.pinnedStories().isEmpty, "expired")
        #expect(try await later.stories(StoryQuery(pinnedOnly: true)).isEmpty)
        // A pin with no end lasts the board's longest pin.
        #expect(try await later.pin(story.id, until: nil, note: nil) == P.now.addingTimeInterval(61 + 90 * 86_400))
        try await later.unpin(story.id)
        await #expect(throws: SpotlightError.usage("story #\(story.id) is not pinned")) { try await later.unpin(story.id) }
        await later.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func theLivePinLimitHolds(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        try await dana.setSetting("max-live-pins", to: "1")
        let a = try await dana.post(P.draft("a"))
        let b = try await dana.post(P.draft("b"))
        try await dana.pin(a.id, until: nil, note: nil)
        await #expect(throws: SpotlightError.permission("the board already has 1 live pins (the limit is 1); unpin one first")) {
            try await dana.pin(b.id, until: nil, note: nil)
        }
        try await dana.pin(a.id, until: P.now.addingTimeInterval(3600), note: "again")   // re-pinning the pinned one is fine
        await dana.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func theLastManagerCannotBeRemoved(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        await #expect(throws: SpotlightError.permission("dana is the last manager; add another manager before removing them")) {
            try await dana.removeManager("dana")
        }
        await #expect(throws: SpotlightError.usage("dana is already a manager")) { try await dana.addManager("dana") }
        try await dana.addManager("mlopez")
        #expect(try await dana.managers() == ["dana", "mlopez"])
        try await dana.removeManager("dana")
        #expect(try await dana.managers() == ["mlopez"])
        #expect(try await dana.isManager("dana") == false)
        await #expect(throws: SpotlightError.self) { try await dana.addManager("dana") }
        await dana.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func settingsChangeNeedsAManagerAndAValidValue(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        try await dana.setSetting("pin-share", to: "4")
        #expect(try await dana.settings().pinShare == 4)
        await #expect(throws: SpotlightError.self) { try await dana.setSetting("no-such-key", to: "1") }
        let john = try await board.open(as: P.john)
        #expect(try await john.settings().pinShare == 4)
        await dana.close(); await john.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func editsAreForAuthorsAndManagersAndNeverOverwriteUnseenChanges(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let john = try await board.open(as: P.john)
        let mary = try await board.open(as: P.mary)
        let dana = try await board.open()
        let story = try await john.post(P.draft("first"))
        await #expect(throws: SpotlightError.permission("only the author or a manager may edit story #\(story.id)")) {
            _ = try await mary.edit(story.id, to: P.draft("mine now"))
        }
        let edited = try await dana.edit(story.id, to: P.draft("second"), unchangedSince: story)
        #expect(edited.title == "second" && edited.editedAt == P.now)
        // John still holds the first version: his edit is refused, nothing overwritten.
        await #expect(throws: SpotlightError.self) {
            _ = try await john.edit(story.id, to: P.draft("third"), unchangedSince: story)
        }
        #expect(try await john.story(story.id).title == "second")
        #expect(try await john.auditEvents().first?.action == "edit")
        await john.close(); await mary.close(); await dana.close()
    }

    @Test(arguments: BoardKind.withPostgres)
    func votingCanBeSwitchedOff(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let story = try await dana.post(P.draft())
        try await dana.setSetting("voting-mode", to: "off")
        let mary = try await board.open(as: P.mary)
        await #expect(throws: SpotlightError.permission("voting is switched off on this board")) { try await mary.upvote(story.id) }
        await dana.close(); await mary.close()
    }
}
