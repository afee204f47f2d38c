import Foundation
import SpotlightCore
import Testing
import SpotlightApp
@testable import spotlight

/// The compose draft on disk (issue 4: "the draft kept on disk so a dropped ssh connection loses
/// nothing"). In-process: `DraftFile` lives in the executable target.
@Suite struct DraftFileTests {
    static let story = StoryDraft(
        title: "東京オフィス：台風の日も全件対応 ☎️", body: "Line one\n👩‍💻 line two \u{1B}[2J kept as typed",
        hero: "佐藤 陽子", department: "Tokyo Office 🇯🇵", customer: .internal, tags: ["typhoon"], onBehalfOf: "Ken")

    func files(in dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    @Test func savedDraftComesBackForTheSameBoard() throws {
        let dir = SpotlightProcess.scratch("draft-roundtrip")
        let env = ["XDG_STATE_HOME": dir + "/state", "HOME": dir + "/home"]
        let file = DraftFile(boardPath: dir + "/board.sqlite", environment: env)
        #expect(file.load() == nil)
        try file.save(Self.story, editing: 42)
        let loaded = try #require(DraftFile(boardPath: dir + "/./x/../board.sqlite", environment: env).load())
        #expect(loaded.draft == Self.story && loaded.editing == 42)
        try file.save(Self.story, editing: nil)
        #expect(file.load()?.editing == nil)
    }

    @Test func storedUnderXDGStateHomeWithMode0600() throws {
        let dir = SpotlightProcess.scratch("draft-place")
        let file = DraftFile(boardPath: dir + "/board.sqlite", environment: ["XDG_STATE_HOME": dir + "/state", "HOME": dir])
        try file.save(Self.story, editing: nil)
        let drafts = dir + "/state/spotlight/drafts"
        let names = files(in: drafts)
        #expect(names.count == 1)
        let name = try #require(names.first)
        #expect(name.hasPrefix("draft-") && name.hasSuffix(".json") && name.count == "draft-".count + 16 + ".json".count)
        let attributes = try FileManager.default.attributesOfItem(atPath: drafts + "/" + name)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let dirAttributes = try FileManager.default.attributesOfItem(atPath: drafts)
        #expect((dirAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        // Saving again replaces the file in one rename: no temporary files are left behind.
        for _ in 0..<5 { try file.save(Self.story, editing: 1) }
        #expect(files(in: drafts) == [name])
    }

    @Test func defaultsToLocalStateUnderHome() throws {
        let dir = SpotlightProcess.scratch("draft-home")
        for state in [nil, "relative/state"] {
            var env = ["HOME": dir]
            env["XDG_STATE_HOME"] = state
            let file = DraftFile(boardPath: "/srv/spotlight/board.sqlite", environment: env)
            #expect(file.path.hasPrefix(dir + "/.local/state/spotlight/drafts/draft-"))
        }
    }

    @Test func eachBoardHasItsOwnDraft() throws {
        let dir = SpotlightProcess.scratch("draft-boards")
        let env = ["XDG_STATE_HOME": dir]
        let a = DraftFile(boardPath: dir + "/a.sqlite", environment: env)
        let b = DraftFile(boardPath: dir + "/b.sqlite", environment: env)
        #expect(a.path != b.path)
        try a.save(Self.story, editing: nil)
        #expect(b.load() == nil)
        #expect(a.load() != nil)
    }

    @Test func discardForgetsTheDraft() throws {
        let dir = SpotlightProcess.scratch("draft-discard")
        let file = DraftFile(boardPath: dir + "/b.sqlite", environment: ["XDG_STATE_HOME": dir])
        try file.save(Self.story, editing: nil)
        file.discard()
        #expect(file.load() == nil)
        file.discard()   // nothing to remove: no error
    }

    @Test(arguments: ["{not json", "", "{\"version\": 9}", "\u{0}\u{1}\u{2}binary", "[1,2,3]"])
    func aCorruptDraftIsIgnoredAndKeptForItsOwner(_ content: String) throws {
        let dir = SpotlightProcess.scratch("draft-corrupt")
        let file = DraftFile(boardPath: dir + "/b.sqlite", environment: ["XDG_STATE_HOME": dir])
        try FileManager.default.createDirectory(atPath: file.directory, withIntermediateDirectories: true)
        try Data(content.utf8).write(to: URL(fileURLWithPath: file.path))
        #expect(file.load() == nil)
        let kept = files(in: file.directory).filter { $0.contains(".corrupt-") }
        #expect(kept.count == 1)
        let keptPath = try #require(kept.first.map { file.directory + "/" + $0 })
        #expect(FileManager.default.contents(atPath: keptPath) == Data(content.utf8))
        // A new draft can be saved and read back afterwards.
        try file.save(Self.story, editing: nil)
        #expect(file.load()?.draft == Self.story)
    }

    @Test func anOversizedFileIsNotReadIntoMemory() throws {
        let dir = SpotlightProcess.scratch("draft-big")
        let file = DraftFile(boardPath: dir + "/b.sqlite", environment: ["XDG_STATE_HOME": dir])
        try FileManager.default.createDirectory(atPath: file.directory, withIntermediateDirectories: true)
        try Data(count: DraftFile.maximumBytes + 1).write(to: URL(fileURLWithPath: file.path))
        #expect(file.load() == nil)
        #expect(files(in: file.directory).contains { $0.contains(".corrupt-") })
    }

    @Test func aDraftDirectoryThatCannotBeMadeIsAClearError() throws {
        let dir = SpotlightProcess.scratch("draft-blocked")
        try Data("a file where a directory should be".utf8).write(to: URL(fileURLWithPath: dir + "/state"))
        let file = DraftFile(boardPath: dir + "/b.sqlite", environment: ["XDG_STATE_HOME": dir + "/state"])
        #expect {
            try file.save(Self.story, editing: nil)
        } throws: { error in
            (error as? SpotlightError)?.message.hasPrefix("could not save your draft") == true
        }
    }
}
