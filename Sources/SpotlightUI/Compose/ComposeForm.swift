import SpotlightCore

/// What a key press in the compose form asks the caller to do.
public enum ComposeOutcome: Equatable, Sendable {
    case none
    /// Ctrl-S with a draft that passed `StoryDraft.problems()`: post it (or save the edit).
    case submit(StoryDraft)
    /// Esc on an unchanged form, or the second Esc after "Discard your changes?".
    case cancel
}

/// The compose screen's state (issue 4, item 2): six one-line fields and a multi-line body, each
/// with a logical cursor, plus focus, messages and errors. Pure: no I/O, no terminal, no sizes
/// except the viewport the caller reports with `resize`, which only steers ↑/↓ and scrolling.
///
/// Text is cleaned as it comes in (see `ComposeText`): control characters never enter a field,
/// limits are enforced on every insertion and the excess of a paste is refused with a message.
public struct ComposeForm: Sendable, Equatable {
    public private(set) var editingID: StoryID?
    /// Existing departments, most useful first: the department field completes from them.
    public private(set) var departments: [String]
    /// Shown on the preview's byline ("posted by …") when no on-behalf-of name is set.
    public var authorName: String = "you"

    var title: TextBuffer
    var hero: TextBuffer
    var department: TextBuffer
    var customer: CustomerKind
    var tags: TextBuffer
    var onBehalfOf: TextBuffer
    var body: TextBuffer
    var focused: ComposeField = .title

    /// At a soft wrap, show the body cursor at the end of the earlier line (after End).
    var bodyUpstream = false
    /// The column ↑/↓ aim for in the body while they are pressed in a row.
    var goalColumn: Int?
    /// Scroll position of the body: offset of the first character of its top visible line.
    /// A character offset rather than a line number, so a resize keeps the same text in view.
    var bodyTop = 0
    /// Sideways scroll of each one-line field: the first character shown. Kept between frames
    /// so the view moves only as far as the cursor needs (see `ComposeLayout.firstVisibleCharacter`).
    var fieldLeft: [ComposeField: Int] = [:]
    /// The terminal size last reported with `resize` (80×24 until then).
    private(set) var viewport = Viewport(width: 80, height: 24)

    var status: Status?
    var confirmingDiscard = false
    /// Errors from a failed submit, by field; an edit to the field clears its error.
    var fieldProblems: [ComposeField: String] = [:]

    private let initial: Values
    private let isRestored: Bool

    struct Viewport: Equatable, Sendable {
        var width: Int
        var height: Int
    }

    struct Status: Equatable, Sendable {
        var text: String
        var isError: Bool
    }

    /// Everything the person typed; two equal values mean nothing changed.
    struct Values: Equatable, Sendable {
        var title, hero, department, tags, onBehalfOf, body: String
        var customer: CustomerKind
    }

    /// - Parameters:
    ///   - draft: the story to edit, or a draft restored from disk; nil starts empty.
    ///   - editing: the story being edited, nil for a new one.
    ///   - departments: existing departments for completion, most useful first.
    ///   - restored: the draft is unsaved work brought back from disk (after a dropped
    ///     connection): the form counts as changed from the start, so Esc asks before dropping it.
    public init(draft: StoryDraft? = nil, editing: StoryID? = nil, departments: [String] = [], restored: Bool = false) {
        editingID = editing
        self.departments = departments.filter { !$0.isEmpty }
        let d = draft
        title = TextBuffer(limit: ComposeField.title.characterLimit, multiline: false)
        hero = TextBuffer(limit: ComposeField.hero.characterLimit, multiline: false)
        department = TextBuffer(limit: ComposeField.department.characterLimit, multiline: false)
        tags = TextBuffer(limit: ComposeField.tags.characterLimit, multiline: false)
        onBehalfOf = TextBuffer(limit: ComposeField.onBehalfOf.characterLimit, multiline: false)
        body = TextBuffer(limit: ComposeField.body.characterLimit, multiline: true)
        customer = d?.customer ?? .external
        var cut: [String] = []
        func load(_ field: ComposeField, _ text: String, into buffer: inout TextBuffer) {
            if buffer.insert(text).refused > 0 { cut.append(field.label.lowercased()) }
            // Every field opens at its start, so the start of a long title is what shows first.
            buffer.moveTo(0)
        }
        if let d {
            load(.title, d.title, into: &title)
            load(.hero, d.hero, into: &hero)
            load(.department, d.department, into: &department)
            load(.tags, d.tags.joined(separator: ", "), into: &tags)
            load(.onBehalfOf, d.onBehalfOf ?? "", into: &onBehalfOf)
            load(.body, d.body, into: &body)
        }
        initial = Values(title: title.text, hero: hero.text, department: department.text, tags: tags.text,
                         onBehalfOf: onBehalfOf.text, body: body.text, customer: customer)
        isRestored = restored
        if !cut.isEmpty {
            status = Status(text: "Over the limit, cut to fit: " + cut.joined(separator: ", "), isError: true)
        }
    }

    // MARK: - Reading

    var values: Values {
        Values(title: title.text, hero: hero.text, department: department.text, tags: tags.text,
               onBehalfOf: onBehalfOf.text, body: body.text, customer: customer)
    }

    /// The form differs from what it started with (or holds a restored draft).
    public var isDirty: Bool { isRestored || values != initial }

    /// The story as typed: one-line fields trimmed, an empty department is the board's default
    /// ("General", as for `spotlight post`), an empty on-behalf-of is none, tags split at commas
    /// and spaces.
    public var draft: StoryDraft {
        let dept = Self.trimmed(department.text)
        let behalf = Self.trimmed(onBehalfOf.text)
        return StoryDraft(
            title: Self.trimmed(title.text), body: body.text, hero: Self.trimmed(hero.text),
            department: dept.isEmpty ? StoryDraft.defaultDepartment : dept, customer: customer,
            tags: Self.tags(in: tags.text), onBehalfOf: behalf.isEmpty ? nil : behalf)
    }

    /// The one-line status: a refused insertion, a failed submit, the discard question.
    public var message: String? {
        if confirmingDiscard { return Self.discardQuestion }
        return status?.text
    }

    /// True when `message` reports a problem rather than news.
    public var messageIsError: Bool { confirmingDiscard || status?.isError == true }

    /// The field the cursor is in.
    public var focus: StoryField { focused.storyField }

    static let discardQuestion = "Discard your changes? Esc again to discard, any other key to keep editing"

    /// `message` and shorter ways to say it, for a screen with little room.
    var messageWordings: [String] {
        if confirmingDiscard {
            return [Self.discardQuestion, "Discard changes? Esc again discards, any other key keeps editing",
                    "Discard? Esc: yes, other keys: no"]
        }
        return status.map { [$0.text] } ?? []
    }

    static func trimmed(_ s: String) -> String {
        var sub = Substring(s)
        while sub.first?.isWhitespace == true { sub.removeFirst() }
        while sub.last?.isWhitespace == true { sub.removeLast() }
        return String(sub)
    }

    /// "above-and-beyond, recovery" or "above-and-beyond recovery".
    static func tags(in text: String) -> [String] {
        text.split { $0 == "," || $0.isWhitespace }.map(String.init)
    }

    func buffer(_ field: ComposeField) -> TextBuffer? {
        switch field {
        case .title: title
        case .hero: hero
        case .department: department
        case .customer: nil
        case .tags: tags
        case .onBehalfOf: onBehalfOf
        case .body: body
        }
    }

    mutating func update(_ field: ComposeField, _ change: (inout TextBuffer) -> Void) {
        switch field {
        case .title: change(&title)
        case .hero: change(&hero)
        case .department: change(&department)
        case .customer: break
        case .tags: change(&tags)
        case .onBehalfOf: change(&onBehalfOf)
        case .body: change(&body)
        }
    }

    // MARK: - Caller actions

    /// Tells the form the terminal size (call on start and on every resize), so ↑/↓, PgUp/PgDn
    /// and scrolling follow the lines on screen. Text and cursor never depend on it.
    public mutating func resize(width: Int, height: Int) {
        viewport = Viewport(width: max(0, width), height: max(0, height))
        keepCursorInView()
    }

    /// Pasted text into the focused field. Control characters are removed (a line break becomes
    /// a space outside the body); whatever passes the field's limit is refused with a message.
    public mutating func insert(_ text: String) {
        confirmingDiscard = false
        status = nil
        insertText(text, pasted: true)
        keepCursorInView()
    }

    /// Errors from a failed submit (or from the board refusing the story), shown next to their
    /// fields; focus moves to the first of them.
    public mutating func show(problems: [ValidationProblem]) {
        fieldProblems = [:]
        for problem in problems {
            let field = ComposeField(problem.field)
            if fieldProblems[field] == nil { fieldProblems[field] = problem.message }
        }
        guard let first = ComposeField.allCases.first(where: { fieldProblems[$0] != nil }),
              let firstMessage = fieldProblems[first] else { return }
        focus(first)
        let more = problems.count - 1
        status = Status(text: "Not saved: \(firstMessage)" + (more > 0 ? " (and \(more) more)" : ""), isError: true)
        keepCursorInView()
    }

    /// A one-line message from the caller, e.g. "the story changed since you opened it".
    public mutating func show(message: String, isError: Bool = true) {
        status = Status(text: message, isError: isError)
        keepCursorInView()
    }
}
