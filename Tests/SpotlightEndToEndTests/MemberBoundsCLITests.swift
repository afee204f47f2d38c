import Foundation
import Testing

/// Bounds on what a member or a careless admin can write (issue 11): unknown manager accounts,
/// pins for centuries, oversized settings, and imports that make an unmanageable board or carry
/// votes for one's own story.
@Suite struct MemberBoundsCLITests {
    typealias P = SpotlightProcess

    func newBoard(_ name: String) throws -> String {
        let board = P.scratch(name) + "/board.sqlite"
        let created = try P.run(["init", "--name", "Test board"], board: board)
        try #require(created.status == 0, "init failed: \(created.stderr)")
        return board
    }

    @Test func managersAddRefusesAnAccountThatDoesNotExistUnlessForced() throws {
        let board = try newBoard("ghost")
        let ghost = "ghost\(UUID().uuidString.prefix(6).lowercased())"
        let refused = try P.run(["managers", "add", ghost], board: board)
        #expect(refused.status == 4, "\(refused.all)")
        #expect(refused.stderr == "spotlight: there is no account \(ghost) on this host: check the spelling, or add --force for an account that will be created later\n",
                "\(refused.stderr)")
        #expect(!(try P.sqlite(board, "SELECT login FROM managers").contains(ghost)))
        #expect(try P.run(["managers", "add", "root"], board: board).status == 2, "root made the board: already a manager")
        #expect(try P.run(["managers", "add", ghost, "--force"], board: board).status == 0)
        #expect(try P.sqlite(board, "SELECT login FROM managers").contains(ghost))
    }

    @Test func aPinLastsAtMostTheBoardsMaxPinDays() throws {
        let board = try newBoard("pinbound")
        #expect(try P.run(["post", "--title", "A story", "--hero", "Mary", "--body", "x"], board: board).status == 0)
        let far = try P.run(["pin", "1", "--until", "99999999w"], board: board)
        #expect(far.status == 2, "\(far.all)")
        #expect(far.stderr.contains("a pin lasts at most 90 days on this board (setting max-pin-days)"), "\(far.stderr)")
        #expect(try P.sqlite(board, "SELECT pinned_by IS NULL FROM stories") == "1")
        // No end given: the board's longest pin, never for good.
        let pinned = try P.run(["pin", "1"], board: board)
        #expect(pinned.status == 0 && pinned.stdout.hasPrefix("Pinned story #1 until "), "\(pinned.all)")
        let days = try P.sqlite(board, "SELECT (pin_until - pinned_at) / 86400000 FROM stories")
        #expect(days == "90")
        #expect(try P.run(["settings", "max-pin-days", "7"], board: board).status == 0)
        #expect(try P.run(["pin", "1", "--until", "2w"], board: board).status == 2)
    }

    @Test func settingsValuesHaveLengthLimits() throws {
        let board = try newBoard("settingslen")
        let before = try P.sqlite(board, "SELECT count(*) FROM audit")
        let theme = try P.run(["settings", "theme", String(repeating: "a", count: 5000)], board: board)
        #expect(theme.status == 2, "\(theme.all)")
        #expect(theme.stderr.contains("setting theme is too long: 5000 bytes, the limit is 256"), "\(theme.stderr)")
        #expect(try P.run(["settings", "name", "\u{200B}\u{202E}"], board: board).status == 2)
        #expect(try P.sqlite(board, "SELECT count(*) FROM audit") == before)
    }

    func export(_ board: String) throws -> String {
        let out = try P.run(["export"], board: board)
        try #require(out.status == 0, "\(out.stderr)")
        return out.stdout
    }

    @Test func importNamesTheLineOfAnEmptyManagerListOrAVoteForOnesOwnStory() throws {
        let dir = P.scratch("importchecks")
        let board = try newBoard("importsource")
        #expect(try P.run(["post", "--title", "Mine", "--hero", "Pat", "--body", "x"], board: board).status == 0)
        let json = try export(board)
        let me = try P.sqlite(board, "SELECT author FROM stories")

        // managers: [] — nobody could manage the restored board.
        let lines = json.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.contains("\"managers\" : [") })
        let end = try #require(lines[start...].firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("],") })
        let unmanaged = (lines[..<start] + ["  \"managers\" : [", "", "  ],"] + lines[(end + 1)...]).joined(separator: "\n")
        try unmanaged.write(toFile: dir + "/unmanaged.json", atomically: true, encoding: .utf8)
        let refused = try P.run(["import", dir + "/unmanaged.json"], board: dir + "/new.sqlite")
        #expect(refused.status == 2, "\(refused.all)")
        #expect(refused.stderr.contains("unmanaged.json line \(start + 1): \"managers\" is empty"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/new.sqlite"), "refused before any board is made")

        // A vote by the story's own author.
        let votes = try #require(lines.firstIndex { $0.contains("\"votes\" : [") })
        let votesEnd = try #require(lines[votes...].firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("]") })
        let selfVote = (lines[..<votes] + ["  \"votes\" : [", "    {", "      \"at\" : 0,", "      \"storyID\" : 1,",
                                           "      \"voter\" : \"\(me)\"", "    }"] + lines[votesEnd...])
            .joined(separator: "\n")
        try selfVote.write(toFile: dir + "/selfvote.json", atomically: true, encoding: .utf8)
        let vote = try P.run(["import", dir + "/selfvote.json"], board: dir + "/new2.sqlite")
        #expect(vote.status == 2, "\(vote.all)")
        #expect(vote.stderr.contains("selfvote.json line \(votes + 2): vote 1 is by \(me) for story #1, which \(me) posted"), "\(vote.stderr)")
    }
}

extension SpotlightProcess.Result {
    var all: String { stdout + stderr }
}
