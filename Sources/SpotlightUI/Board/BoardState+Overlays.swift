import Foundation
import SpotlightCore

extension BoardState {
    mutating func overlayKey(_ key: Key) -> [BoardEffect] {
        switch overlay {
        case .help(let scroll)?:
            switch key {
            case .up, .char("k"): overlay = .help(scroll: max(0, scroll - 1))
            case .down, .char("j"): overlay = .help(scroll: scroll + 1)
            case .pageUp: overlay = .help(scroll: max(0, scroll - layout.body.height))
            case .pageDown: overlay = .help(scroll: scroll + layout.body.height)
            default: overlay = nil
            }
            return []
        case .departments(let selection)?:
            return departmentKey(key, selection: selection)
        case .confirm(let question)?:
            return confirmKey(key, question)
        case .form(let form)?:
            return formKey(key, form)
        case nil:
            return []
        }
    }

    mutating func departmentKey(_ key: Key, selection: Int) -> [BoardEffect] {
        let last = departments.count   // row 0 is "all departments"
        switch key {
        case .up, .char("k"): overlay = .departments(selection: max(0, selection - 1))
        case .down, .char("j"): overlay = .departments(selection: min(last, selection + 1))
        case .pageUp: overlay = .departments(selection: max(0, selection - layout.body.height))
        case .pageDown: overlay = .departments(selection: min(last, selection + layout.body.height))
        case .home, .char("g"): overlay = .departments(selection: 0)
        case .end, .char("G"): overlay = .departments(selection: last)
        case .enter, .char(" "):
            overlay = nil
            let chosen = selection == 0 ? nil : departments[selection - 1].name
            guard chosen != department else { return [] }
            department = chosen
            view = .list
            detail = nil
            return applyFilters()
        case .escape, .char("q"), .char("d"):
            overlay = nil
        case .char(let c):
            // A letter jumps to the next department starting with it.
            let names = departments.map { $0.name.lowercased() }
            let start = selection   // row `selection` is departments[selection - 1]
            for step in 1...max(1, names.count) {
                let i = (start + step - 1) % max(1, names.count)
                if names.indices.contains(i), names[i].hasPrefix(String(c).lowercased()) {
                    overlay = .departments(selection: i + 1)
                    break
                }
            }
        default:
            break
        }
        return []
    }

    mutating func confirmKey(_ key: Key, _ question: BoardConfirmation) -> [BoardEffect] {
        switch key {
        case .char("y"), .char("Y"), .enter:
            overlay = nil
            switch question.action {
            case .remove(let id): return [.remove(id)]
            case .unpin(let id): return [.unpin(id)]
            case .medal(let id): return [.medal(id)]
            case .removeManager(let login): return [.removeManager(login)]
            }
        case .char("n"), .char("N"), .escape, .char("q"):
            overlay = nil
            say("cancelled")
        default:
            break
        }
        return []
    }

    mutating func formKey(_ key: Key, _ form: BoardForm) -> [BoardEffect] {
        var form = form
        switch key {
        case .escape:
            overlay = nil
            say("cancelled")
            return []
        case .tab, .down:
            form.focus = (form.focus + 1) % form.fields.count
        case .backTab, .up:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .enter where form.focus < form.fields.count - 1:
            form.focus += 1
        case .enter, .ctrl("s"):
            return submit(form)
        default:
            var field = form.fields[form.focus]
            switch field.handle(key) {
            case .refused(let why): say(why, isError: true)
            case .edited where form.problem?.field == form.focus: form.problem = nil
            default: break
            }
            form.fields[form.focus] = field
        }
        overlay = .form(form)
        return []
    }

    /// The form stays open while the loop carries out its effect: `writeSucceeded` closes it,
    /// `writeFailed` shows what to fix in it.
    mutating func submit(_ form: BoardForm) -> [BoardEffect] {
        func value(_ i: Int) -> String? {
            let text = form.fields[i].text.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        switch form.purpose {
        case .pin(let id):
            return [.pin(id, until: value(0), note: value(1))]
        case .addManager:
            guard let login = value(0) else {
                var form = form
                form.problem = FormProblem(field: 0, message: "type the login of the person to make a manager")
                overlay = .form(form)
                return []
            }
            return [.addManager(login)]
        }
    }

    // MARK: - Results of writes

    /// A write went through: an open form has done its job and closes.
    public mutating func writeSucceeded() {
        if case .form = overlay { overlay = nil }
    }

    /// A write was refused. With a form open, a usage error is the form's to fix (a pin expiry
    /// that cannot be read or is already past, a login that cannot be one), so the form stays
    /// open with the message under its first field, the field those errors are about, and the
    /// text kept. Anything else (a rule, a missing story) the form cannot fix: it closes and the
    /// message goes to the status line.
    public mutating func writeFailed(_ error: SpotlightError) {
        if case .form(var form) = overlay, error.kind == .usage {
            form.problem = FormProblem(field: 0, message: error.message)
            form.focus = 0
            overlay = .form(form)
            return
        }
        if case .form = overlay { overlay = nil }
        say(error.message, isError: true)
    }

    // MARK: - Mouse

    /// A click selects a row (a click on the selected row opens it) or a tab; the wheel scrolls.
    public mutating func handle(_ mouse: MouseEvent) -> [BoardEffect] {
        let before = (scene, statusSerial)
        let effects = route(mouse)
        clearStatusIfSceneChanged(since: before)
        return effects
    }

    private mutating func route(_ mouse: MouseEvent) -> [BoardEffect] {
        if case .help = overlay, mouse.kind == .click { overlay = nil; return [] }
        guard overlay == nil else { return [] }
        let body = layout.body
        switch view {
        case .list:
            if mouse.kind == .click, mouse.y == layout.tabs.y {
                if let hit = layout.tabSpans(tabs).first(where: { $0.columns.contains(mouse.x) }) {
                    searchField = nil
                    return switchTab(to: hit.tab)
                }
                return []
            }
            switch mouse.kind {
            case .wheelUp: return scroll(by: -3)
            case .wheelDown: return scroll(by: 3)
            case .click:
                guard mouse.y >= body.y, mouse.y < body.maxY else { return [] }
                let index = top + mouse.y - body.y
                guard index < total else { return [] }
                if index == selection, searchField == nil { return openDetail() }
                return select(index)
            }
        case .detail:
            switch mouse.kind {
            case .wheelUp: return scrollDetail(-3)
            case .wheelDown: return scrollDetail(3)
            case .click: return []
            }
        case .managers:
            switch mouse.kind {
            case .wheelUp: managerSelection = max(0, managerSelection - 3)
            case .wheelDown: managerSelection = min(max(0, managers.count - 1), managerSelection + 3)
            case .click:
                let index = BoardManagersView.top(selection: managerSelection, rows: body.height) + mouse.y - body.y
                if mouse.y >= body.y, index >= 0, index < managers.count, mouse.y < body.maxY { managerSelection = index }
            }
            return []
        case .stats:
            switch mouse.kind {
            case .wheelUp: statsScroll = max(0, statsScroll - 3)
            case .wheelDown: statsScroll = min(max(0, statsLines.count - 1), statsScroll + 3)
            case .click: break
            }
            return []
        }
    }
}
