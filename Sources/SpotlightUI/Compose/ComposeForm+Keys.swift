import SpotlightCore

extension ComposeForm {
    /// One key press. Tab/Shift-Tab and ↑/↓ move between fields (↑/↓ move between lines inside
    /// the body), Enter is a new line in the body and the next field elsewhere, Ctrl-S submits a
    /// valid draft, Esc cancels (asking first when something changed).
    public mutating func handle(_ key: Key) -> ComposeOutcome {
        if case .paste(let text) = key {
            insert(text)   // text into the focused field, even while a question is open
            return .none
        }
        if confirmingDiscard {
            // The answer to "Discard your changes?": Esc discards, any other key is consumed.
            confirmingDiscard = false
            return key == .escape ? .cancel : .none
        }
        status = nil
        let field = focused
        let before = values
        let outcome = dispatch(key)
        if values != before { fieldProblems[field] = nil }
        switch key {
        case .up, .down, .pageUp, .pageDown: break
        default: goalColumn = nil
        }
        keepCursorInView()
        return outcome
    }

    private mutating func dispatch(_ key: Key) -> ComposeOutcome {
        switch key {
        case .escape:
            if !isDirty { return .cancel }
            confirmingDiscard = true
        case .ctrl("s"):
            return submit()
        case .tab:
            if !acceptCompletion() { focus(next(after: focused)) }
        case .backTab:
            focus(previous(before: focused))
        default:
            switch focused {
            case .customer: customerKey(key)
            case .body: bodyKey(key)
            default: lineKey(key)
            }
        }
        return .none
    }

    private mutating func submit() -> ComposeOutcome {
        let draft = self.draft
        let problems = draft.problems()
        guard problems.isEmpty else {
            show(problems: problems)
            return .none
        }
        fieldProblems = [:]
        return .submit(draft)
    }

    // MARK: - Focus

    mutating func focus(_ field: ComposeField) {
        focused = field
        goalColumn = nil
        bodyUpstream = false
    }

    private func next(after field: ComposeField) -> ComposeField {
        ComposeField(rawValue: (field.rawValue + 1) % ComposeField.allCases.count) ?? .title
    }

    private func previous(before field: ComposeField) -> ComposeField {
        let n = ComposeField.allCases.count
        return ComposeField(rawValue: (field.rawValue + n - 1) % n) ?? .title
    }

    // MARK: - Fields

    private mutating func lineKey(_ key: Key) {
        let field = focused
        switch key {
        case .char(let c): insertText(String(c), pasted: false)
        case .enter, .down: focus(next(after: field))
        case .up: if field != .title { focus(previous(before: field)) }
        case .left: update(field) { $0.moveLeft() }
        case .right: if !acceptCompletion() { update(field) { $0.moveRight() } }
        case .home, .ctrl("a"): update(field) { $0.moveTo(0) }
        case .end, .ctrl("e"): update(field) { $0.moveTo($0.count) }
        case .wordLeft: update(field) { $0.moveTo($0.wordLeft(from: $0.cursor)) }
        case .wordRight: update(field) { $0.moveTo($0.wordRight(from: $0.cursor)) }
        case .backspace: update(field) { $0.deleteBackward() }
        case .delete, .ctrl("d"): update(field) { $0.deleteForward() }
        case .ctrl("w"): update(field) { $0.deleteWordBackward() }
        default: break
        }
    }

    private mutating func customerKey(_ key: Key) {
        switch key {
        case .char(" "), .left, .right: customer = customer == .external ? .internal : .external
        case .char("e"), .char("E"): customer = .external
        case .char("i"), .char("I"): customer = .internal
        case .enter, .down: focus(next(after: .customer))
        case .up: focus(previous(before: .customer))
        case .char: status = Self.customerHint
        default: break
        }
    }

    static let customerHint = Status(text: "Customer: space or the arrow keys switch between external and internal", isError: false)

    private mutating func bodyKey(_ key: Key) {
        switch key {
        case .char(let c): insertText(String(c), pasted: false)
        case .enter: insertText("\n", pasted: false)
        case .left: body.moveLeft(); bodyUpstream = false
        case .right: body.moveRight(); bodyUpstream = false
        case .up: moveBodyLines(-1)
        case .down: moveBodyLines(1)
        case .pageUp: moveBodyLines(-max(1, bodyRows - 1))
        case .pageDown: moveBodyLines(max(1, bodyRows - 1))
        case .home, .ctrl("a"): moveToBodyLineEdge(end: false)
        case .end, .ctrl("e"): moveToBodyLineEdge(end: true)
        case .wordLeft: body.moveTo(body.wordLeft(from: body.cursor)); bodyUpstream = false
        case .wordRight: body.moveTo(body.wordRight(from: body.cursor)); bodyUpstream = false
        case .backspace: body.deleteBackward(); bodyUpstream = false
        case .delete, .ctrl("d"): body.deleteForward(); bodyUpstream = false
        case .ctrl("w"): body.deleteWordBackward(); bodyUpstream = false
        default: break
        }
    }

    // MARK: - Inserting

    /// Typed or pasted text into the focused field, with a message when the limit refused some.
    mutating func insertText(_ text: String, pasted: Bool) {
        let field = focused
        guard field != .customer else {
            switch ComposeText.clean(Self.trimmed(text), multiline: false).lowercased() {
            case "external": customer = .external
            case "internal": customer = .internal
            default: status = Self.customerHint
            }
            return
        }
        var result = TextBuffer.Insertion(inserted: 0, refused: 0, hitByteLimit: false)
        update(field) { result = $0.insert(text) }
        if result.inserted > 0 { fieldProblems[field] = nil }
        bodyUpstream = false
        goalColumn = nil
        guard result.refused > 0 else { return }
        let limit = result.hitByteLimit
            ? "\(Self.grouped(TextBuffer.maxBytes)) bytes" : "\(Self.grouped(field.characterLimit)) characters"
        if pasted {
            let what = result.refused == 1 ? "1 pasted character was" : "\(Self.grouped(result.refused)) pasted characters were"
            status = Status(text: "\(field.label) holds at most \(limit): \(what) left out", isError: true)
        } else {
            status = Status(text: "\(field.label) is full: at most \(limit)", isError: true)
        }
    }

    /// 9880 → "9,880".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }

    // MARK: - Department completion

    /// The department the typed text is the start of (case-insensitively), when the cursor is at
    /// the end of the department field: shown dimmed after the text, taken with Tab or →.
    var completion: (department: String, rest: String)? {
        guard focused == .department, !department.text.isEmpty, department.cursor == department.count else { return nil }
        let typed = Array(department.text)
        for candidate in departments {
            let chars = Array(candidate)
            guard chars.count > typed.count else { continue }
            let matches = zip(typed, chars).allSatisfy { String($0).lowercased() == String($1).lowercased() }
            if matches { return (candidate, String(chars[typed.count...])) }
        }
        return nil
    }

    private mutating func acceptCompletion() -> Bool {
        guard let (name, _) = completion else { return false }
        department.replace(with: name)
        return true
    }

    // MARK: - Body lines

    /// The body's layout at the reported viewport (nil when the terminal is too small for a form).
    var bodyLayout: (layout: BodyLayout, rows: Int)? {
        let screen = ComposeLayout(form: self, width: viewport.width, height: viewport.height)
        guard !screen.isTooSmall else { return nil }
        return (BodyLayout(body.text, width: screen.bodyWrapWidth), screen.bodyArea.height)
    }

    private var bodyRows: Int { bodyLayout?.rows ?? 1 }

    /// ↑/↓ (and PgUp/PgDn) by visual lines, aiming for the same column; ↑ from the first line
    /// leaves the body, ↓ from the last goes to the end of the text.
    private mutating func moveBodyLines(_ delta: Int) {
        guard let (layout, _) = bodyLayout else {
            // No room for a form: move by characters so the keys still do something sensible.
            body.moveTo(delta < 0 ? 0 : body.count)
            return
        }
        let line = layout.line(of: body.cursor, upstream: bodyUpstream)
        let column = goalColumn ?? layout.column(of: body.cursor, onLine: line)
        let target = line + delta
        if target < 0 {
            if delta == -1 {
                focus(.onBehalfOf)
            } else {
                body.moveTo(0)
                bodyUpstream = false
            }
            return
        }
        if target >= layout.lines.count {
            body.moveTo(body.count)
            bodyUpstream = false
            goalColumn = column
            return
        }
        let (position, upstream) = layout.position(onLine: target, column: column)
        body.moveTo(position)
        bodyUpstream = upstream
        goalColumn = column
    }

    /// Home/End: the start or end of the visual line the cursor is on.
    private mutating func moveToBodyLineEdge(end: Bool) {
        guard let (layout, _) = bodyLayout else {
            body.moveTo(end ? body.count : 0)
            return
        }
        let line = layout.lines[layout.line(of: body.cursor, upstream: bodyUpstream)]
        body.moveTo(end ? line.end : line.start)
        bodyUpstream = end && !line.isParagraphEnd
    }

    /// Scrolls the focused field just enough to show the cursor (at the reported viewport).
    mutating func keepCursorInView() {
        keepBodyCursorVisible()
        keepFieldCursorVisible()
    }

    /// The focused one-line field's sideways scroll, as the screen will draw it.
    mutating func keepFieldCursorVisible() {
        let field = focused
        guard field != .body, let buffer = buffer(field) else { return }
        let screen = ComposeLayout(form: self, width: viewport.width, height: viewport.height)
        guard !screen.isTooSmall else { return }
        let widths = buffer.text.map(ComposeText.columns)
        fieldLeft[field] = ComposeLayout.firstVisibleCharacter(widths: widths, cursor: buffer.cursor, left: fieldLeft[field] ?? 0,
                                                               width: screen.valueArea(field).width)
    }

    /// Scrolls the body just enough to show the cursor (at the reported viewport).
    mutating func keepBodyCursorVisible() {
        guard let (layout, rows) = bodyLayout, rows > 0 else { return }
        let cursorLine = layout.line(of: body.cursor, upstream: bodyUpstream)
        let first = ComposeLayout.firstVisibleLine(layout, cursorLine: cursorLine, top: bodyTop, rows: rows)
        bodyTop = layout.lines[first].start
    }
}
