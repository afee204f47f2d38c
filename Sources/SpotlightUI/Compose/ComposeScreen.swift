import SpotlightCore

/// The compose form as a pure function: form state and a size in, a grid and a cursor out.
public enum ComposeScreen {
    /// The form (labelled fields with visible limits, e.g. "Title (34/120)", the multi-line body
    /// editor, errors next to fields, a key hint line) and, when wide enough, a live preview of
    /// the card as the wall shows it. `cursor` is where the terminal cursor goes: the focused
    /// field's insertion point (nil when the terminal is too small for the form).
    ///
    /// `border` and `icons` come from the theme; the defaults match the built-in one.
    public static func render(
        _ form: ComposeForm, isUTF8: Bool, width: Int, height: Int,
        border: BoxGlyphs = .light, icons: ThemeIcons = .standard
    ) -> (grid: Grid, cursor: (x: Int, y: Int)?) {
        // Every string is drawn in what the terminal can show, see `SafeText.charset`.
        SafeText.rendering(for: OutputCharset(isUTF8: isUTF8)) {
            draw(form, isUTF8: isUTF8, width: width, height: height, border: border, icons: icons)
        }
    }

    private static func draw(
        _ form: ComposeForm, isUTF8: Bool, width: Int, height: Int, border: BoxGlyphs, icons: ThemeIcons
    ) -> (grid: Grid, cursor: (x: Int, y: Int)?) {
        var grid = Grid(width: width, height: height)
        let style = ComposeStyle(isUTF8: isUTF8, border: border)
        let layout = ComposeLayout(form: form, width: grid.width, height: grid.height, ellipsis: style.ellipsis)
        guard !layout.isTooSmall else {
            tooSmall(grid.width, grid.height, style: style).render(into: &grid, area: grid.bounds)
            return (grid, nil)
        }
        var painter = ComposePainter(form: form, layout: layout, style: style)
        painter.drawFrame(into: &grid)
        for field in ComposeField.singleLine { painter.drawField(field, into: &grid) }
        painter.drawBody(into: &grid)
        painter.drawMessage(into: &grid)
        if let box = layout.previewBox {
            ComposePreview(form: form, isUTF8: isUTF8, border: style.border, icons: icons).render(into: &grid, area: box)
        }
        let cursor = painter.cursor.flatMap { grid.contains(x: $0.x, y: $0.y) ? $0 : nil }
        return (grid, cursor)
    }

    private static func tooSmall(_ width: Int, _ height: Int, style: ComposeStyle) -> WallMessageCard {
        let need = "\(ComposeLayout.minimumWidth)\(style.times)\(ComposeLayout.minimumHeight)"
        let now = "\(width)\(style.times)\(height)"
        return WallMessageCard(
            wordings: [
                "Enlarge the terminal to at least \(need) to write a story (now \(now)); your text is kept",
                "Enlarge the terminal to at least \(need) (now \(now)); your text is kept",
                "Enlarge to at least \(need) (now \(now))",
                "Enlarge to \(need) (now \(now))",
                "Enlarge to \(need)",
                need,
            ],
            glyphs: style.border, role: .status
        )
    }
}

/// Draws one frame of the form; collects where the cursor goes on the way.
struct ComposePainter {
    let form: ComposeForm
    let layout: ComposeLayout
    let style: ComposeStyle
    private(set) var cursor: (x: Int, y: Int)?

    init(form: ComposeForm, layout: ComposeLayout, style: ComposeStyle) {
        self.form = form
        self.layout = layout
        self.style = style
    }

    // MARK: - Frame, hints, divider

    func drawFrame(into grid: inout Grid) {
        let title = form.editingID.map { "Edit story #\($0)" } ?? "New story"
        let (label, isError) = bottomLabel()
        let box = BoxWidget(glyphs: style.border, title: title, bottomLabel: label,
                            bottomLabelRole: isError ? .error : .status)
        box.render(into: &grid, area: layout.formBox)
        box.divider(into: &grid, area: layout.formBox, y: layout.dividerY)

        let body = ComposeField.body
        let problem = form.fieldProblems[body]
        let x = layout.formBox.x + 2
        let room = layout.formBox.width - 4
        guard room >= 3 else { return }
        let marker = form.focused == body ? style.focusMarker + " " : ""
        var spans = [Span(" \(marker)Body (\(form.body.count)/\(body.characterLimit)) ",
                          role: problem != nil ? .error : (form.focused == body ? .accent : .title))]
        if let problem { spans.append(Span("\(style.errorMark) \(problem) ", role: .error)) }
        SpanLine(spans, ellipsis: style.ellipsis).render(into: &grid, area: Rect(x: x, y: layout.dividerY, width: room, height: 1))
    }

    /// Key hints for the focused field, as many as fit the bottom border; or, when the focused
    /// field's error found no row of its own, that error.
    private func bottomLabel() -> (String, Bool) {
        let focused = form.focused
        if form.message == nil, let problem = form.fieldProblems[focused], layout.errorY[focused] == nil, focused != .body {
            return ("\(style.errorMark) \(problem)", true)
        }
        var items = [form.editingID == nil ? "Ctrl-S post" : "Ctrl-S save", "Esc cancel"]
        switch focused {
        case .body: items += ["Enter new line", "Tab next field"]
        case .customer: items += ["Space/\(style.leftRight) switch", "Tab/\(style.upDown) fields"]
        case .department where form.completion != nil: items += ["Tab/\(style.right) complete", "\(style.upDown) fields"]
        default: items += ["Tab/\(style.upDown) fields", "Enter next"]
        }
        let room = layout.formBox.width - 6   // BoxWidget keeps a border cell and a blank each side
        while items.count > 1, DisplayWidth.of(items.joined(separator: style.dot)) > room { items.removeLast() }
        return (items.joined(separator: style.dot), false)
    }

    // MARK: - One-line fields

    mutating func drawField(_ field: ComposeField, into grid: inout Grid) {
        guard let y = layout.fieldY[field] else { return }
        let focused = form.focused == field
        let problem = form.fieldProblems[field]
        if focused { grid.put(style.focusMarker, x: layout.content.x - 1, y: y, role: .accent) }
        let labelRole: Role = problem != nil ? .error : (focused ? .accent : .meta)
        let counter = counterText(field)
        let labelArea = Rect(x: layout.content.x, y: y, width: layout.labelWidth - 1, height: 1)
        if layout.wideLabels {
            var spans = [Span(field.label, role: labelRole)]
            if let counter { spans.append(Span(" (\(counter))", role: problem != nil ? .error : .dim)) }
            SpanLine(spans, ellipsis: style.ellipsis).render(into: &grid, area: labelArea)
        } else {
            TextLine(field.shortLabel, role: labelRole, ellipsis: style.ellipsis).render(into: &grid, area: labelArea)
            if let counter {
                TextLine(counter, role: problem != nil ? .error : .dim, align: .right, ellipsis: "")
                    .render(into: &grid, area: layout.counterArea(field))
            }
        }
        let value = layout.valueArea(field)
        if field == .customer {
            drawCustomer(into: &grid, area: value, focused: focused)
        } else if let buffer = form.buffer(field) {
            drawText(buffer, field: field, into: &grid, area: value, focused: focused)
        }
        if let problem, let errorY = layout.errorY[field] {
            let area = Rect(x: value.x, y: errorY, width: layout.content.maxX - value.x, height: 1)
            TextLine("\(style.errorMark) \(problem)", role: .error, ellipsis: style.ellipsis).render(into: &grid, area: area)
        }
    }

    /// "34/120", or the tag count "2/8".
    private func counterText(_ field: ComposeField) -> String? {
        guard let limit = field.counterLimit else { return nil }
        if field == .tags { return "\(ComposeForm.tags(in: form.tags.text).count)/\(limit)" }
        return "\(form.buffer(field)?.count ?? 0)/\(limit)"
    }

    private mutating func drawText(_ buffer: TextBuffer, field: ComposeField, into grid: inout Grid, area: Rect, focused: Bool) {
        guard area.width > 0 else { return }
        if buffer.text.isEmpty {
            TextLine(field.placeholder, role: .dim, ellipsis: style.ellipsis).render(into: &grid, area: area)
            if focused { cursor = (area.x, area.y) }
            return
        }
        guard focused else {
            TextLine(buffer.text, role: .normal, ellipsis: style.ellipsis).render(into: &grid, area: area)
            return
        }
        // Scrolled sideways only as far as the cursor needs, from where the form left it.
        let chars = Array(buffer.text)
        let start = ComposeLayout.firstVisibleCharacter(widths: chars.map(ComposeText.columns), cursor: buffer.cursor,
                                                        left: form.fieldLeft[field] ?? 0, width: area.width)
        var x = area.x
        for (i, c) in chars[start...].enumerated() {
            if start + i == buffer.cursor { cursor = (x, area.y) }
            let w = ComposeText.columns(c)
            if x + w > area.maxX { break }
            // At most its measured columns: in ASCII "…" is spelt "..." but the cursor counts one.
            if w > 0 { grid.put(SafeText(String(c)), x: x, y: area.y, role: .normal, maxWidth: w) }
            x += w
        }
        if buffer.cursor == chars.count {
            cursor = (min(x, area.maxX), area.y)   // just after a full field: the blank column beside it
            if let completion = form.completion, x < area.maxX {
                grid.put(completion.rest, x: x, y: area.y, role: .dim, maxWidth: area.maxX - x)
            }
        }
    }

    private mutating func drawCustomer(into grid: inout Grid, area: Rect, focused: Bool) {
        var x = area.x
        for kind in CustomerKind.allCases {
            let selected = form.customer == kind
            let role: Role = selected ? (focused ? .accent : .normal) : .dim
            if selected, focused { cursor = (x + 1, area.y) }
            let text = (selected ? style.radioOn : style.radioOff) + " " + kind.rawValue
            x += grid.put(text, x: x, y: area.y, role: role, maxWidth: area.maxX - x)
            x += 3
            if x >= area.maxX { break }
        }
    }

    // MARK: - Body and message

    mutating func drawBody(into grid: inout Grid) {
        let area = layout.bodyArea
        guard !area.isEmpty else { return }
        let focused = form.focused == .body
        if form.body.text.isEmpty {
            let lines = WrappedLines(ComposeField.body.placeholder, width: area.width, lineLimit: area.height)
            WrappedText.draw(lines.visible(area.height, width: area.width, ellipsis: style.ellipsis), into: &grid, area: area, role: .dim)
            if focused { cursor = (area.x, area.y) }
            return
        }
        let text = BodyLayout(form.body.text, width: layout.bodyWrapWidth)
        let cursorLine = text.line(of: form.body.cursor, upstream: form.bodyUpstream)
        let first = ComposeLayout.firstVisibleLine(text, cursorLine: cursorLine, top: form.bodyTop, rows: area.height)
        for row in 0..<area.height {
            let n = first + row
            guard n < text.lines.count else { break }
            let line = text.lines[n]
            var x = area.x
            for i in line.start..<line.end {
                let w = text.widths[i]
                if x + w > area.maxX { break }
                if w > 0 { grid.put(SafeText(String(text.characters[i])), x: x, y: area.y + row, role: .body, maxWidth: w) }
                x += w
            }
        }
        if focused {
            // Hanging spaces can take the column past the edge: the cursor waits at the edge,
            // in the blank column inside the border.
            let column = min(text.column(of: form.body.cursor, onLine: cursorLine), area.width)
            cursor = (area.x + column, area.y + cursorLine - first)
        }
    }

    func drawMessage(into grid: inout Grid) {
        let role: Role = form.messageIsError ? .error : .status
        for (i, line) in layout.messageLines.enumerated() {
            grid.put(line, x: layout.content.x, y: layout.messageY + i, role: role, maxWidth: layout.content.width)
        }
    }
}
