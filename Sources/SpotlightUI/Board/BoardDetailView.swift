import Foundation
import SpotlightCore

/// One story in full: title, hero and department, recognition, byline, pin and hidden notes,
/// then the body, scrolled by `scroll` lines. Every line is one screen row, so the state can
/// bound its scrolling with `lineCount` without drawing.
struct BoardDetailView: Widget {
    let story: Story
    let voted: Bool
    let style: BoardStyle
    let now: Date
    let timeZone: TimeZone
    let scroll: Int
    /// The hero's certifications ("Service Standards II"), read when the story opened.
    var levels: [String] = []

    /// Columns of text inside the area (a margin each side).
    static func textWidth(_ width: Int) -> Int { max(1, width - (width >= 60 ? 4 : 2)) }

    /// Lines the story takes at `width`; the age is left out of the count's wording since it
    /// never changes how many lines there are.
    static func lineCount(_ story: Story, levels: [String] = [], width: Int) -> Int {
        let context = BoardContext(boardName: "", now: story.createdAt)
        return BoardDetailView(story: story, voted: false, style: BoardStyle(context), now: story.createdAt,
                               timeZone: .current, scroll: 0, levels: levels).lines(width: textWidth(width)).count
    }

    func render(into grid: inout Grid, area: Rect) {
        guard !area.isEmpty else { return }
        let margin = area.width >= 60 ? 2 : 1
        let text = area.inset(horizontal: margin, vertical: 0)
        let all = lines(width: Self.textWidth(area.width))
        let first = min(max(0, scroll), max(0, all.count - area.height))
        for (row, spans) in all.dropFirst(first).prefix(area.height).enumerated() {
            SpanLine(spans, ellipsis: style.ellipsis).render(into: &grid, area: Rect(x: text.x, y: text.y + row, width: text.width, height: 1))
        }
        if first > 0 { grid.put(style.pointer == "▸" ? "▲" : "^", x: area.maxX - 1, y: area.y, role: .dim) }
        if first + area.height < all.count { grid.put(style.pointer == "▸" ? "▼" : "v", x: area.maxX - 1, y: area.maxY - 1, role: .dim) }
    }

    func lines(width: Int) -> [[Span]] {
        var out: [[Span]] = []
        for line in WrappedLines(story.title, width: width, lineLimit: 8).visible(8, width: width, ellipsis: style.ellipsis) {
            out.append([Span(line, role: .title)])
        }
        out.append([])
        var hero: [Span] = []
        if !story.hero.isEmpty { hero += [Span(style.hero + " ", role: .hero), Span(story.hero, role: .hero)] }
        if let department = story.departmentBesideHero {
            if !hero.isEmpty { hero.append(Span(style.dot, role: .dim)) }
            hero.append(Span(department, role: .meta))
        }
        hero += [Span(style.dot, role: .dim), Span("\(story.customer.rawValue) customer", role: .dim)]
        out.append(hero)
        if !levels.isEmpty {
            out.append([Span("Certified: ", role: .dim), Span(levels.joined(separator: ", "), role: .badge)])
        }
        var recognition = [Span("\(style.votes) \(Plural.count(story.votes, "vote"))", role: voted ? .accent : .badge)]
        if voted { recognition.append(Span(" (yours among them)", role: .dim)) }
        recognition += [Span(style.dot, role: .dim),
                        Span("\(style.medallion) \(Plural.count(story.medallions, "medallion"))", role: .badge)]
        if !story.tags.isEmpty {
            recognition += [Span(style.dot, role: .dim), Span("tags: " + story.tags.joined(separator: ", "), role: .meta)]
        }
        out.append(recognition)
        var byline = [Span("#\(story.id) posted by ", role: .dim), Span(story.onBehalfOf ?? story.authorName, role: .meta)]
        if story.onBehalfOf != nil { byline.append(Span(" (via \(story.author))", role: .dim)) }
        byline.append(Span(style.dot + RelativeTime.ago(story.createdAt, now: now), role: .dim))
        if let edited = story.editedAt { byline.append(Span(style.dot + "edited " + RelativeTime.ago(edited, now: now), role: .dim)) }
        out.append(byline)
        if let pin = story.pin {
            var text = (pin.isLive(at: now) ? "pinned by " : "pin ended; was pinned by ") + pin.pinnedBy
            if let until = pin.until, pin.isLive(at: now) {
                text += " until " + ClockText.pinEnd(until, timeZone: timeZone)
            }
            if let note = pin.note, !note.isEmpty { text += " \(style.dash) " + note }
            out.append([Span(style.pin + " ", role: .pinned), Span(text, role: .pinned)])
        }
        if story.status == .hidden {
            out.append([Span("\(style.hidden) only managers and the author can see this story", role: .error)])
        }
        out.append([])
        let body = WrappedLines(story.body, width: width, lineLimit: 10_000)
        for line in body.lines { out.append([Span(line, role: .body)]) }
        if body.lines.isEmpty { out.append([Span("(no story text)", role: .dim)]) }
        return out
    }
}
