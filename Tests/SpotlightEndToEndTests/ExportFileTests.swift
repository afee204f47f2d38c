import Foundation
import Testing

/// What leaves the terminal as a file: `export -o` and `newsletter -o` replace a file without
/// loosening its mode, `import` says what is wrong with a file it cannot use, and CSV cells carry
/// nothing a terminal or a spreadsheet would act on.
@Suite struct ExportFileTests {
    typealias P = SpotlightProcess

    func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    /// Runs the binary under `umask`, as a shell with that umask would.
    func run(umask: String, _ arguments: [String], board: String) throws -> Checkout.Output {
        try Checkout.run("/bin/sh", ["-c", "umask \(umask); exec \"$0\" \"$@\"", P.binary] + arguments,
                         environment: ["SPOTLIGHT_BOARD": board])
    }

    @Test func aReplacedFileKeepsItsModeAndANewOneFollowsTheUmask() throws {
        let dir = P.scratch("export-mode")
        let board = dir + "/board.sqlite"
        #expect(try P.run(["demo"], board: board).status == 0)
        for (command, file) in [(["export", "-o"], dir + "/backup.json"), (["newsletter", "--since", "2020-01-01", "-o"], dir + "/issue.md")] {
            #expect(FileManager.default.createFile(atPath: file, contents: Data("old\n".utf8)))
            #expect(chmod(file, 0o600) == 0)
            let replaced = try run(umask: "022", command + [file], board: board)
            #expect(replaced.status == 0, "\(replaced.all)")
            #expect(mode(file) == 0o600, "\(file) became \(String(mode(file), radix: 8))")
            #expect(FileManager.default.contents(atPath: file) != Data("old\n".utf8))

            let fresh = file + ".new"
            let made = try run(umask: "027", command + [fresh], board: board)
            #expect(made.status == 0, "\(made.all)")
            #expect(mode(fresh) == 0o640, "\(fresh) is \(String(mode(fresh), radix: 8))")
        }
        // No temporary file is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTemporary() throws {
        let dir = P.scratch("export-fail")
        let board = dir + "/board.sqlite"
        #expect(try P.run(["demo"], board: board).status == 0)
        let missing = dir + "/no-such-folder/backup.json"
        let result = try P.run(["export", "-o", missing], board: board)
        #expect(result.status == 1)
        #expect(result.stderr == "spotlight: cannot write \(missing): No such file or directory; it was left as it was\n", "\(result.stderr)")
    }

    @Test(arguments: [
        ("/dev/null", "cannot read the export /dev/null: it is a character device, not a regular file (to read standard input, give -)", Int32(1)),
        ("DIR", "cannot read the export DIR: it is a directory, not a regular file (to read standard input, give -)", 1),
        ("EMPTY", "EMPTY is empty, not a file written by `spotlight export`", 2),
        ("MISSING", "cannot read the export MISSING: no such file", 4),
    ])
    func importSaysWhatIsWrongWithTheFile(_ given: String, _ expected: String, _ status: Int32) throws {
        let dir = P.scratch("import-file")
        let replacements = ["DIR": dir, "EMPTY": dir + "/empty.json", "MISSING": dir + "/missing.json"]
        _ = FileManager.default.createFile(atPath: dir + "/empty.json", contents: Data())
        let file = replacements[given] ?? given
        let message = replacements.reduce(expected) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
        let result = try P.run(["import", file], board: dir + "/board.sqlite")
        #expect(result.status == status)
        #expect(result.stderr == "spotlight: \(message)\n", "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/board.sqlite"), "nothing to import, so no board is made")
    }

    /// Hostile text reaches the CSV as escapes: OSC 52 / title-set sequences, NUL, CR and a
    /// bidi override never arrive raw, and a formula hidden behind a TAB, CR or LF is guarded.
    @Test func csvCellsCarryNoControlsAndNoFormulas() throws {
        let dir = P.scratch("csv")
        let board = dir + "/board.sqlite"
        #expect(try P.run(["init"], board: board).status == 0)
        let hostile = [
            ("\u{1B}]52;c;ZWNobyBoaQ==\u{07}copied", "\\u001b]52;c;ZWNobyBoaQ==\\u0007copied"),
            ("\u{1B}]0;owned\u{07}title", "\\u001b]0;owned\\u0007title"),
            ("placeholder", "nul\\u0000and\\u000dreturn"),
            ("right\u{202E}left", "right\\u202eleft"),
        ]
        for (title, _) in hostile {
            let posted = try P.run(["post", "--title", title, "--hero", "\t=HYPERLINK(\"http://x\")", "--body", "b",
                                    "--department", "\r=1+1"], board: board)
            #expect(posted.status == 0, "\(posted.stderr)")
        }
        // A NUL cannot travel in an argument; put it in as a member with sqlite3 could.
        _ = try P.sqlite(board, "UPDATE stories SET title = 'nul' || char(0) || 'and' || char(13) || 'return' WHERE id = 3")
        let csv = try P.run(["export", "--format", "csv"], board: board)
        #expect(csv.status == 0)
        let rows = csv.stdout.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(rows.count == hostile.count + 1, "\(rows)")
        let cellsText = rows.dropFirst().joined()
        #expect(!containsRawControls(cellsText), "raw controls in \(cellsText.debugDescription)")
        for (_, escaped) in hostile { #expect(csv.stdout.contains(escaped), "\(escaped) not in \(csv.stdout)") }
        #expect(csv.stdout.contains(",'\\u0009=HYPERLINK(\"\"http://x\"\")") || csv.stdout.contains("\"'\\u0009=HYPERLINK(\"\"http://x\"\")\""),
                "\(csv.stdout)")
        #expect(csv.stdout.contains(",'\\u000d=1+1,"), "\(csv.stdout)")
    }

    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1"])
    func everyFormulaStartIsGuarded(_ hero: String) throws {
        let dir = P.scratch("csv-guard")
        let board = dir + "/board.sqlite"
        #expect(try P.run(["init"], board: board).status == 0)
        #expect(try P.run(["post", "--title", "t", "--hero=\(hero)", "--body", "b"], board: board).status == 0)
        let row = try P.run(["export", "--format", "csv"], board: board).stdout.split(separator: "\r\n").last ?? ""
        let cells = row.split(separator: ",", omittingEmptySubsequences: false)
        #expect(cells.count > 2 && cells[2].hasPrefix("'"), "hero cell of \(row.debugDescription)")
    }
}
