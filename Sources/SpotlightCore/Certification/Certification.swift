import Foundation

/// A level of a program held by an account: earned by passing the quiz (level 1) or granted by a
/// manager (level 2 and up). Written once with its audit record (phase 2); revoking deletes it
/// within `CertificationRules.revokeWindow`.
public struct Certification: Equatable, Sendable, Codable {
    public enum Source: String, Equatable, Sendable, Codable {
        /// Passed the program's quiz; `grantedBy` is the account itself.
        case quiz
        /// Granted by the manager in `grantedBy`.
        case manager
    }

    public var id: Int
    /// The account certified (OS login, as everywhere).
    public var login: String
    public var program: String
    public var level: Int
    public var source: Source
    public var grantedBy: String
    public var at: Date
    /// The manager's reason, or the quiz score ("9 of 10 correct (7 needed to pass)").
    public var note: String

    public init(id: Int, login: String, program: String, level: Int, source: Source, grantedBy: String, at: Date, note: String = "") {
        self.id = id
        self.login = login
        self.program = program
        self.level = level
        self.source = source
        self.grantedBy = grantedBy
        self.at = at
        self.note = note
    }

    /// Whether this is `program` (compared by `NameKey`, as the store's uniqueness is).
    public func isOf(_ program: String) -> Bool { NameKey.key(self.program) == NameKey.key(program) }
}
