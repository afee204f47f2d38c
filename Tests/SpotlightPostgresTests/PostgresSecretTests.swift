#if PostgreSQLSupport
import Foundation
@testable import SpotlightPostgres
import SpotlightCore
import Testing

@Suite struct PostgresSecretTests {
    private func file(_ contents: String, mode: mode_t = 0o600) throws -> String {
        let directory = NSTemporaryDirectory() + "pgsecret-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/pw"
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, mode) == 0)
        return path
    }

    @Test func aPrivateOneLineFileGivesThePassword() throws {
        #expect(try PostgresSecret.password(file: try file("s3cret\n")) == "s3cret")
        #expect(try PostgresSecret.password(file: try file("with spaces  ")) == "with spaces  ")
        #expect(try PostgresSecret.password(file: try file("crlf\r\n")) == "crlf")
    }

    @Test(arguments: [0o640, 0o604, 0o644, 0o660] as [mode_t])
    func aFileOthersCanReadIsRefusedWithTheChmod(mode: mode_t) throws {
        let path = try file("pw\n", mode: mode)
        do {
            _ = try PostgresSecret.password(file: path)
            Issue.record("mode \(String(mode, radix: 8)) was accepted")
        } catch {
            #expect(error.kind == .permission)
            #expect(error.message.contains("mode \(String(mode, radix: 8))") && error.message.contains("chmod 600 \(path)"))
        }
    }

    @Test func aLinkIsRefusedEvenToAPrivateFile() throws {
        let target = try file("pw\n")
        let link = target + "-link"
        #expect(symlink(target, link) == 0)
        #expect(throws: SpotlightError.permission("the password file \(link) must be a regular file (not a link, directory or device)")) {
            try PostgresSecret.password(file: link)
        }
    }

    @Test func aFileOfAnotherOwnerIsRefused() throws {
        let path = try file("pw\n")
        do {
            _ = try PostgresSecret.password(file: path, owner: geteuid() + 1)
            Issue.record("another owner's file was accepted")
        } catch {
            #expect(error.kind == .permission && error.message.contains("must belong to the account running spotlight"))
        }
    }

    @Test(arguments: [("", "exactly one line"), ("\n", "empty line"), ("a\nb\n", "exactly one line"),
                      (String(repeating: "x", count: 2000), "at most 1024 bytes")])
    func notAPasswordFile(contents: String, reason: String) throws {
        let path = try file(contents)
        do {
            _ = try PostgresSecret.password(file: path)
            Issue.record("'\(contents.prefix(10))' was accepted")
        } catch {
            #expect(error.kind == .usage && error.message.contains(reason), "\(error.message)")
        }
    }

    @Test func aMissingFileSaysSo() {
        do {
            _ = try PostgresSecret.password(file: "/nonexistent/pw")
            Issue.record("a missing file was accepted")
        } catch {
            #expect(error.message == "cannot use the password file /nonexistent/pw: No such file or directory")
        }
    }
}
#endif
