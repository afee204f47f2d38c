import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

/// What the story and manager keys ask for, and what each role is told when a rule says no:
/// the rules are `BoardRules`' own, so the words are the CLI's words.
@Suite struct BoardActionTests {
    typealias F = BoardFixtures

    // MARK: Recognition

    @Test func uTogglesTheVote() {
        var state = F.state(voted: [41])
        #expect(state.press(.char("u")) == [BoardEffect.upvote(42)])
        state.press(.down)
        #expect(state.press(.char("u")) == [BoardEffect.unvote(41)])
    }

    @Test func noVoteForYourOwnStoryAndTheCoreSaysWhy() {
        var state = F.state()
        state.press(.down, .down)   // #40 by sam
        #expect(state.press(.char("u")).isEmpty)
        #expect(state.status?.text == "you cannot vote for your own story #40" && state.status?.isError == true)
    }

    @Test func aMedallionIsConfirmedShowingHowManyAreLeft() {
        var state = F.state()
        #expect(state.press(.char("m")) == [BoardEffect.prepareMedal(42)])
        state.offerMedal(42, left: 2, perYear: 2)
        guard case .confirm(let question)? = state.overlay else { Issue.record("no confirmation"); return }
        #expect(question.question.contains("Mary Lopez") && question.question.contains("2 left"))
        #expect(state.press(.char("y")) == [BoardEffect.medal(42)] && state.overlay == nil)
        state.press(.char("m"))
        state.offerMedal(42, left: 2, perYear: 2)
        #expect(state.press(.char("n")).isEmpty && state.overlay == nil && state.status?.text == "cancelled")
    }

    @Test func noMedallionForYourOwnStoryOrWhenNoneAreLeft() {
        var state = F.state()
        state.press(.down, .down)
        #expect(state.press(.char("m")).isEmpty)
        #expect(state.status?.text.contains("your own story") == true)
        state.press(.up)
        state.offerMedal(41, left: 0, perYear: 1)
        #expect(state.overlay == nil && state.status?.text.contains("you have given your medallion this year") == true)
        state.offerMedal(41, left: 0, perYear: 3)
        #expect(state.status?.text.contains("you have given all 3 of your medallions") == true)
    }

    // MARK: Roles

    @Test(arguments: ["p", "h", "x"])
    func managerKeysAreExplainedToStaffNotIgnored(_ key: Character) {
        var state = F.state()
        #expect(state.press(.char(key)).isEmpty && state.overlay == nil)
        #expect(state.status?.isError == true)
        #expect(state.status?.text.hasPrefix("only a manager may") == true && state.status?.text.contains("sam is not a manager") == true)
    }

    @Test func staffMayEditOnlyTheirOwnStories() {
        var state = F.state()
        #expect(state.press(.char("e")).isEmpty)
        #expect(state.status?.text == "only the author or a manager may edit story #42")
        state.press(.down, .down)
        #expect(state.press(.char("e")) == [BoardEffect.openCompose(editing: F.demo[2])])
        #expect(state.press(.char("n")) == [BoardEffect.openCompose(editing: nil)])
    }

    @Test func managersPinWithAnExpiryAndANote() {
        var state = F.state(F.manager)
        state.press(.down)   // #41, not pinned
        state.press(.char("p"))
        guard case .form? = state.overlay else { Issue.record("no pin form"); return }
        state.typeText("friday")
        state.press(.tab)
        state.typeText("Story of the week")
        #expect(state.press(.enter) == [BoardEffect.pin(41, until: "friday", note: "Story of the week")])
        state.writeSucceeded()   // the loop pinned it: the form closes
        #expect(state.overlay == nil)
        state.press(.up, .char("p"))   // #42 is pinned: p asks to unpin
        #expect(state.press(.char("y")) == [BoardEffect.unpin(42)])
    }

    @Test func aPinExpiryThatCannotBeReadKeepsTheFormOpenWithTheNote() throws {
        var state = F.state(F.manager)
        state.press(.down, .char("p"))
        state.typeText("frday")
        state.press(.tab)
        state.typeText("Story of the week")
        #expect(state.press(.enter) == [BoardEffect.pin(41, until: "frday", note: "Story of the week")])
        let parse = SpotlightError.usage("cannot read 'frday' as a time: use a weekday (friday), tomorrow, a date 2026-12-01")
        state.writeFailed(parse)
        guard case .form(let form)? = state.overlay else { Issue.record("the form closed"); return }
        #expect(form.fields.map(\.text) == ["frday", "Story of the week"])
        #expect(form.problem == FormProblem(field: 0, message: parse.message) && form.focus == 0)
        #expect(state.status == nil, "the message is in the form, not cut off on the status line")
        // Fixing the expiry clears the message; submitting again asks again; success closes.
        state.press(.end, .backspace, .backspace, .backspace, .backspace)
        state.typeText("riday")
        guard case .form(let fixed)? = state.overlay else { Issue.record("the form closed"); return }
        #expect(fixed.problem == nil && fixed.fields[0].text == "friday")
        #expect(state.press(.tab, .enter) == [BoardEffect.pin(41, until: "friday", note: "Story of the week")])
        state.writeSucceeded()
        #expect(state.overlay == nil)
    }

    @Test func aRefusalTheFormCannotFixClosesItAndSaysWhy() {
        var state = F.state(F.manager)
        state.press(.down, .char("p"))
        state.press(.enter, .enter)
        state.writeFailed(.permission("the board already has 3 live pins (the limit is 3); unpin one first"))
        #expect(state.overlay == nil)
        #expect(state.status?.isError == true && state.status?.text.contains("unpin one first") == true)
    }

    @Test func anEmptyLoginIsExplainedInTheManagerForm() {
        var state = F.state(F.manager)
        state.press(.char("M"))
        state.press(.char("a"))
        #expect(state.press(.enter).isEmpty)
        guard case .form(let form)? = state.overlay else { Issue.record("the form closed"); return }
        #expect(form.problem?.message == "type the login of the person to make a manager")
        state.typeText("mlopez")
        #expect(state.press(.enter) == [BoardEffect.addManager("mlopez")])
        state.writeFailed(.usage("mlopez is already a manager"))
        guard case .form(let refused)? = state.overlay else { Issue.record("the form closed"); return }
        #expect(refused.problem?.message == "mlopez is already a manager" && refused.fields[0].text == "mlopez")
    }

    @Test func managersHideUnhideAndRemoveAfterConfirming() {
        var state = F.state(F.manager)
        #expect(state.press(.char("h")) == [BoardEffect.hide(42)])
        state.press(.char("G"), .char("k"))   // #38 is hidden
        #expect(state.press(.char("h")) == [BoardEffect.unhide(38)])
        #expect(state.press(.char("x")).isEmpty)
        guard case .confirm(let question)? = state.overlay else { Issue.record("no confirmation"); return }
        #expect(question.question.contains("#38"))
        #expect(state.press(.char("y")) == [BoardEffect.remove(38)])
    }

    @Test func theManagersScreenAddsAndRemovesForManagersOnly() {
        var staff = F.state()
        #expect(staff.press(.char("M")) == [BoardEffect.loadManagers] && staff.view == .managers)
        staff.managersLoaded(["dana", "root"])
        #expect(staff.press(.char("a")).isEmpty && staff.status?.text.contains("only a manager may manage managers") == true)
        #expect(staff.press(.char("x")).isEmpty && staff.overlay == nil)

        var manager = F.state(F.manager)
        manager.press(.char("M"))
        manager.managersLoaded(["dana", "root"])
        manager.press(.char("a"))
        manager.typeText("mlopez")
        #expect(manager.press(.enter) == [BoardEffect.addManager("mlopez")])
        manager.writeSucceeded()
        manager.press(.down, .char("x"))
        #expect(manager.press(.char("y")) == [BoardEffect.removeManager("root")])
        manager.press(.escape)
        #expect(manager.view == .list)
    }

    @Test func aReadOnlyBoardBrowsesButExplainsEveryWriteKey() {
        var viewer = F.staff
        viewer.writeBlocked = "the board is read-only for sam (no write access)"
        var state = F.state(viewer)
        for key in ["n", "u", "m", "e", "p", "h", "x"] as [Character] {
            #expect(state.press(.char(key)).isEmpty, "\(key)")
            #expect(state.status?.text == viewer.writeBlocked, "\(key)")
        }
        state.press(.down, .enter)
        #expect(state.view == .detail, "browsing still works")
    }

    // MARK: Help

    @Test func helpListsManagerKeysOnlyForManagers() {
        let staff = BoardHelp.entries(for: .list, viewer: F.staff).map(\.keys)
        let manager = BoardHelp.entries(for: .list, viewer: F.manager).map(\.keys)
        for key in ["p", "h", "x"] {
            #expect(!staff.contains(key) && manager.contains(key))
        }
        for key in ["u", "m", "n", "e", "/", "d", "w", "?", "q"] { #expect(staff.contains(key)) }
        #expect(BoardHelp.entries(for: .managers, viewer: F.staff).allSatisfy { $0.keys != "a" })
        #expect(BoardHelp.entries(for: .managers, viewer: F.manager).contains { $0.keys == "a" })
        var state = F.state()
        state.press(.char("?"))
        #expect(state.overlay == .help(scroll: 0))
        state.press(.char("q"))
        #expect(state.overlay == nil, "any other key closes help")
    }

    @Test func quitAndWallAndRepaintAreEffects() {
        var state = F.state()
        #expect(state.press(.char("w")) == [BoardEffect.showWall])
        #expect(state.press(.ctrl("l")) == [BoardEffect.repaint])
        #expect(state.press(.char("q")) == [BoardEffect.quit])
    }

    @Test func statusMessagesAreClearedOnlyByTheirOwnTimer() {
        var state = F.state()
        state.say("one")
        let first = state.status!.serial
        state.say("two")
        state.clearStatus(serial: first)
        #expect(state.status?.text == "two")
        state.clearStatus(serial: state.status!.serial)
        #expect(state.status == nil)
    }
}

@Suite struct BoardLineFieldTests {
    @Test func editingKeys() {
        var field = LineField(label: "Search", limit: 20)
        for c in "hello world" { _ = field.handle(.char(c)) }
        #expect(field.handle(.ctrl("w")) == .edited && field.text == "hello ")
        _ = field.handle(.home)
        _ = field.handle(.delete)
        #expect(field.text == "ello " && field.cursor == 0)
        _ = field.handle(.end)
        _ = field.handle(.backspace)
        #expect(field.text == "ello")
        _ = field.handle(.ctrl("u"))
        #expect(field.text.isEmpty)
    }

    @Test func controlsAndBidiNeverEnterAField() {
        var field = LineField(label: "Note", limit: 50)
        for c in ["\u{1B}", "\u{7}", "\u{202E}", "\u{2066}", "\u{0}", "\u{85}"] as [Character] {
            if case .refused = field.handle(.char(c)) {} else { Issue.record("accepted U+\(c.unicodeScalars.first!.value)") }
        }
        for c in "東京 👩‍💻 é" { _ = field.handle(.char(c)) }
        #expect(field.text == "東京 👩‍💻 é")
        #expect(LineField(label: "x", text: "a\u{1B}[31mb\nc", limit: 50).text == "a[31mbc")
    }
}
