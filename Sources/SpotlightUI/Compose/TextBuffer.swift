import SpotlightCore

/// The text of one form field and its cursor, edited by grapheme cluster.
///
/// The cursor is a logical position — the number of characters (grapheme clusters) before it —
/// never a screen column, so a resize or a different wrap width cannot move it. Text is kept as
/// one `String` rather than an array of characters because keys arrive one scalar at a time:
/// 👩, ZWJ, 💻 typed in turn must fuse into one cluster, as they do when appended to a string.
struct TextBuffer: Equatable, Sendable {
    private(set) var text: String
    /// Characters before the cursor, `0...count`.
    private(set) var cursor: Int
    /// `text.count`, kept so that limits and cursor clamping do not recount.
    private(set) var count: Int
    /// At most this many characters (the field's limit).
    let limit: Int
    let multiline: Bool

    init(_ text: String = "", limit: Int, multiline: Bool) {
        self.text = ""
        self.cursor = 0
        self.count = 0
        self.limit = limit
        self.multiline = multiline
        _ = insert(text)
    }

    /// What an insertion did: characters added, and characters (or bytes) left out at the limit.
    struct Insertion: Equatable {
        var inserted: Int
        var refused: Int
        var hitByteLimit: Bool
    }

    /// Cleans `raw` (see `ComposeText`) and inserts what fits before the cursor; the rest is
    /// refused. Bounded work whatever the size of `raw`: only about `limit` characters of it
    /// are cleaned and joined.
    mutating func insert(_ raw: String) -> Insertion {
        let room = max(0, limit - count)
        let byteRoom = max(0, Self.maxBytes - text.utf8.count)
        // One character more than fits, to know whether something is left out.
        let (head, rest) = Self.split(raw, characters: room + 1, bytes: byteRoom + 4)
        var piece = Substring(ComposeText.clean(String(head), multiline: multiline))
        var refused = rest.isEmpty ? 0 : rest.count
        var hitBytes = false
        let excess = piece.count - room
        if excess > 0 {
            piece = piece.dropLast(excess)
            refused += excess
        }
        while piece.utf8.count > byteRoom, !piece.isEmpty {
            piece = piece.dropLast()
            refused += 1
            hitBytes = true
        }
        if !rest.isEmpty, head.utf8.count > byteRoom { hitBytes = true }
        guard !piece.isEmpty else { return Insertion(inserted: 0, refused: refused, hitByteLimit: hitBytes) }

        let at = index(cursor)
        var before = String(text[..<at])
        before += piece
        var inserted = piece.count
        var joined = before + text[at...]
        var newCount = joined.count
        // Clusters can fuse at the seams (a combining mark, a second regional indicator), and
        // very rarely that pushes the count past the limit: then give characters back.
        while newCount > limit, inserted > 0 {
            before.removeLast()
            inserted -= 1
            refused += 1
            joined = before + text[at...]
            newCount = joined.count
        }
        text = joined
        count = newCount
        cursor = min(before.count, newCount)
        return Insertion(inserted: inserted, refused: refused, hitByteLimit: hitBytes)
    }

    /// Any field, in UTF-8 bytes (StoryLimits.maxFieldBytes): a few "characters" made of
    /// thousands of combining marks cannot grow without bound.
    static let maxBytes = StoryLimits.maxFieldBytes

    /// `raw` cut after `characters` characters, or before the character that passes `bytes`.
    private static func split(_ raw: String, characters: Int, bytes: Int) -> (head: Substring, rest: Substring) {
        var end = raw.startIndex
        var n = 0
        var used = 0
        while end != raw.endIndex, n < characters {
            let next = raw.index(after: end)
            used += raw.utf8.distance(from: end, to: next)
            if used > bytes, n > 0 { break }
            end = next
            n += 1
        }
        return (raw[..<end], raw[end...])
    }

    // MARK: - Deleting

    /// Removes the character before the cursor (a whole ZWJ emoji, a letter with its marks).
    @discardableResult
    mutating func deleteBackward() -> Bool {
        guard cursor > 0 else { return false }
        let end = index(cursor)
        let start = text.index(before: end)
        text.removeSubrange(start..<end)
        recount(cursor: cursor - 1)
        return true
    }

    /// Removes the character after the cursor.
    @discardableResult
    mutating func deleteForward() -> Bool {
        guard cursor < count else { return false }
        let start = index(cursor)
        text.remove(at: start)
        recount(cursor: cursor)
        return true
    }

    /// Removes from the start of the word before the cursor up to the cursor (Ctrl-W).
    @discardableResult
    mutating func deleteWordBackward() -> Bool {
        let start = wordLeft(from: cursor)
        guard start < cursor else { return false }
        text.removeSubrange(index(start)..<index(cursor))
        recount(cursor: start)
        return true
    }

    /// Replaces the whole text (completion), cursor at the end.
    mutating func replace(with new: String) {
        text = ""
        count = 0
        cursor = 0
        _ = insert(new)
    }

    private mutating func recount(cursor new: Int) {
        // Removing a character can fuse its neighbours (🇫x🇷 → 🇫🇷), so count again.
        count = text.count
        cursor = min(max(0, new), count)
    }

    // MARK: - Moving

    mutating func moveTo(_ position: Int) { cursor = min(max(0, position), count) }
    mutating func moveLeft() { moveTo(cursor - 1) }
    mutating func moveRight() { moveTo(cursor + 1) }

    /// Start of the word at or before `position`: spaces first, then one run of the same kind.
    func wordLeft(from position: Int) -> Int {
        let chars = Array(text)
        var i = min(position, chars.count)
        while i > 0, WordKind(chars[i - 1]) == .space { i -= 1 }
        guard i > 0 else { return 0 }
        let kind = WordKind(chars[i - 1])
        while i > 0, WordKind(chars[i - 1]) == kind { i -= 1 }
        return i
    }

    /// End of the word at or after `position`: spaces first, then one run of the same kind.
    func wordRight(from position: Int) -> Int {
        let chars = Array(text)
        var i = max(0, position)
        while i < chars.count, WordKind(chars[i]) == .space { i += 1 }
        guard i < chars.count else { return chars.count }
        let kind = WordKind(chars[i])
        while i < chars.count, WordKind(chars[i]) == kind { i += 1 }
        return i
    }

    /// The string index of character offset `n` (clamped).
    func index(_ n: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: min(max(0, n), count), limitedBy: text.endIndex) ?? text.endIndex
    }
}

/// What a word jump stops between: runs of letters and digits (a CJK run counts as one word),
/// runs of punctuation and symbols (emoji included), and whitespace, which is skipped.
enum WordKind: Equatable {
    case space, word, symbol

    init(_ c: Character) {
        if c.isWhitespace {
            self = .space
        } else if c.isLetter || c.isNumber || c == "_" || c == "'" || c == "’" {
            self = .word
        } else {
            self = .symbol
        }
    }
}
