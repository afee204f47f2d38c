/// A run of text in one role, part of a `SpanLine`.
public struct Span: Sendable, Equatable {
    public var text: SafeText
    public var role: Role

    public init(_ text: String, role: Role) {
        self.init(SafeText(text), role: role)
    }

    public init(_ text: SafeText, role: Role) {
        self.text = text
        self.role = role
    }
}

/// One line made of differently styled pieces ("🙌 Mary Lopez · Customer Support"), cut with an
/// ellipsis where it runs out of room; pieces after the cut are dropped.
public struct SpanLine: Widget {
    public var spans: [Span]
    public var align: TextAlign
    public var ellipsis: String

    public init(_ spans: [Span], align: TextAlign = .left, ellipsis: String = "…") {
        self.spans = spans
        self.align = align
        self.ellipsis = ellipsis
    }

    public var width: Int { spans.reduce(0) { $0 + $1.text.width } }

    public func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        var x = align.startX(in: area, textWidth: width)
        for span in spans {
            let room = area.maxX - x
            if room <= 0 { break }
            if span.text.width <= room {
                x += grid.put(span.text, x: x, y: area.y, role: span.role, maxWidth: room)
            } else {
                grid.put(span.text.truncated(toWidth: room, ellipsis: ellipsis), x: x, y: area.y, role: span.role, maxWidth: room)
                break
            }
        }
    }
}
