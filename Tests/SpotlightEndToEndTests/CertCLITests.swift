import Foundation
import Testing

/// `spotlight cert …` through the real binary (issue 16): a program added from its file (and a
/// bad file refused with file:line, nothing stored), the answer key for managers only, grants
/// refused with one line each, the letter home written through `-o`.
@Suite struct CertCLITests {
    typealias P = SpotlightProcess

    static let example: String = {
        var dir = URL(fileURLWithPath: #filePath)
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("Certification/service-standards.toml").path
    }()

    func newBoard(_ name: String) throws -> String {
        let board = P.scratch(name) + "/board.sqlite"
        let created = try P.run(["init", "--name", "Test board"], board: board)
        try #require(created.status == 0, "init failed: \(created.stderr)")
        return board
    }

    @Test func aManagerAddsTheExampleProgramAndABadFileStoresNothing() throws {
        let board = try newBoard("certadd")
        let added = try P.run(["cert", "program", "add", Self.example], board: board)
        #expect(added.status == 0, "\(added.all)")
        #expect(added.stdout == "Added the program Service Standards: 3 levels, a quiz of 9 questions.\n")
        let again = try P.run(["cert", "program", "add", Self.example], board: board)
        #expect(again.status == 2 && again.stderr == "spotlight: the board already has a program named Service Standards\n", "\(again.all)")
        let bad = P.scratch("certbad") + "/bad.toml"
        try "name = \"Empty\"\n[[levels]]\ntitle = \"One\"\nrequires = \"x\"\n[quiz]\npassing-score = 1\nquestions = []\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try P.run(["cert", "program", "add", bad], board: board)
        #expect(refused.status == 1 && refused.stderr.hasPrefix("spotlight: \(bad):"), "\(refused.all)")
        #expect(try P.sqlite(board, "SELECT count(*) FROM cert_programs") == "1")
        let list = try P.run(["cert", "program", "list"], board: board)
        #expect(list.stdout == "Service Standards — 3 levels, quiz of 9 questions\n", "\(list.all)")
        let show = try P.run(["cert", "program", "show", "service standards"], board: board)
        #expect(show.status == 0 && show.stdout.contains("Level 2 · Case Studies: ") && !show.stdout.contains("*"), "\(show.all)")
        let key = try P.run(["cert", "program", "show", "Service Standards", "--answers"], board: board)
        #expect(key.status == 0 && key.stdout.contains("   * 2 Answer within three rings"), "\(key.all)")
        #expect(try P.sqlite(board, "SELECT action FROM audit ORDER BY id DESC LIMIT 1") == "cert-program")
    }

    @Test func theAnswerKeyIsForManagersOnly() throws {
        let dir = P.scratch("certkey")
        chmod(dir, 0o777)
        let board = dir + "/board.sqlite"
        #expect(try P.run(["init"], board: board).status == 0)
        chmod(board, 0o666)
        #expect(try P.run(["cert", "program", "add", Self.example], board: board).status == 0)
        let key = try P.run(["cert", "program", "show", "Service Standards", "--answers"], board: board, asNobody: true)
        #expect(key.status == 3, "\(key.all)")
        #expect(key.stderr == "spotlight: only a manager may see a quiz's answers; nobody is not a manager of this board\n")
        #expect(!key.stdout.contains("three rings"))
    }

    @Test func grantsAreRefusedWithOneLine() throws {
        let board = try newBoard("certgrant")
        #expect(try P.run(["cert", "program", "add", Self.example], board: board).status == 0)
        func grant(_ args: [String]) throws -> P.Result { try P.run(["cert", "grant"] + args, board: board) }
        let me = try grant(["root", "Service Standards", "2"])
        #expect(me.status == 3 && me.stderr == "spotlight: you cannot certify yourself\n", "\(me.all)")
        let ghost = "ghost\(UUID().uuidString.prefix(6).lowercased())"
        let unknown = try grant([ghost, "Service Standards", "2"])
        #expect(unknown.status == 4 && unknown.stderr == "spotlight: there is no account \(ghost) on this host: check the spelling\n", "\(unknown.all)")
        let missing = try grant(["nobody", "Service Standards", "7"])
        #expect(missing.status == 2 && missing.stderr == "spotlight: Service Standards has no level 7; its levels are 1 to 3\n", "\(missing.all)")
        let noProgram = try grant(["nobody", "Nope", "2"])
        #expect(noProgram.status == 4, "\(noProgram.all)")
        let first = try grant(["nobody", "Service Standards", "2"])
        #expect(first.status == 2 && first.stderr == "spotlight: nobody needs level 1 of Service Standards before level 2\n", "\(first.all)")
        // Level 1 as the quiz would record it (the quiz itself: CertQuizTerminalTests).
        _ = try P.sqlite(board, "INSERT INTO certifications(login, program_id, level, source, granted_by, at, note) VALUES ('nobody', 1, 1, 'quiz', 'nobody', 0, '9 of 9 correct (7 needed to pass)')")
        let granted = try grant(["nobody", "service standards", "2", "--note", "Three fine cases"])
        #expect(granted.status == 0 && granted.stdout == "Granted Service Standards, level 2 to nobody.\n", "\(granted.all)")
        let twice = try grant(["nobody", "Service Standards", "2"])
        #expect(twice.status == 2 && twice.stderr == "spotlight: nobody already holds Service Standards, level 2 (Case Studies)\n", "\(twice.all)")
        let list = try P.run(["cert", "list", "nobody"], board: board)
        #expect(list.stdout.contains("nobody  Service Standards, level 2 · granted by root on ") && list.stdout.contains("· Three fine cases"), "\(list.all)")
        #expect(list.stdout.contains("nobody  Service Standards, level 1 · passed the quiz on 1970-01-01"), "\(list.all)")

        let letterFile = P.scratch("certletter") + "/letter.html"
        let letter = try P.run(["cert", "letter", "nobody", "Service Standards", "2", "-o", letterFile], board: board)
        #expect(letter.status == 0 && letter.stderr == "Wrote the letter home to \(letterFile).\n", "\(letter.all)")
        let html = try String(contentsOfFile: letterFile, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("Level 2 · Case Studies") && html.contains("Three fine cases"))
        #expect(!html.contains("<script"))
        let notHeld = try P.run(["cert", "letter", "nobody", "Service Standards", "3"], board: board)
        #expect(notHeld.status == 4 && notHeld.stderr == "spotlight: nobody does not hold Service Standards, level 3 (Customer Proven)\n", "\(notHeld.all)")

        let revoked = try P.run(["cert", "revoke", "nobody", "Service Standards", "2"], board: board)
        #expect(revoked.status == 0, "\(revoked.all)")
        #expect(try P.run(["cert", "list", "nobody"], board: board).stdout.contains("level 2") == false)
        #expect(try P.sqlite(board, "SELECT action FROM audit WHERE action LIKE 'cert-%' ORDER BY id") == "cert-program\ncert-grant\ncert-revoke")
    }

    /// A board of the previous schema that this account may only read cannot gain the tables:
    /// `cert list` says why in one line; a writer's first run migrates it.
    @Test func aReaderOfAnUnmigratedBoardIsToldWhy() throws {
        let dir = P.scratch("certold")
        chmod(dir, 0o755)
        let board = dir + "/board.sqlite"
        #expect(try P.run(["init"], board: board).status == 0)
        _ = try P.sqlite(board, "DROP TABLE quiz_attempts; DROP TABLE certifications; DROP TABLE cert_programs; PRAGMA user_version = 1;")
        chmod(board, 0o644)
        let reader = try P.run(["cert", "list"], board: board, asNobody: true)
        #expect(reader.status == 1, "\(reader.all)")
        #expect(reader.stderr == "spotlight: the board \(board) was made by an older spotlight and has no certifications yet: it gains them the first time someone who may write to it runs spotlight\n")
        #expect(try P.run(["list"], board: board, asNobody: true).status == 0, "stories still read")
        let writer = try P.run(["cert", "list"], board: board)
        #expect(writer.status == 0 && writer.stdout == "No certifications yet.\n", "\(writer.all)")
        #expect(try P.sqlite(board, "PRAGMA user_version") == "2")
    }
}
