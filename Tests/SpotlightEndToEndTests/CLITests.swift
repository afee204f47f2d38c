import Foundation
import Testing

@Suite struct CLITests {
    typealias P = SpotlightProcess

    func newBoard(_ name: String) throws -> String {
        let board = P.scratch(name) + "/board.sqlite"
        let created = try P.run(["init", "--name", "Test board"], board: board)
        #expect(created.status == 0, "init failed: \(created.stderr)")
        return board
    }

    func post(_ board: String, _ extra: [String] = [], body: String = "Body") throws -> P.Result {
        try P.run(["post", "--title", "A story", "--hero", "Mary", "--body", body] + extra, board: board)
    }

    @Test(arguments: [
        (["--title", ""], "title is required"),
        (["--title", String(repeating: "t", count: 121)], "title must be at most 120 characters, got 121"),
        (["--hero", "  "], "hero is required"),
        (["--customer", "vip"], "customer must be one of: external, internal"),
        (["--tag", "Bad Tag"], "tag 1 must be"),
        (["--body", String(repeating: "b", count: 4001)], "body must be at most 4000 characters, got 4001"),
    ])
    func validationFailureExits2WithOneLineAndWritesNothing(_ args: [String], _ message: String) throws {
        let board = try newBoard("validation")
        let before = try P.sqlite(board, "SELECT count(*) FROM stories; SELECT count(*) FROM audit;")
        var full = ["post", "--title", "A story", "--hero", "Mary", "--body", "x"]
        for pair in stride(from: 0, to: args.count, by: 2) {
            if let i = full.firstIndex(of: args[pair]) { full[i + 1] = args[pair + 1] } else { full += [args[pair], args[pair + 1]] }
        }
        let result = try P.run(full, board: board)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try P.sqlite(board, "SELECT count(*) FROM stories; SELECT count(*) FROM audit;") == before)
    }

    @Test func bodyIsReadFromStandardInput() throws {
        let board = try newBoard("stdin")
        let result = try P.run(["post", "--title", "From stdin", "--hero", "Ana"], stdin: Data("line one\nline two".utf8), board: board)
        #expect(result.status == 0)
        #expect(try P.sqlite(board, "SELECT body FROM stories") == "line one\nline two")
    }

    @Test func invalidUTF8OnStandardInputIsRefusedAndNothingIsWritten() throws {
        let board = try newBoard("badutf8")
        let result = try P.run(["post", "--title", "Bad bytes", "--hero", "Ana"], stdin: Data([0x41, 0xFF, 0xFE, 0x42]), board: board)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not valid UTF-8"))
        #expect(try P.sqlite(board, "SELECT count(*) FROM stories") == "0")
    }

    @Test func hostileTextIsStoredExactlyButNeverPrintedRaw() throws {
        let board = try newBoard("hostile")
        let hostile = "Hi\u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07}\u{9B}31m\u{202E}evil\u{0}\u{7F}é\u{301}\u{301}" + String(repeating: "\u{300}", count: 3000)
            + " " + String(repeating: "W", count: 900)
        let posted = try P.run(["post", "--title", "Hostile \u{1B}[31mred", "--hero", "\u{202E}Eve"], stdin: Data(hostile.utf8), board: board)
        #expect(posted.status == 0, "\(posted.stderr)")
        // Stored byte for byte (hex compare, so NUL and ESC are checked too).
        let hex = try P.sqlite(board, "SELECT hex(CAST(body AS BLOB)) FROM stories")
        #expect(hex == Data(hostile.utf8).map { String(format: "%02X", $0) }.joined())
        for args in [["list"], ["show", "1"], ["list", "--sort", "new"]] {
            let shown = try P.run(args, board: board)
            #expect(shown.status == 0)
            #expect(!containsRawControls(shown.stdout), "raw control in \(args)")
        }
        let json = try P.run(["show", "1", "--json"], board: board)
        #expect(!containsRawControls(json.stdout))
        #expect(json.stdout.contains("\\u001b[2J"))
        let decoded = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
        #expect(decoded?["body"] as? String == hostile)
    }

    /// In a locale that is not UTF-8 the text for people is spelt in ASCII (no mojibake on that
    /// terminal); the data for programs (`--json`, `export`) stays UTF-8, byte for byte.
    @Test func aNonUTF8LocaleGetsASCIITextAndUTF8Data() throws {
        let board = try newBoard("lang-c")
        let title = "東京オフィス：台風の日も ☎ — Zoë’s café 🎉"
        let posted = try P.run(["post", "--title", title, "--hero", "佐藤 陽子", "--department", "Zürich"], stdin: Data("Ça va…".utf8), board: board)
        #expect(posted.status == 0, "\(posted.stderr)")
        for args in [["list"], ["show", "1"], ["awards"], ["stats"], ["managers"], ["doctor"]] {
            let shown = try P.run(args, board: board, environment: ["LC_ALL": "C", "LANG": "C"])
            #expect(shown.stdoutBytes.allSatisfy { $0 < 0x80 }, "\(args) printed non-ASCII under LC_ALL=C:\n\(shown.stdout)")
        }
        let listed = try P.run(["list"], board: board, environment: ["LC_ALL": "C", "LANG": "C"])
        #expect(listed.stdout.contains("Zoe's cafe"), "\(listed.stdout)")
        let json = try P.run(["show", "1", "--json"], board: board, environment: ["LC_ALL": "C", "LANG": "C"])
        let decoded = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
        #expect(decoded?["title"] as? String == title)
        let export = try P.run(["export"], board: board, environment: ["LC_ALL": "C", "LANG": "C"])
        #expect(export.stdout.contains("Zürich"))
    }

    @Test func aFourThousandCharacterWordIsStoredWhole() throws {
        let board = try newBoard("longword")
        let word = String(repeating: "ж", count: 4000)
        #expect(try post(board, body: word).status == 0)
        #expect(try P.sqlite(board, "SELECT length(body) FROM stories") == "4000")
    }

    @Test func missingStoryExits4() throws {
        let board = try newBoard("missing")
        let result = try P.run(["upvote", "42"], board: board)
        #expect(result.status == 4)
        #expect(result.stderr.contains("story #42 does not exist"))
    }

    /// `upvote` and `unvote` say what happened, including when there was nothing to do, in the
    /// words of `VoteWording` (the quick path and ArgumentParser's share them).
    @Test func upvoteAndUnvoteSayWhatHappened() throws {
        let board = P.scratch("votes") + "/board.sqlite"
        #expect(try P.run(["demo"], board: board).status == 0)
        var said: [String] = []
        // The last is not plain (`--board=`), so ArgumentParser reads it rather than QuickStart.
        for arguments in [["upvote", "1"], ["upvote", "1"], ["unvote", "1"], ["unvote", "1"], ["upvote", "--board=" + board, "#1"]] {
            let result = try P.run(arguments, board: board)
            #expect(result.status == 0, Comment(rawValue: result.stderr))
            said.append(result.stdout)
        }
        #expect(said == ["Upvoted story #1.\n", "You had already upvoted story #1.\n", "Withdrew your vote on story #1.\n",
                         "You had not upvoted story #1.\n", "Upvoted story #1.\n"])
    }

    @Test func ownStoryCannotBeUpvoted() throws {
        let board = try newBoard("ownvote")
        _ = try post(board)
        let result = try P.run(["upvote", "1"], board: board)
        #expect(result.status == 3)
        #expect(try P.sqlite(board, "SELECT count(*) FROM votes") == "0")
    }

    @Test func nonManagerModerationExits3AndNothingIsAudited() throws {
        let board = try newBoard("nonmanager")
        _ = try post(board)
        // Hand the board to another manager, so this account is staff.
        #expect(try P.run(["managers", "add", "dana", "--force"], board: board).status == 0)
        #expect(try P.run(["managers", "remove", try P.run(["managers", "list"], board: board).stdout
            .split(separator: "\n").first { $0 != "dana" }.map(String.init) ?? ""], board: board).status == 0)
        let audited = try P.sqlite(board, "SELECT count(*) FROM audit")
        for args in [["pin", "1"], ["unpin", "1"], ["hide", "1"], ["unhide", "1"], ["remove", "1"], ["managers", "add", "eve", "--force"],
                     ["managers", "remove", "dana"], ["settings", "pin-share", "2"]] {
            let result = try P.run(args, board: board)
            #expect(result.status == 3, "\(args): \(result.stderr)")
            #expect(result.stderr.contains("manager"), "\(args): \(result.stderr)")
        }
        #expect(try P.sqlite(board, "SELECT count(*) FROM audit") == audited)
        #expect(try P.sqlite(board, "SELECT status, pinned_by IS NULL FROM stories") == "visible|1")
    }

    @Test func managerPinsUntilADayAndListShowsIt() throws {
        let board = try newBoard("pin")
        _ = try post(board)
        let pinned = try P.run(["pin", "1", "--until", "3d", "--note", "Story of the week"], board: board)
        #expect(pinned.status == 0, "\(pinned.stderr)")
        #expect(try P.run(["list"], board: board).stdout.contains("[pinned]"))
        #expect(try P.run(["pin", "1", "--until", "someday"], board: board).status == 2)
    }

    /// `list`, `show` and `pin` speak the board's language: ★ and 🏅, "until Wed 4 Dec" for a pin
    /// through that day (stored as the next midnight, ISO only in --json), a team named once.
    @Test func listShowAndPinUseTheBoardsMarksAndDates() throws {
        let board = try newBoard("words")
        _ = try post(board, ["--hero", "IT Help Desk", "--department", "IT Help Desk"])
        let utc = ["TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        // A day three weeks ahead (pins last at most the board's 90 days), worded as the board does.
        func utcText(_ format: String, _ date: Date) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            return formatter.string(from: date)
        }
        let day = Date().addingTimeInterval(21 * 86_400)
        let (typed, worded) = (utcText("yyyy-MM-dd", day), utcText("EEE d MMM", day))
        let stored = utcText("yyyy-MM-dd'T'00:00:00'Z'", day.addingTimeInterval(86_400))
        let pinned = try P.run(["pin", "1", "--until", typed], board: board, environment: utc)
        #expect(pinned.stdout == "Pinned story #1 until \(worded).\n", "\(pinned.stdout)\(pinned.stderr)")
        let list = try P.run(["list"], board: board, environment: utc).stdout
        #expect(list.contains("★  0 🏅 0") && !list.contains("▲") && !list.contains("◆"), "\(list)")
        #expect(list.contains("IT Help Desk · external") && !list.contains("IT Help Desk · IT Help Desk"), "\(list)")
        let show = try P.run(["show", "1"], board: board, environment: utc).stdout
        #expect(show.contains("until \(worded)") && !show.contains(String(stored.prefix(11))), "\(show)")
        #expect(show.contains("Recognition: 0 votes, 0 medallions"))
        #expect(try P.run(["show", "1", "--json"], board: board, environment: utc).stdout.contains(stored))
        let ascii = try P.run(["list"], board: board, environment: ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"]).stdout
        #expect(ascii.contains("*  0 (m) 0"), "\(ascii)")
    }

    @Test func exportImportExportThroughTheCLIIsIdentical() throws {
        let dir = P.scratch("roundtrip")
        let board = dir + "/a.sqlite"
        #expect(try P.run(["demo"], board: board).status == 0)
        _ = try P.run(["post", "--title", "nul", "--hero", "x"], stdin: Data("a\u{0}b\u{1B}c\u{9B}".utf8), board: board)
        _ = try P.run(["hide", "3"], board: board)
        #expect(try P.run(["export", "-o", dir + "/one.json"], board: board).status == 0)
        let imported = try P.run(["import", dir + "/one.json"], board: dir + "/b.sqlite")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try P.run(["export", "-o", dir + "/two.json"], board: dir + "/b.sqlite").status == 0)
        let one = FileManager.default.contents(atPath: dir + "/one.json")
        #expect(one != nil && one == FileManager.default.contents(atPath: dir + "/two.json"))
        let csv = try P.run(["export", "--format", "csv"], board: board)
        #expect(csv.status == 0 && csv.stdout.hasPrefix("id,title,hero"))
    }

    @Test func readOnlyBoardListsButRefusesWritesWithExit3() throws {
        let dir = P.scratch("readonly")
        let board = dir + "/board.sqlite"
        #expect(try P.run(["demo"], board: board).status == 0)
        let before = FileManager.default.contents(atPath: board)
        let asNobody = geteuid() == 0
        if !asNobody {
            chmod(board, 0o444)
            chmod(dir, 0o555)
        }
        defer { chmod(dir, 0o755); chmod(board, 0o644) }
        for args in [["list"], ["show", "1"], ["export"], ["list", "--search", "warehouse"]] {
            let result = try P.run(args, board: board, asNobody: asNobody)
            #expect(result.status == 0, "\(args): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
        }
        for args in [["post", "--title", "t", "--hero", "h", "--body", "b"], ["upvote", "1"], ["medal", "2"]] {
            let result = try P.run(args, board: board, asNobody: asNobody)
            #expect(result.status == 3, "\(args): \(result.stderr)")
            #expect(result.stderr.contains("read-only"), "\(args): \(result.stderr)")
        }
        #expect(FileManager.default.contents(atPath: board) == before)
    }

    @Test func badBoardPathsGiveClearErrorsAndStayUnchanged() throws {
        let dir = P.scratch("badpaths")
        let text = dir + "/notes.txt"
        _ = FileManager.default.createFile(atPath: text, contents: Data("just some notes\n".utf8))
        let cases: [(String, String)] = [(dir, "is a directory"), (text, "not a Spotlight board"), (dir + "/none.sqlite", "spotlight init")]
        for (path, phrase) in cases {
            let before = FileManager.default.contents(atPath: path)
            let result = try P.run(["list"], board: path)
            #expect(result.status == 1, "\(path)")
            #expect(result.stderr.contains(phrase), "\(path): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(FileManager.default.contents(atPath: path) == before)
        }
    }

    @Test func everyCommandHasHelp() throws {
        for command in ["init", "post", "list", "show", "upvote", "unvote", "medal", "pin", "unpin", "hide", "unhide",
                        "remove", "managers", "settings", "export", "import", "demo", "doctor"] {
            let result = try P.run([command, "--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE"), "\(command)")
        }
    }

    @Test func doctorReportsBoardSqliteAccountAndRole() throws {
        let board = try newBoard("doctor")
        let result = try P.run(["doctor"], board: board)
        #expect(result.status == 0, "\(result.stderr)")
        for field in ["board", "sqlite", "3.5", "account", "schema", "role", "manager", "terminal", "locale"] {
            #expect(result.stdout.contains(field), "\(field) missing from doctor")
        }
    }

    @Test func identityIgnoresUserAndLognameVariables() throws {
        let board = try newBoard("identity")
        _ = try P.run(["post", "--title", "t", "--hero", "h", "--body", "b"], board: board,
                      environment: ["USER": "mallory", "LOGNAME": "mallory"])
        #expect(try P.sqlite(board, "SELECT author FROM stories") != "mallory")
    }
}
