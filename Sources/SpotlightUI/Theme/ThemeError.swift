import SpotlightCore

/// Why a theme could not be found or read. `description` is the one line the user sees, in the
/// compiler's `file:line: key problem` shape so editors can jump to it.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not TOML at all; `line` and `column` come from the TOML parser.
        case syntax
        /// A key, role or icon the format does not have (often a typo).
        case unknownKey
        /// A string where a number belongs, and the like.
        case wrongType
        /// The right type but not allowed: a colour out of range, an unknown border name.
        case invalidValue
        /// No theme file of that name, and it is not the built-in one.
        case unknownTheme
        /// The file exists but cannot be read.
        case unreadable
    }

    public var kind: Kind
    /// The theme file as it was found (nil for a missing theme).
    public var file: String?
    /// 1-based; nil when the key could not be located in the text.
    public var line: Int?
    public var column: Int?
    /// The dotted key, e.g. `roles.title.fg256`.
    public var key: String?
    /// What is wrong and, where it helps, what is allowed: "must be 0–255, got 300".
    public var problem: String

    public init(
        _ kind: Kind, file: String? = nil, line: Int? = nil, column: Int? = nil,
        key: String? = nil, problem: String
    ) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.problem = problem
    }

    public var description: String {
        var location = file ?? ""
        if file != nil, let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let subject = [key, problem].compactMap { $0 }.joined(separator: " ")
        return location.isEmpty ? subject : "\(location): \(subject)"
    }

    /// The app-wide error, so the CLI exits 4 for a missing theme and 1 for a broken one.
    public var spotlightError: SpotlightError {
        kind == .unknownTheme ? .notFound(description) : .runtime(description)
    }
}
