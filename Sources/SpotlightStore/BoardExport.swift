import Foundation
import SQLiteNIO
import SpotlightCore

/// The whole board as one JSON document: settings, managers, every story (hidden and removed
/// too), votes, medallions and the audit log. Times are integer milliseconds and text is kept
/// byte for byte, so export → import → export is identical.
public struct BoardExport: Codable, Equatable, Sendable {
    public static let formatName = "spotlight-board"
    public static let formatVersion = 1

    public struct ManagerRecord: Codable, Equatable, Sendable {
        public var login: String
        public var addedBy: String
        public var addedAt: Int

        public init(login: String, addedBy: String, addedAt: Int) {
            self.login = login
            self.addedBy = addedBy
            self.addedAt = addedAt
        }
    }

    public struct StoryRecord: Codable, Equatable, Sendable {
        public var id: Int
        public var title: String
        public var body: String
        public var hero: String
        public var department: String
        public var customer: String
        public var tags: [String]
        public var author: String
        public var authorName: String
        public var onBehalfOf: String?
        public var createdAt: Int
        public var editedAt: Int?
        public var status: String
        public var pinnedBy: String?
        public var pinnedAt: Int?
        public var pinUntil: Int?
        public var pinNote: String?
    }

    public struct VoteRecord: Codable, Equatable, Sendable {
        public var storyID: Int
        public var voter: String
        public var at: Int

        public init(storyID: Int, voter: String, at: Int) {
            self.storyID = storyID
            self.voter = voter
            self.at = at
        }
    }

    public struct MedallionRecord: Codable, Equatable, Sendable {
        public var id: Int
        public var storyID: Int
        public var giver: String
        public var hero: String
        public var givenAt: Int
        public var year: Int
    }

    public struct AuditRecord: Codable, Equatable, Sendable {
        public var id: Int
        public var at: Int
        public var actor: String
        public var action: String
        public var storyID: Int?
        public var detail: String
        /// Only on a PostgreSQL board's rows (`AuditEvent.host`); absent from a file board's export.
        public var host: String?
    }

    public var format: String = BoardExport.formatName
    public var version: Int = BoardExport.formatVersion
    public var settings: [String: String]
    public var managers: [ManagerRecord]
    public var stories: [StoryRecord]
    public var votes: [VoteRecord]
    public var medallions: [MedallionRecord]
    public var audit: [AuditRecord]
    /// Programs, levels held and quiz attempts (issue 16); absent when the board has none, so
    /// an export of a board without them reads as before.
    public var certification: CertificationRecords?

    public func encoded() throws(SpotlightError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return JSONOutput.escapeControls(String(decoding: try encoder.encode(self), as: UTF8.self))
        } catch {
            throw .runtime("could not encode the export: \(error)")
        }
    }

    public static func decode(_ data: Data, file: String) throws(SpotlightError) -> BoardExport {
        let export: BoardExport
        do {
            export = try JSONDecoder().decode(BoardExport.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw .usage("\(file) is not valid JSON: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .usage("\(file): missing \"\(key.stringValue)\" at \(path(context))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .usage("\(file): wrong type at \(path(context)): \(context.debugDescription)")
        } catch {
            throw .usage("\(file) is not a spotlight export: \(error)")
        }
        guard export.format == formatName else { throw .usage("\(file) is not a spotlight export (format is '\(export.format)')") }
        guard export.version <= formatVersion else {
            throw .usage("\(file) was exported by a newer spotlight (format \(export.version)); upgrade spotlight to import it")
        }
        if let problem = export.problems().first {
            let line = JSONLines.line(of: problem.place, in: data).map { " line \($0)" } ?? ""
            throw .usage("\(file)\(line): \(problem.message); nothing was imported")
        }
        return export
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? "top level" : path
    }
}

/// JSON for terminals and scripts: JSONEncoder escapes only C0 controls, so DEL, C1 controls
/// (U+009B is a CSI to some terminals), bidi overrides and line separators are escaped here too.
public enum JSONOutput {
    public static func escapeControls(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether the output escapes this scalar beyond what JSONEncoder does (CSV uses it too).
    public static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0x061C: true
        default: false
        }
    }

    public static func encode<T: Encodable>(_ value: T) throws(SpotlightError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return escapeControls(String(decoding: try encoder.encode(value), as: UTF8.self))
        } catch {
            throw .runtime("could not encode JSON: \(error)")
        }
    }
}
