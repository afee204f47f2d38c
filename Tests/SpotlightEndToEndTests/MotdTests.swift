import Foundation
import Testing

/// `Deploy/update-motd.d/50-spotlight`: the wall's story as a 72×14 login banner, and never a
/// word (nor a non-zero exit, nor a hang) when anything is wrong.
@Suite struct MotdTests {
    typealias P = SpotlightProcess
    static let script = Checkout.root + "/Deploy/update-motd.d/50-spotlight"
    static let sh = Checkout.which("sh")

    /// Runs the script as pam_motd would: no terminal, a minimal environment.
    func motd(_ environment: [String: String], asNobody: Bool = false) throws -> Checkout.Output {
        var env = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "SPOTLIGHT_BIN": P.binary,
                   "SPOTLIGHT_BOARD": "", "LANG": "", "LC_ALL": "", "LC_CTYPE": "", "TERM": ""]
        for (key, value) in environment { env[key] = value }
        if asNobody {
            // Copies nobody can reach: the checkout may be in a 0700 home.
            if env["SPOTLIGHT_BIN"] == P.binary { env["SPOTLIGHT_BIN"] = P.binaryForOthers }
            return try Checkout.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Self.sh!,
                                                         ReachableCopy.of(Self.script)], environment: env)
        }
        return try Checkout.run(Self.sh!, [Self.script], environment: env)
    }

    /// A board named only by a system config file, as on a real host.
    func configuredBoard(_ name: String) throws -> (board: String, environment: [String: String]) {
        let base = P.scratch("motd-" + name)
        let board = base + "/board.sqlite"
        #expect(try P.run(["demo"], board: board).status == 0)
        try FileManager.default.createDirectory(atPath: base + "/xdg/spotlight", withIntermediateDirectories: true)
        try "board = \"\(board)\"\n".write(toFile: base + "/xdg/spotlight/config.toml", atomically: true, encoding: .utf8)
        return (board, ["XDG_CONFIG_DIRS": base + "/xdg", "XDG_CONFIG_HOME": base + "/none", "HOME": base])
    }

    @Test(.enabled(if: sh != nil, "needs /bin/sh"))
    func theBannerIsTheWallsStoryIn72By14() throws {
        let (_, environment) = try configuredBoard("ok")
        let result = try motd(environment)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
        // The 72×14 frame: its box from the first line; the kiosk-style footer row under it is
        // blank, and the shell's $(…) drops a blank last line, so 13 or 14 lines.
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect((13...14).contains(lines.count), "banner:\n\(result.stdout)")
        #expect(lines.first?.hasPrefix("╭") == true && lines.contains { $0.hasPrefix("╰") }, "banner:\n\(result.stdout)")
        #expect(result.stdout.contains("Acme Support"))
        #expect(result.stdout.contains("╭"), "UTF-8 when the login has no locale")
        #expect(!containsRawControls(result.stdout))
        let ascii = try motd(environment.merging(["SPOTLIGHT_MOTD_ARGS": "--ascii"]) { $1 })
        #expect(ascii.status == 0 && ascii.stdout.unicodeScalars.allSatisfy(\.isASCII), "\(ascii.stdout)")
    }

    @Test(.enabled(if: sh != nil, "needs /bin/sh"))
    func everyFailureIsSilentAndExitsZero() throws {
        let (board, environment) = try configuredBoard("faults")
        let base = (board as NSString).deletingLastPathComponent
        let garbage = base + "/garbage.sqlite"
        try String(repeating: "not a board\n", count: 50).write(toFile: garbage, atomically: true, encoding: .utf8)
        let brokenConfig = base + "/broken"
        try FileManager.default.createDirectory(atPath: brokenConfig + "/spotlight", withIntermediateDirectories: true)
        try "board = [unclosed\n".write(toFile: brokenConfig + "/spotlight/config.toml", atomically: true, encoding: .utf8)
        let cases: [(String, [String: String])] = [
            ("no binary", ["SPOTLIGHT_BIN": base + "/no/such/spotlight"]),
            ("a binary that fails", ["SPOTLIGHT_BIN": "/bin/false"]),
            ("no board", ["SPOTLIGHT_BOARD": base + "/missing/board.sqlite"]),
            ("not a board", ["SPOTLIGHT_BOARD": garbage]),
            ("a directory", ["SPOTLIGHT_BOARD": base]),
            ("broken config", ["XDG_CONFIG_DIRS": brokenConfig]),
            ("no config at all", ["XDG_CONFIG_DIRS": base + "/none", "XDG_DATA_HOME": base + "/none"]),
            ("bad snapshot options", ["SPOTLIGHT_MOTD_ARGS": "--no-such-option"]),
        ]
        for (name, extra) in cases {
            let result = try motd(environment.merging(extra) { $1 })
            #expect(result.status == 0, "\(name): exit \(result.status)")
            #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(name) printed: \(result.all)")
        }
    }

    @Test(.enabled(if: sh != nil && getuid() == 0, "needs root to run the script as nobody (setpriv)"))
    func anUnreadableBoardIsSilent() throws {
        let (board, environment) = try configuredBoard("unreadable")
        chmod(board, 0o600)
        let result = try motd(environment, asNobody: true)
        #expect(result.status == 0)
        #expect(result.all.isEmpty, "printed: \(result.all)")
    }

    @Test(.enabled(if: sh != nil && Checkout.which("timeout") != nil, "needs /bin/sh and timeout (coreutils)"))
    func aHungBoardDoesNotHoldUpTheLogin() throws {
        let base = P.scratch("motd-hang")
        let stuck = base + "/stuck-spotlight"
        try "#!/bin/sh\nsleep 30\n".write(toFile: stuck, atomically: true, encoding: .utf8)
        chmod(stuck, 0o755)
        let start = Date()
        let result = try motd(["SPOTLIGHT_BIN": stuck])
        #expect(result.status == 0 && result.all.isEmpty)
        #expect(Date().timeIntervalSince(start) < 10, "the script gives up after 2 s")
    }
}
