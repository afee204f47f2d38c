/// Finds the line a dotted key was written on. TOMLKit reports lines only for syntax errors; a
/// parsed table no longer knows where its keys came from, yet a bad colour must be reported as
/// `file:line`, so this re-reads the source text. It understands headers (`[roles.title]`),
/// dotted keys (`title.fg256 = 1`), quoted keys, inline tables and values spanning several lines
/// (arrays, `"""` strings) — enough for valid TOML, which is all it ever sees.
struct TOMLKeyLocator {
    /// First line each key path or table header appears on.
    private var lines: [[String]: Int] = [:]

    init(source: String) {
        var table: [String] = []
        var openString: String?  // the closing delimiter of a multi-line string in progress
        var depth = 0            // unclosed [ and { of a value spanning lines

        // "\r\n" is a single Character in Swift, so split on any newline, not on "\n".
        let sourceLines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in sourceLines.enumerated() {
            let number = index + 1
            if let delimiter = openString {
                if line.contains(delimiter) { openString = nil }
                continue
            }
            if depth > 0 {
                depth += Self.bracketBalance(line)
                continue
            }
            let text = line.drop { $0 == " " || $0 == "\t" }
            if text.isEmpty || text.hasPrefix("#") { continue }

            if text.hasPrefix("[") {
                let inner = text.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.keyPath(inner)
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

    /// The line of `path`, or of the nearest enclosing key or header that was written down
    /// (an inline table's keys share its line).
    func line(of path: [String]) -> Int? {
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

    /// The `=` that ends the key, skipping any inside a quoted key.
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
