import Foundation
import SpotlightCore
import Testing
import SpotlightApp
@testable import spotlight

/// The last-visit file (issue 15): whatever is wrong with it never stops the board, and it is
/// never followed or overwritten through a link. In-process: `VisitFile` lives in the executable.
@Suite struct VisitFileTests {
    static let marks = VisitMarks(board: "b-1", seenThrough: 7, auditThrough: 9, visitedAt: Date(timeIntervalSince1970: 1_796_000_000),
                                  seenAbove: [9])

    func fixture(_ name: String) -> (VisitFile, String) {
        let dir = SpotlightProcess.scratch("visit-" + name)
        let file = VisitFile(boardPath: dir + "/board.sqlite", environment: ["XDG_STATE_HOME": dir + "/state", "HOME": dir])
        return (file, dir)
    }

    @Test func marksComeBackAndAreKeptPrivately() throws {
        let (file, _) = fixture("roundtrip")
        #expect(file.load() == .firstVisit)
        try file.save(Self.marks)
        #expect(file.load() == .marks(Self.marks))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aDamagedFileStartsAfreshAndMayBeReplaced() throws {
        let (file, _) = fixture("corrupt")
        try FileManager.default.createDirectory(atPath: file.directory, withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: file.path))
        guard case .unusable(let reason, let keep) = file.load() else { Issue.record("damaged file was used"); return }
        #expect(reason.contains("damaged") && !keep)
    }

    @Test func aFileFromANewerSpotlightIsLeftAlone() throws {
        let (file, _) = fixture("future")
        try FileManager.default.createDirectory(atPath: file.directory, withIntermediateDirectories: true)
        try Data(#"{"version": 9, "board": "x"}"#.utf8).write(to: URL(fileURLWithPath: file.path))
        guard case .unusable(let reason, let keep) = file.load() else { Issue.record("future file was used"); return }
        #expect(reason.contains("newer") && keep)
    }

    @Test func aLinkIsNeitherFollowedNorWrittenThrough() throws {
        let (file, dir) = fixture("link")
        let target = dir + "/target.json"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createDirectory(atPath: file.directory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: target)
        guard case .unusable(let reason, let keep) = file.load() else { Issue.record("a link was followed"); return }
        #expect(reason.contains("symbolic link") && keep)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
    }

    @Test func aDirectoryIsReportedNotRead() throws {
        let (file, _) = fixture("directory")
        try FileManager.default.createDirectory(atPath: file.path, withIntermediateDirectories: true)
        guard case .unusable(let reason, true) = file.load() else { Issue.record("a directory was read"); return }
        #expect(reason.contains("directory"))
    }

    @Test func anUnwritableFolderIsAnErrorToReportNotACrash() throws {
        let (file, dir) = fixture("unwritable")
        try FileManager.default.createDirectory(atPath: dir + "/state", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: dir + "/state/spotlight"))   // a file where the folder should be
        #expect(throws: SpotlightError.self) { try file.save(Self.marks) }
    }
}
