/// Finds the line each key of a TOML file was written on. TOMLKit reports lines only for syntax
/// errors; a parsed table no longer knows where its keys came from, yet a bad theme colour or a
/// bad quiz question must be reported as `file:line`, so this re-reads the source text (themes and
/// certification programs share it). One pass, before TOMLKit sees the text, so it also counts
/// arrays of tables: a program of 10,000 questions is refused without building 10,000 tables.
///
/// An entry of an array of tables is a path component with its 1-based number:
/// `["quiz", "questions", "3", "text"]`. It understands headers, arrays of tables, dotted and
/// quoted keys, inline tables and values spanning lines (arrays, `"""` strings) — enough for
/// valid TOML. Inline arrays of tables fall back to the line of their key.
public struct TOMLKeyLocator {
    private var lines: [[String]: Int] = [:]
    /// Line of each `[[name]]` header, per array (key: dotted name).
    public private(set) var entries: [String: [Int]] = [:]

    public init(source: String) {
        var table: [String] = []
        var openString: String?
        var depth = 0
        let sourceLines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in sourceLines.enumerated() {
            let number = index + 1
            if let delimiter = openString {
                if line.contains(delimiter) { openString = nil }
                continue
            }
            if depth > 0 {
                depth = max(0, depth + Self.bracketBalance(line))
                continue
            }
            let text = line.drop { $0 == " " || $0 == "\t" }
            if text.isEmpty || text.hasPrefix("#") { continue }
            if text.hasPrefix("[[") {
                let name = Self.keyPath(text.dropFirst(2).prefix { $0 != "]" })
                let dotted = name.joined(separator: ".")
                entries[dotted, default: []].append(number)
                table = name + [String(entries[dotted]!.count)]
                record(name, number)
                record(table, number)
                continue
            }
            if text.hasPrefix("[") {
                let name = Self.keyPath(text.dropFirst().prefix { $0 != "]" })
                // A sub-table of the latest array entry (`[quiz.questions.extra]`) stays inside it.
                table = Self.withinEntries(name, entries: entries)
                record(table, number)
                continue
            }
            guard let equals = Self.indexOfEquals(text) else { continue }
            record(table + Self.keyPath(text[..<equals]), number)
            let value = text[text.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if !value.dropFirst(3).contains(delimiter) { openString = delimiter }
            }
            if openString == nil { depth = max(0, Self.bracketBalance(value)) }
        }
    }

    /// The line of `path`, or of the nearest enclosing key, entry or header that was written down.
    public func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let found = lines[path] { return found }
            path.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], _ line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    private static func withinEntries(_ name: [String], entries: [String: [Int]]) -> [String] {
        for cut in stride(from: name.count - 1, through: 1, by: -1) {
            let prefix = Array(name.prefix(cut))
            if let count = entries[prefix.joined(separator: ".")]?.count {
                return prefix + [String(count)] + name.dropFirst(cut)
            }
        }
        return name
    }

    /// Splits `a . "b.c" . 'd'` into ["a", "b.c", "d"].
    static func keyPath<S: StringProtocol>(_ text: S) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current)
                current = ""
            } else if character != " " && character != "\t" {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static func indexOfEquals(_ text: Substring) -> Substring.Index? {
        var quote: Character?
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            }
        }
        return nil
    }

    /// Opening minus closing brackets and braces outside strings and comments.
    private static func bracketBalance(_ text: Substring) -> Int {
        var balance = 0
        var quote: Character?
        var escaped = false
        for character in text {
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" && open == "\"" {
                    escaped = true
                } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "[", "{": balance += 1
            case "]", "}": balance -= 1
            case "#": return balance
            default: break
            }
        }
        return balance
    }
}
