import Foundation

/// Where "now" comes from. The core never reads the system clock itself, so every rule
/// (ages, hot scores, medallion years, pin expiry) is testable with a fixed time.
public struct Clock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    public var now: Date { read() }

    public static let system = Clock { Date() }
    public static func fixed(_ date: Date) -> Clock { Clock { date } }
}
