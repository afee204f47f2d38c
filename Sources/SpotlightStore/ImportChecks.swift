import Foundation
import SpotlightCore

/// What a hand-edited export may say that decoding cannot catch, each problem at its place in
/// the file, so `import` names the line to fix.
extension BoardExport {
    /// A place in the export: a top-level key, and an element of its array.
    public struct Place: Equatable, Sendable {
        public let key: String
        public let index: Int?
    }

    public struct Problem: Equatable, Sendable {
        public let place: Place
        public let message: String
    }

    /// A board nobody can manage, and votes or medallions the rules never allow (for one's own story).
    public func problems() -> [Problem] {
        var found: [Problem] = []
        if managers.isEmpty {
            found.append(Problem(place: Place(key: "managers", index: nil), message:
                "\"managers\" is empty: nobody could ever manage the imported board; list at least one login"))
        }
        let authors = Dictionary(stories.map { ($0.id, $0.author) }, uniquingKeysWith: { first, _ in first })
        for (i, vote) in votes.enumerated() where authors[vote.storyID] == vote.voter {
            found.append(Problem(place: Place(key: "votes", index: i), message:
                "vote \(i + 1) is by \(vote.voter) for story #\(vote.storyID), which \(vote.voter) posted: nobody votes for their own story"))
        }
        for (i, medallion) in medallions.enumerated() where authors[medallion.storyID] == medallion.giver {
            found.append(Problem(place: Place(key: "medallions", index: i), message:
                "medallion \(i + 1) is from \(medallion.giver) for story #\(medallion.storyID), which \(medallion.giver) posted: nobody gives a medallion for their own story"))
        }
        return found
    }
}

/// Finds the line of a top-level key, or of one element of its array, in JSON text. A small
/// scanner rather than a parser: the text has already been decoded, so it is valid JSON.
enum JSONLines {
    static func line(of place: BoardExport.Place, in data: Data) -> Int? {
        var line = 1, depth = 0, inString = false, escaped = false
        var string: [UInt8] = [], lastString: [UInt8]? = nil
        var keyLine: Int?   // set once the wanted key's array has been reached
        var element = -1, awaitingElement = false
        let key = Array(place.key.utf8)
        for byte in data {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false; lastString = string } else { string.append(byte) }
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            if keyLine != nil, awaitingElement, !isSpace, byte != UInt8(ascii: "]") {
                element += 1
                awaitingElement = false
                if element == place.index { return line }
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true; string = []
            case UInt8(ascii: ":") where depth == 1 && keyLine == nil && lastString == key:
                if place.index == nil { return line }
                keyLine = line
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if keyLine != nil && depth == 2 && byte == UInt8(ascii: "[") { awaitingElement = true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if keyLine != nil && depth == 1 { return nil }
            case UInt8(ascii: ",") where keyLine != nil && depth == 2: awaitingElement = true
            default: break
            }
        }
        return nil
    }
}
