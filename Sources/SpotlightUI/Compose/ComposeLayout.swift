import SpotlightCore

/// Where each part of the compose screen goes at a size: shared by the renderer and by the form
/// (↑/↓ in the body and scrolling need the body's width and height), so both agree.
///
///     ┌─ New story ───────────────────┐ ┌─ Preview ──────────┐
///     │ Title (34/120)   …            │ │ the card as the     │   preview only when
///     │ Hero (10/80)     …            │ │ wall will show it   │   the terminal is wide
///     │   ✗ error under its field     │ │                     │
///     │ …six one-line fields…         │ │                     │
///     ├─ Body (234/4000) ─────────────┤ │                     │
///     │ the body editor (the rest)    │ │                     │
///     │ message rows, when any        │ │                     │
///     └─ Ctrl-S post · Esc cancel ────┘ └─────────────────────┘
struct ComposeLayout {
    /// Below this the screen asks for a bigger terminal (DESIGN §2: 40×12 upwards).
    static let minimumWidth = 40
    static let minimumHeight = 12
    /// From here the live preview sits beside the form.
    static let previewMinimumWidth = 100
    static let previewMinimumHeight = 16
    /// Label column of the wide form: "On behalf of (80/80)" and two blanks.
    static let wideLabelWidth = 22
    /// Narrow forms show the counter at the right end of the row, in this many columns.
    static let counterWidth = 8

    let isTooSmall: Bool
    let formBox: Rect
    let previewBox: Rect?
    /// Inside the form's border, one blank column each side.
    let content: Rect
    /// Labels carry their counter ("Title (34/120)"); otherwise short labels and a counter column.
    let wideLabels: Bool
    let labelWidth: Int
    let fieldY: [ComposeField: Int]
    let errorY: [ComposeField: Int]
    let dividerY: Int
    /// Where body text goes. The cursor after a full line sits in the blank column to its right.
    let bodyArea: Rect
    let messageLines: [SafeText]
    let messageY: Int

    init(form: ComposeForm, width: Int, height: Int, ellipsis: String = "…") {
        let w = max(0, width), h = max(0, height)
        isTooSmall = w < Self.minimumWidth || h < Self.minimumHeight
        let screen = Rect(x: 0, y: 0, width: w, height: h)
        if !isTooSmall, w >= Self.previewMinimumWidth, h >= Self.previewMinimumHeight {
            let split = screen.splitRight(min(60, max(36, w * 2 / 5)))
            formBox = split.rest
            previewBox = split.right
        } else {
            formBox = screen
            previewBox = nil
        }
        let interior = BoxWidget.interior(of: formBox)
        content = interior.inset(horizontal: 1, vertical: 0)
        wideLabels = content.width >= Self.wideLabelWidth + 34
        labelWidth = wideLabels ? Self.wideLabelWidth
            : (ComposeField.singleLine.map { DisplayWidth.of($0.shortLabel) }.max() ?? 0) + 1

        let fixedRows = ComposeField.singleLine.count + 1   // the fields and the body's divider
        let spare = max(0, interior.height - fixedRows)
        var lines: [SafeText] = []
        if spare > 1 {
            let limit = min(3, spare - 1)                  // the body keeps at least one row
            // The first wording that fits whole, else the last one cut.
            for wording in form.messageWordings {
                let wrapped = WrappedLines(wording, width: content.width, lineLimit: limit)
                lines = wrapped.visible(limit, width: content.width, ellipsis: ellipsis)
                if !wrapped.isClipped { break }
            }
        }
        messageLines = lines
        var bodyRows = spare - lines.count
        var errorRows: Set<ComposeField> = []
        for field in ComposeField.singleLine where form.fieldProblems[field] != nil && bodyRows > 2 {
            errorRows.insert(field)
            bodyRows -= 1
        }

        var y = interior.y
        var fields: [ComposeField: Int] = [:]
        var errors: [ComposeField: Int] = [:]
        for field in ComposeField.singleLine {
            fields[field] = y
            y += 1
            if errorRows.contains(field) {
                errors[field] = y
                y += 1
            }
        }
        fieldY = fields
        errorY = errors
        dividerY = y
        bodyArea = Rect(x: content.x, y: y + 1, width: content.width, height: max(0, bodyRows))
        messageY = bodyArea.maxY
    }

    /// Columns a body line may fill.
    var bodyWrapWidth: Int { max(1, bodyArea.width) }

    /// The value part of a one-line field's row.
    func valueArea(_ field: ComposeField) -> Rect {
        let y = fieldY[field] ?? content.y
        let reserve = wideLabels || field.counterLimit == nil ? 0 : Self.counterWidth
        return Rect(x: content.x + labelWidth, y: y, width: content.width - labelWidth - reserve, height: 1)
    }

    /// The counter column of a narrow form's row.
    func counterArea(_ field: ComposeField) -> Rect {
        let value = valueArea(field)
        return Rect(x: value.maxX, y: value.y, width: content.maxX - value.maxX, height: 1)
    }

    /// The first character of a one-line field to show: where the field scrolled to (`left`),
    /// moved just enough to show the cursor and the character under it, then pulled back while
    /// the text from there to its end still fits, so text that fits is never hidden. The cursor
    /// may sit in the column just after the field (blank in every layout), so text exactly as
    /// wide as the field shows whole with the cursor at its end.
    static func firstVisibleCharacter(widths: [Int], cursor: Int, left: Int, width: Int) -> Int {
        let cursor = min(max(0, cursor), widths.count)
        var first = min(max(0, left), cursor)
        // Columns from `first` to the cursor, plus the character under it when there is one.
        func needed(_ start: Int) -> Int {
            widths[start..<cursor].reduce(0, +) + (cursor < widths.count ? widths[cursor] : 0)
        }
        var used = needed(first)
        while used > width, first < cursor {
            used -= widths[first]
            first += 1
        }
        var tail = widths[first...].reduce(0, +)
        while first > 0, tail + widths[first - 1] <= width {
            first -= 1
            tail += widths[first]
        }
        return first
    }

    /// The first body line to show: where the form scrolled to (`top`), moved just enough to
    /// keep the cursor's line in view, and pulled back when the text ends above the last row.
    static func firstVisibleLine(_ layout: BodyLayout, cursorLine: Int, top: Int, rows: Int) -> Int {
        let rows = max(1, rows)
        var first = layout.line(of: min(max(0, top), layout.characters.count))
        if cursorLine < first { first = cursorLine }
        if cursorLine >= first + rows { first = cursorLine - rows + 1 }
        first = min(first, max(0, layout.lines.count - rows))
        return max(0, first)
    }
}
