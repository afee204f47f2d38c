import SpotlightCore
import Testing
@testable import SpotlightUI

/// A form focused on the body with `text` in it and the cursor at `cursor` (default: the end),
/// laid out for a terminal of the given size.
func bodyForm(_ text: String, cursor: Int? = nil, width: Int = 80, height: Int = 24) -> ComposeForm {
    var form = ComposeForm(draft: StoryDraft(title: "T", body: text, hero: "H"))
    form.resize(width: width, height: height)
    form.focus(.body)
    form.body.moveTo(cursor ?? form.body.count)
    form.keepBodyCursorVisible()
    return form
}

extension ComposeForm {
    mutating func type(_ text: String) {
        for scalar in text.unicodeScalars { _ = handle(.char(Character(scalar))) }
    }

    mutating func press(_ keys: Key...) {
        for key in keys { _ = handle(key) }
    }
}

@Suite struct ComposeEditorTests {
    // MARK: Inserting

    @Test func typingInsertsAtTheCursor() {
        var form = ComposeForm()
        form.type("Helo")
        form.press(.left)
        form.type("l")
        #expect(form.title.text == "Hello" && form.title.cursor == 4)
    }

    @Test func emojiTypedScalarByScalarFusesIntoOneCluster() {
        var form = ComposeForm()
        form.type("a👩\u{200D}💻b")
        #expect(form.title.count == 3)
        #expect(form.title.cursor == 3)
        form.press(.left)
        form.press(.backspace)
        #expect(form.title.text == "ab")
    }

    @Test func backspaceRemovesAWholeZWJEmoji() {
        var form = bodyForm("ok👨‍👩‍👧‍👦")
        form.press(.backspace)
        #expect(form.body.text == "ok" && form.body.cursor == 2)
    }

    @Test func deleteRemovesAWholeCluster() {
        var form = bodyForm("🇫🇷e\u{301}x", cursor: 0)
        form.press(.delete)
        #expect(form.body.text == "e\u{301}x")
        form.press(.delete)
        #expect(form.body.text == "x" && form.body.cursor == 0)
    }

    @Test func enterIsANewLineInTheBody() {
        var form = bodyForm("ab", cursor: 1)
        form.press(.enter)
        #expect(form.body.text == "a\nb" && form.body.cursor == 2)
        form.press(.backspace)
        #expect(form.body.text == "ab")
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursor() {
        var form = bodyForm("thanks to Mary")
        form.press(.ctrl("w"))
        #expect(form.body.text == "thanks to ")
    }

    // MARK: Limits and pastes

    @Test func pasting10000CharactersIntoTheTitleKeepsTheLimitAndSaysSo() {
        var form = ComposeForm()
        form.insert(String(repeating: "x", count: 10_000))
        #expect(form.title.count == 120)
        #expect(form.message == "Title holds at most 120 characters: 9,880 pasted characters were left out")
        let frame = ComposeScreen.render(form, isUTF8: true, width: 80, height: 24).grid
        #expect(frame.plainText().contains("Title (120/120)"))
    }

    @Test func typingIntoAFullFieldIsRefusedWithAMessage() {
        var form = ComposeForm()
        form.insert(String(repeating: "日", count: 120))
        form.type("x")
        #expect(form.title.count == 120)
        #expect(form.message == "Title is full: at most 120 characters")
    }

    @Test func bodyTakesExactly4000AndRefusesThe4001st() {
        var form = bodyForm("")
        form.insert(String(repeating: "a", count: 4000))
        #expect(form.body.count == 4000 && form.message == nil)
        form.insert("b")
        #expect(form.body.count == 4000)
        #expect(form.message == "Body holds at most 4,000 characters: 1 pasted character was left out")
        #expect(form.draft.problems().isEmpty)
    }

    @Test func pasteBeyondTheBodyLimitKeepsWhatFits() {
        var form = bodyForm("")
        form.insert(String(repeating: "寿司🍣", count: 5000))
        #expect(form.body.count == 4000)
        #expect(form.body.text.hasSuffix("寿司🍣寿"))   // 1,333 × 3 + 1
        #expect(form.message == "Body holds at most 4,000 characters: 11,000 pasted characters were left out")
    }

    @Test func combiningMarksCannotGrowAFieldPastItsByteLimit() {
        var form = bodyForm("")
        form.insert("e" + String(repeating: "\u{301}", count: 40_000))
        #expect(form.body.text.utf8.count <= StoryLimits.maxFieldBytes)
        #expect(form.message?.contains("65,536 bytes") == true)
    }

    @Test func pastedControlsAreStrippedAndLineBreaksKeptOnlyInTheBody() {
        let hostile = "a\u{1B}[2Jb\u{9B}31mc\u{7}\r\nline\u{2028}two\u{202E}x\u{200B}\ty\u{0}"
        var form = bodyForm("")
        form.insert(hostile)
        #expect(form.body.text == "a[2Jb31mc\nline\ntwox y")
        var title = ComposeForm()
        title.insert(hostile)
        #expect(title.title.text == "a[2Jb31mc line twox y")
    }

    @Test func keptJoinersAndFlagsSurviveCleaning() {
        var form = bodyForm("")
        form.insert("👩‍💻 🏴󠁧󠁢󠁳󠁣󠁴󠁿 ﾊﾞ")
        #expect(form.body.text == "👩‍💻 🏴󠁧󠁢󠁳󠁣󠁴󠁿 ﾊﾞ")
    }

    // MARK: Wrapping and columns

    @Test func wrapsAtSpacesAndSpacesHangAtTheEnd() {
        let layout = BodyLayout("hello world foo", width: 11)
        #expect(layout.lines.map { $0.start..<$0.end } == [0..<12, 12..<15])
        #expect(layout.lines.map(\.isParagraphEnd) == [false, true])
    }

    @Test func longWordsBreakBetweenCharacters() {
        let layout = BodyLayout("abcdefghij", width: 4)
        #expect(layout.lines.map { $0.start..<$0.end } == [0..<4, 4..<8, 8..<10])
    }

    @Test func wideCharactersWrapByDisplayWidth() {
        // Ten CJK characters, two columns each, in seven columns: three to a line.
        let layout = BodyLayout(String(repeating: "語", count: 10), width: 7)
        #expect(layout.lines.map { $0.end - $0.start } == [3, 3, 3, 1])
        let line = layout.line(of: 4)
        #expect(line == 1 && layout.column(of: 4, onLine: line) == 2)
    }

    @Test func newlinesAndBlankLinesAreLines() {
        let layout = BodyLayout("a\n\nb\n", width: 10)
        #expect(layout.lines.map { $0.start..<$0.end } == [0..<1, 2..<2, 3..<4, 5..<5])
        #expect(layout.line(of: 2) == 1 && layout.line(of: 5) == 3)
    }

    @Test func cursorColumnCountsWideGraphemes() {
        let text = "日本👩‍💻é🇯🇵x"
        let layout = BodyLayout(text, width: 40)
        #expect((0...6).map { layout.column(of: $0, onLine: 0) } == [0, 2, 4, 6, 7, 9, 10])
    }

    @Test func renderedCursorSitsAfterTheLastWideCharacter() throws {
        let form = bodyForm("日本語👩‍💻x")
        let (grid, cursor) = ComposeScreen.render(form, isUTF8: true, width: 80, height: 24)
        let c = try #require(cursor)
        #expect(grid[c.x - 1, c.y].text == "x")
        #expect(grid[c.x - 3, c.y].text == "👩‍💻" && grid[c.x - 2, c.y].isContinuation)
        #expect(grid[c.x - 5, c.y].text == "語")
        let rowText = grid.plainText().split(separator: "\n", omittingEmptySubsequences: false)[c.y]
        #expect(rowText.contains("日本語👩‍💻x"))
    }

    @Test func cursorInTheMiddleOfCJKSitsOnTheCharacterAfterIt() throws {
        let form = bodyForm("東京オフィス", cursor: 2)
        let (grid, cursor) = ComposeScreen.render(form, isUTF8: true, width: 80, height: 24)
        let c = try #require(cursor)
        #expect(grid[c.x, c.y].text == "オ")
        #expect(grid[c.x - 2, c.y].text == "京")
    }

    // MARK: Moving

    @Test func wordJumps() {
        var form = bodyForm("Hello, world  foo", cursor: 0)
        var stops: [Int] = []
        for _ in 0..<5 {
            form.press(.wordRight)
            stops.append(form.body.cursor)
        }
        #expect(stops == [5, 6, 12, 17, 17])
        stops = []
        for _ in 0..<5 {
            form.press(.wordLeft)
            stops.append(form.body.cursor)
        }
        #expect(stops == [14, 7, 5, 0, 0])
    }

    @Test func wordJumpsTreatACJKRunAsOneWordAndEmojiAsSymbols() {
        var form = bodyForm("台風の日 🌀🌀 ok", cursor: 0)
        form.press(.wordRight)
        #expect(form.body.cursor == 4)
        form.press(.wordRight)
        #expect(form.body.cursor == 7)
        form.press(.wordRight)
        #expect(form.body.cursor == 10)
    }

    @Test func wordJumpsInOneLineFields() {
        var form = ComposeForm(draft: StoryDraft(title: "Mary turned a caller", hero: "H"))
        form.press(.end, .wordLeft)   // a form opens with the cursor at the start
        #expect(form.title.cursor == 14)
        form.press(.home, .wordRight, .wordRight)
        #expect(form.title.cursor == 11)
    }

    @Test func homeAndEndWorkOnTheVisualLine() throws {
        // Content 76 columns wide at 80×24: the second visual line starts at "dolor".
        let text = String(repeating: "lorem ipsum ", count: 6) + "dolor sit amet"
        var form = bodyForm(text, cursor: 74)
        let layout = try #require(form.bodyLayout).layout
        #expect(layout.lines.count == 2)
        let second = layout.lines[1]
        #expect(second.start == 72)
        form.press(.home)
        #expect(form.body.cursor == 72)
        form.press(.end)
        #expect(form.body.cursor == text.count)
        form.body.moveTo(10)
        form.press(.end)
        #expect(form.body.cursor == 72 && form.bodyUpstream)
        // The cursor shows at the end of the first line, not at the start of the second.
        let (_, cursor) = ComposeScreen.render(form, isUTF8: true, width: 80, height: 24)
        let bodyTop = try #require(ComposeScreen.render(bodyForm("x"), isUTF8: true, width: 80, height: 24).cursor).y
        #expect(cursor?.y == bodyTop)
        #expect(cursor?.x == 2 + 72)
        form.press(.home)
        #expect(form.body.cursor == 0)
    }

    @Test func upAndDownKeepTheColumnAcrossWideCharacters() {
        var form = bodyForm("abcdef\n日本語です\nxy\nabcdefgh", cursor: 5)
        form.press(.down)
        #expect(form.body.cursor == 9)          // column 5 falls inside 語: stop before it (column 4)
        form.press(.down)
        #expect(form.body.cursor == 15)         // "xy" is shorter: its end
        form.press(.down)
        #expect(form.body.cursor == 21)         // the goal column 5 again
        form.press(.down)
        #expect(form.body.cursor == form.body.count)
        form.press(.up, .up, .up)
        #expect(form.body.cursor == 5)
        form.press(.up)
        #expect(form.focus == .onBehalfOf)
    }

    @Test func theBodyScrollsToKeepTheCursorVisible() throws {
        let text = (1...60).map { "line \($0)" }.joined(separator: "\n")
        var form = bodyForm(text, width: 40, height: 12)
        let (grid, cursor) = ComposeScreen.render(form, isUTF8: true, width: 40, height: 12)
        let c = try #require(cursor)
        let rows = grid.plainText().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[c.y].contains("line 60"))
        for _ in 0..<59 { form.press(.up) }
        let top = ComposeScreen.render(form, isUTF8: true, width: 40, height: 12)
        let t = try #require(top.cursor)
        #expect(top.grid.plainText().split(separator: "\n", omittingEmptySubsequences: false)[t.y].contains("line 1 "))
        form.press(.pageDown)
        #expect(form.body.cursor > 0)
        let paged = ComposeScreen.render(form, isUTF8: true, width: 40, height: 12)
        #expect(paged.cursor != nil)
    }
}
