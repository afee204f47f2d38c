import Foundation
import SpotlightCore
import Testing
@testable import SpotlightUI

/// Stories, people and pages for the board's state and frame tests: a fixed "now", a staff
/// member (sam), a manager (dana), and stories with CJK, emoji and hostile text.
enum BoardFixtures {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let sam = Account(login: "sam", displayName: "Sam Reid")
    static let dana = Account(login: "dana", displayName: "Dana Ortiz")
    static let staff = BoardViewer(account: sam)
    static let manager = BoardViewer(account: dana, isManager: true)

    static func story(_ id: Int, _ title: String, hero: String = "Mary Lopez", department: String = "Customer Support",
                      author: String = "jpark", votes: Int = 0, medallions: Int = 0, hoursAgo: Double = 1,
                      body: String = "", pinned: Bool = false, status: StoryStatus = .visible, tags: [String] = []) -> Story {
        Story(id: id, title: title, body: body, hero: hero, department: department, tags: tags, author: author,
              authorName: author == "sam" ? "Sam Reid" : "John Park", createdAt: now.addingTimeInterval(-hoursAgo * 3600),
              status: status, votes: votes, medallions: medallions,
              pin: pinned ? Pin(pinnedBy: "dana", pinnedAt: now.addingTimeInterval(-3600), until: now.addingTimeInterval(3 * 86_400),
                                note: "Story of the week") : nil)
    }

    static let demo: [Story] = [
        story(42, "Mary turned a furious caller into our biggest fan", votes: 14, medallions: 1, hoursAgo: 50,
              body: "A customer rang after three missed deliveries and wanted to cancel everything. Mary let him finish, "
                + "apologised without excuses, booked the courier herself and called him back at six to confirm the "
                + "parcel was at his door. He has since ordered twice more and asked for her by name.",
              pinned: true, tags: ["recovery", "above-and-beyond"]),
        story(41, "IT brought the finance report server back before month-end close", hero: "IT Help Desk",
              department: "IT Help Desk", votes: 6, hoursAgo: 20),
        story(40, "Warehouse re-packed 200 orders by hand after the label printer died", hero: "Night shift",
              department: "Shipping & Receiving", author: "sam", votes: 3, hoursAgo: 3),
        story(39, "Billing found a double charge before the customer did", hero: "Tomasz Nowak", department: "Billing",
              votes: 2, hoursAgo: 30),
        story(38, "Facilities fixed the lobby heating before the board visit", hero: "Tom Okafor", department: "Facilities",
              votes: 4, hoursAgo: 80, status: .hidden),
        story(37, "Support followed up a week later, just to check", hero: "Ji-ho Lee", votes: 0, hoursAgo: 0.5),
    ]

    static let cjk: [Story] = [
        story(7, "東京オフィス：台風の日もお客様の電話に全件対応 ☎️", hero: "佐藤 陽子 👩‍💻", department: "Tokyo Office 🇯🇵",
              votes: 5, medallions: 2, hoursAgo: 30,
              body: "台風で交通機関が止まった日、陽子さんは自宅から転送電話を受け、すべてのお客様に折り返しました。翌朝には未対応ゼロ。👩‍💻 Yoko took every forwarded call from home 🌀"),
        story(6, "한국 고객센터: 새벽 3시 결제 오류를 끝까지 해결", hero: "김민준", department: "Seoul Support", votes: 4, hoursAgo: 26),
        story(5, "客服中心：为听障客户开通文字通道", hero: "王芳", department: "上海服务中心", votes: 4, hoursAgo: 49),
        story(4, "Zürich 🇨🇭 crème brûlée day for the whole 👨‍👩‍👧 help desk 🎉", hero: "Zoë Çelik", department: "Zürich", hoursAgo: 2),
    ]

    static let zalgo = "e" + String(repeating: "\u{0301}", count: 5000)
    static let hostile: [Story] = [
        story(66, "\u{1B}[2J\u{1B}[H\u{202E}Pwned\u{202C} \u{1B}]52;c;SGVsbG8=\u{07}\u{9B}31m" + String(repeating: "A", count: 300) + zalgo,
              hero: "\u{9B}31mRed\u{9B}0m \u{202E}olleh", department: "\u{1B}[5mSupport\u{1B}[0m", author: "\u{1B}]0;owned\u{7}mallory",
              votes: -3, medallions: Int.max, hoursAgo: 1,
              body: "\u{1B}[2Jcleared?\r\n\u{1B}]52;c;SGVsbG8=\u{07}clipboard \u{9B}6n\u{0}\u{7F}\u{200B}zero\u{FEFF} \u{202E}desrever\u{202C} " + zalgo),
        story(65, "\u{0}\u{1}\u{2}\u{7F}\u{85}\u{2066}bidi\u{2069} tab\there", hero: "\u{200B}", department: "\u{2028}line\u{2029}sep", hoursAgo: 2),
    ]

    /// A state that has loaded `stories` as the first page of a list of `total`.
    static func state(_ viewer: BoardViewer = staff, stories: [Story] = demo, total: Int? = nil,
                      width: Int = 80, height: Int = 24, voted: Set<StoryID> = []) -> BoardState {
        var state = BoardState(viewer: viewer, width: width, height: height)
        let effects = state.start()
        guard case .load(let request)? = effects.first else { fatalError("start must load") }
        _ = state.loaded(ListPage(request: request, stories: stories, total: total ?? stories.count, voted: voted))
        return state
    }

    /// `count` generated stories, numbered from `offset` (for paging).
    static func numbered(_ range: Range<Int>) -> [Story] {
        range.map { story(100_000 - $0, "Story \($0)", votes: $0 % 7, hoursAgo: Double($0) / 10) }
    }
}

extension BoardState {
    /// Presses keys in order; returns every effect they asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [BoardEffect] {
        keys.flatMap { handle($0) }
    }

    @discardableResult
    mutating func typeText(_ text: String) -> [BoardEffect] {
        text.flatMap { handle(.char($0)) }
    }

    /// Answers every load among `effects` from a list of `total` generated stories.
    mutating func answer(_ effects: [BoardEffect], total: Int) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            guard case .load(let request) = effect else { continue }
            let end = min(total, request.offset + request.limit)
            let stories = request.offset < end ? BoardFixtures.numbered(request.offset..<end) : []
            queue += loaded(ListPage(request: request, stories: stories, total: total))
        }
    }
}

func loads(_ effects: [BoardEffect]) -> [ListRequest] {
    effects.compactMap { if case .load(let r) = $0 { r } else { nil } }
}

@Suite struct BoardStateTests {
    typealias F = BoardFixtures

    // MARK: Starting and navigating

    @Test func startAsksForTheFirstCountedPageOfHot() {
        var state = BoardState(viewer: F.staff)
        let request = loads(state.start()).first
        #expect(request?.order == .hot && request?.offset == 0 && request?.counting == true)
        #expect(request?.search == nil && request?.includeHidden == false && request?.pinnedOnly == false)
        #expect((request?.limit ?? 0) >= BoardState.pageSize)
    }

    @Test func arrowsAndVimKeysMoveTheSelectionWithinTheList() {
        var state = F.state()
        state.press(.down, .char("j"))
        #expect(state.selection == 2 && state.selectedStory?.id == 40)
        state.press(.up)
        #expect(state.selection == 1)
        state.press(.char("k"), .char("k"), .up)
        #expect(state.selection == 0)
        state.press(.char("G"))
        #expect(state.selection == F.demo.count - 1)
        state.press(.down)
        #expect(state.selection == F.demo.count - 1)
        state.press(.home)
        #expect(state.selection == 0)
        state.press(.end)
        #expect(state.selection == F.demo.count - 1)
        state.press(.char("g"))
        #expect(state.selection == 0)
    }

    @Test func pageDownMovesAScreenfulAndKeepsTheSelectionOnScreen() {
        var state = F.state(stories: F.numbered(0..<100), total: 100)
        let rows = state.layout.listRows
        state.press(.pageDown)
        #expect(state.top == rows - 1 && state.selection == rows - 1)
        state.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(state.selection == 99 && state.top == 100 - rows)
        state.press(.pageUp)
        #expect(state.selection - state.top == 99 - (100 - rows) && state.top == 100 - rows - (rows - 1))
    }

    @Test func theListHoldsOnlyAWindowAndFetchesAheadAsTheSelectionMoves() {
        var state = F.state(stories: F.numbered(0..<100), total: 100_000)
        #expect(state.window.stories.count == 100 && state.total == 100_000)
        var asked: [ListRequest] = []
        for _ in 0..<90 {
            let effects = state.press(.down)
            asked += loads(effects)
            state.answer(effects, total: 100_000)
        }
        #expect(state.selection == 90)
        #expect(!asked.isEmpty, "moving towards the window's edge fetches the next rows before they are needed")
        #expect(asked.allSatisfy { !$0.counting && $0.generation == state.generation && $0.limit <= 200 })
        #expect(state.window.holds(state.top..<(state.top + state.layout.listRows)))
        #expect(state.window.stories.count <= 200, "never the whole board")
    }

    @Test func endJumpsToTheLastStoryAndFetchesOnlyItsPage() {
        var state = F.state(stories: F.numbered(0..<100), total: 100_000)
        let effects = state.press(.end)
        let request = loads(effects)
        #expect(state.selection == 99_999)
        #expect(request.count == 1 && request[0].offset + request[0].limit == 100_000 && request[0].offset > 99_000)
        state.answer(effects, total: 100_000)
        #expect(state.selectedStory?.title == "Story 99999")
        #expect(state.press(.end).isEmpty, "nothing more to fetch")
    }

    @Test func theSameRowsAreNeverAskedForTwiceWhileAPageIsOnItsWay() {
        var state = F.state(stories: F.numbered(0..<100), total: 100_000)
        let first = loads(state.press(.end))
        let again = loads(state.press(.up, .down, .up))
        #expect(first.count == 1 && again.isEmpty)
    }

    @Test func aPageForOlderFiltersIsDropped() {
        var state = F.state()
        let old = loads(state.press(.tab)).first!
        _ = state.press(.tab)   // Top, before New's page arrived
        #expect(state.loaded(ListPage(request: old, stories: F.numbered(0..<3), total: 3)).isEmpty)
        #expect(state.isLoading && state.total == 0)
    }

    @Test func aRefreshKeepsTheSameStorySelectedWhenVotesReorderTheList() {
        var state = F.state()
        state.press(.down, .down)          // #40
        let effects = state.refresh()
        let request = loads(effects).first!
        #expect(request.counting && request.offset == 0)
        var reordered = F.demo
        reordered.swapAt(0, 2)             // #40 now first
        _ = state.loaded(ListPage(request: request, stories: reordered, total: reordered.count))
        #expect(state.selectedStory?.id == 40 && state.selection == 0)
    }

    @Test func aShorterPageThanAskedMeansTheListEndsThere() {
        var state = F.state(stories: F.numbered(0..<100), total: 1000)
        let effects = state.press(.end)
        let request = loads(effects).first!
        let shrunk = loads(state.loaded(ListPage(request: request, stories: F.numbered(request.offset..<(request.offset + 10)), total: 1000)))
        #expect(state.total == request.offset + 10)
        #expect(shrunk.count <= 1)
    }

    // MARK: Tabs

    @Test func tabsAskForTheirOwnOrderAndFilters() {
        var state = F.state()
        #expect(loads(state.press(.tab)).first?.order == .new)
        #expect(loads(state.press(.right)).first?.order == .top)
        let pinned = loads(state.press(.char("4"))).first
        #expect(pinned?.pinnedOnly == true && state.tab == .pinned)
        let mine = loads(state.press(.char("5"))).first
        #expect(mine?.author == "sam" && mine?.includeHidden == true, "your own hidden stories are yours to see")
        #expect(loads(state.press(.left)).first?.pinnedOnly == true)
        #expect(loads(state.press(.char("1"))).first?.order == .hot)
        #expect(state.press(.char("1")).isEmpty, "the tab already showing")
    }

    @Test func switchingTabsStartsAtTheTopWithAFreshCount() {
        var state = F.state(stories: F.numbered(0..<100), total: 5000)
        state.press(.pageDown, .pageDown)
        let request = loads(state.press(.tab)).first
        #expect(state.selection == 0 && state.top == 0)
        #expect(request?.offset == 0 && request?.counting == true && request?.generation == state.generation)
    }

    @Test func managersSeeHiddenStoriesInEveryList() {
        var state = BoardState(viewer: F.manager)
        #expect(loads(state.start()).first?.includeHidden == true)
    }

    @Test func aClickOnATabSwitchesToIt() {
        var state = F.state()
        let span = state.layout.tabSpans(BoardTab.allCases.filter { $0 != .forYou }).first { $0.tab == .top }!.columns
        let request = loads(state.handle(MouseEvent(x: span.lowerBound + 1, y: 1, kind: .click))).first
        #expect(state.tab == .top && request?.order == .top)
    }

    // MARK: Mouse

    @Test func aClickSelectsARowAndASecondClickOpensIt() {
        var state = F.state()
        let y = state.layout.body.y + 2
        _ = state.handle(MouseEvent(x: 10, y: y, kind: .click))
        #expect(state.selection == 2 && state.view == .list)
        _ = state.handle(MouseEvent(x: 10, y: y, kind: .click))
        #expect(state.view == .detail && state.detail?.id == 40)
    }

    @Test func theWheelScrollsTheList() {
        var state = F.state(stories: F.numbered(0..<100), total: 100)
        _ = state.handle(MouseEvent(x: 5, y: 5, kind: .wheelDown))
        #expect(state.top == 3 && state.selection == 3)
        _ = state.handle(MouseEvent(x: 5, y: 5, kind: .wheelUp))
        #expect(state.top == 0)
        _ = state.handle(MouseEvent(x: 5, y: state.layout.body.maxY + 3, kind: .click))
        #expect(state.view == .list, "a click below the list does nothing")
    }

    // MARK: Search and department

    @Test func typingASearchAsksForResultsAsYouType() {
        var state = F.state()
        #expect(state.press(.char("/")).isEmpty && state.searchField != nil)
        let effects = state.typeText("mar")
        let requests = loads(effects)
        #expect(requests.map(\.search) == ["m", "ma", "mar"])
        #expect(requests.allSatisfy { $0.isTyping && $0.counting && $0.offset == 0 })
        #expect(Set(requests.map(\.generation)).count == 3, "each keystroke supersedes the one before")
        #expect(loads(state.typeText(" ")).isEmpty, "a trailing space searches for the same words")
        #expect(loads(state.press(.backspace, .backspace)).map(\.search) == ["ma"], "removing the space changes nothing")
        state.press(.enter)
        #expect(state.searchField == nil && state.search == "ma")
        let cleared = loads(state.press(.escape))
        #expect(cleared.first?.search == nil && state.search.isEmpty)
    }

    @Test func escInTheSearchFieldDropsTheSearch() {
        var state = F.state()
        state.press(.char("/"))
        state.typeText("q")
        #expect(state.search == "q", "q is typed, not quit")
        let request = loads(state.press(.escape)).first
        #expect(request?.search == nil && state.searchField == nil)
    }

    @Test func aPastedSearchStopsAtItsLimitWithAMessageAndNoControls() {
        var state = F.state()
        state.press(.char("/"))
        state.typeText(String(repeating: "x", count: 10_000))
        #expect(state.search.count == BoardState.searchLimit)
        #expect(state.status?.isError == true && state.status?.text.contains("limited to 100") == true)
        state.press(.escape, .char("/"))
        _ = state.handle(.char("\u{202E}"))
        _ = state.handle(.char("\u{1B}"))
        state.typeText("ok")
        #expect(state.searchField?.text == "ok")
    }

    @Test func theDepartmentPickerFiltersTheList() {
        var state = F.state()
        #expect(state.press(.char("d")) == [BoardEffect.loadDepartments])
        state.departmentsLoaded([DepartmentCount(name: "Billing", stories: 2), DepartmentCount(name: "Facilities", stories: 4)])
        let request = loads(state.press(.down, .down, .enter)).first
        #expect(request?.department == "Facilities" && state.department == "Facilities" && state.overlay == nil)
        state.press(.char("d"))
        #expect(state.overlay == .departments(selection: 2))
        #expect(loads(state.press(.home, .enter)).first?.department == nil)
    }

    // MARK: Detail

    @Test func enterOpensTheStoryAndEscGoesBack() {
        var state = F.state()
        state.press(.down, .enter)
        #expect(state.view == .detail && state.detail?.id == 41)
        state.press(.char("]"))
        #expect(state.detail?.id == 40 && state.selection == 2)
        state.press(.escape)
        #expect(state.view == .list && state.selection == 2)
    }

    @Test func theDetailScrollsNoFurtherThanItsText() {
        var state = F.state(width: 40, height: 12)
        state.press(.enter)
        state.press(.end)
        let end = state.detailScroll
        #expect(end > 0)
        state.press(.down, .down)
        #expect(state.detailScroll == end)
        state.press(.up)
        #expect(state.detailScroll == end - 1)
    }

    @Test func aStoryRemovedWhileOpenSendsTheViewerBackWithAMessage() {
        var state = F.state()
        state.press(.enter)
        state.storyGone(42, message: "story #42 is no longer on the board")
        #expect(state.view == .list && state.status?.text.contains("#42") == true)
    }

    // MARK: After posting, and the status line

    @Test func aStoryPostedHereIsSelectedWhenTheListComesBack() throws {
        var state = F.state()
        state.press(.enter)
        state.posted(43)
        #expect(state.view == .list && state.detail == nil)
        let request = try #require(loads(state.refresh()).first)
        let fresh = F.story(43, "A fresh story", hoursAgo: 0)
        _ = state.loaded(ListPage(request: request, stories: [F.demo[0], F.demo[1], fresh] + F.demo.dropFirst(2),
                                  total: F.demo.count + 1))
        #expect(state.selectedStory?.id == 43 && state.tab == .hot)
        // Later pages keep whatever the person selects next.
        state.press(.down)
        _ = state.loaded(ListPage(request: request, stories: [F.demo[0], F.demo[1], fresh] + F.demo.dropFirst(2),
                                  total: F.demo.count + 1))
        #expect(state.selectedStory?.id != 43)
    }

    @Test func aPostedStoryTheFilteredListLacksIsFoundFirstInNew() throws {
        var state = F.state()
        state.press(.char("/"))
        state.typeText("mary")
        state.press(.enter)
        state.answer(state.refresh(), total: 0)   // the search settles with no rows
        state.posted(43)
        let request = try #require(loads(state.refresh()).first)
        let effects = state.loaded(ListPage(request: request, stories: [F.demo[0]], total: 1))
        let newFirst = try #require(loads(effects).first)
        #expect(state.tab == .new && state.search.isEmpty && state.department == nil)
        #expect(newFirst.order == .new && newFirst.offset == 0 && newFirst.search == nil)
        let fresh = F.story(43, "A fresh story", hoursAgo: 0)
        _ = state.loaded(ListPage(request: newFirst, stories: [fresh] + F.demo, total: F.demo.count + 1))
        #expect(state.selection == 0 && state.selectedStory?.id == 43)
    }

    @Test func theStatusLineClearsWhenTheViewChanges() {
        var state = F.state()
        state.say("upvoted #42 — thank you!")
        state.press(.down, .up)
        #expect(state.status != nil, "moving the selection keeps the message")
        state.press(.enter)
        #expect(state.status == nil, "opening a story clears it")
        state.say("upvoted #42 — thank you!")
        state.press(.char("]"))
        #expect(state.status == nil, "the next story clears it")
        state.say("upvoted #41 — thank you!")
        state.press(.escape)
        #expect(state.status == nil, "closing the story clears it")
        state.say("upvoted #41 — thank you!")
        state.press(.char("2"))
        #expect(state.status == nil, "another tab clears it")
        state.say("upvoted #41 — thank you!")
        let span = state.layout.tabSpans(BoardTab.allCases.filter { $0 != .forYou }).first { $0.tab == .top }!.columns
        _ = state.handle(MouseEvent(x: span.lowerBound + 1, y: 1, kind: .click))
        #expect(state.status == nil, "a click on a tab clears it")
    }

    @Test func aMessageAboutTheChangeItselfStays() {
        var state = F.state()
        state.press(.char("/"))
        state.typeText("mary")
        state.press(.enter)
        state.press(.escape)
        #expect(state.status?.text == "filters cleared")
        state.press(.enter, .char("K"))
        #expect(state.status?.text == "this is the first story in the list")
    }
}
