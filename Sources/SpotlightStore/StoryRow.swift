import SQLiteNIO
import SpotlightCore

/// The one SELECT list for stories and its decoder, so every query returns complete stories.
enum StoryRow {
    static let columns = """
        s.id, CAST(s.title AS BLOB) AS title, CAST(s.body AS BLOB) AS body, CAST(s.hero AS BLOB) AS hero,
        CAST(s.department AS BLOB) AS department, s.customer, s.tags, s.author,
        CAST(s.author_name AS BLOB) AS author_name, CAST(s.on_behalf_of AS BLOB) AS on_behalf_of,
        s.created_at, s.edited_at, s.status, s.votes, s.medallions,
        s.pinned_by, s.pinned_at, s.pin_until, CAST(s.pin_note AS BLOB) AS pin_note
        """

    static func decode(_ row: SQLiteRow) -> Story {
        func text(_ name: String) -> String { row.column(name)?.lossless ?? "" }
        func optionalText(_ name: String) -> String? {
            guard let value = row.column(name), !value.isNull else { return nil }
            return value.lossless
        }
        func int(_ name: String) -> Int? { row.column(name)?.integer }
        var pin: Pin?
        if let by = optionalText("pinned_by"), let at = int("pinned_at") {
            pin = Pin(pinnedBy: by, pinnedAt: .init(millis: at), until: int("pin_until").map { .init(millis: $0) },
                      note: optionalText("pin_note"))
        }
        let tags = text("tags")
        return Story(
            id: int("id") ?? 0, title: text("title"), body: text("body"), hero: text("hero"),
            department: text("department"), customer: CustomerKind(rawValue: text("customer")) ?? .external,
            tags: tags.isEmpty ? [] : tags.split(separator: " ").map(String.init),
            author: text("author"), authorName: text("author_name"), onBehalfOf: optionalText("on_behalf_of"),
            createdAt: .init(millis: int("created_at") ?? 0), editedAt: int("edited_at").map { .init(millis: $0) },
            status: StoryStatus(rawValue: text("status")) ?? .visible,
            votes: int("votes") ?? 0, medallions: int("medallions") ?? 0, pin: pin)
    }
}
