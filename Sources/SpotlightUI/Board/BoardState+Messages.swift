import Foundation
import SpotlightCore

/// The board's one update function: every message in, the effects the loop must run out.
/// Keys, timers, board changes and the results of earlier effects all come through here, so the
/// whole interactive board — compose, drafts, the search debounce, the status line's timeout —
/// is a value that tests drive with a manual clock.
extension BoardState {
    public mutating func handle(_ message: BoardMessage) -> [BoardEffect] {
        let effects = receive(message)
        if case .tick = message { return effects }   // the debounce's own load is due now
        return debounced(effects)
    }

    /// When the board next needs a `.tick`: a search waiting out its debounce, a draft to save, a
    /// message to clear. `.distantPast` means at once; nil means only input or a change wakes it.
    public var nextWake: Date? {
        var wakes: [Date] = []
        if let due = timers.searchDue { wakes.append(due) }
        if let wake = compose?.nextWake { wakes.append(wake) }
        if let status {
            if let shown = timers.statusShown, shown.serial == status.serial {
                wakes.append(shown.until)
            } else {
                wakes.append(.distantPast)   // a new message: its timeout starts at the next tick
            }
        }
        return wakes.min()
    }

    /// True while a typed search waits for its debounce.
    public var searchIsPending: Bool { timers.pendingSearch != nil }

    private mutating func receive(_ message: BoardMessage) -> [BoardEffect] {
        switch message {
        case .started:
            return start() + [.beginVisit] + (readOnlyReason == nil ? [.restoreDraft] : [])
        case .closing:
            return compose?.form.isDirty == true ? [compose?.saveNow()].compactMap { $0 } : []
        case .key(let key):
            return compose != nil ? composeKey(key) : handle(key)
        case .paste(let text):
            guard compose != nil else { return handle(Key.paste(text)) }
            compose?.form.insert(text)
            compose?.edited()
            return []
        case .mouse(let mouse):
            return compose == nil ? handle(mouse) : []
        case .resize(let width, let height):
            compose?.form.resize(width: width, height: height)
            return resize(width: width, height: height)
        case .tick(let now):
            return tick(now)
        case .pageLoaded(let page):
            return loaded(page)
        case .storyLoaded(let story):
            storyLoaded(story)
            return []
        case .heroLevelsLoaded(let id, let levels):
            heroLevels = [id: levels]
            clampDetailScroll()
            return []
        case .storyGone(let id):
            storyGone(id, message: BoardWording.storyGone(id))
            return []
        case .departmentsLoaded(let list):
            departmentsLoaded(list)
            return []
        case .statsLoaded(let lines):
            statsLoaded(lines)
            return []
        case .managersLoaded(let list):
            managersLoaded(list)
            return []
        case .medallionsLeft(let id, let left, let perYear):
            offerMedal(id, left: left, perYear: perYear)
            return []
        case .readFailed(let text):
            say(text, isError: true)
            return []
        case .boardUnavailable(let problem):
            if compose != nil {
                compose?.form.show(message: BoardWording.composeUnavailable(problem))
            } else {
                say(BoardWording.unavailable(problem), isError: true)
            }
            return []
        case .settingsRead(_, let isManager):
            if let isManager { viewer.isManager = isManager }
            return refresh()
        case .visitBegan(let start):
            return visitBegan(start)
        case .written(let result):
            switch result {
            case .upvoted(let id, _): voteChanged(id, voted: true)
            case .unvoted(let id, _): voteChanged(id, voted: false)
            case .medallionGiven, .pinned, .unpinned, .hidden, .unhidden, .removed, .managerAdded, .managerRemoved: break
            }
            say(BoardWording.written(result, timeZone: timeZone))
            writeSucceeded()
            return [.readSettings]
        case .writeFailed(let effect, let error):
            writeFailed(error)
            if case .upvote(let id) = effect, error.kind == .notFound { storyGone(id, message: error.message) }
            return [.readSettings]
        case .composeReady(let story, let departments):
            openCompose(ComposeForm(draft: story.map(StoryDraft.init), editing: story?.id, departments: departments), base: story)
            return []
        case .draftFound(let draft, let editing, let base, let departments):
            guard compose == nil else { return [] }
            var form = ComposeForm(draft: draft, editing: editing, departments: departments, restored: true)
            form.show(message: BoardWording.draftRestored(editing: editing), isError: false)
            openCompose(form, base: base)
            return []
        case .posted(let story):
            say(BoardWording.posted(story.id))
            posted(story.id)
            return closeCompose() + [.readSettings]
        case .edited(let story):
            say(BoardWording.edited(story.id))
            return closeCompose() + [.readSettings]
        case .submitFailed(let draft, let text):
            let problems = draft.problems()
            if problems.isEmpty { compose?.form.show(message: text) } else { compose?.form.show(problems: problems) }
            return [compose?.saveNow()].compactMap { $0 }
        case .draftSaveFailed(let text):
            compose?.form.show(message: text)
            return []
        case .boardChanged:
            return [.readSettings]
        case .boardProblem(let problem):
            viewer.writeBlocked = problem ?? readOnlyReason
            say(problem ?? BoardWording.boardBack, isError: problem != nil)
            return []
        case .wallClosed(let problem):
            if let problem { say(problem, isError: true) }
            return [.readSettings]
        }
    }

    // MARK: - Timers

    /// The clock moved on: a debounced search, a draft or a status timeout may be due.
    private mutating func tick(_ now: Date) -> [BoardEffect] {
        var effects: [BoardEffect] = []
        if let request = timers.pendingSearch, let due = timers.searchDue, now >= due {
            timers.pendingSearch = nil
            timers.lastSearch = now
            effects.append(.load(request))
        }
        if let save = compose?.tick(now) { effects.append(save) }
        if let status {
            if timers.statusShown?.serial != status.serial {
                let timeout = status.isError ? BoardTimers.errorTimeout : BoardTimers.statusTimeout
                timers.statusShown = (status.serial, now.addingTimeInterval(timeout))
            } else if let shown = timers.statusShown, now >= shown.until {
                clearStatus(serial: shown.serial)
                timers.statusShown = nil
            }
        } else {
            timers.statusShown = nil
        }
        return effects
    }

    /// A search typed into the field waits for its debounce (the latest replaces an earlier
    /// one); any other page request answers for the search it supersedes.
    private mutating func debounced(_ effects: [BoardEffect]) -> [BoardEffect] {
        effects.filter { effect in
            guard case .load(let request) = effect else { return true }
            if request.isTyping {
                timers.pendingSearch = request
                return false
            }
            if let pending = timers.pendingSearch, pending.generation <= request.generation { timers.pendingSearch = nil }
            return true
        }
    }

    // MARK: - Compose

    private mutating func openCompose(_ form: ComposeForm, base: Story?) {
        var form = form
        form.authorName = viewer.account.displayName
        form.resize(width: layout.width, height: layout.height)
        compose = ComposeSession(form: form, base: base)
    }

    /// The form is done with (posted, saved or discarded): its draft file goes too.
    private mutating func closeCompose() -> [BoardEffect] {
        compose = nil
        return [.discardDraft]
    }

    private mutating func composeKey(_ key: Key) -> [BoardEffect] {
        guard var session = compose else { return [] }
        if key == .ctrl("l") { return [.repaint] }
        let outcome = session.form.handle(key)
        compose = session
        switch outcome {
        case .none:
            compose?.edited()
            return []
        case .cancel:
            say(BoardWording.discarded(editing: session.form.editingID != nil))
            return closeCompose()
        case .submit(let draft):
            guard let id = session.form.editingID else { return [.post(draft)] }
            return [.edit(id, draft, unchangedSince: session.base)]
        }
    }

    // MARK: - Visits

    private mutating func visitBegan(_ start: VisitStart) -> [BoardEffect] {
        switch start {
        case .firstVisit:
            welcomeFirstTime()
            return []
        case .news(let news, let now):
            return welcomeBack(news, now: now, timeZone: timeZone)
        case .otherBoard(let path):
            say(BoardWording.otherBoard(path: path))
            return []
        case .unusable(let reason):
            say(reason, isError: true)
            return []
        case .failed(let text):
            say(BoardWording.visitFailed(text), isError: true)
            return []
        }
    }
}
