import SpotlightCore
import Testing
@testable import SpotlightUI

/// Forms for golden frames: CJK and emoji with a failed submit, an empty new story, an edit on
/// an ASCII terminal, and text built to break terminals.
enum ComposeFixtures {
    static let departments = ["Customer Support", "Tokyo Office 🇯🇵", "Billing"]

    /// CJK and emoji everywhere, the hero left empty and Ctrl-S pressed: "hero is required".
    static func cjkWithError() -> ComposeForm {
        var form = ComposeForm(
            draft: StoryDraft(
                title: "東京オフィス：台風の日もお客様の電話に全件対応 ☎️",
                body: "台風で交通機関が止まった日、陽子さんは自宅から転送電話を受け、すべてのお客様に折り返しました。"
                    + "翌朝には未対応ゼロ。\n\n👩‍💻 Yoko took every forwarded call from home during the typhoon 🌀; "
                    + "by morning nothing was left unanswered. 🇫🇷🇩🇪🇯🇵 팀 모두 감사합니다 🙌🏽",
                hero: "", department: "Tokyo Office 🇯🇵", tags: ["typhoon", "above-and-beyond"], onBehalfOf: "佐藤 健"),
            departments: departments)
        _ = form.handle(.ctrl("s"))
        return form
    }

    static func empty() -> ComposeForm { ComposeForm(departments: departments) }

    /// Editing story #42, the cursor in the body.
    static func asciiEdit() -> ComposeForm {
        var form = ComposeForm(
            draft: StoryDraft(
                title: "Mary turned a furious caller into our biggest fan",
                body: "A customer rang after three missed deliveries and wanted to cancel everything. Mary let him "
                    + "finish, apologised without excuses, booked the courier herself and called him back at six.",
                hero: "Mary Lopez", department: "Customer Support", customer: .external, tags: ["recovery"]),
            editing: 42, departments: departments)
        form.press(.backTab)
        return form
    }

    static let hostile = "\u{1B}[2J\u{1B}[H\u{202E}Pwned\u{202C} \u{1B}]52;c;SGVsbG8=\u{07}\u{9B}31m"
        + "\u{0}\u{1}\u{7F}\u{85}\u{2066}x\u{2069}\u{200B}\u{FEFF}\r\n\u{1B}P+q\u{1B}\\"
        + "e" + String(repeating: "\u{0301}", count: 300) + String(repeating: "A", count: 3000)
        + (0..<32).map { String(Character(Unicode.Scalar($0)!)) }.joined()
        + (0x80..<0xA0).map { String(Character(Unicode.Scalar($0)!)) }.joined()
}

@Suite struct ComposeFrameTests {
    @Test(arguments: [(80, 24), (120, 40), (40, 12)])
    func cjkWithAnError(_ size: (Int, Int)) throws {
        let (w, h) = size
        var form = ComposeFixtures.cjkWithError()
        form.resize(width: w, height: h)
        let (grid, cursor) = ComposeScreen.render(form, isUTF8: true, width: w, height: h)
        expectGolden(grid, "compose-cjk-\(w)x\(h)")
        #expect(frameProblems(grid, width: w, height: h) == [])
        let c = try #require(cursor)
        #expect(grid.contains(x: c.x, y: c.y))
        #expect(grid.plainText().contains("hero is required"))
        #expect(grid.cells.contains { $0.role == .error })
    }

    @Test func previewAppearsOnlyWhenWide() {
        let form = ComposeFixtures.cjkWithError()
        #expect(ComposeScreen.render(form, isUTF8: true, width: 120, height: 40).grid.plainText().contains("Preview"))
        #expect(!ComposeScreen.render(form, isUTF8: true, width: 80, height: 24).grid.plainText().contains("Preview"))
    }

    @Test func previewShowsTheCardAsTheWallDoes() {
        var form = ComposeFixtures.asciiEdit()
        form.authorName = "John Park"
        let text = ComposeScreen.render(form, isUTF8: true, width: 120, height: 40).grid.plainText()
        #expect(text.contains("🙌 Mary Lopez · Customer Support"))
        #expect(text.contains("posted by John Park · just now"))
        #expect(text.contains("Edit story #42"))
    }

    @Test func otherGoldens() {
        expectGolden(ComposeScreen.render(ComposeFixtures.empty(), isUTF8: true, width: 80, height: 24).grid, "compose-empty-80x24")
        let ascii = ComposeScreen.render(ComposeFixtures.asciiEdit(), isUTF8: false, width: 80, height: 24).grid
        expectGolden(ascii, "compose-ascii-edit-80x24")
        #expect(ascii.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) })
        var discard = ComposeFixtures.asciiEdit()
        discard.type("!")
        _ = discard.handle(.escape)
        expectGolden(ComposeScreen.render(discard, isUTF8: true, width: 40, height: 12).grid, "compose-discard-40x12")
        expectGolden(ComposeScreen.render(ComposeFixtures.empty(), isUTF8: true, width: 10, height: 5).grid, "compose-too-small-10x5")
    }

    @Test func tooSmallSaysWhatToDo() {
        let text = ComposeScreen.render(ComposeFixtures.empty(), isUTF8: true, width: 39, height: 12).grid.plainText()
        #expect(text.contains("Enlarge") && text.contains("40×12"))
        let tiny = ComposeScreen.render(ComposeFixtures.empty(), isUTF8: true, width: 10, height: 5)
        #expect(tiny.grid.plainText().contains("Enlarge") && tiny.cursor == nil)
    }

    @Test func cursorIsInTheFocusedField() throws {
        var form = ComposeFixtures.empty()
        for field in [ComposeField.title, .hero, .department, .customer, .tags, .onBehalfOf, .body] {
            #expect(form.focused == field)
            for (w, h) in [(80, 24), (40, 12), (120, 40)] {
                let (grid, cursor) = ComposeScreen.render(form, isUTF8: true, width: w, height: h)
                let c = try #require(cursor)
                let layout = ComposeLayout(form: form, width: w, height: h)
                if field == .body {
                    #expect(c.y == layout.bodyArea.y && c.x == layout.bodyArea.x)
                } else {
                    #expect(c.y == layout.fieldY[field] && c.x >= layout.valueArea(field).x)
                }
                #expect(grid.contains(x: c.x, y: c.y))
            }
            form.press(.tab)
        }
    }

    @Test func hostilePastesNeverPutAControlCharacterInAnyCell() throws {
        var form = ComposeForm(departments: [ComposeFixtures.hostile])
        for _ in ComposeField.allCases {
            form.insert(ComposeFixtures.hostile)
            form.press(.tab)
        }
        for field in ComposeField.allCases {
            guard let text = form.buffer(field)?.text else { continue }
            let bad = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
            #expect(bad.isEmpty, "\(field) kept \(bad.map { String($0.value, radix: 16) })")
        }
        #expect(!form.title.text.contains("\n") && form.body.text.contains("\n"))
        for (w, h) in [(80, 24), (120, 40), (40, 12), (200, 60), (41, 13)] {
            for focus in ComposeField.allCases {
                form.focus(focus)
                form.resize(width: w, height: h)
                let (grid, cursor) = ComposeScreen.render(form, isUTF8: true, width: w, height: h)
                #expect(frameProblems(grid, width: w, height: h) == [], "\(w)×\(h) \(focus)")
                let c = try #require(cursor)
                #expect(grid.contains(x: c.x, y: c.y))
            }
        }
    }

    @Test func typedControlKeysAndFormatCharactersAreNotInserted() {
        var form = ComposeForm()
        for scalar in [0x1B, 0x07, 0x9B, 0x202E, 0x200B, 0xFEFF] as [UInt32] {
            _ = form.handle(.char(Character(Unicode.Scalar(scalar)!)))
        }
        #expect(form.title.text.isEmpty && !form.isDirty)
    }

    @Test func anySizeRendersAGridOfThatSize() {
        var seed: UInt64 = 0xC0FFEE
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound + 1))
        }
        var sizes = [(0, 0), (1, 1), (10, 5), (39, 11), (40, 11), (39, 12), (40, 12), (99, 15), (100, 16), (300, 100)]
        while sizes.count < 40 { sizes.append((next(300), next(100))) }
        var hostile = ComposeFixtures.cjkWithError()
        hostile.insert(ComposeFixtures.hostile)
        for (w, h) in sizes {
            for var form in [ComposeFixtures.cjkWithError(), ComposeFixtures.empty(), ComposeFixtures.asciiEdit(), hostile] {
                form.resize(width: w, height: h)
                for utf8 in [true, false] {
                    let (grid, cursor) = ComposeScreen.render(form, isUTF8: utf8, width: w, height: h)
                    #expect(frameProblems(grid, width: w, height: h) == [], "\(w)×\(h)")
                    if let cursor { #expect(grid.contains(x: cursor.x, y: cursor.y), "\(w)×\(h)") }
                }
            }
        }
    }
}
