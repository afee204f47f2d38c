import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightUI

/// Carries out the board's effects against the store, the draft file and the visit marks, and
/// answers each with messages for `BoardState.handle`. It decides nothing and words nothing: the
/// state does both. Written against `BoardStore` for now; it is the one place that moves to
/// SpotlightApp over `BoardService` (issue 12, phase 2).
@MainActor
final class BoardEffectRunner {
    let link: BoardLink
    let account: Account
    let clock: Clock
    let drafts: DraftFile
    let visits: VisitFile
    let location: BoardLocation
    let timer: FrameTimer
    /// Bar charts in the stats screen: Unicode blocks or ASCII, as the terminal can show.
    let glyphs: ChartGlyphs
    /// What this account has seen of the board (nil when the board could not say).
    private(set) var marks: VisitMarks?
    /// The marks file is a link, a directory or from a newer spotlight: never written.
    private var keepVisitFile = false

    init(link: BoardLink, account: Account, clock: Clock, location: BoardLocation, timer: FrameTimer, isUTF8: Bool) {
        self.link = link
        self.account = account
        self.clock = clock
        self.location = location
        self.timer = timer
        glyphs = isUTF8 ? .unicode : .ascii
        drafts = DraftFile(boardPath: location.path, environment: ProcessInfo.processInfo.environment, clock: clock)
        visits = VisitFile(boardPath: location.path, environment: ProcessInfo.processInfo.environment)
    }

    /// One effect; `total` is the list's count so far (a page query can reuse it).
    func run(_ effect: BoardEffect, total: Int) async -> [BoardMessage] {
        switch effect {
        case .quit, .repaint, .showWall:
            return []   // the loop's own (BoardRunner.perform): never sent here
        case .load(let request):
            return await load(request, total: total)
        case .loadStory(let id):
            guard let store = link.store else { return [] }
            do {
                return [.storyLoaded(try await store.story(id))]
            } catch where error.kind == .notFound {
                return [.storyGone(id)]
            } catch {
                return [.readFailed(error.message)]
            }
        case .loadDepartments:
            return await read { store throws(SpotlightError) in
                .departmentsLoaded(try await store.departments().map { DepartmentCount(name: $0.name, stories: $0.stories) })
            }
        case .loadStats:
            let glyphs = glyphs
            return await read { store throws(SpotlightError) in .statsLoaded(try await StatsLines.lines(store, glyphs: glyphs)) }
        case .loadManagers:
            return await read { store throws(SpotlightError) in .managersLoaded(try await store.managers()) }
        case .prepareMedal(let id):
            return await read { store throws(SpotlightError) in
                .medallionsLeft(id, left: try await store.medallionsLeft(), perYear: try await store.settings().medallionsPerYear)
            }
        case .upvote(let id):
            return await write(effect) { store throws(SpotlightError) in .upvoted(id, added: try await store.upvote(id)) }
        case .unvote(let id):
            return await write(effect) { store throws(SpotlightError) in .unvoted(id, removed: try await store.unvote(id)) }
        case .medal(let id):
            return await write(effect) { store throws(SpotlightError) in .medallionGiven(id, left: try await store.giveMedallion(id)) }
        case .pin(let id, let until, let note):
            let now = clock.now
            return await write(effect) { store throws(SpotlightError) in
                let end = try until.map { text throws(SpotlightError) in try WhenParser.parse(text, now: now, timeZone: .current) }
                try await store.pin(id, until: end, note: note)
                return .pinned(id, until: end)
            }
        case .unpin(let id):
            return await write(effect) { store throws(SpotlightError) in try await store.unpin(id); return .unpinned(id) }
        case .hide(let id):
            return await write(effect) { store throws(SpotlightError) in try await store.setStatus(id, to: .hidden); return .hidden(id) }
        case .unhide(let id):
            return await write(effect) { store throws(SpotlightError) in try await store.setStatus(id, to: .visible); return .unhidden(id) }
        case .remove(let id):
            return await write(effect) { store throws(SpotlightError) in try await store.setStatus(id, to: .removed); return .removed(id) }
        case .addManager(let login):
            return await write(effect) { store throws(SpotlightError) in try await store.addManager(login); return .managerAdded(login) }
        case .removeManager(let login):
            return await write(effect) { store throws(SpotlightError) in try await store.removeManager(login); return .managerRemoved(login) }
        case .readSettings:
            guard let store = link.store else { return [.settingsRead(nil, isManager: nil)] }
            return [.settingsRead(try? await store.settings(), isManager: try? await store.isManager(account.login))]
        case .beginVisit:
            return await beginVisit()
        case .restoreDraft:
            guard let saved = drafts.load() else { return [] }
            var base: Story?
            if let id = saved.editing, let store = link.store { base = try? await store.story(id) }
            return [.draftFound(saved.draft, editing: saved.editing, base: base, departments: await departmentNames())]
        case .saveDraft(let draft, let editing):
            do {
                try drafts.save(draft, editing: editing)
                return []
            } catch {
                return [.draftSaveFailed(error.message)]
            }
        case .discardDraft:
            drafts.discard()
            return []
        case .openCompose(let story):
            return [.composeReady(editing: story, departments: await departmentNames())]
        case .post(let draft):
            guard let store = link.store else { return [.boardUnavailable(problem: link.problem)] }
            do {
                return [.posted(try await store.post(draft))]
            } catch {
                return [.submitFailed(draft, message: error.message)]
            }
        case .edit(let id, let draft, let base):
            guard let store = link.store else { return [.boardUnavailable(problem: link.problem)] }
            do {
                let unchanged: Story
                if let base { unchanged = base } else { unchanged = try await store.story(id) }
                return [.edited(try await store.edit(id, to: draft, unchangedSince: unchanged))]
            } catch {
                return [.submitFailed(draft, message: error.message)]
            }
        }
    }

    // MARK: - Reads

    /// A read that needs the store: its answer, or why it failed, or that there is no store.
    private func read(_ body: (BoardStore) async throws(SpotlightError) -> BoardMessage) async -> [BoardMessage] {
        guard let store = link.store else { return [.boardUnavailable(problem: link.problem)] }
        do {
            return [try await body(store)]
        } catch {
            return [.readFailed(error.message)]
        }
    }

    private func load(_ request: ListRequest, total: Int) async -> [BoardMessage] {
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
                page = try await store.page(query, counting: request.counting, matches: total)
            }
            timer.note(request.search == nil ? "query" : "search-query", since: started)
            return [.pageLoaded(ListPage(request: request, stories: page.stories, total: page.total,
                                         totalIsCapped: page.totalIsCapped, voted: page.voted))]
        } catch {
            return [.readFailed(error.message)]
        }
    }

    /// Departments for completion, biggest first.
    private func departmentNames() async -> [String] {
        guard let store = link.store, let list = try? await store.departments() else { return [] }
        return list.sorted { $0.stories > $1.stories }.map(\.name)
    }

    // MARK: - Writes

    /// A change to the board, done by the store under its rules; the result or the error.
    private func write(_ effect: BoardEffect,
                       _ body: (BoardStore) async throws(SpotlightError) -> BoardWriteResult) async -> [BoardMessage] {
        guard let store = link.store else { return [.boardUnavailable(problem: link.problem)] }
        do {
            return [.written(try await body(store))]
        } catch {
            return [.writeFailed(effect, error)]
        }
    }

    // MARK: - Last visits

    /// "What's new since your last visit": the marks are read when the board opens, every story
    /// that reaches the screen is marked seen, and the marks are written when the board closes.
    /// Nothing about the marks file ever stops the board: problems are one status line.
    private func beginVisit() async -> [BoardMessage] {
        guard let store = link.store else { return [] }
        let now = clock.now
        do {
            let identity = try await store.identity()
            switch visits.load() {
            case .firstVisit:
                marks = try await store.marksForEverythingNow(at: now)
                return [.visitBegan(.firstVisit)]
            case .marks(let saved) where saved.board == identity:
                marks = saved
                return [.visitBegan(.news(try await store.news(since: saved, for: account), now: now))]
            case .marks:
                marks = try await store.marksForEverythingNow(at: now)
                return [.visitBegan(.otherBoard(path: location.path))]
            case .unusable(let reason, let keep):
                marks = try await store.marksForEverythingNow(at: now)
                keepVisitFile = keep
                return [.visitBegan(.unusable(reason: reason))]
            }
        } catch {
            marks = nil
            return [.visitBegan(.failed(error.message))]
        }
    }

    /// Called after each frame: what was on screen counts as seen.
    func noteSeen(_ ids: [StoryID]) {
        marks?.see(ids)
    }

    /// At the end of the visit (quit, signal, hang-up).
    func endVisit() async {
        guard let marks, !keepVisitFile, let store = link.store, let closed = try? await store.closing(marks, at: clock.now) else { return }
        try? visits.save(closed)
    }
}
