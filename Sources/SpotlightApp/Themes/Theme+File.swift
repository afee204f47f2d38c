import Foundation
import SpotlightCore
import SpotlightUI

extension Theme {
    /// Reads the theme file at `path`. SpotlightUI only parses text; reading files is the
    /// application's (issue 12).
    public init(contentsOfFile path: String) throws(ThemeError) {
        // Only a regular file of sensible size: a FIFO in a theme folder would hang the wall.
        let found: Data?
        do {
            found = try RegularFile.contents(path, limit: Self.maximumBytes)
        } catch {
            throw ThemeError(.unreadable, file: path, problem: error.isPermission ? "cannot be read; check its permissions" : error.reason)
        }
        guard let data = found else { throw ThemeError(.unreadable, file: path, problem: "does not exist") }
        guard let source = String(data: data, encoding: .utf8) else {
            throw ThemeError(.syntax, file: path, problem: "is not UTF-8 text")
        }
        try self.init(parsing: source, file: path)
    }
}
