import Foundation

/// A passing line in the wall's bottom border, with the time it goes away.
public struct WallStatus: Sendable, Equatable {
    public var text: String
    public var until: Date

    public init(text: String, until: Date) {
        self.text = text
        self.until = until
    }
}
