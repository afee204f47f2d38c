import Foundation
import Testing

/// Issue 13, item 4: `spotlight serve --adopt OLD` moves a shared-file board behind the broker
/// losslessly — the broker's export equals the old file's, byte for byte — and refuses to pour
/// a board into one that already has stories.
@Suite(.serialized) struct BrokerAdoptTests {
    typealias P = SpotlightProcess

    /// A file board with some of everything: the demo's stories, then votes, a medallion, a
    /// pin with a note, a hidden and a removed story, a second manager, changed settings, a
    /// certification program with levels held (level 1 as the quiz records it, level 2 granted).
    func fullBoard() throws -> String {
        let board = P.scratch("adopt-old") + "/board.sqlite"
        try #require(try P.run(["demo", "--board", board]).status == 0)
        func write(_ arguments: [String]) throws {
            let done = try P.run(arguments, board: board)
            try #require(done.status == 0, "\(arguments.joined(separator: " ")): \(done.stderr)")
        }
        try write(["upvote", "3"])
        try write(["upvote", "5"])
        try write(["medal", "5"])
        try write(["pin", "7", "--note", "Adopted with its note"])
        try write(["hide", "9"])
        try write(["remove", "11"])
        try write(["managers", "add", "nobody"])
        try write(["settings", "medallions-per-year", "3"])
        try write(["cert", "program", "add", CertCLITests.example])
        _ = try P.sqlite(board, "INSERT INTO certifications(login, program_id, level, source, granted_by, at, note) VALUES ('nobody', 1, 1, 'quiz', 'nobody', 0, '9 of 9 correct (7 needed to pass)')")
        try write(["cert", "grant", "nobody", "Service Standards", "2", "--note", "Three fine cases"])
        return board
    }

    @Test func anAdoptedBoardExportsByteForByteAsTheOldFileDid() throws {
        let old = try fullBoard()
        let before = try P.run(["export"], board: old)
        try #require(before.status == 0, "\(before.stderr)")
        let broker = try ScratchBroker("adopt")
        let adopted = try P.run(["serve", "--board", broker.board, "--socket", broker.socket, "--adopt", old, "--adopt-only"])
        #expect(adopted.status == 0, "\(adopted.all)")
        #expect(!FileManager.default.fileExists(atPath: broker.socket), "--adopt-only must not serve")
        try broker.start()
        defer { broker.stop() }
        let after = try broker.run(["export"])
        try #require(after.status == 0, "\(after.stderr)")
        #expect(after.stdout == before.stdout, "the broker's export differs from the old file's:\n\(Self.firstDifference(before.stdout, after.stdout))")
        // What adoption must carry, checked by name as well (so an empty export cannot pass).
        for expected in ["Adopted with its note", "\"medallions-per-year\" : \"3\"", "Three fine cases", "\"voter\" : \"root\""] {
            #expect(after.stdout.contains(expected), "missing \(expected)")
        }
        // The old file was only read.
        #expect(try P.run(["export"], board: old).stdout == before.stdout)
    }

    @Test func adoptingIntoABoardWithStoriesIsRefusedWithOneLineAndNothingWritten() throws {
        let old = try fullBoard()
        let broker = try ScratchBroker("adopt-full")
        try broker.start()
        #expect(try broker.run(["post", "--title", "Already here", "--hero", "Kim", "--body", "x"]).status == 0)
        broker.stop()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: broker.board))
        let refused = try P.run(["serve", "--board", broker.board, "--socket", broker.socket, "--adopt", old, "--adopt-only"])
        #expect(refused.status != 0, "\(refused.all)")
        #expect(refused.stderr.split(separator: "\n").count == 1 && refused.stdout.isEmpty, "\(refused.all)")
        #expect(refused.stderr.contains("--adopt needs a new or empty board"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: broker.board)) == bytes, "the refused adoption changed the board file")
        try broker.start()
        defer { broker.stop() }
        let listed = try broker.run(["list", "--json"])
        let stories = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(stories.map { $0["title"] as? String } == ["Already here"], "\(listed.stdout)")
        print("broker adopt refused: \(refused.stderr)", terminator: "")
    }

    /// The line where two texts first differ, with its neighbours, for a readable failure.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false), right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) where index >= left.count || index >= right.count || left[index] != right[index] {
            let from = max(0, index - 3)
            return "line \(index + 1):\n old: \(left[from..<min(left.count, index + 2)].joined(separator: "\n      "))\n new: \(right[from..<min(right.count, index + 2)].joined(separator: "\n      "))"
        }
        return "(no line differs)"
    }
}
