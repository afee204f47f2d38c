/// The one error type every layer reports to the user. Its `kind` decides the exit code
/// (DESIGN §6) so the CLI and the screens classify failures the same way.
public struct SpotlightError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Int32, Sendable {
        case runtime = 1
        case usage = 2
        case permission = 3
        case notFound = 4
    }

    public let kind: Kind
    /// One line: what went wrong, on what, and what to do next.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var exitCode: Int32 { kind.rawValue }
    public var description: String { message }

    public static func usage(_ message: String) -> SpotlightError { .init(.usage, message) }
    public static func permission(_ message: String) -> SpotlightError { .init(.permission, message) }
    public static func notFound(_ message: String) -> SpotlightError { .init(.notFound, message) }
    public static func runtime(_ message: String) -> SpotlightError { .init(.runtime, message) }

    public static func storyNotFound(_ id: Int) -> SpotlightError {
        .notFound("story #\(id) does not exist (see `spotlight list`)")
    }
}
