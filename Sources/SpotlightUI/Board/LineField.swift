import SpotlightCore

/// A one-line text input for the board's small prompts (search, pin expiry and note, a
/// manager's login). Only printable text gets in — a control, escape or bidi character typed or
/// pasted is dropped — and the length limit is enforced per character, so a 10,000-character
/// paste stops at the limit with one message instead of growing the field.
public struct LineField: Sendable, Equatable {
    public let label: String
    /// In characters as people see them (grapheme clusters).
    public let limit: Int
    public private(set) var characters: [Character]
    /// Insertion point, 0...characters.count.
    public private(set) var cursor: Int

    public init(label: String, text: String = "", limit: Int) {
        self.label = label
        self.limit = max(1, limit)
        let clean = Array(text.filter(Self.isAllowed).prefix(max(1, limit)))
        characters = clean
        cursor = clean.count
    }

    public var text: String { String(characters) }

    public enum Outcome: Equatable, Sendable {
        /// The text changed.
        case edited
        /// Only the cursor moved.
        case moved
        /// Refused (too long, or not text); the message says why.
        case refused(String)
        /// Not a key for a field.
        case ignored
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .char(let c):
            return insert(c)
        case .paste(let text):
            return insert(pasted: text)
        case .backspace, .ctrl("h"):
            guard cursor > 0 else { return .moved }
            characters.remove(at: cursor - 1)
            cursor -= 1
            return .edited
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return .moved }
            characters.remove(at: cursor)
            return .edited
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
            return .moved
        case .right, .ctrl("f"):
            cursor = min(characters.count, cursor + 1)
            return .moved
        case .home, .ctrl("a"):
            cursor = 0
            return .moved
        case .end, .ctrl("e"):
            cursor = characters.count
            return .moved
        case .ctrl("u"):
            guard !characters.isEmpty else { return .moved }
            characters.removeFirst(cursor)
            cursor = 0
            return .edited
        case .ctrl("k"):
            guard cursor < characters.count else { return .moved }
            characters.removeLast(characters.count - cursor)
            return .edited
        case .ctrl("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            guard start < cursor else { return .moved }
            characters.removeSubrange(start..<cursor)
            cursor = start
            return .edited
        default:
            return .ignored
        }
    }

    private mutating func insert(_ c: Character) -> Outcome {
        guard Self.isAllowed(c) else { return .refused("\(label.lowercased()) takes plain text; a control character was left out") }
        guard characters.count < limit else {
            return .refused("\(label.lowercased()) is limited to \(limit) characters; the rest was not added")
        }
        characters.insert(c, at: cursor)
        cursor += 1
        return .edited
    }

    /// A paste: line breaks become spaces, controls are dropped, and what passes the limit is
    /// refused with one message (a megabyte of paste costs one pass, not a message per character).
    private mutating func insert(pasted text: String) -> Outcome {
        var added: [Character] = []
        var droppedControls = false
        var overflow = false
        let room = limit - characters.count
        for c in text {
            let c: Character = c.isNewline ? " " : c
            guard Self.isAllowed(c) else { droppedControls = true; continue }
            guard added.count < room else { overflow = true; break }
            added.append(c)
        }
        characters.insert(contentsOf: added, at: cursor)
        cursor += added.count
        if overflow { return .refused("\(label.lowercased()) is limited to \(limit) characters; the rest was not added") }
        if droppedControls { return .refused("\(label.lowercased()) takes plain text; control characters were left out") }
        return added.isEmpty ? .ignored : .edited
    }

    /// Printable and unchanged by the sanitiser: no C0/C1 control, ESC, DEL, bidi override or
    /// other format character; no line break.
    static func isAllowed(_ c: Character) -> Bool {
        if c.isASCII { return c.asciiValue.map { $0 >= 0x20 && $0 < 0x7F } ?? false }
        let s = String(c)
        return !c.isNewline && Sanitizer.singleLine(s) == s
    }
}
