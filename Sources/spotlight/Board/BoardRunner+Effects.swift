import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

extension BoardRunner {
    enum Outcome { case proceed, quit }

    /// Runs effects in order; data they bring back may ask for more (a page that shows the
    /// selection is out of the window), which run too. A search typed into the field waits for
    /// its debounce instead.
    @discardableResult
    func perform(_ effects: [BoardEffect]) async -> Outcome {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            switch effect {
            case .quit:
                return .quit
            case .load(let request) where request.isTyping:
                pendingSearch = request
                pendingSearchStarted = timer.now
            case .load(let request):
                if pendingSearch?.generation ?? Int.max <= request.generation { pendingSearch = nil }
                queue.append(contentsOf: await load(request))
            default:
                queue.append(contentsOf: await run(effect))
                if exitRequested != nil { return .quit }
            }
        }
        needsDraw = true
        return .proceed
    }

    func runPendingSearch() async {
        guard let request = pendingSearch else { return }
        pendingSearch = nil
        lastSearch = Date()
        let more = await load(request)
        timer.begin("search", at: pendingSearchStarted)
        await perform(more)
        draw()
    }

    /// The store, or nil after saying why there is none.
    func store() -> BoardStore? {
        if let store = link.store { return store }
        state.say(link.problem ?? "the board is unavailable right now; try again shortly", isError: true)
        return nil
    }

    func load(_ request: ListRequest) async -> [BoardEffect] {
        guard let store = link.store else { return [] }
        do {
            let started = timer.now
            let page: StoryPage
            if let ids = request.ids {
                page = try await store.page(of: ids, offset: request.offset, limit: request.limit)   // For you: a fixed list
            } else {
                let query = StoryQuery(order: request.order, limit: request.limit, offset: request.offset, department: request.department,
                                       search: request.search, author: request.author, pinnedOnly: request.pinnedOnly,
                                       includeHidden: request.includeHidden)
                page = try await store.page(query, counting: request.counting, matches: state.total)
            }
            timer.note(request.search == nil ? "query" : "search-query", since: started)
            return state.loaded(ListPage(request: request, stories: page.stories, total: page.total,
                                         totalIsCapped: page.totalIsCapped, voted: page.voted))
        } catch {
            state.say(error.message, isError: true)
            return []
        }
    }

    /// One effect against the store or the screen; returns follow-up effects.
    func run(_ effect: BoardEffect) async -> [BoardEffect] {
        switch effect {
        case .load, .quit:
            return []
        case .repaint:
            session.repaintAll()
            return []
        case .showWall:
            await showWall()
            return []
        case .openCompose(let story):
            await openCompose(editing: story)
            return []
        case .loadStory(let id):
            guard let store = link.store else { return [] }
            do {
                state.storyLoaded(try await store.story(id))
            } catch where error.kind == .notFound {
                state.storyGone(id, message: "story #\(id) is no longer on the board")
            } catch {
                state.say(error.message, isError: true)
            }
            return []
        case .loadDepartments:
            guard let store = store() else { return [] }
            do {
                state.departmentsLoaded(try await store.departments().map { DepartmentCount(name: $0.name, stories: $0.stories) })
            } catch {
                state.say(error.message, isError: true)
            }
            return []
        case .loadStats:
            guard let store = store() else { return [] }
            do {
                state.statsLoaded(try await StatsLines.lines(store, glyphs: session.isUTF8 ? .unicode : .ascii))
            } catch {
                state.say(error.message, isError: true)
            }
            return []
        case .loadManagers:
            guard let store = store() else { return [] }
            do {
                state.managersLoaded(try await store.managers())
            } catch {
                state.say(error.message, isError: true)
            }
            return []
        case .prepareMedal(let id):
            guard let store = store() else { return [] }
            do {
                let left = try await store.medallionsLeft()
                state.offerMedal(id, left: left, perYear: try await store.settings().medallionsPerYear)
            } catch {
                state.say(error.message, isError: true)
            }
            return []
        default:
            return await write(effect)
        }
    }

    /// A change to the board: done by the store under its rules, reported on the status line,
    /// then what is on screen is read again.
    private func write(_ effect: BoardEffect) async -> [BoardEffect] {
        guard let store = store() else { return [] }
        do {
            switch effect {
            case .upvote(let id):
                let added = try await store.upvote(id)
                state.voteChanged(id, voted: true)
                state.say(added ? "upvoted #\(id) — thank you!" : "you had already upvoted #\(id); u again takes it back")
            case .unvote(let id):
                let removed = try await store.unvote(id)
                state.voteChanged(id, voted: false)
                state.say(removed ? "took back your vote on #\(id)" : "you had not upvoted #\(id)")
            case .medal(let id):
                let left = try await store.giveMedallion(id)
                state.say("gave your medallion for #\(id) — \(Plural.count(left, "medallion", zero: "no")) left this year")
            case .pin(let id, let until, let note):
                let end = try until.map { text throws(SpotlightError) in try WhenParser.parse(text, now: store.clock.now, timeZone: .current) }
                try await store.pin(id, until: end, note: note)
                state.say("pinned #\(id)" + (end.map { " until " + ClockText.pinEnd($0, timeZone: .current) } ?? ""))
            case .unpin(let id):
                try await store.unpin(id)
                state.say("unpinned #\(id)")
            case .hide(let id):
                try await store.setStatus(id, to: .hidden)
                state.say("hid #\(id): only managers and its author see it now")
            case .unhide(let id):
                try await store.setStatus(id, to: .visible)
                state.say("#\(id) is visible again")
            case .remove(let id):
                try await store.setStatus(id, to: .removed)
                state.say("removed #\(id)")
            case .addManager(let login):
                try await store.addManager(login)
                state.say("\(login) is now a manager")
            case .removeManager(let login):
                try await store.removeManager(login)
                state.say("\(login) is no longer a manager")
            default:
                return []
            }
            state.writeSucceeded()
        } catch {
            state.writeFailed(error)
            if case .upvote(let id) = effect, error.kind == .notFound { state.storyGone(id, message: error.message) }
        }
        await reload()
        return []
    }

    /// `w`: the wall on this same terminal until `w`, `q` or Esc; then the board again.
    private func showWall() async {
        do {
            let wall = try await WallRunner.attach(
                options: WallRunner.Options(location: options.location, kiosk: false, interval: nil, theme: options.theme, unlock: "quit"),
                account: account, session: session)
            if let code = await wall.runEmbedded() {
                exitRequested = code   // a signal arrived while the wall was up: end as the board would
                return
            }
        } catch let error as SpotlightError {
            state.say(error.message, isError: true)
        } catch {
            state.say("the wall could not start: \(error)", isError: true)
        }
        appliedTheme = ""
        await reload()
    }
}
