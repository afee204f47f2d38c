import Foundation
import SpotlightCore

/// Plain-text views of stories for `list` and `show`. Every user string passes the sanitizer:
/// a story can never put a raw control character on the reader's terminal. Dates are the
/// board's ("Fri 4 Dec"); ISO 8601 is for `--json` only.
enum StoryText {
    /// `marks`: the wall's ★ and 🏅, or their ASCII stand-ins in a non-UTF-8 locale.
    static func listLine(_ story: Story, now: Date, marks: RecognitionMarks = .unicode) -> String {
        let safe = Sanitizer.singleLine
        var flags: [String] = []
        if story.isPinned(at: now) { flags.append("[pinned]") }
        if story.status == .hidden { flags.append("[hidden]") }
        let counts = "\(marks.votes)\(pad(story.votes, 3)) \(marks.medallion)\(pad(story.medallions, 2))"
        let head = "\(TextTable.padRight("#\(story.id)", 6)) \(counts) \(TextTable.padRight(RelativeTime.short(story.createdAt, now: now), 4)) "
        let title = safe(story.title) + (flags.isEmpty ? "" : "  " + flags.plainlyJoined(separator: " "))
        let who = [story.hero, story.departmentBesideHero].compactMap { $0.map(safe) } + [story.customer.rawValue]
        let meta = String(repeating: " ", count: DisplayWidth.of(head)) + who.plainlyJoined(separator: " · ")
        return head + title + "\n" + meta
    }

    static func detail(_ story: Story, now: Date, timeZone: TimeZone = .current) -> String {
        let safe = Sanitizer.singleLine
        var lines = ["#\(story.id)  \(safe(story.title))", ""]
        func field(_ name: String, _ value: String) { lines.append(TextTable.padRight(name + ":", 13) + value) }
        field("Hero", safe(story.hero))
        field("Department", safe(story.department))
        field("Customer", story.customer.rawValue)
        if !story.tags.isEmpty { field("Tags", story.tags.joined(separator: ", ")) }
        var posted = "\(safe(story.authorName)) (\(safe(story.author)))"
        if let behalf = story.onBehalfOf { posted += " on behalf of \(safe(behalf))" }
        field("Posted by", posted + " · " + RelativeTime.ago(story.createdAt, now: now))
        if let edited = story.editedAt { field("Edited", RelativeTime.ago(edited, now: now)) }
        field("Recognition", "\(Plural.count(story.votes, "vote")), \(Plural.count(story.medallions, "medallion"))")
        if story.status != .visible { field("Status", story.status.rawValue) }
        if let pin = story.pin {
            var text = pin.isLive(at: now) ? "by \(safe(pin.pinnedBy))" : "expired (was by \(safe(pin.pinnedBy)))"
            if let until = pin.until { text += " until " + ClockText.pinEnd(until, timeZone: timeZone) }
            if let note = pin.note { text += " — \(safe(note))" }
            field("Pinned", text)
        }
        if !story.body.isEmpty {
            lines.append("")
            lines.append(Sanitizer.displaySafe(story.body))
        }
        return lines.plainlyJoined(separator: "\n")
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}

/// The JSON shape of a story in `list --json` and `show --json`.
struct StoryJSON: Encodable {
    let id: Int
    let title: String
    let body: String
    let hero: String
    let department: String
    let customer: String
    let tags: [String]
    let author: String
    let authorName: String
    let onBehalfOf: String?
    let createdAt: Date
    let editedAt: Date?
    let status: String
    let votes: Int
    let medallions: Int
    let pinned: Bool
    let pin: Pin?

    init(_ s: Story, now: Date) {
        id = s.id; title = s.title; body = s.body; hero = s.hero; department = s.department
        customer = s.customer.rawValue; tags = s.tags; author = s.author; authorName = s.authorName
        onBehalfOf = s.onBehalfOf; createdAt = s.createdAt; editedAt = s.editedAt; status = s.status.rawValue
        votes = s.votes; medallions = s.medallions; pinned = s.isPinned(at: now); pin = s.pin
    }
}
