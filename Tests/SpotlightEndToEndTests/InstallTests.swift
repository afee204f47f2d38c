import Foundation
import Testing

/// Helpers to run the Makefile and other programs from the package root.
enum Checkout {
    /// The package root: this file is Tests/SpotlightEndToEndTests/InstallTests.swift.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The first executable named `name` on PATH (or in the usual system folders).
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"] {
            let candidate = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        var all: String { stdout + stderr }
    }

    /// Runs `executable` with `arguments`; output goes through files so a chatty build cannot fill a pipe.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                    environment extra: [String: String] = [:], stdin: Data? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let scratch = NSTemporaryDirectory() + "spotlight-run-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: scratch + ".out")
            try? FileManager.default.removeItem(atPath: scratch + ".err")
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".err"))
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { try input.fileHandleForWriting.write(contentsOf: stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = FileManager.default.contents(atPath: scratch + ".out") ?? Data()
        let stderr = FileManager.default.contents(atPath: scratch + ".err") ?? Data()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func files(under directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let item = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(item)
            }
        }
        return files.sorted()
    }
}

/// `make install` into a temporary prefix, from this checkout, and the installed binary used
/// as an admin would: version, themes found where they were installed, a snapshot of a demo
/// board, man pages, completions, examples; then `make uninstall` leaves nothing behind.
///
/// It runs the release build (static Swift runtime) in its own build folder, `.build-install`:
/// `swift test` keeps its own build folder locked while tests run, so the install cannot share
/// it. The folder is kept, so later runs rebuild only what changed (about 80 s cold on 2 cores
/// when nothing else runs, seconds when warm).
@Suite(.serialized) struct InstallTests {
    static let make = Checkout.which("make")
    static let swift = Checkout.which("swift")
    static let scratch = Checkout.root + "/.build-install"
    static let themes = ["classic", "high-contrast", "midnight", "mono", "service-week"]

    @Test(.enabled(if: make != nil && swift != nil, "needs make and swift on PATH to build and install"),
          .timeLimit(.minutes(20)))
    func installIntoATemporaryPrefixRunTheInstalledBinaryAndUninstall() throws {
        let work = SpotlightProcess.scratch("install")
        let prefix = work + "/prefix"
        let installed = try Checkout.run(Self.make!, ["install", "PREFIX=\(prefix)", "SCRATCH=\(Self.scratch)"], in: Checkout.root)
        try #require(installed.status == 0, "make install failed:\n\(installed.all.suffix(4000))")

        let files = Checkout.files(under: prefix)
        for expected in ["bin/spotlight", "share/man/man1/spotlight.1", "share/man/man1/spotlight.wall.1",
                         "share/man/man1/spotlight.doctor.1", "share/bash-completion/completions/spotlight",
                         "share/zsh/site-functions/_spotlight", "share/fish/vendor_completions.d/spotlight.fish",
                         "share/spotlight/examples/update-motd.d/50-spotlight", "share/spotlight/examples/profile.d/spotlight-news.sh",
                         "share/spotlight/examples/systemd/spotlight-wall.service",
                         "share/spotlight/examples/systemd/spotlight-serve.service",
                         "share/spotlight/examples/systemd/spotlight-serve-postgresql.service",
                         "share/spotlight/examples/systemd/getty@tty1.service.d/autologin.conf",
                         "share/spotlight/examples/kiosk/profile", "share/spotlight/examples/config.toml",
                         "share/doc/spotlight/README.md", "share/doc/spotlight/CHANGELOG.md"]
            + Self.themes.map({ "share/spotlight/themes/\($0).toml" }) {
            #expect(files.contains(expected), "not installed: \(expected)")
        }
        let binary = prefix + "/bin/spotlight"
        #expect(FileManager.default.isExecutableFile(atPath: binary))
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/share/spotlight/examples/update-motd.d/50-spotlight"))

        // Run from a folder with no checkout above it, with no other theme folders, so the
        // themes can only come from the install.
        let away = work + "/elsewhere"
        try FileManager.default.createDirectory(atPath: away, withIntermediateDirectories: true)
        let isolated = ["XDG_DATA_DIRS": away + "/no-data", "XDG_CONFIG_HOME": away + "/no-config",
                        "XDG_CONFIG_DIRS": away + "/no-xdg", "XDG_DATA_HOME": away + "/data", "SPOTLIGHT_BOARD": ""]

        let version = try Checkout.run(binary, ["--version"], in: away, environment: isolated)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3, "version: \(version.stdout)")

        let themes = try Checkout.run(binary, ["themes", "list"], in: away, environment: isolated)
        #expect(themes.status == 0, "\(themes.stderr)")
        for theme in Self.themes {
            let line = themes.stdout.split(separator: "\n").first { $0.hasPrefix(theme + " ") }
            #expect(line?.hasSuffix("\(prefix)/share/spotlight/themes/\(theme).toml") == true, "themes list:\n\(themes.stdout)")
        }

        let board = work + "/demo.sqlite"
        #expect(try Checkout.run(binary, ["demo", "--board", board], in: away, environment: isolated).status == 0)
        let frame = try Checkout.run(binary, ["snapshot", "--board", board, "--width", "80", "--height", "24", "--theme", "midnight"],
                                 in: away, environment: isolated.merging(["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]) { $1 })
        #expect(frame.status == 0, "\(frame.stderr)")
        #expect(frame.stdout.contains("Acme Support"))
        #expect(frame.stdout.split(separator: "\n").count >= 20)

        // Man pages come from the argument parser: every command, with its options.
        let wallPage = try String(contentsOfFile: prefix + "/share/man/man1/spotlight.wall.1", encoding: .utf8)
        #expect(wallPage.contains(".Dt SPOTLIGHT.WALL 1") && wallPage.contains("kiosk"))
        let mainPage = try String(contentsOfFile: prefix + "/share/man/man1/spotlight.1", encoding: .utf8)
        #expect(mainPage.contains(".Xr spotlight.doctor 1"))
        if let man = Checkout.which("man") {
            let rendered = try Checkout.run(man, ["-l", prefix + "/share/man/man1/spotlight.wall.1"],
                                            environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80"])
            #expect(rendered.status == 0 && rendered.stdout.contains("--kiosk"), "man -l:\n\(rendered.all)")
        }
        if let bash = Checkout.which("bash") {
            let syntax = try Checkout.run(bash, ["-n", prefix + "/share/bash-completion/completions/spotlight"])
            #expect(syntax.status == 0, "bash completion: \(syntax.stderr)")
        }
        let fish = try String(contentsOfFile: prefix + "/share/fish/vendor_completions.d/spotlight.fish", encoding: .utf8)
        #expect(fish.contains("complete -c 'spotlight'"))
        let zsh = try String(contentsOfFile: prefix + "/share/zsh/site-functions/_spotlight", encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef spotlight"))

        // The examples name this install's binary.
        let unit = try String(contentsOfFile: prefix + "/share/spotlight/examples/systemd/spotlight-wall.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=\(binary) wall --kiosk"))

        let removed = try Checkout.run(Self.make!, ["uninstall", "PREFIX=\(prefix)", "SCRATCH=\(Self.scratch)"], in: Checkout.root)
        #expect(removed.status == 0, "\(removed.all)")
        #expect(Checkout.files(under: prefix) == [], "left behind after uninstall")
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share/spotlight"))
    }

    @Test(.enabled(if: make != nil, "needs make"))
    func destdirStagesUnderItWithThePrefixInsideTheExamples() throws {
        // A dry run is enough to see where files go without building again.
        let stage = SpotlightProcess.scratch("destdir")
        let plan = try Checkout.run(Self.make!, ["-n", "install", "DESTDIR=\(stage)", "PREFIX=/usr", "SCRATCH=\(Self.scratch)"], in: Checkout.root)
        #expect(plan.status == 0, "\(plan.all)")
        #expect(plan.stdout.contains("\(stage)/usr/bin/spotlight"))
        #expect(plan.stdout.contains("\(stage)/usr/share/spotlight/themes/"))
        #expect(plan.stdout.contains("\(stage)/usr/share/bash-completion/completions/spotlight"))
        #expect(plan.stdout.contains("s|/usr/local/bin/spotlight|/usr/bin/spotlight|g"), "examples must name /usr/bin/spotlight, not the DESTDIR path")
    }
}

/// The kiosk and broker units and the getty auto-login drop-in are valid systemd configuration.
@Suite struct KioskUnitTests {
    static let analyze = Checkout.which("systemd-analyze")

    /// `systemd-analyze verify` reports problems as warnings and still exits 0, so both count.
    func verify(_ unit: String) throws -> Checkout.Output {
        try Checkout.run(Self.analyze!, ["verify", "--man=no", unit], environment: ["SYSTEMD_LOG_COLOR": "0"])
    }

    @Test(.enabled(if: analyze != nil, "systemd-analyze is not installed (Debian package systemd): the unit files could not be verified"))
    func theWallServiceVerifies() throws {
        let directory = SpotlightProcess.scratch("unit")
        let source = try String(contentsOfFile: Checkout.root + "/Deploy/systemd/spotlight-wall.service", encoding: .utf8)
        for line in ["StandardInput=tty", "TTYPath=/dev/tty1", "Restart=always", "ExecStart=/usr/local/bin/spotlight wall --kiosk",
                     "Environment=TERM=linux SWIFT_BACKTRACE=interactive=no", "Conflicts=getty@tty1.service", "User=spotlight-wall"] {
            #expect(source.contains(line), "the unit should say \(line)")
        }
        // verify checks that ExecStart's program exists: point it at the binary under test.
        let unit = directory + "/spotlight-wall.service"
        try source.replacingOccurrences(of: "/usr/local/bin/spotlight", with: SpotlightProcess.binary)
            .write(toFile: unit, atomically: true, encoding: .utf8)
        let result = try verify(unit)
        #expect(result.status == 0 && result.all.isEmpty, "systemd-analyze verify:\n\(result.all)")
    }

    @Test(.enabled(if: analyze != nil, "systemd-analyze is not installed (Debian package systemd): the unit files could not be verified"))
    func theBrokerServiceVerifiesAndIsHardened() throws {
        try verifyBrokerUnit("spotlight-serve.service", [
            "User=spotlight", "StateDirectory=spotlight", "StateDirectoryMode=0700", "RuntimeDirectory=spotlight",
            "ProtectSystem=strict", "NoNewPrivileges=yes", "ProtectHome=yes", "RestrictAddressFamilies=AF_UNIX",
            "ExecStart=/usr/local/bin/spotlight serve --board /var/lib/spotlight/board.sqlite --socket /run/spotlight/board.sock"])
    }

    /// The office broker on PostgreSQL: its password only as a systemd credential, TLS verified.
    @Test(.enabled(if: analyze != nil, "systemd-analyze is not installed (Debian package systemd): the unit files could not be verified"))
    func thePostgreSQLBrokerServiceVerifiesAndTakesItsPasswordAsACredential() throws {
        try verifyBrokerUnit("spotlight-serve-postgresql.service", [
            "User=spotlight", "LoadCredential=pgpassword:/etc/spotlight/credentials/pgpassword", "ProtectSystem=strict",
            "NoNewPrivileges=yes", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
            "--store-password-file ${CREDENTIALS_DIRECTORY}/pgpassword", "sslrootcert=/etc/spotlight/pg-ca.crt"])
        let source = try String(contentsOfFile: Checkout.root + "/Deploy/systemd/spotlight-serve-postgresql.service", encoding: .utf8)
        #expect(!source.contains("PGPASSWORD") && !source.contains("spotlight:"), "no password in the unit")
    }

    /// `name` under Deploy/systemd says every line of `lines`, passes `systemd-analyze verify`, and
    /// its ExecStart's flags are all `serve --help` lists.
    func verifyBrokerUnit(_ name: String, _ lines: [String]) throws {
        let directory = SpotlightProcess.scratch("unit")
        let source = try String(contentsOfFile: Checkout.root + "/Deploy/systemd/" + name, encoding: .utf8)
        for line in lines { #expect(source.contains(line), "\(name) should say \(line)") }
        let unit = directory + "/" + name
        try source.replacingOccurrences(of: "/usr/local/bin/spotlight", with: SpotlightProcess.binary)
            .write(toFile: unit, atomically: true, encoding: .utf8)
        let result = try verify(unit)
        #expect(result.status == 0 && result.all.isEmpty, "systemd-analyze verify \(name):\n\(result.all)")
        // The command line in ExecStart parses: the binary's own `serve --help` accepts every flag.
        let flags = source.split(separator: "\n").first { $0.hasPrefix("ExecStart=") }!
            .split(separator: " ").filter { $0.hasPrefix("--") }.map(String.init)
        let help = try Checkout.run(SpotlightProcess.binary, ["serve", "--help"])
        for flag in flags { #expect(help.stdout.contains(flag), "spotlight serve --help should list \(flag)") }
    }

    @Test(.enabled(if: analyze != nil && FileManager.default.fileExists(atPath: "/lib/systemd/system/getty@.service"),
                   "systemd-analyze or getty@.service is missing: the auto-login drop-in could not be verified"))
    func theGettyAutoLoginDropInVerifies() throws {
        let directory = SpotlightProcess.scratch("getty")
        try FileManager.default.copyItem(atPath: "/lib/systemd/system/getty@.service", toPath: directory + "/getty@tty1.service")
        try FileManager.default.createDirectory(atPath: directory + "/getty@tty1.service.d", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Checkout.root + "/Deploy/systemd/getty@tty1.service.d/autologin.conf",
                                         toPath: directory + "/getty@tty1.service.d/autologin.conf")
        let result = try verify(directory + "/getty@tty1.service")
        #expect(result.status == 0 && result.all.isEmpty, "systemd-analyze verify:\n\(result.all)")
        let dropIn = try String(contentsOfFile: directory + "/getty@tty1.service.d/autologin.conf", encoding: .utf8)
        #expect(dropIn.contains("--autologin spotlight-wall"))
    }

    @Test func theKioskProfileStartsTheWallOnlyOnTty1() throws {
        let profile = try String(contentsOfFile: Checkout.root + "/Deploy/kiosk/profile", encoding: .utf8)
        #expect(profile.contains("/dev/tty1") && profile.contains("exec /usr/local/bin/spotlight wall --kiosk"))
        if let sh = Checkout.which("sh") {
            // Sourced off tty1 (here: no terminal at all), it does nothing.
            let result = try Checkout.run(sh, ["-c", ". \(Checkout.root)/Deploy/kiosk/profile; echo still-here"])
            #expect(result.stdout == "still-here\n", "\(result.all)")
        }
    }
}
