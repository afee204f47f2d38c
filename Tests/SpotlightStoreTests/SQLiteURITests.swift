import Foundation
@testable import SpotlightStore
import Testing

/// `SQLiteURI.escapedPath` replaced Foundation's percent-encoding on the start-up path (issue 17);
/// the URI SQLite opens must stay byte for byte what Foundation gave.
@Suite struct SQLiteURITests {
    static func foundation(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    static let paths: [String] = [
        "/tmp/board.sqlite", "relative/board.sqlite", "", "/tmp/a b/c?d#e%f.sqlite", "/home/zoë/日本/board.sqlite",
        "/tmp/~x/!$&'()*+,;=:@", "/tmp/tab\there", "/emoji/🎉👩‍👩‍👧", "/[brackets]/back\\slash/\"quote\"/<>^`{|}",
        "/combining/e\u{301}", "/nbsp/\u{A0}/bidi/\u{202E}", "/del/\u{7F}/nul/\u{0}",
        String((1...0x7F).map { Character(Unicode.Scalar(UInt8($0))) }),
    ]

    @Test(arguments: paths) func escapesLikeFoundation(path: String) {
        #expect(SQLiteURI.escapedPath(path) == Self.foundation(path))
    }
}
