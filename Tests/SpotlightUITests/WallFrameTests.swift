import Foundation
import SpotlightCore
import SpotlightTestSupport
import Testing
@testable import SpotlightUI

/// View models for golden frames: ordinary demo text, CJK and emoji, and text built to break
/// terminals (escape injection, bidi overrides, zalgo, giant words, invisible characters).
enum WallFixtures {
    static let demo = WallViewModel(
        boardName: "Acme Support", banner: "★ SERVICE SPOTLIGHT", clock: "Tue 24 Nov 14:05",
        card: WallCard(
            title: "Mary turned a furious caller into our biggest fan",
            body: "A customer rang after three missed deliveries and wanted to cancel everything. Mary let him "
                + "finish, apologised without excuses, booked the courier herself and called him back at six to "
                + "confirm the parcel was at his door. He has since ordered twice more and asked for her by name.",
            hero: "Mary Lopez", department: "Customer Support", customerKind: "external customer",
            votes: 14, medallions: 1, isPinned: true, author: "John Park", age: "2 days ago"
        ),
        reason: "pinned by Dana until Fri",
        ticker: [
            "IT brought the finance report server back before month-end close",
            "Warehouse re-packed 200 orders by hand after the label printer died",
            "Billing found a double charge before the customer did",
        ],
        position: WallPosition(index: 2, count: 7, unit: "stories")
    )

    static let cjk = WallViewModel(
        boardName: "東京サポート 🇯🇵", banner: "🌟 サービス・スポットライト", clock: "火 11月24日 14:05",
        card: WallCard(
            title: "東京オフィス：台風の日もお客様の電話に全件対応 ☎️",
            body: "台風で交通機関が止まった日、陽子さんは自宅から転送電話を受け、すべてのお客様に折り返しました。"
                + "翌朝には未対応ゼロ。👩‍💻 Yoko took every forwarded call from home during the typhoon 🌀; "
                + "by morning nothing was left unanswered. 🇫🇷🇩🇪🇯🇵 팀 모두 감사합니다 🙌🏽",
            hero: "佐藤 陽子 👩‍💻", department: "Tokyo Office 🇯🇵", customerKind: "external customer",
            votes: 5, medallions: 2, isNew: true, author: "Gen Sato", age: "30 h ago"
        ),
        reason: "新着 · new this cycle",
        ticker: ["大阪：返品センターが一日で千件処理 📦", "👨‍👩‍👧 Family plan fixed in one call", "Zürich 🇨🇭 crème brûlée day"],
        position: WallPosition(index: 0, count: 4, unit: "stories")
    )

    static let zalgo = "e" + String(repeating: "\u{0301}", count: 10_000)
    static let giantWord = String(repeating: "A", count: 4000)
    static let hostile = WallViewModel(
        boardName: "\u{1B}[?1049lBoard\u{7}", banner: "\u{1B}]52;c;SGVsbG8=\u{07}★ SPOTLIGHT",
        clock: "\u{2066}14:05\u{2069}",
        card: WallCard(
            title: "\u{1B}[2J\u{1B}[H\u{202E}Pwned\u{202C} \u{1B}]52;c;SGVsbG8=\u{07}\u{9B}31m" + giantWord + zalgo,
            body: "\u{1B}[2Jcleared?\r\n\u{1B}]52;c;SGVsbG8=\u{07}clipboard \u{9B}6n\u{0}\u{7F}"
                + "\u{200B}\u{200B}zero\u{200B}width\u{FEFF} \u{202E}desrever\u{202C} " + giantWord + " " + zalgo,
            hero: "\u{9B}31mRed\u{9B}0m \u{202E}olleh", department: "\u{1B}[5mSupport\u{1B}[0m",
            customerKind: "internal\u{0}customer", votes: -3, medallions: Int.max,
            isPinned: true, isNew: true, author: "\u{1B}]0;owned\u{7}Mallory", age: "\u{7F}\u{85}now"
        ),
        reason: "\u{1B}[5mblink\u{1B}[0m" + giantWord,
        ticker: ["\u{1B}[2J" + giantWord, zalgo, "\u{202E}\u{2066}bidi\u{2069}", "\u{200B}\u{200B}"],
        tickerOffset: -7,
        position: WallPosition(index: 99, count: 3, unit: "stories"),
        statusLine: "board unavailable \u{1B}[31m— showing last good content"
    )

    static let sizes = [(80, 24), (120, 40), (40, 12)]

    /// The synthetic test font (`Fixtures/make-test-font.py`): golden frames never depend on
    /// whether the unifont package is installed.
    static let font: HexFont = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/test-font.hex")
        return try! HexFont.load(path: url.path)
    }()

    static let cyrillic = WallViewModel(
        boardName: "Бухгалтерия", banner: "★ SERVICE SPOTLIGHT", clock: "Вт 24 ноя 14:05",
        card: WallCard(
            title: "Ольга спасла годовой отчёт за ночь до сдачи",
            body: "Сервер упал в пятницу вечером. Ольга восстановила данные из резервной копии, "
                + "проверила каждую строку и отправила отчёт в налоговую в понедельник в девять утра.",
            hero: "Ольга Петрова", department: "Бухгалтерия", customerKind: "internal customer",
            votes: 9, medallions: 1, isNew: true, author: "Иван Смирнов", age: "3 hours ago"
        ),
        reason: "new on the board",
        ticker: ["Склад: двести заказов упакованы вручную", "IT brought the report server back"],
        position: WallPosition(index: 1, count: 5, unit: "stories")
    )

    /// Emoji in the headline: the line holding one stays text, the rest is big.
    static let emoji = WallViewModel(
        boardName: "Acme Support 🎧", banner: "★ SERVICE SPOTLIGHT", clock: "Tue 24 Nov 14:05",
        card: WallCard(
            title: "Night shift kept every line open during the storm 🌩️",
            body: "Power went out at the call centre at 2 am 🔦. Sam moved the queue to mobiles, "
                + "kept customers posted every half hour and nobody waited more than four minutes. 🙌🏽",
            hero: "Sam O'Neil 🦸", department: "Night Support", customerKind: "external customer",
            votes: 31, medallions: 3, isPinned: true, author: "Priya Nair", age: "yesterday"
        ),
        reason: "trending: 31 votes, 3 medallions",
        ticker: ["👨‍👩‍👧 Family plan fixed in one call", "Zürich 🇨🇭 crème brûlée day"],
        position: WallPosition(index: 4, count: 9, unit: "stories")
    )

    /// Sizes of the lobby goldens: 1080p consoles (240×67, 200×60), a small TV, the compact wall.
    static let tvSizes = [(240, 67), (200, 60), (120, 40), (80, 24)]

    static func named(_ name: String) -> WallViewModel {
        [("demo", demo), ("cjk", cjk), ("hostile", hostile), ("cyrillic", cyrillic), ("emoji", emoji)].first { $0.0 == name }!.1
    }
}

/// Compares a frame — its text and its role layer (`GoldenRoles`) — with `Goldens/<name>.txt`;
/// `SNAPSHOT_UPDATE=1` rewrites it instead.
func expectGolden(_ grid: Grid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Goldens").appendingPathComponent(name + ".txt")
    expectTextGolden(GoldenRoles.golden(grid), at: url, name: name, sourceLocation: sourceLocation)
}

/// What must hold for any frame: the requested size; every row exactly `width` columns with
/// wide characters paired with their continuation; no control or bidi scalar in any cell.
func frameProblems(_ grid: Grid, width: Int, height: Int) -> [String] {
    var problems: [String] = []
    if grid.width != max(0, width) || grid.height != max(0, height) {
        problems.append("size \(grid.width)×\(grid.height), wanted \(width)×\(height)")
    }
    for y in 0..<grid.height {
        var columns = 0
        for x in 0..<grid.width {
            let cell = grid[x, y]
            if cell.isContinuation {
                if x == 0 || DisplayWidth.of(grid[x - 1, y].text) != 2 { problems.append("orphan continuation at \(x),\(y)") }
                continue
            }
            let w = DisplayWidth.of(cell.text)
            if w < 1 || w > 2 { problems.append("cell \(x),\(y) has width \(w)") }
            if w == 2, x + 1 >= grid.width || !grid[x + 1, y].isContinuation { problems.append("unpaired wide cell at \(x),\(y)") }
            columns += w
            for s in cell.text.unicodeScalars where isForbidden(s) {
                problems.append("forbidden U+\(String(s.value, radix: 16, uppercase: true)) at \(x),\(y)")
            }
        }
        if columns != grid.width { problems.append("row \(y) is \(columns) columns wide") }
    }
    return problems
}

private func isForbidden(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
}

@Suite struct WallFrameTests {
    @Test(arguments: ["demo", "cjk", "hostile"])
    func goldenFrames(_ fixture: String) {
        let model = [("demo", WallFixtures.demo), ("cjk", WallFixtures.cjk), ("hostile", WallFixtures.hostile)]
            .first { $0.0 == fixture }!.1
        for (w, h) in WallFixtures.sizes {
            let grid = WallScreen.render(model, width: w, height: h)
            expectGolden(grid, "wall-\(fixture)-\(w)x\(h)")
            #expect(frameProblems(grid, width: w, height: h) == [], "\(fixture) \(w)×\(h)")
        }
    }

    /// The TV layout with big type from the test font. 120×40 and 80×24 of demo, cjk and
    /// hostile without a font are the goldens above; with one, 80×24 must not change.
    @Test(arguments: ["demo", "cjk", "hostile", "cyrillic", "emoji"])
    func lobbyGoldenFrames(_ fixture: String) {
        var model = WallFixtures.named(fixture)
        model.font = WallFixtures.font
        for (w, h) in WallFixtures.tvSizes {
            let grid = WallScreen.render(model, width: w, height: h)
            #expect(frameProblems(grid, width: w, height: h) == [], "\(fixture) \(w)×\(h)")
            if w == 80 {
                var plain = model
                plain.font = nil
                #expect(grid == WallScreen.render(plain, width: w, height: h), "the compact layout has no big type")
                if ["demo", "cjk", "hostile"].contains(fixture) { continue }
            }
            expectGolden(grid, "lobby-\(fixture)-\(w)x\(h)")
        }
    }

    @Test func goldenTooSmallAndEmptyAndVariants() {
        expectGolden(WallScreen.render(WallFixtures.demo, width: 10, height: 5), "wall-too-small-10x5")
        expectGolden(WallScreen.render(WallFixtures.demo, width: 39, height: 11), "wall-too-small-39x11")
        var empty = WallFixtures.demo
        empty.card = nil
        empty.reason = ""
        empty.ticker = []
        empty.position = WallPosition(index: 0, count: 0)
        expectGolden(WallScreen.render(empty, width: 80, height: 24), "wall-empty-80x24")
        var ascii = WallFixtures.demo
        ascii.isUTF8 = false
        ascii.banner = "SERVICE SPOTLIGHT"   // the caller picks an ASCII banner too
        ascii.isPaused = true
        ascii.card?.isNew = true
        let asciiGrid = WallScreen.render(ascii, width: 80, height: 24)
        expectGolden(asciiGrid, "wall-ascii-paused-80x24")
        #expect(asciiGrid.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) })
        var kiosk = WallFixtures.demo
        kiosk.kiosk = true
        kiosk.statusLine = "board unavailable — showing last good content"
        expectGolden(WallScreen.render(kiosk, width: 200, height: 60), "wall-kiosk-status-200x60")
    }

    @Test func tooSmallCardSaysWhatToDo() {
        let words = { (grid: Grid) in
            grid.plainText().split { $0 == " " || $0 == "\n" || $0 == "│" }.joined(separator: " ")
        }
        #expect(words(WallScreen.render(WallFixtures.demo, width: 39, height: 12)).contains(
            "Enlarge the terminal to at least 40×12 (now 39×12)"))
        let tiny = WallScreen.render(WallFixtures.demo, width: 10, height: 5).plainText(trimTrailing: true)
        #expect(tiny.contains("Enlarge") && tiny.contains("40×12") && tiny.contains("10×5"))
    }

    @Test func hostileTitleNeverPushesTheLayout() {
        for (w, h) in WallFixtures.sizes + [(200, 60), (41, 13)] {
            let rows = WallScreen.render(WallFixtures.hostile, width: w, height: h).plainText()
                .split(separator: "\n", omittingEmptySubsequences: false)
            let demoRows = WallScreen.render(WallFixtures.demo, width: w, height: h).plainText()
                .split(separator: "\n", omittingEmptySubsequences: false)
            #expect(rows.count == h)
            #expect(rows.last?.contains("q quit") == true, "footer not on the last line at \(w)×\(h)")
            #expect(rows[h - 2].hasPrefix("└") && demoRows[h - 2].hasPrefix("└"))
            let dividers = { (rows: [Substring]) in rows.indices.filter { rows[$0].hasPrefix("├") } }
            #expect(dividers(rows) == dividers(demoRows), "dividers moved at \(w)×\(h)")
        }
    }

    @Test func rolesFollowMeaning() throws {
        let grid = WallScreen.render(WallFixtures.hostile, width: 80, height: 24)
        #expect(grid.cells.contains { $0.role == .error })       // the status line on the frame
        let demo = WallScreen.render(WallFixtures.demo, width: 80, height: 24)
        let lines = demo.plainText().split(separator: "\n")
        let titleRow = try #require(lines.firstIndex { $0.contains("Mary turned") })
        #expect(demo[3, titleRow].role == .title)
    }

    @Test func tickerOffsetWrapsAroundTheHeadlines() {
        var a = WallFixtures.demo, b = WallFixtures.demo
        a.tickerOffset = 1
        b.tickerOffset = 1 + 3 * a.ticker.count
        #expect(WallScreen.render(a, width: 120, height: 40) == WallScreen.render(b, width: 120, height: 40))
    }

    @Test func anySizeRendersAGridOfThatSize() {
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound + 1))
        }
        var sizes = [(0, 0), (1, 1), (10, 5), (300, 100), (40, 12), (39, 12), (40, 11), (240, 67), (241, 68), (120, 36)]
        while sizes.count < 50 { sizes.append((next(300), next(100))) }
        for (w, h) in sizes {
            for var model in [WallFixtures.demo, WallFixtures.cjk, WallFixtures.hostile, WallFixtures.emoji] {
                model.font = (w + h) % 2 == 0 ? WallFixtures.font : nil   // a 10×5 wall growing to 240×67 and back
                let grid = WallScreen.render(model, width: w, height: h)
                #expect(frameProblems(grid, width: w, height: h) == [], "\(w)×\(h)")
            }
        }
    }

    // MARK: The footer and help say what is true now

    @Test func pausedShowsOnceWithTheKeyThatResumes() {
        var paused = WallFixtures.demo
        paused.isPaused = true
        let footer = WallScreen.render(paused, width: 100, height: 30).plainText().split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.components(separatedBy: "PAUSED").count == 2)
        #expect(footer.contains("space resume") && !footer.contains("space pause"))
    }

    @Test func openedFromTheBoardQGoesBackAndTheFooterSaysSo() {
        var embedded = WallFixtures.demo
        embedded.isEmbedded = true
        let footer = WallScreen.render(embedded, width: 100, height: 30).plainText().split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.contains("q back") && !footer.contains("q quit"))
    }

    @Test func theCounterCountsStoriesAndAKioskShowsNone() {
        let footer = { (model: WallViewModel) in
            WallScreen.render(model, width: 100, height: 30).plainText().split(separator: "\n").last.map(String.init) ?? ""
        }
        #expect(footer(WallFixtures.demo).contains("3 of 7 stories"))
        var kiosk = WallFixtures.demo
        kiosk.kiosk = true
        #expect(footer(kiosk).trimmingCharacters(in: .whitespaces).isEmpty, "kiosk footer: \(footer(kiosk))")
    }

    func story(_ id: Int, votes: Int, pinned: Bool = false) -> Story {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        return Story(id: id, title: "Story \(id)", body: "Body \(id).", hero: "Hero", department: "Dept \(id % 5)", author: "a",
                     authorName: "A", createdAt: now.addingTimeInterval(-Double(id) * 3600), votes: votes,
                     pin: pinned ? Pin(pinnedBy: "dana", pinnedAt: now) : nil)
    }

    @Test func thirtyStoriesAreThirtyOnTheWallWhateverTheSlots() {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var state = WallState(settings: BoardSettings(), now: now)
        state.load(stories: (1...30).map { story($0, votes: $0 % 9, pinned: $0 == 4) }, headlines: [], settings: BoardSettings(), now: now)
        let context = WallPresenter.Context(boardName: "Acme", theme: .builtIn, now: now, timeZone: TimeZone(identifier: "UTC")!)
        var positions: [WallPosition] = []
        for _ in 0..<40 {
            positions.append(state.model(context: context).position)
            state.advance(now: now)
        }
        #expect(positions.allSatisfy { $0.count == 30 && $0.unit == "stories" }, "\(positions.map(\.count))")
        #expect(positions.first?.index == 0)
        // Never backwards within a round, never past the last story.
        let seen = positions.map(\.index)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $1 >= $0 || $1 == 0 } && seen.allSatisfy { $0 < 30 })
    }

    @Test func helpTakesTheCardsPlaceAndSaysWhatTheKeysDoNow() throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var state = WallState(settings: BoardSettings(), now: now)
        state.load(stories: [story(1, votes: 1)], headlines: [], settings: BoardSettings(), now: now)
        var context = WallPresenter.Context(boardName: "Acme", theme: .builtIn, now: now, timeZone: TimeZone(identifier: "UTC")!,
                                            isPaused: true, showsHelp: true)
        let model = state.model(context: context)
        #expect(model.card == nil && model.reason.isEmpty)
        let help = try #require(model.panel).joined(separator: "\n")
        #expect(help.contains("resume the rotation") && help.contains("quit the wall"))
        let frame = WallScreen.render(model, width: 80, height: 24).plainText()
        #expect(frame.components(separatedBy: "space resume").count == 2, "the border does not repeat the footer")
        expectGolden(WallScreen.render(model, width: 80, height: 24), "wall-help-paused-80x24")
        context.isPaused = false
        context.isEmbedded = true
        let embedded = try #require(state.model(context: context).panel).joined(separator: "\n")
        #expect(embedded.contains("pause on this story") && embedded.contains("back to the board"))
        #expect(state.model(context: context).position.count == 1 && state.model(context: context).position.unit == "story")
    }
}
