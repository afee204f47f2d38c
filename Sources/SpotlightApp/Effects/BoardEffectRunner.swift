import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightUI

/// Carries out the board's effects against any `BoardService`, the draft file and the visit
/// marks, and answers each with messages for `BoardState.handle`. It decides nothing and words
/// nothing: the state does both. The loop's own effects (quit, repaint, the wall) never come here.
@LoopActor
public final class BoardEffectRunner {
    public let service: any BoardService
    public let clock: Clock
    public let drafts: DraftFile
    public let visits: VisitFile
    /// Where the board is, for "a different board is at … now".
    public let boardPath: String
    /// Bar charts in the stats screen: Unicode blocks or ASCII, as the terminal can show.
    public let glyphs: ChartGlyphs
    public let timeZone: TimeZone
    /// Only under the board benchmark: how long each list query took.
    public weak var timing: (any LoopTiming)?
    /// Why the board cannot be read now (from `changes()`), as the status line words it; writes
    /// are then answered with `.boardUnavailable` so compose keeps its text.
    public private(set) var problem: String?
    /// What this account has seen of the board (nil when the board could not say).
    public private(set) var marks: VisitMarks?
    /// The marks file is a link, a directory or from a newer spotlight: never written.
    private var keepVisitFile = false

    public init(service: any BoardService, clock: Clock, boardPath: String, environment: [String: String], isUTF8: Bool,
                timeZone: TimeZone = .current) {
        self.service = service
        self.clock = clock
        self.boardPath = boardPath
        self.timeZone = timeZone
        glyphs = isUTF8 ? .unicode : .ascii
        drafts = DraftFile(boardPath: boardPath, environment: environment, clock: clock)
        visits = VisitFile(boardPath: boardPath, environment: environment)
    }

    /// A board change from `changes()`, as the board's messages: a problem (worded as the wall
    /// words it), the board back, or a re-read.
    public func messages(for change: BoardChange) -> [BoardMessage] {
        switch change {
        case .unavailable(let reason):
            let line = WallLoadFailure.reported(reason).statusLine
            guard line != problem else { return [] }
            problem = line
            return [.boardProblem(line)]
        case .changed:
            let wasProblem = problem != nil
            problem = nil
            return (wasProblem ? [.boardProblem(nil)] : []) + [.boardChanged]
        }
    }

    /// One effect; `total` is the list's count so far (a page query can reuse it).
    public func run(_ effect: BoardEffect, total: Int) async -> [BoardMessage] {
        switch effect {
        case .quit, .repaint, .showWall:
            return []   // the loop's own (BoardProgram): never sent here
        case .load(let request):
            return await load(request, total: total)
        case .loadStory(let id):
            guard problem == nil else { return [] }
            do {
                return [.storyLoaded(try await service.story(id))]
            } catch where error.kind == .notFound {
                return [.storyGone(id)]
            } catch {
                return [.readFailed(error.message)]
            }
        case .loadHeroLevels(let id, let login):
            // Decoration: a board without certifications (or any failure) shows none, quietly.
            guard problem == nil, let held = try? await service.certifications(of: login) else { return [.heroLevelsLoaded(id, [])] }
            return [.heroLevelsLoaded(id, HeroLevels.labels(held))]
        case .loadDepartments:
            return await read { service throws(SpotlightError) in
                .departmentsLoaded(try await service.departments().map { DepartmentCount(name: $0.name, stories: $0.stories) })
            }
        case .loadStats:
            let (glyphs, now, timeZone) = (glyphs, clock.now, timeZone)
            return await read { service throws(SpotlightError) in
                .statsLoaded(try await StatsReading.lines(service, glyphs: glyphs, now: now, timeZone: timeZone))
            }
        case .loadManagers:
            return await read { service throws(SpotlightError) in .managersLoaded(try await service.managers()) }
        case .prepareMedal(let id):
            return await read { service throws(SpotlightError) in
                .medallionsLeft(id, left: try await service.medallionsLeft(), perYear: try await service.settings().medallionsPerYear)
            }
        case .upvote(let id):
            return await write(effect) { service throws(SpotlightError) in .upvoted(id, added: try await service.upvote(id)) }
        case .unvote(let id):
            return await write(effect) { service throws(SpotlightError) in .unvoted(id, removed: try await service.unvote(id)) }
        case .medal(let id):
            return await write(effect) { service throws(SpotlightError) in .medallionGiven(id, left: try await service.giveMedallion(id)) }
        case .pin(let id, let until, let note):
            let (now, timeZone) = (clock.now, timeZone)
            return await write(effect) { service throws(SpotlightError) in
                let end = try until.map { text throws(SpotlightError) in try WhenParser.parse(text, now: now, timeZone: timeZone) }
                try await service.pin(id, until: end, note: note)
                return .pinned(id, until: end)
            }
        case .unpin(let id):
            return await write(effect) { service throws(SpotlightError) in try await service.unpin(id); return .unpinned(id) }
        case .hide(let id):
            return await write(effect) { service throws(SpotlightError) in try await service.setStatus(id, to: .hidden); return .hidden(id) }
        case .unhide(let id):
            return await write(effect) { service throws(SpotlightError) in
                try await service.setStatus(id, to: .visible)
                return .unhidden(id)
            }
        case .remove(let id):
            return await write(effect) { service throws(SpotlightError) in try await service.setStatus(id, to: .removed); return .removed(id) }
        case .addManager(let login):
            return await write(effect) { service throws(SpotlightError) in try await service.addManager(login); return .managerAdded(login) }
        case .removeManager(let login):
            return await write(effect) { service throws(SpotlightError) in
                try await service.removeManager(login)
                return .managerRemoved(login)
            }
        case .readSettings:
            guard problem == nil else { return [.settingsRead(nil, isManager: nil)] }
            return [.settingsRead(try? await service.settings(), isManager: try? await service.isManager(service.account.login))]
        case .beginVisit:
            return await beginVisit()
        case .restoreDraft:
            guard let saved = drafts.load() else { return [] }
            var base: Story?
            if let id = saved.editing, problem == nil { base = try? await service.story(id) }
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
            guard problem == nil else { return [.boardUnavailable(problem: problem)] }
            do {
                return [.posted(try await service.post(draft))]
            } catch {
                return [.submitFailed(draft, message: error.message)]
            }
        case .edit(let id, let draft, let base):
            guard problem == nil else { return [.boardUnavailable(problem: problem)] }
            do {
                let unchanged: Story
                if let base { unchanged = base } else { unchanged = try await service.story(id) }
                return [.edited(try await service.edit(id, to: draft, unchangedSince: unchanged))]
            } catch {
                return [.submitFailed(draft, message: error.message)]
            }
        }
    }

    // MARK: - Reads

    /// A read while the board is there: its answer, or why it failed.
    private func read(_ body: (any BoardService) async throws(SpotlightError) -> BoardMessage) async -> [BoardMessage] {
        guard problem == nil else { return [.boardUnavailable(problem: problem)] }
        do {
            return [try await body(service)]
        } catch {
            return [.readFailed(error.message)]
        }
    }

    private func load(_ request: ListRequest, total: Int) async -> [BoardMessage] {
        guard problem == nil else { return [] }
        do {
            let started = timing?.now
            let page: StoryPage
            if let ids = request.ids {
                page = try await service.page(of: ids, offset: request.offset, limit: request.limit)   // For you: a fixed list
            } else {
                let query = StoryQuery(order: request.order, limit: request.limit, offset: request.offset, department: request.department,
                                       search: request.search, author: request.author, pinnedOnly: request.pinnedOnly,
                                       includeHidden: request.includeHidden)
                page = try await service.page(query, counting: request.counting, matches: total)
            }
            if let started { timing?.note(request.search == nil ? "query" : "search-query", since: started) }
            return [.pageLoaded(ListPage(request: request, stories: page.stories, total: page.total,
                                         totalIsCapped: page.totalIsCapped, voted: page.voted))]
        } catch {
            return [.readFailed(error.message)]
        }
    }

    /// Departments for completion, biggest first.
    private func departmentNames() async -> [String] {
        guard problem == nil, let list = try? await service.departments() else { return [] }
        return list.sorted { $0.stories > $1.stories }.map(\.name)
    }

    // MARK: - Writes

    /// A change to the board, done by the service under its rules; the result or the error.
    private func write(_ effect: BoardEffect,
                       _ body: (any BoardService) async throws(SpotlightError) -> BoardWriteResult) async -> [BoardMessage] {
        guard problem == nil else { return [.boardUnavailable(problem: problem)] }
        do {
            return [.written(try await body(service))]
        } catch {
            return [.writeFailed(effect, error)]
        }
    }

    // MARK: - Last visits

    /// "What's new since your last visit": the marks are read when the board opens, every story
    /// that reaches the screen is marked seen, and the marks are written when the board closes.
    /// Nothing about the marks file ever stops the board: problems are one status line.
    private func beginVisit() async -> [BoardMessage] {
        guard problem == nil else { return [] }
        let now = clock.now
        do {
            let identity = try await service.identity()
            switch visits.load() {
            case .firstVisit:
                marks = try await service.marksForEverythingNow(at: now)
                return [.visitBegan(.firstVisit)]
            case .marks(let saved) where saved.board == identity:
                marks = saved
                return [.visitBegan(.news(try await service.news(since: saved, for: service.account), now: now))]
            case .marks:
                marks = try await service.marksForEverythingNow(at: now)
                return [.visitBegan(.otherBoard(path: boardPath))]
            case .unusable(let reason, let keep):
                marks = try await service.marksForEverythingNow(at: now)
                keepVisitFile = keep
                return [.visitBegan(.unusable(reason: reason))]
            }
        } catch {
            marks = nil
            return [.visitBegan(.failed(error.message))]
        }
    }

    /// Called after each frame: what was on screen counts as seen.
    public func noteSeen(_ ids: [StoryID]) {
        marks?.see(ids)
    }

    /// At the end of the visit (quit, signal, hang-up).
    public func endVisit() async {
        guard let marks, !keepVisitFile, problem == nil, let closed = try? await service.closing(marks, at: clock.now) else { return }
        try? visits.save(closed)
    }
}
