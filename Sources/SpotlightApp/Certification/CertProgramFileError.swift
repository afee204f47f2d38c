import SpotlightCore

/// Why a certification program file was refused: one line in the compiler's `file:line: key
/// problem` shape, like a theme's (`ThemeError`), so an editor can jump to it. Nothing of a
/// refused file is kept.
public struct CertProgramFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case syntax, unknownKey, wrongType, invalidValue, tooLarge
        case missing, unreadable
        /// The file is there but this account may not read it.
        case forbidden
    }

    public var kind: Kind
    public var file: String
    /// 1-based; nil when the problem has no one line (an empty file, a missing table).
    public var line: Int?
    /// Where in the file: `quiz.questions[3].answers` (questions and levels counted from 1).
    public var key: String?
    public var problem: String

    public init(_ kind: Kind, file: String, line: Int? = nil, key: String? = nil, problem: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var description: String {
        let location = file + (line.map { ":\($0)" } ?? "")
        return "\(location): " + [key, problem].compactMap { $0 }.joined(separator: " ")
    }

    /// Exit 4 for a missing file, 3 for one we may not read, 1 for a broken one (as themes).
    public var spotlightError: SpotlightError {
        switch kind {
        case .missing: .notFound(description)
        case .forbidden: .permission(description)
        default: .runtime(description)
        }
    }
}
