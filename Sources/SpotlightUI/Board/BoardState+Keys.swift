import SpotlightCore

extension BoardState {
    /// One key. Overlays take keys first, then the search field, then the screen.
    public mutating func handle(_ key: Key) -> [BoardEffect] {
        let before = (scene, statusSerial)
        let effects = route(key)
        clearStatusIfSceneChanged(since: before)
        return effects
    }

    /// What the person is looking at: a message about one list or story is stale on another.
    struct Scene: Equatable {
        var view: BoardView
        var tab: BoardTab
        var story: StoryID?
        var department: String?
        var search: String
    }

    var scene: Scene { Scene(view: view, tab: tab, story: detail?.id, department: department, search: search) }

    /// Clears the status line when the scene changed (a tab, a story opened or closed, a filter),
    /// unless the change itself just said something ("filters cleared").
    mutating func clearStatusIfSceneChanged(since before: (scene: Scene, serial: Int)) {
        if scene != before.scene, statusSerial == before.serial { status = nil }
    }

    private mutating func route(_ key: Key) -> [BoardEffect] {
        if case .paste(let text) = key { return paste(text) }
        if overlay != nil { return overlayKey(key) }
        if searchField != nil { return searchKey(key) }
        switch view {
        case .list: return listKey(key)
        case .detail: return detailKey(key)
        case .managers: return managersKey(key)
        case .stats: return statsKey(key)
        }
    }

    // MARK: - List

    mutating func listKey(_ key: Key) -> [BoardEffect] {
        let page = layout.listRows
        switch key {
        case .up, .char("k"): return select(selection - 1)
        case .down, .char("j"): return select(selection + 1)
        case .pageUp, .ctrl("b"): return scrollPage(-1)
        case .pageDown, .ctrl("f"), .char(" "): return scrollPage(1)
        case .ctrl("u"): return select(selection - page / 2)
        case .ctrl("d"): return select(selection + page / 2)
        case .home, .char("g"): return select(0)
        case .end, .char("G"): return select(total - 1)
        case .left, .backTab: return switchTab(by: -1)
        case .right, .tab: return switchTab(by: 1)
        case .char(let c) where ("1"..."6").contains(c):
            let chosen = BoardTab(rawValue: Int(String(c))! - 1)!
            return tabs.contains(chosen) ? switchTab(to: chosen) : []
        case .enter, .char("l"): return openDetail()
        case .escape:
            guard !search.isEmpty || department != nil else { return [] }
            search = ""
            department = nil
            say("filters cleared")
            return applyFilters()
        case .char("q"), .char("Q"): return [.quit]
        default: return commonKey(key)
        }
    }

    /// PgUp/PgDn: the view moves a screenful and the selection keeps its row on screen.
    mutating func scrollPage(_ direction: Int) -> [BoardEffect] {
        let page = max(1, layout.listRows - 1)
        let row = selection - top
        let lastTop = max(0, total - layout.listRows)
        if direction > 0, top >= lastTop { return select(total - 1) }
        if direction < 0, top == 0 { return select(0) }
        top = min(max(0, top + direction * page), lastTop)
        selection = min(top + row, max(0, total - 1))
        return ensureRows()
    }

    /// The next or previous tab on the tab row, round.
    mutating func switchTab(by step: Int) -> [BoardEffect] {
        let shown = tabs
        let here = shown.firstIndex(of: tab) ?? 0
        return switchTab(to: shown[(here + step + shown.count) % shown.count])
    }

    mutating func switchTab(to new: BoardTab) -> [BoardEffect] {
        view = .list
        guard new != tab else { return [] }
        tab = new
        return applyFilters()
    }

    mutating func openDetail() -> [BoardEffect] {
        guard let story = selectedStory else { return [] }
        detail = story
        detailScroll = 0
        view = .detail
        return loadHeroLevels(story)
    }

    /// One read per story opened, only when its hero is named by a login.
    func loadHeroLevels(_ story: Story) -> [BoardEffect] {
        guard heroLevels[story.id] == nil, let login = HeroLevels.login(forHero: story.hero) else { return [] }
        return [.loadHeroLevels(story.id, login: login)]
    }

    // MARK: - Detail

    mutating func detailKey(_ key: Key) -> [BoardEffect] {
        let page = max(1, layout.body.height - 1)
        switch key {
        case .up, .char("k"): return scrollDetail(-1)
        case .down, .char("j"): return scrollDetail(1)
        case .pageUp, .ctrl("b"): return scrollDetail(-page)
        case .pageDown, .ctrl("f"), .char(" "): return scrollDetail(page)
        case .home, .char("g"): return scrollDetail(-Int(Int32.max))
        case .end, .char("G"): return scrollDetail(Int(Int32.max))
        case .char("]"), .char("J"): return stepDetail(1)
        case .char("["), .char("K"): return stepDetail(-1)
        case .escape, .left, .backspace, .char("q"), .char("Q"):
            view = .list
            detail = nil
            return scrollToSelection()
        default: return commonKey(key)
        }
    }

    mutating func scrollDetail(_ lines: Int) -> [BoardEffect] {
        detailScroll = detailScroll.addingReportingOverflow(lines).partialValue
        clampDetailScroll()
        return []
    }

    /// The next or previous story in the list, without going back to it.
    mutating func stepDetail(_ step: Int) -> [BoardEffect] {
        let next = selection + step
        guard next >= 0, next < total else {
            say(step > 0 ? "this is the last story in the list" : "this is the first story in the list")
            return []
        }
        var effects = select(next)
        if let story = selectedStory {
            detail = story
            detailScroll = 0
            effects += loadHeroLevels(story)
        }
        return effects
    }

    // MARK: - Managers

    mutating func managersKey(_ key: Key) -> [BoardEffect] {
        switch key {
        case .up, .char("k"):
            managerSelection = max(0, managerSelection - 1)
        case .down, .char("j"):
            managerSelection = min(max(0, managers.count - 1), managerSelection + 1)
        case .home, .char("g"):
            managerSelection = 0
        case .end, .char("G"):
            managerSelection = max(0, managers.count - 1)
        case .char("a"), .char("+"):
            return addManager()
        case .char("x"), .delete, .char("-"):
            return confirmRemoveManager()
        case .escape, .left, .backspace, .char("q"), .char("Q"), .char("M"):
            view = .list
        case .char("?"):
            overlay = .help(scroll: 0)
        case .char("w"):
            return [.showWall]
        case .ctrl("l"):
            return [.repaint]
        default:
            break
        }
        return []
    }

    // MARK: - Keys of both list and detail

    mutating func commonKey(_ key: Key) -> [BoardEffect] {
        switch key {
        case .char("/"):
            searchField = LineField(label: "Search", text: search, limit: Self.searchLimit)
            view = .list
            detail = nil
            return []
        case .char("d"):
            let current = department.flatMap { name in departments.firstIndex { $0.name == name } }.map { $0 + 1 } ?? 0
            overlay = .departments(selection: current)
            return [.loadDepartments]
        case .char("?"):
            overlay = .help(scroll: 0)
            return []
        case .char("u"): return toggleVote()
        case .char("m"): return medal()
        case .char("n"): return newStory()
        case .char("e"): return edit()
        case .char("p"): return pin()
        case .char("h"): return hide()
        case .char("x"), .delete: return remove()
        case .char("M"):
            view = .managers
            detail = nil
            return [.loadManagers]
        case .char("w"): return [.showWall]
        case .char("s"):
            view = .stats
            detail = nil
            return [.loadStats]
        case .char("r"): return refresh()
        case .ctrl("l"): return [.repaint]
        default: return []
        }
    }

    // MARK: - Statistics

    mutating func statsKey(_ key: Key) -> [BoardEffect] {
        let page = max(1, layout.listRows - 1)
        switch key {
        case .up, .char("k"): statsScroll = max(0, statsScroll - 1)
        case .down, .char("j"): statsScroll = min(max(0, statsLines.count - 1), statsScroll + 1)
        case .pageUp: statsScroll = max(0, statsScroll - page)
        case .pageDown, .char(" "): statsScroll = min(max(0, statsLines.count - 1), statsScroll + page)
        case .home, .char("g"): statsScroll = 0
        case .escape, .left, .backspace, .char("q"), .char("Q"), .char("s"):
            view = .list
        case .char("?"):
            overlay = .help(scroll: 0)
        case .char("w"): return [.showWall]
        case .char("r"): return [.loadStats]
        case .ctrl("l"): return [.repaint]
        default: break
        }
        return []
    }

    // MARK: - Search

    /// Every edit filters the list again (results as you type); the loop decides how often the
    /// store is actually asked. Enter keeps the results, Esc drops the search.
    mutating func searchKey(_ key: Key) -> [BoardEffect] {
        guard var field = searchField else { return [] }
        switch key {
        case .enter:
            searchField = nil
            return []
        case .escape:
            searchField = nil
            guard !search.isEmpty else { return [] }
            search = ""
            return applyFilters()
        case .up: return select(selection - 1)
        case .down: return select(selection + 1)
        case .pageUp: return scrollPage(-1)
        case .pageDown: return scrollPage(1)
        case .ctrl("l"): return [.repaint]
        default:
            break
        }
        switch field.handle(key) {
        case .edited:
            searchField = field
            let before = request(offset: 0, limit: 0, counting: false).search
            search = field.text
            let after = request(offset: 0, limit: 0, counting: false).search
            return before == after ? [] : applyFilters(typing: true)
        case .moved:
            searchField = field
        case .refused(let why):
            searchField = field
            say(why, isError: true)
        case .ignored:
            break
        }
        return []
    }
}
