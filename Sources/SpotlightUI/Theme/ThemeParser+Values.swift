import TOMLKit

/// The checked readers: each takes a TOML value and the dotted path it was found at, and
/// either returns a Swift value or throws an error naming that path.
extension ThemeParser {
    /// `[roles.<name>]` keys that hold a colour, the field each sets, and the palette size.
    private static var colorKeys: [(key: String, field: WritableKeyPath<RoleStyle, Int?>, limit: Int)] {
        [
            ("fg256", \.fg256, 256), ("bg256", \.bg256, 256),
            ("fg16", \.fg16, 16), ("bg16", \.bg16, 16),
            ("fg8", \.fg8, 8), ("bg8", \.bg8, 8),
        ]
    }

    private static var attributeKeys: [(key: String, field: WritableKeyPath<RoleStyle, Bool>)] {
        [("bold", \.bold), ("reverse", \.reverse), ("underline", \.underline), ("dim", \.dim)]
    }

    /// What `mono = [...]` may list; ncurses has no portable "dim" on monochrome terminals.
    private static var monoAttributes: [(name: String, field: WritableKeyPath<RoleStyle, Bool>)] {
        [("bold", \.monoBold), ("reverse", \.monoReverse), ("underline", \.monoUnderline)]
    }

    /// A role's table applied over `base`: keys the table gives replace the base's, the rest
    /// are inherited. `mono` replaces all three monochrome attributes at once.
    func roleStyle(_ value: TOMLValueConvertible, at path: [String], base: RoleStyle) throws(ThemeError) -> RoleStyle {
        let entry = try table(value, at: path)
        let colorKeys = Self.colorKeys
        let attributeKeys = Self.attributeKeys
        try requireKnownKeys(entry, allowed: colorKeys.map(\.key) + attributeKeys.map(\.key) + ["mono"], at: path)
        var style = base
        for (key, field, limit) in colorKeys {
            guard let raw = entry[key] else { continue }
            style[keyPath: field] = try color(raw, at: path + [key], limit: limit)
        }
        for (key, field) in attributeKeys {
            guard let raw = entry[key] else { continue }
            style[keyPath: field] = try bool(raw, at: path + [key])
        }
        if let raw = entry["mono"] {
            let listed = try monoList(raw, at: path + ["mono"])
            for (name, field) in Self.monoAttributes { style[keyPath: field] = listed.contains(name) }
        }
        return style
    }

    /// A palette index below `limit`, a colour name that fits it, or "default" (-1).
    func color(_ value: TOMLValueConvertible, at path: [String], limit: Int) throws(ThemeError) -> Int {
        switch value.type {
        case .int:
            let number = value.int ?? -1
            guard number >= 0, number < limit else {
                throw failure(.invalidValue, path, "must be 0–\(limit - 1), got \(number)")
            }
            return number
        case .string:
            let raw = value.string ?? ""
            guard let number = ColorName.number(for: raw), number < limit else {
                let names = ColorName.names(below: limit).joined(separator: ", ")
                throw failure(.invalidValue, path, "must be 0–\(limit - 1) or one of \(names); got \"\(raw)\"")
            }
            return number
        default:
            throw failure(.wrongType, path, "must be a colour number or name, got \(describe(value))")
        }
    }

    func bool(_ value: TOMLValueConvertible, at path: [String]) throws(ThemeError) -> Bool {
        guard value.type == .bool, let flag = value.bool else {
            throw failure(.wrongType, path, "must be true or false, got \(describe(value))")
        }
        return flag
    }

    func monoList(_ value: TOMLValueConvertible, at path: [String]) throws(ThemeError) -> [String] {
        let allowed = Self.monoAttributes.map(\.name)
        let items = try strings(value, at: path, expecting: "a list of attributes such as [\"bold\"]")
        for item in items where !allowed.contains(item) {
            throw failure(.invalidValue, path, "may list only \(allowed.joined(separator: ", ")); got \"\(item)\"")
        }
        return items
    }

    /// Text that will be drawn: control characters and bidi overrides are refused here, so a
    /// theme file can never smuggle terminal escapes onto the wall (DESIGN §8, CVE-2024-28085).
    func text(_ value: TOMLValueConvertible, at path: [String]) throws(ThemeError) -> String {
        guard value.type == .string, let string = value.string else {
            throw failure(.wrongType, path, "must be a string, got \(describe(value))")
        }
        let unsafe = string.unicodeScalars.first { scalar in
            scalar.properties.generalCategory == .control
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
        if let unsafe {
            let code = String(unsafe.value, radix: 16, uppercase: true)
            throw failure(.invalidValue, path, "must not contain control or bidi characters, found U+\(code)")
        }
        return string
    }

    /// Text for terminals without Unicode: printable ASCII only.
    func ascii(_ value: TOMLValueConvertible, at path: [String]) throws(ThemeError) -> String {
        let string = try text(value, at: path)
        guard string.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else {
            throw failure(.invalidValue, path, "must be printable ASCII (it stands in where Unicode cannot be shown), got \"\(string)\"")
        }
        return string
    }

    func asciiLines(_ value: TOMLValueConvertible, at path: [String]) throws(ThemeError) -> [String] {
        let lines = try strings(value, at: path, expecting: "a list of strings, one per line")
        for line in lines { _ = try ascii(line, at: path) }
        return lines
    }

    func table(_ value: TOMLValueConvertible, at path: [String]) throws(ThemeError) -> TOMLTable {
        guard value.type == .table, let table = value.table else {
            throw failure(.wrongType, path, "must be a table, got \(describe(value))")
        }
        return table
    }

    func requireKnownKeys(_ table: TOMLTable, allowed: [String], at path: [String]) throws(ThemeError) {
        for key in table.keys where !allowed.contains(key) {
            throw failure(.unknownKey, path + [key], "is not a theme key; expected one of \(allowed.joined(separator: ", "))")
        }
    }

    /// "integer 300", "string \"red\"", "table": enough for the author to spot the slip.
    func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .table, .array: "a \(value.type)"
        case .string: "string \"\(value.string ?? "")\""
        default: "\(value.type) \(value.debugDescription)"
        }
    }

    private func strings(_ value: TOMLValueConvertible, at path: [String], expecting: String) throws(ThemeError) -> [String] {
        guard value.type == .array, let array = value.array else {
            throw failure(.wrongType, path, "must be \(expecting), got \(describe(value))")
        }
        var result: [String] = []
        for item in array {
            guard item.type == .string, let string = item.string else {
                throw failure(.wrongType, path, "must be \(expecting), but it holds \(describe(item))")
            }
            result.append(string)
        }
        return result
    }
}
