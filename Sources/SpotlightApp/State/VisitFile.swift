import Foundation
import SpotlightCore

/// One account's last-visit marks for one board: `$XDG_STATE_HOME/spotlight/visits/`, a file per
/// board named from a hash of its path, 0600, written atomically (see `StateFile`).
///
/// Whatever is wrong with the file never stops the board: a corrupt file is started afresh, and a
/// link, a directory, a file from a newer spotlight or an unwritable folder are left alone and
/// reported once (`problem`); marks then live only for this session.
public struct VisitFile: Sendable {
    public let directory: String
    public let path: String

    public static let maximumBytes = 1 << 20

    public init(boardPath: String, environment: [String: String]) {
        (_, directory, path) = StateFile.location("visit", folder: "visits", boardPath: boardPath, environment: environment)
    }

    public enum Loaded: Equatable {
        /// No file: the first visit to this board.
        case firstVisit
        case marks(VisitMarks)
        /// The file cannot be used; `keep` says it must not be overwritten either.
        case unusable(reason: String, keep: Bool)
    }

    public func load() -> Loaded {
        switch StateFile.read(path, limit: Self.maximumBytes) {
        case .missing:
            return .firstVisit
        case .unusable(let why):
            return .unusable(reason: "your last-visit file \(path) is not used: \(why)", keep: true)
        case .data(let data):
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            if let version = try? decoder.decode(Version.self, from: data), version.version > VisitMarks.currentVersion {
                return .unusable(reason: "your last-visit file \(path) is from a newer spotlight: not used", keep: true)
            }
            guard let marks = try? decoder.decode(VisitMarks.self, from: data) else {
                return .unusable(reason: "your last-visit file \(path) was damaged: starting afresh", keep: false)
            }
            return .marks(marks)
        }
    }

    private struct Version: Decodable { var version: Int }

    public func save(_ marks: VisitMarks) throws(SpotlightError) {
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            data = try encoder.encode(marks)
        } catch {
            throw .runtime("could not save your last visit: \(error)")
        }
        try StateFile.makeDirectory(directory, purpose: "your last visit")
        try StateFile.writeAtomically(data, to: path, directory: directory, purpose: "your last visit")
    }
}
