import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI
import SpotlightTestSupport

extension BoardState {
    /// Messages in order; every effect they asked for.
    @discardableResult
    mutating func send(_ messages: BoardMessage...) -> [BoardEffect] {
        messages.flatMap { handle($0) }
    }

    /// Keys typed one at a time, as the loop sends them.
    @discardableResult
    mutating func type(_ text: String) -> [BoardEffect] {
        text.flatMap { handle(BoardMessage.key(.char($0))) }
    }
}

/// The interactive board driven the way the loop drives it — messages in, effects out — on a
/// manual clock: the search debounce, the status line's timeout, drafts, compose, board changes.
@Suite struct BoardMessageTests {
    typealias F = BoardFixtures

    static let draft = StoryDraft(title: "Ana stayed late for the audit", body: "Thank you, Ana.", hero: "Ana Ruiz")

    // MARK: Starting and ending

    @Test func startingLoadsTheFirstPageThenTheVisitThenASavedDraft() {
        var state = BoardState(viewer: F.staff)
        let effects = state.handle(.started)
        #expect(loads(effects).count == 1)
        #expect(Array(effects.dropFirst()) == [.beginVisit, .restoreDraft])
        var readOnly = BoardState(viewer: BoardViewer(account: F.sam, writeBlocked: "read-only"))
        #expect(!readOnly.handle(.started).contains(.restoreDraft), "a read-only board offers no draft to post")
    }

    // MARK: The search debounce

    @Test func aBurstOfTypingGivesOneSearchWhenTheClockSaysSo() throws {
        let clock = ManualClock(F.now)
        var state = F.state()
        state.send(.tick(clock.now), .key(.char("/")))
        #expect(loads(state.type("mary")).isEmpty, "typing alone asks for nothing")
        #expect(state.searchIsPending)
        let first = loads(state.handle(.tick(clock.now)))
        #expect(first.count == 1 && first.first?.search == "mary", "the last search is long ago: it runs at once")
        #expect(!state.searchIsPending)

        clock.advance(by: 0.02)
        #expect(loads(state.type(" lo")).isEmpty)
        #expect(loads(state.handle(.tick(clock.now))).isEmpty, "20 ms after the last search: it waits")
        #expect(state.nextWake == F.now.addingTimeInterval(BoardTimers.searchInterval))
        clock.advance(by: 0.05)
        state.type("pez")
        #expect(loads(state.handle(.tick(clock.now))).isEmpty, "70 ms: still waiting")
        let due = try #require(state.nextWake)
        clock.set(due)
        let second = loads(state.handle(.tick(clock.now)))
        #expect(second.map(\.search) == ["mary lopez"], "one search for the whole burst, with all of it")
        #expect(loads(state.handle(.tick(clock.now))).isEmpty, "and only one")
    }

    @Test func aSearchAfterAPauseRunsAtOnce() {
        let clock = ManualClock(F.now)
        var state = F.state()
        state.send(.key(.char("/")))
        state.type("a")
        #expect(loads(state.handle(.tick(clock.now))).count == 1)
        clock.advance(by: 2)
        state.type("b")
        #expect(state.nextWake.map { $0 <= clock.now } == true, "the search is due now")
        #expect(loads(state.handle(.tick(clock.now))).map(\.search) == ["ab"])
    }

    @Test func enterRunsTheSearchAndNothingWaitsAfterIt() {
        let clock = ManualClock(F.now)
        var state = F.state()
        state.send(.tick(clock.now), .key(.char("/")))
        state.type("x")
        state.send(.tick(clock.now))
        state.type("y")
        #expect(state.searchIsPending)
        let effects = state.handle(.key(.enter))
        #expect(state.searchIsPending || loads(effects).contains { $0.search == "xy" },
                "Enter either runs the search or leaves it to the timer, never drops it")
        clock.advance(by: 1)
        let later = loads(state.handle(.tick(clock.now)))
        #expect(loads(effects).count + later.count == 1, "one query for \"xy\", not two")
    }

    // MARK: The status line

    @Test func aMessageClearsAfterItsTimeoutAndNotBefore() {
        let clock = ManualClock(F.now)
        var state = F.state()
        state.send(.written(.unpinned(42)))
        #expect(state.status?.text == "unpinned #42")
        #expect(state.nextWake == .distantPast, "a new message is timed from the next tick")
        state.send(.tick(clock.now))
        #expect(state.nextWake == F.now.addingTimeInterval(BoardTimers.statusTimeout))
        clock.advance(by: BoardTimers.statusTimeout - 0.01)
        state.send(.tick(clock.now))
        #expect(state.status?.text == "unpinned #42", "not before its time")
        clock.advance(by: 0.01)
        state.send(.tick(clock.now))
        #expect(state.status == nil)
        #expect(state.nextWake == nil, "nothing left to wake for")
    }

    @Test func anErrorStaysLongerAndANewerMessageStartsItsOwnTime() {
        let clock = ManualClock(F.now)
        var state = F.state()
        state.send(.readFailed("the board is busy"), .tick(clock.now))
        clock.advance(by: BoardTimers.statusTimeout + 1)
        state.send(.tick(clock.now))
        #expect(state.status?.text == "the board is busy", "an error stays past a plain message's timeout")
        state.send(.written(.hidden(42)), .tick(clock.now))
        clock.advance(by: BoardTimers.statusTimeout - 1)
        state.send(.tick(clock.now))
        #expect(state.status?.text == "hid #42: only managers and its author see it now",
                "the error's timeout passed, but the newer message has its own")
        clock.advance(by: 1)
        state.send(.tick(clock.now))
        #expect(state.status == nil)
    }

    // MARK: Drafts

    @Test func theDraftIsSavedASecondAfterAnEditAndNotBefore() {
        let clock = ManualClock(F.now)
        var state = F.state()
        state.send(.tick(clock.now), .key(.char("n")))
        #expect(state.handle(.composeReady(editing: nil, departments: ["Billing"])).isEmpty)
        #expect(state.compose != nil)
        state.send(.paste("Ana stayed late"))
        #expect(state.handle(.tick(clock.now)).isEmpty)
        #expect(state.compose?.draftDue == F.now.addingTimeInterval(ComposeSession.draftDelay))
        clock.advance(by: 0.5)
        state.type("!")
        #expect(state.handle(.tick(clock.now)).isEmpty, "half a second: not yet")
        clock.advance(by: 0.5)
        let saved = state.handle(.tick(clock.now))
        #expect(saved.count == 1)
        guard case .saveDraft(let draft, let editing)? = saved.first else {
            Issue.record("expected a draft save, got \(saved)")
            return
        }
        #expect(draft.title == "Ana stayed late!" && editing == nil)
        clock.advance(by: 5)
        #expect(state.handle(.tick(clock.now)).isEmpty, "saved once; nothing new to save")
        #expect(state.nextWake == nil || state.nextWake! > clock.now)
    }

    @Test func aHangUpSavesTheDraftAtOnce() {
        var state = F.state()
        #expect(state.handle(.closing).isEmpty, "no form, nothing to save")
        state.send(.composeReady(editing: nil, departments: []))
        #expect(state.handle(.closing).isEmpty, "an untouched form is not a draft")
        state.type("Half a title")
        let effects = state.handle(.closing)
        #expect(effects.count == 1)
        if case .saveDraft(let draft, nil)? = effects.first { #expect(draft.title == "Half a title") } else { Issue.record("\(effects)") }
    }

    @Test func aDraftLeftByAnEarlierRunComesBackWithAWelcome() {
        var state = F.state()
        state.send(.draftFound(Self.draft, editing: nil, base: nil, departments: []))
        #expect(state.compose?.form.draft == Self.draft)
        #expect(state.compose?.form.message == BoardWording.draftRestored(editing: nil))
        #expect(state.compose?.form.isDirty == true, "restored work is unsaved work")
    }

    @Test func discardingTheFormForgetsItsDraft() {
        var state = F.state()
        state.send(.composeReady(editing: nil, departments: []))
        #expect(state.handle(.key(.escape)) == [.discardDraft])
        #expect(state.compose == nil && state.status?.text == "story discarded")
    }

    // MARK: Compose

    @Test func submittingPostsThenTheResultIsOnTheStatusLineAndTheListComesBack() {
        var state = F.state()
        state.send(.draftFound(Self.draft, editing: nil, base: nil, departments: []))
        #expect(state.handle(.key(.ctrl("s"))) == [.post(Self.draft)])
        let posted = F.story(77, Self.draft.title, hero: Self.draft.hero)
        let effects = state.handle(.posted(posted))
        #expect(effects == [.discardDraft, .readSettings])
        #expect(state.compose == nil)
        #expect(state.status?.text == "posted #77 — thank you for sharing it!")
        let reread = loads(state.handle(.settingsRead(nil, isManager: nil)))
        #expect(reread.count == 1 && reread.first?.counting == true, "the list is read again, with the new story in it")
    }

    @Test func aSubmitTheStoreRefusesKeepsTheFormAndSavesTheDraft() {
        var state = F.state()
        state.send(.draftFound(Self.draft, editing: nil, base: nil, departments: []))
        state.send(.key(.ctrl("s")))
        let effects = state.handle(.submitFailed(Self.draft, message: "the disk is full"))
        #expect(effects == [.saveDraft(Self.draft, editing: nil)])
        #expect(state.compose?.form.message == "the disk is full")
        #expect(state.handle(.boardUnavailable(problem: nil)).isEmpty)
        #expect(state.compose?.form.message == BoardWording.composeUnavailable(nil))
    }

    @Test func anEditIsCheckedAgainstTheStoryAsItWasWhenTheFormOpened() {
        var state = F.state()
        let story = F.demo[0]
        state.send(.composeReady(editing: story, departments: []))
        state.send(.key(.end))
        state.type(" (mine)")
        let effects = state.handle(.key(.ctrl("s")))
        var expected = StoryDraft(story)
        expected.title += " (mine)"
        #expect(effects == [.edit(story.id, expected, unchangedSince: story)],
                "the base is the story as opened, not as it is now, so another person's edit is a conflict")
        let conflict = "story #42 was changed by someone else since you opened it; your text is kept"
        #expect(state.handle(.submitFailed(expected, message: conflict)) == [.saveDraft(expected, editing: 42)])
        #expect(state.compose?.form.message == conflict)
        #expect(state.compose?.form.draft.title == expected.title, "the refused text is kept in the form")
        #expect(state.compose?.base == story)
        state.send(.edited(story))
        #expect(state.status?.text == "saved your changes to #42" && state.compose == nil)
    }

    @Test func ctrlLInTheFormRepaintsAndTypingIsNotACommand() {
        var state = F.state()
        state.send(.composeReady(editing: nil, departments: []))
        #expect(state.handle(.key(.ctrl("l"))) == [.repaint])
        #expect(state.type("q").isEmpty && state.compose?.form.draft.title == "q", "q is a letter in the form")
    }

    // MARK: The board changing

    @Test func aBoardChangeReloadsTheVisiblePageAndTheOpenStory() {
        var state = F.state(stories: F.numbered(0..<100), total: 300)
        state.answer(state.press(.end), total: 300)
        let offset = state.window.offset
        #expect(offset > 0)
        #expect(state.handle(.boardChanged) == [.readSettings])
        let effects = state.handle(.settingsRead(nil, isManager: true))
        let reload = loads(effects)
        #expect(reload.count == 1 && reload.first?.offset == offset && reload.first?.counting == true,
                "the rows on screen are read again, counted")
        #expect(state.viewer.isManager && reload.first?.includeHidden == true, "the manager role is read before the list")

        var open = F.state()
        open.press(.enter)
        let again = open.send(.boardChanged, .settingsRead(nil, isManager: nil))
        #expect(again.contains(.loadStory(42)))
    }

    @Test func theBoardGoingAwayBlocksWritesAndItsReturnSaysSo() {
        var state = F.state()
        state.send(.boardProblem("the board file was deleted"))
        #expect(state.viewer.writeBlocked == "the board file was deleted" && state.status?.isError == true)
        #expect(state.press(.char("u")).isEmpty, "writes are refused while it is gone")
        state.send(.boardProblem(nil))
        #expect(state.viewer.writeBlocked == nil && state.status?.text == "the board is back")
    }

    // MARK: Write results

    @Test func theUpvoteResultIsWordedInOnePlace() {
        var state = F.state()
        #expect(state.handle(.written(.upvoted(41, added: true))) == [.readSettings])
        #expect(state.status?.text == "upvoted #41 — thank you!" && state.hasVoted(41))
        state.send(.written(.upvoted(41, added: false)))
        #expect(state.status?.text == "you had already upvoted #41; u again takes it back")
        #expect(state.status?.text == BoardWording.upvote(41, added: false))
        state.send(.written(.unvoted(41, removed: true)))
        #expect(state.status?.text == "took back your vote on #41" && !state.hasVoted(41))
    }

    @Test func anUpvoteOnAStoryThatIsGoneClosesIt() {
        var state = F.state()
        state.press(.enter)
        #expect(state.view == .detail)
        let effects = state.handle(.writeFailed(.upvote(42), .notFound("story #42 does not exist")))
        #expect(effects == [.readSettings])
        #expect(state.view == .list && state.status?.text == "story #42 does not exist" && state.status?.isError == true)
    }

    @Test func otherWritesAreWordedWithTheirDetails() {
        var state = F.state(F.manager)
        state.timeZone = TimeZone(identifier: "UTC")!
        state.send(.written(.medallionGiven(41, left: 0)))
        #expect(state.status?.text == "gave your medallion for #41 — no medallions left this year")
        state.send(.written(.pinned(41, until: nil)))
        #expect(state.status?.text == "pinned #41")
        state.send(.written(.managerAdded("mlopez")))
        #expect(state.status?.text == "mlopez is now a manager")
        state.send(.key(.enter), .storyGone(42))
        #expect(state.view == .list && state.status?.text == "story #42 is no longer on the board")
    }
}
