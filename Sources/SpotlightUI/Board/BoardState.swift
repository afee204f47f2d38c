import Foundation
import SpotlightCore

/// The screen the board shows under any overlay.
public enum BoardView: Sendable, Equatable {
    case list, detail, managers
    /// Board statistics (issue 5): the text of `spotlight stats`, scrollable.
    case stats
}

/// Something drawn over the board that takes the keys until it closes.
public enum BoardOverlay: Sendable, Equatable {
    /// Every key of the current screen and role (`?`).
    case help(scroll: Int)
    /// The department filter (`d`): row 0 is "all departments".
    case departments(selection: Int)
    case confirm(BoardConfirmation)
    case form(BoardForm)
}

/// A yes/no question before something that cannot be taken back lightly.
public struct BoardConfirmation: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case remove(StoryID), unpin(StoryID), medal(StoryID), removeManager(String)
    }

    public var action: Action
    public var question: String
}

/// A small form over the board: a pin's expiry and note, or a new manager's login.
public struct BoardForm: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable { case pin(StoryID), addManager }

    public var purpose: Purpose
    public var title: String
    public var fields: [LineField]
    /// A line of help under each field.
    public var notes: [String]
    public var focus: Int
    /// Why the last submit was refused, shown in place of its field's note until that field is
    /// edited. The form stays open so nothing typed is lost.
    public var problem: FormProblem?
}

/// A refused form submit: the message and the field it is about.
public struct FormProblem: Sendable, Equatable {
    public var field: Int
    public var message: String
}

/// Everything the interactive board shows (DESIGN §5), as a value: the tab and filters, the
/// window of rows it holds, the selection, the open story, overlays and the status line.
/// Everything that happens comes in as a `BoardMessage` through `handle` — keys, the clock's
/// now, effect results, board changes — and what the loop must do comes back as `BoardEffect`s.
/// The compose form and the timers (search debounce, draft save, status timeout) live here too.
/// No I/O, no clock read and no terminal, so every behaviour is a unit test and every frame a
/// golden file.
///
/// The list never holds the whole board: a window of about a hundred rows around the
/// selection, refetched (`.load`) as the selection nears its edge.
public struct BoardState: Sendable {
    /// Rows fetched per page (more on a very tall terminal).
    public static let pageSize = 100
    public static let searchLimit = 100

    public var viewer: BoardViewer
    public internal(set) var tab: BoardTab = .hot
    /// "For you": the stories new since the last visit, in their order, fixed for this visit.
    public internal(set) var forYou: [StoryID] = []
    /// Stories new since the last visit, marked in every list (a dot before the title).
    public internal(set) var unseen: Set<StoryID> = []
    public internal(set) var department: String?
    /// The search the list is filtered by ("" for none).
    public internal(set) var search = ""
    /// The search field while it has the keys.
    public internal(set) var searchField: LineField?
    public internal(set) var window = ListWindow()
    /// Absolute position of the selected story in the list.
    public internal(set) var selection = 0
    /// Absolute position of the first row on screen.
    public internal(set) var top = 0
    public internal(set) var view: BoardView = .list
    /// The story open in the detail view.
    public internal(set) var detail: Story?
    public internal(set) var detailScroll = 0
    /// The certifications of the open story's hero, by story (only the last one read is kept).
    public internal(set) var heroLevels: [StoryID: [String]] = [:]
    public internal(set) var overlay: BoardOverlay?
    public internal(set) var status: BoardStatus?
    public internal(set) var managers: [String] = []
    public internal(set) var managerSelection = 0
    /// The statistics screen's lines (as `spotlight stats` prints them) and its scroll.
    public internal(set) var statsLines: [String] = []
    public internal(set) var statsScroll = 0
    public internal(set) var departments: [DepartmentCount] = []
    public internal(set) var layout: BoardLayout
    /// Bumped whenever the filters change; pages for older filters are dropped.
    public internal(set) var generation = 0
    /// The page asked for and not yet answered, so scrolling never asks twice.
    public internal(set) var pending: ListRequest?
    var statusSerial = 0
    /// The compose form while it is open: it takes the keys, and the board waits under it.
    public internal(set) var compose: ComposeSession?
    var timers = BoardTimers()
    /// Why writes fail on this board even when it is reachable (a read-only file or directory),
    /// as the viewer said at start: the board coming back restores it.
    let readOnlyReason: String?
    /// For the wording of times on the status line (a pin's end).
    public var timeZone: TimeZone = .current
    /// A story this terminal just posted, to select when a page brings it; `triedNew` once the
    /// board has gone to the New tab to find it.
    var awaitedStory: (id: StoryID, triedNew: Bool)?

    public init(viewer: BoardViewer, width: Int = 80, height: Int = 24) {
        self.viewer = viewer
        readOnlyReason = viewer.writeBlocked
        layout = BoardLayout(width: width, height: height)
    }

    // MARK: - Reading

    /// The story under the selection, if its row has been fetched.
    public var selectedStory: Story? { window.story(at: selection) }

    /// The story that story keys act on: the open one, else the selected one.
    public var target: Story? { view == .detail ? detail : selectedStory }

    public var total: Int { window.generation == generation ? window.total : 0 }

    /// True while the list shown belongs to older filters (a search still running).
    public var isLoading: Bool { window.generation != generation }

    public func hasVoted(_ id: StoryID) -> Bool { window.voted.contains(id) }

    // MARK: - Starting, sizes and data from the loop

    /// The first page.
    public mutating func start() -> [BoardEffect] {
        applyFilters()
    }

    public mutating func resize(width: Int, height: Int) -> [BoardEffect] {
        layout = BoardLayout(width: width, height: height)
        clampDetailScroll()
        return view == .list || view == .detail ? scrollToSelection() : []
    }

    /// A page arrived. A page for older filters is dropped; a refresh keeps the same story
    /// selected when it is still in the window (a vote can move it in Hot and Top).
    public mutating func loaded(_ page: ListPage) -> [BoardEffect] {
        guard page.request.generation == generation else { return [] }
        if pending == page.request { pending = nil }
        let keptID = window.generation == generation ? selectedStory?.id : nil
        var total = page.request.counting || window.generation != generation ? page.total : window.total
        var capped = page.request.counting ? page.totalIsCapped : window.totalIsCapped
        // Fewer rows than asked for means the list ends there, whatever an older count said.
        if page.stories.count < page.request.limit, page.request.offset + page.stories.count < total {
            total = page.request.offset + page.stories.count
            capped = false
        }
        window = ListWindow(offset: page.request.offset, stories: page.stories, total: total, totalIsCapped: capped,
                            voted: page.voted, generation: generation)
        if let keptID, let i = page.stories.firstIndex(where: { $0.id == keptID }) {
            selection = page.request.offset + i
        }
        if let effects = selectAwaitedStory(in: page) { return effects }
        if let open = detail, let fresh = page.stories.first(where: { $0.id == open.id }) {
            detail = fresh
            clampDetailScroll()
        }
        return scrollToSelection()
    }

    /// A story was just posted from this terminal: the list comes back with it selected (the
    /// caller re-reads the board next, e.g. with `refresh`).
    public mutating func posted(_ id: StoryID) {
        view = .list
        detail = nil
        searchField = nil
        awaitedStory = (id, false)
    }

    /// Selects the story `posted` waits for when `page` holds it. When a re-read of the whole
    /// list lacks it (filtered out, or far down Top), the board goes to New without filters,
    /// where a new story is first: the effects returned ask for that list.
    mutating func selectAwaitedStory(in page: ListPage) -> [BoardEffect]? {
        guard let awaited = awaitedStory else { return nil }
        if let i = page.stories.firstIndex(where: { $0.id == awaited.id }) {
            selection = page.request.offset + i
            awaitedStory = nil
            return nil
        }
        guard page.request.counting else { return nil }
        awaitedStory = nil
        guard !awaited.triedNew else { return nil }
        awaitedStory = (awaited.id, true)
        tab = .new
        search = ""
        department = nil
        return applyFilters()
    }

    /// The open story, re-read after a change.
    public mutating func storyLoaded(_ story: Story) {
        if detail?.id == story.id {
            detail = story
            clampDetailScroll()
        }
    }

    /// The open story cannot be read any more (removed, or hidden from this viewer).
    public mutating func storyGone(_ id: StoryID, message: String) {
        guard detail?.id == id else { return }
        detail = nil
        view = .list
        say(message, isError: true)
    }

    /// Whether the viewer's vote on `id` is there, as the store just said.
    public mutating func voteChanged(_ id: StoryID, voted: Bool) {
        if voted { window.voted.insert(id) } else { window.voted.remove(id) }
    }

    public mutating func departmentsLoaded(_ list: [DepartmentCount]) {
        departments = list
        if case .departments(let selection) = overlay {
            overlay = .departments(selection: min(selection, list.count))
        }
    }

    public mutating func statsLoaded(_ lines: [String]) {
        statsLines = lines
        statsScroll = min(statsScroll, max(0, lines.count - 1))
    }

    public mutating func managersLoaded(_ list: [String]) {
        let current: String? = managers.indices.contains(managerSelection) ? managers[managerSelection] : nil
        managers = list
        if let current, let index = list.firstIndex(where: { $0 == current }) {
            managerSelection = index
        } else {
            managerSelection = min(managerSelection, max(0, list.count - 1))
        }
    }

    /// What the loop asks for when the board changed under us (another terminal, or our own
    /// write): the same window again, counted, plus the open story or the managers.
    public mutating func refresh() -> [BoardEffect] {
        let current = window.generation == generation
        let limit = max(current ? window.stories.count : 0, pageLimit)
        let request = request(offset: current ? window.offset : 0, limit: limit, counting: true)
        pending = request
        var effects: [BoardEffect] = [.load(request)]
        if view == .detail, let detail { effects.append(.loadStory(detail.id)) }
        if view == .managers { effects.append(.loadManagers) }
        if view == .stats { effects.append(.loadStats) }
        return effects
    }

    // MARK: - Status line

    public mutating func say(_ text: String, isError: Bool = false) {
        statusSerial += 1
        status = BoardStatus(text: text, isError: isError, serial: statusSerial)
    }

    /// Clears the message numbered `serial` (`.tick` times messages out); a newer one stays.
    public mutating func clearStatus(serial: Int) {
        if status?.serial == serial { status = nil }
    }

    // MARK: - The list window

    var pageLimit: Int { max(Self.pageSize, layout.listRows * 3) }

    func request(offset: Int, limit: Int, counting: Bool, typing: Bool = false) -> ListRequest {
        let words = search.split(whereSeparator: \.isWhitespace).map(String.init).joined(separator: " ")
        return ListRequest(
            order: tab.order, department: department, search: words.isEmpty ? nil : words,
            author: tab == .mine ? viewer.account.login : nil, pinnedOnly: tab == .pinned,
            includeHidden: viewer.isManager || tab == .mine, offset: offset, limit: limit,
            generation: generation, counting: counting, isTyping: typing, ids: tab == .forYou ? forYou : nil)
    }

    /// New filters: start at the top of a freshly counted list.
    mutating func applyFilters(typing: Bool = false) -> [BoardEffect] {
        generation += 1
        selection = 0
        top = 0
        let request = request(offset: 0, limit: pageLimit, counting: true, typing: typing)
        pending = request
        return [.load(request)]
    }

    /// Moves the selection (clamped to the list) and scrolls it into view.
    mutating func select(_ index: Int) -> [BoardEffect] {
        selection = min(max(0, index), max(0, total - 1))
        return scrollToSelection()
    }

    /// Scrolls the view by `rows`, taking the selection along when it would leave the screen.
    mutating func scroll(by rows: Int) -> [BoardEffect] {
        let visible = layout.listRows
        top = min(max(0, top + rows), max(0, total - visible))
        selection = min(max(selection, top), top + visible - 1)
        selection = min(selection, max(0, total - 1))
        return ensureRows()
    }

    mutating func scrollToSelection() -> [BoardEffect] {
        let visible = layout.listRows
        if selection < top { top = selection }
        if selection >= top + visible { top = selection - visible + 1 }
        top = min(max(0, top), max(0, total - visible))
        return ensureRows()
    }

    /// Asks for a new window when the rows on screen, or a screenful either side, are not held.
    mutating func ensureRows() -> [BoardEffect] {
        guard window.generation == generation, total > 0 else { return [] }
        let visible = layout.listRows
        let margin = visible
        let wanted = max(0, top - margin)..<min(total, top + visible + margin)
        if window.holds(wanted) { return [] }
        let limit = pageLimit
        let offset = max(0, min(top - (limit - visible) / 2, total - limit))
        if let pending, pending.generation == generation,
           pending.offset <= wanted.lowerBound, pending.offset + pending.limit >= wanted.upperBound {
            return []
        }
        let request = request(offset: offset, limit: limit, counting: false)
        pending = request
        return [.load(request)]
    }

    mutating func clampDetailScroll() {
        guard let detail else { detailScroll = 0; return }
        let lines = BoardDetailView.lineCount(detail, levels: heroLevels[detail.id] ?? [], width: layout.body.width)
        detailScroll = min(max(0, detailScroll), max(0, lines - layout.body.height))
    }
}
