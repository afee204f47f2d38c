import Foundation
import Testing

/// The board location with config files: --board, SPOTLIGHT_BOARD, `$XDG_CONFIG_HOME`, each of
/// `$XDG_CONFIG_DIRS`, then the XDG data default; a broken file is one clear line naming file
/// and line.
@Suite struct ConfigTests {
    typealias P = SpotlightProcess

    /// A private world: its own config home, system config folders and data home.
    struct World {
        let base: String
        var home: String { base + "/home-config" }
        var system1: String { base + "/etc-xdg-1" }
        var system2: String { base + "/etc-xdg-2" }
        var environment: [String: String] {
            ["XDG_CONFIG_HOME": home, "XDG_CONFIG_DIRS": system1 + ":" + system2, "XDG_DATA_HOME": base + "/data", "HOME": base]
        }

        init(_ name: String) {
            base = P.scratch("config-" + name)
        }

        func write(_ text: String, in directory: String) throws {
            try FileManager.default.createDirectory(atPath: directory + "/spotlight", withIntermediateDirectories: true)
            try text.write(toFile: directory + "/spotlight/config.toml", atomically: true, encoding: .utf8)
        }

        func board(_ name: String, title: String) throws -> String {
            let path = base + "/\(name).sqlite"
            #expect(try P.run(["init", "--name", name], board: path).status == 0)
            #expect(try P.run(["post", "--title", title, "--hero", "Ana", "--body", "b"], board: path).status == 0)
            return path
        }

        func run(_ arguments: [String], extra: [String: String] = [:]) throws -> P.Result {
            try P.run(arguments, board: nil, environment: environment.merging(extra) { $1 })
        }
    }

    @Test func theUsersConfigComesFirstThenEachSystemFolderInOrder() throws {
        let world = World("order")
        let mine = try world.board("mine", title: "From my config")
        let site = try world.board("site", title: "From the site config")
        try world.write("board = \"\(site)\"\n", in: world.system2)
        try world.write("# nothing about boards here\n", in: world.system1)
        var listed = try world.run(["list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("From the site config"))

        try world.write("board = \"\(mine)\"\n", in: world.home)
        listed = try world.run(["list"])
        #expect(listed.stdout.contains("From my config"))
        let doctor = try world.run(["doctor"])
        #expect(doctor.stdout.contains("board           \(mine) (from \(world.home)/spotlight/config.toml)"), "\(doctor.stdout)")
    }

    @Test func theFlagAndTheEnvironmentBeatTheConfig() throws {
        let world = World("precedence")
        let configured = try world.board("configured", title: "Configured board")
        let other = try world.board("other", title: "The other board")
        try world.write("board = \"\(configured)\"\n", in: world.system1)
        #expect(try world.run(["list"], extra: ["SPOTLIGHT_BOARD": other]).stdout.contains("The other board"))
        #expect(try world.run(["list", "--board", other]).stdout.contains("The other board"))
        // A broken config does not stand in the way of an explicit board.
        try world.write("board = [\n", in: world.home)
        let explicit = try world.run(["list", "--board", other])
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(explicit.stdout.contains("The other board"))
    }

    @Test func withoutAnyConfigTheDataHomeDefaultIsUsed() throws {
        let world = World("none")
        let doctor = try world.run(["doctor"])
        #expect(doctor.stdout.contains("board           \(world.base)/data/spotlight/board.sqlite (from default)"), "\(doctor.stdout)")
    }

    @Test(arguments: [
        ("\n\nboard = \"/x\n", ":3: TOML syntax error"),
        ("# site config\nboard = 42\n", ":2: board must be a string (the path of the board file), got integer"),
        ("board = \"\"\n", ":1: board must not be empty"),
        ("board = \"relative/board.sqlite\"\n", ":1: board must be an absolute path (or start with ~/, or be unix:/path/of/the/broker.sock), got \"relative/board.sqlite\""),
        ("# typo\n\nboards = \"/var/lib/spotlight/board.sqlite\"\n", ":3: boards is not a config key; the keys are: board"),
        ("board = \"/x\"\n[spotlight]\nboard = \"/y\"\n", ":2: spotlight is not a config key"),
    ])
    func aBrokenConfigIsOneLineNamingFileAndLine(_ text: String, _ expected: String) throws {
        let world = World("broken")
        try world.write(text, in: world.system1)
        let file = world.system1 + "/spotlight/config.toml"
        let result = try world.run(["list"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("spotlight: config file \(file)\(expected)"), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
        // doctor reports it as a problem instead of stopping.
        let doctor = try world.run(["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("board           problem: config file \(file)\(expected)"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("locale"))
    }

    /// A FIFO hung every command; a link to /dev/zero grew to gigabytes. Only a regular file of
    /// at most 64 KiB is read; anything else is one line naming the file and what it is. The limit
    /// catches a hang; it is generous because CI runs this beside the broker's kill -9 rounds on 2 cores.
    @Test(.timeLimit(.minutes(3)), arguments: [
        ("fifo", "it is a FIFO (named pipe), not a regular file"),
        ("zero", "it is a character device, not a regular file"),
        ("huge", "it is 70000 bytes, more than the 65536 allowed"),
    ])
    func aConfigThatIsNotASmallRegularFileIsOneLine(_ kind: String, _ expected: String) throws {
        let world = World("special-\(kind)")
        let directory = world.system1 + "/spotlight"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/config.toml"
        switch kind {
        case "fifo": #expect(mkfifo(file, 0o644) == 0)
        case "zero": #expect(symlink("/dev/zero", file) == 0)
        default: try String(repeating: "# a comment line that goes on and on and on and on and on and on.\n", count: 1100)
            .prefix(70000).write(toFile: file, atomically: true, encoding: .utf8)
        }
        let result = try world.run(["list"])
        #expect(result.status == 1)
        #expect(result.stderr == "spotlight: cannot read the config file \(file): \(expected)\n", "stderr: \(result.stderr)")
        let doctor = try world.run(["doctor"])
        #expect(doctor.stdout.contains("board           problem: cannot read the config file \(file): \(expected)"), "\(doctor.stdout)")
    }

    @Test func aHomeRelativeBoardIsExpanded() throws {
        let world = World("tilde")
        let board = try world.board("team", title: "Team story")
        try world.write("board = \"~/team.sqlite\"\n", in: world.home)
        let listed = try world.run(["list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("Team story"))
        #expect(board == world.base + "/team.sqlite")
    }

    @Test(.enabled(if: getuid() == 0, "needs root to run the binary as nobody (setpriv)"))
    func anUnreadableConfigIsAPermissionError() throws {
        let world = World("unreadable")
        try world.write("board = \"/x\"\n", in: world.system1)
        let file = world.system1 + "/spotlight/config.toml"
        chmod(file, 0o600)
        let result = try P.run(["list"], board: nil, asNobody: true, environment: world.environment)
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot read the config file \(file): permission denied"), "\(result.stderr)")
    }
}
