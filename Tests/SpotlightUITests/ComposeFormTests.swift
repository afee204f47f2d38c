import SpotlightCore
import Testing
@testable import SpotlightUI

@Suite struct ComposeFormTests {
    // MARK: Moving between fields

    @Test func tabVisitsEveryFieldInOrderAndWrapsAround() {
        var form = ComposeForm()
        var seen = [form.focus]
        for _ in 0..<7 {
            form.press(.tab)
            seen.append(form.focus)
        }
        #expect(seen == [.title, .hero, .department, .customer, .tags, .onBehalfOf, .body, .title])
        form.press(.backTab)
        #expect(form.focus == .body)
        form.press(.backTab)
        #expect(form.focus == .onBehalfOf)
    }

    @Test func arrowsMoveBetweenOneLineFieldsAndIntoTheBody() {
        var form = ComposeForm()
        form.press(.up)
        #expect(form.focus == .title)
        form.press(.down, .down, .down, .down, .down)
        #expect(form.focus == .onBehalfOf)
        form.press(.down)
        #expect(form.focus == .body)
        form.press(.down)
        #expect(form.focus == .body)
        form.press(.up)
        #expect(form.focus == .onBehalfOf)
    }

    @Test func enterMovesOnFromAOneLineFieldButIsANewLineInTheBody() {
        var form = ComposeForm()
        form.type("Headline")
        form.press(.enter)
        #expect(form.focus == .hero && form.title.text == "Headline")
        form.press(.backTab, .backTab)
        form.type("one")
        form.press(.enter)
        form.type("two")
        #expect(form.focus == .body && form.body.text == "one\ntwo")
        form.press(.tab)
        #expect(form.focus == .title)
    }

    // MARK: Department completion

    @Test func departmentCompletesFromExistingDepartments() throws {
        var form = ComposeForm(departments: ["Billing", "Customer Support", "Customs"])
        form.press(.tab, .tab)
        form.type("cu")
        #expect(form.completion?.department == "Customer Support")
        let (grid, cursor) = ComposeScreen.render(form, isUTF8: true, width: 80, height: 24)
        let c = try #require(cursor)
        #expect(grid[c.x, c.y].text == "s" && grid[c.x, c.y].role == .dim)
        #expect(grid.plainText().contains("cu" + "stomer Support"))   // what was typed, then the rest dimmed
        #expect(grid[c.x - 1, c.y].text == "u" && grid[c.x - 1, c.y].role == .normal)
        form.press(.tab)
        #expect(form.department.text == "Customer Support" && form.focus == .department)
        form.press(.tab)
        #expect(form.focus == .customer)
    }

    @Test func rightArrowAtTheEndTakesTheCompletion() {
        var form = ComposeForm(departments: ["Tokyo Office 🇯🇵"])
        form.press(.tab, .tab)
        form.type("tok")
        form.press(.right)
        #expect(form.department.text == "Tokyo Office 🇯🇵")
        form.press(.home, .right)
        #expect(form.department.cursor == 1)
    }

    @Test func noCompletionWhenNothingMatchesOrTheCursorIsInside() {
        var form = ComposeForm(departments: ["Billing"])
        form.press(.tab, .tab)
        form.type("IT")
        #expect(form.completion == nil)
        form.press(.backspace, .backspace)
        form.type("bi")
        form.press(.left)
        #expect(form.completion == nil)
        form.press(.tab)
        #expect(form.focus == .customer && form.department.text == "bi")
    }

    // MARK: Customer kind

    @Test func customerKindTogglesWithSpaceAndArrows() {
        var form = ComposeForm()
        form.press(.tab, .tab, .tab)
        #expect(form.focus == .customer && form.draft.customer == .external)
        form.press(.char(" "))
        #expect(form.draft.customer == .internal)
        form.press(.left)
        #expect(form.draft.customer == .external)
        form.press(.right)
        #expect(form.draft.customer == .internal)
        form.press(.char("e"))
        #expect(form.draft.customer == .external)
        form.press(.char("x"))
        #expect(form.draft.customer == .external && form.message?.contains("space or the arrow keys") == true)
    }

    // MARK: Submitting

    @Test func submitWithErrorsShowsThemNextToTheirFieldsAndReturnsNone() {
        var form = ComposeForm()
        form.press(.tab, .tab, .tab, .tab)
        form.type("Not A Tag")
        form.press(.tab, .tab)
        #expect(form.focus == .body)
        #expect(form.handle(.ctrl("s")) == .none)
        #expect(form.focus == .title)
        #expect(form.message == "Not saved: title is required (and 2 more)")
        let text = ComposeScreen.render(form, isUTF8: true, width: 80, height: 24).grid.plainText()
        #expect(text.contains("✗ title is required"))
        #expect(text.contains("✗ hero is required"))
        #expect(text.contains("✗ tag 1 must be"))
        let rows = text.split(separator: "\n")
        let titleRow = rows.firstIndex { $0.contains("Title (0/120)") }
        #expect(titleRow.map { rows[$0 + 1].contains("title is required") } == true)
    }

    @Test func editingAFieldClearsItsError() {
        var form = ComposeForm()
        _ = form.handle(.ctrl("s"))
        #expect(form.fieldProblems[.title] != nil && form.fieldProblems[.hero] != nil)
        form.type("A title")
        #expect(form.fieldProblems[.title] == nil && form.fieldProblems[.hero] != nil)
    }

    @Test func submitReturnsTheDraftAsTyped() {
        var form = ComposeForm()
        form.type("  Mary saved the day ")
        form.press(.tab)
        form.type("Mary Lopez")
        form.press(.tab, .tab, .char(" "), .tab)
        form.type("above-and-beyond, recovery  defused")
        form.press(.tab, .tab)
        form.type("She stayed late.\nThanks!")
        let outcome = form.handle(.ctrl("s"))
        #expect(outcome == .submit(StoryDraft(
            title: "Mary saved the day", body: "She stayed late.\nThanks!", hero: "Mary Lopez",
            department: "General", customer: .internal, tags: ["above-and-beyond", "recovery", "defused"], onBehalfOf: nil)))
    }

    @Test func callerProblemsFocusTheFirstFieldOnScreen() {
        var form = ComposeForm(draft: StoryDraft(title: "t", hero: "h"))
        let problems = StoryDraft(title: "t", body: String(repeating: "a", count: 4001), hero: "h", tags: ["a", "a"]).problems()
        #expect(problems.map(\.field) == [.body, .tags])
        form.show(problems: problems)
        #expect(form.focus == .tags)
        #expect(form.message == "Not saved: tags: each tag may appear only once (and 1 more)")
        form.show(message: "story #4 changed since you opened it; your text is kept")
        #expect(form.message == "story #4 changed since you opened it; your text is kept")
    }

    // MARK: Cancelling

    @Test func escOnAnUnchangedFormCancels() {
        var form = ComposeForm()
        #expect(form.handle(.escape) == .cancel)
        var edit = ComposeForm(draft: StoryDraft(title: "t", hero: "h"), editing: 7)
        #expect(!edit.isDirty && edit.editingID == 7)
        #expect(edit.handle(.escape) == .cancel)
    }

    @Test func escOnAChangedFormAsksAndASecondEscDiscards() {
        var form = ComposeForm()
        form.type("x")
        #expect(form.isDirty)
        #expect(form.handle(.escape) == .none)
        #expect(form.message == "Discard your changes? Esc again to discard, any other key to keep editing")
        let frame = ComposeScreen.render(form, isUTF8: true, width: 80, height: 24).grid
        #expect(frame.plainText().contains("Discard your changes?"))
        #expect(form.handle(.escape) == .cancel)
    }

    @Test func anyOtherKeyKeepsEditingAndIsNotTyped() {
        var form = ComposeForm()
        form.type("x")
        #expect(form.handle(.escape) == .none)
        #expect(form.handle(.char("y")) == .none)
        #expect(form.message == nil && form.title.text == "x")
        #expect(form.handle(.escape) == .none)        // asks again
        #expect(form.message?.hasPrefix("Discard") == true)
    }

    @Test func undoingEveryChangeIsNotDirty() {
        var form = ComposeForm(draft: StoryDraft(title: "t", hero: "h"), editing: 3)
        form.type("x")
        form.press(.backspace)
        #expect(!form.isDirty)
    }

    @Test func aRestoredDraftCountsAsUnsaved() {
        var form = ComposeForm(draft: StoryDraft(title: "t", hero: "h"), restored: true)
        #expect(form.isDirty)
        #expect(form.handle(.escape) == .none)
    }

    // MARK: Resizing

    @Test func resizingKeepsTextAndCursor() throws {
        let text = "台風で交通機関が止まった日、陽子さんは自宅から転送電話を受け、すべてのお客様に折り返しました。"
            + " 👩‍💻 Yoko took every forwarded call from home during the typhoon 🌀; by morning nothing was left. "
            + String(repeating: "More words to make it wrap several times. ", count: 12)
        var form = bodyForm(text, cursor: 40)
        form.press(.down, .down)
        let position = form.body.cursor
        let before = form
        var cursors: [(x: Int, y: Int)] = []
        for (w, h) in [(80, 24), (40, 12), (80, 24)] {
            form.resize(width: w, height: h)
            let frame = ComposeScreen.render(form, isUTF8: true, width: w, height: h)
            cursors.append(try #require(frame.cursor))
            #expect(form.body.cursor == position && form.body.text == before.body.text && form.focus == .body)
            #expect(frameProblems(frame.grid, width: w, height: h) == [])
        }
        #expect(cursors[0] == cursors[2])
        // Typing after the round trip lands where the cursor was.
        form.type("!")
        #expect(Array(form.body.text)[position] == "!")
    }

    @Test func resizingToTinyAndBackLosesNothing() {
        var form = bodyForm("keep me", cursor: 4)
        let before = form
        for (w, h) in [(10, 5), (0, 0), (39, 11)] {
            form.resize(width: w, height: h)
            let frame = ComposeScreen.render(form, isUTF8: true, width: w, height: h)
            #expect(frame.cursor == nil)
            form.press(.up)   // keys still work without a layout
        }
        form.resize(width: 80, height: 24)
        #expect(form.body.text == before.body.text)
    }

    // MARK: One-line fields scroll sideways only as far as the cursor needs

    /// The title's value cells as text, and the cursor, at a size (ASCII text only).
    func titleRow(_ form: ComposeForm, width: Int = 100, height: Int = 30) throws -> (text: String, cursorColumn: Int?) {
        let (grid, cursor) = ComposeScreen.render(form, isUTF8: true, width: width, height: height)
        let area = ComposeLayout(form: form, width: width, height: height).valueArea(.title)
        let row = try #require(grid.plainText().split(separator: "\n", omittingEmptySubsequences: false)[area.y...].first)
        let text = String(row.dropFirst(area.x).prefix(area.width))
        let column = cursor.flatMap { $0.y == area.y ? $0.x - area.x : nil }
        return (text.replacingOccurrences(of: " +$", with: "", options: .regularExpression), column)
    }

    @Test func aTitleAsWideAsTheFieldShowsWholeWithTheCursorAfterIt() throws {
        var form = ComposeForm()
        form.resize(width: 100, height: 30)
        let title = "Draft that should survive a hangup"
        #expect(title.count == 34 && ComposeLayout(form: form, width: 100, height: 30).valueArea(.title).width == 34)
        form.type(title)
        let shown = try titleRow(form)
        #expect(shown.text == title)
        #expect(shown.cursorColumn == 34, "the cursor waits in the blank column after the field")
    }

    @Test func movingLeftInALongTitleDoesNotScrollUntilTheCursorLeavesTheView() throws {
        var form = ComposeForm()
        form.resize(width: 100, height: 30)
        let title = (0..<6).map { "word\($0)....." }.joined()   // 60 characters, wider than the field
        form.type(title)
        let atEnd = try titleRow(form)
        #expect(atEnd.text == String(title.suffix(34)) && atEnd.cursorColumn == 34)
        for _ in 0..<20 { form.press(.left) }
        let inside = try titleRow(form)
        #expect(inside.text == atEnd.text, "the view stays while the cursor is in it")
        #expect(inside.cursorColumn == 14)
        form.press(.home)
        let start = try titleRow(form)
        #expect(start.text == String(title.prefix(34)) && start.cursorColumn == 0)
        form.press(.end)
        #expect(try titleRow(form).text == String(title.suffix(34)))
    }

    @Test func textThatFitsAfterDeletingIsShownWhole() throws {
        var form = ComposeForm()
        form.resize(width: 100, height: 30)
        form.type(String(repeating: "abcd", count: 10))   // 40 characters
        for _ in 0..<6 { form.press(.backspace) }
        let shown = try titleRow(form)
        #expect(shown.text == String(String(repeating: "abcd", count: 10).prefix(34)) && shown.cursorColumn == 34)
    }

    @Test func editingAStoryOpensEveryFieldAtItsStart() throws {
        let long = "Support stayed on the line while a customer's shop reopened after the flood"
        var form = ComposeForm(draft: StoryDraft(title: long, body: "b", hero: "Aisha Bello"), editing: 7)
        form.resize(width: 100, height: 30)
        #expect(form.title.cursor == 0 && form.hero.cursor == 0)
        let shown = try titleRow(form)
        #expect(shown.text == String(long.prefix(34)) && shown.cursorColumn == 0)
        var short = ComposeForm(draft: StoryDraft(title: "Draft that should survive a hangup", body: "b", hero: "H"), editing: 8)
        short.resize(width: 100, height: 30)
        #expect(try titleRow(short).text == "Draft that should survive a hangup")
    }

    @Test func theFirstVisibleCharacterFollowsTheCursorAndNeverHidesWhatFits() {
        let ascii = Array(repeating: 1, count: 10)
        #expect(ComposeLayout.firstVisibleCharacter(widths: ascii, cursor: 10, left: 0, width: 10) == 0)
        #expect(ComposeLayout.firstVisibleCharacter(widths: ascii, cursor: 10, left: 0, width: 6) == 4)
        #expect(ComposeLayout.firstVisibleCharacter(widths: ascii, cursor: 5, left: 4, width: 6) == 4)   // in view: stays
        #expect(ComposeLayout.firstVisibleCharacter(widths: ascii, cursor: 2, left: 4, width: 6) == 2)   // left of it
        #expect(ComposeLayout.firstVisibleCharacter(widths: ascii, cursor: 9, left: 0, width: 6) == 4)   // the character under it shows
        #expect(ComposeLayout.firstVisibleCharacter(widths: ascii, cursor: 10, left: 9, width: 6) == 4)  // pulled back to fill
        let wide = [2, 2, 2, 2]   // 東京オフ
        #expect(ComposeLayout.firstVisibleCharacter(widths: wide, cursor: 4, left: 0, width: 5) == 2)
        #expect(ComposeLayout.firstVisibleCharacter(widths: wide, cursor: 3, left: 0, width: 5) == 2)
    }
}
