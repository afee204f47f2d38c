import Foundation
import Testing

/// The README's broker, for real: a service account that owns the board directory (0700) and
/// runs `spotlight serve`; a socket group with two staff (one of them made a manager); an
/// outsider in no group. Everyone else runs the binary as themselves (`setpriv`), with the board
/// named `unix:SOCKET` in their environment.
final class BrokerHost {
    typealias Person = SharedBoardTests.Person
    typealias P = SpotlightProcess

    let accounts: TestAccounts
    let base: String
    let stateDirectory: String
    var board: String { stateDirectory + "/board.sqlite" }
    let socket: String
    let group: String
    let service: Person
    let alice: Person
    let bob: Person
    let outsider: Person
    let environment: [String: String]
    private let tag: String
    private var broker: Process?
    private(set) var brokerLog: String

    init() throws {
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        self.tag = tag
        let accounts = TestAccounts()
        self.accounts = accounts
        let group = "spotlight-\(tag)"
        self.group = group
        try accounts.addGroup(group)
        func person(_ prefix: String, groups: [String], name: String) throws -> Person {
            let ids = try accounts.addUser(prefix + tag, groups: groups, fullName: name)
            return Person(login: prefix + tag, uid: ids.uid, gid: ids.gid)
        }
        service = try person("sps", groups: [group], name: "Spotlight broker")
        alice = try person("spa", groups: [group], name: "Alice Manager")
        bob = try person("spb", groups: [group], name: "Bob Staff")
        outsider = try person("spo", groups: [], name: "Olga Outsider")

        let base = P.scratch("broker")
        self.base = base
        chmod(base, 0o755)
        // StateDirectory=spotlight, StateDirectoryMode=0700, owned by the service account.
        let stateDirectory = base + "/var-lib-spotlight"
        self.stateDirectory = stateDirectory
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        chown(stateDirectory, service.uid, service.gid)
        chmod(stateDirectory, 0o700)
        // RuntimeDirectory=spotlight, 0755, the service's.
        let run = base + "/run-spotlight"
        try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
        chown(run, service.uid, service.gid)
        chmod(run, 0o755)
        let socket = run + "/board.sock"
        self.socket = socket
        brokerLog = base + "/broker.log"
        environment = ["XDG_CONFIG_DIRS": base + "/no-etc", "XDG_CONFIG_HOME": base + "/no-config", "HOME": "/nonexistent",
                       "SPOTLIGHT_BOARD": "unix:" + socket, "LANG": "C.UTF-8"]
    }

    /// One more member of the socket group (`prefix` + this host's tag, at most 4 characters of
    /// prefix so the login stays within 32), for tests that need more than Alice and Bob.
    func addMember(_ prefix: String, name: String) throws -> Person {
        let ids = try accounts.addUser(prefix + tag, groups: [group], fullName: name)
        return Person(login: prefix + tag, uid: ids.uid, gid: ids.gid)
    }

    deinit {
        stopBroker()
        accounts.removeAll()
    }

    /// `spotlight serve` as the service account, as the systemd unit runs it; returns once the
    /// broker answers.
    func startBroker(extra: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=\(service.uid)", "--regid=\(service.gid)", "--init-groups", P.binaryForOthers, "serve",
                             "--board", board, "--socket", socket, "--socket-group", group, "--socket-mode", "0660"] + extra
        process.environment = environment
        _ = FileManager.default.createFile(atPath: brokerLog, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: brokerLog))
        output.seekToEndOfFile()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        broker = process
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if process.isRunning == false { break }
            if (try? run(service, ["list", "--limit", "1"]))?.status == 0 { return }
            usleep(50_000)
        }
        Issue.record("the broker did not answer within 10 s:\n\(brokerOutput)")
        throw CancellationError()
    }

    /// What the broker logged (stderr) so far.
    var brokerOutput: String { (try? String(contentsOfFile: brokerLog, encoding: .utf8)) ?? "(no log)" }

    var brokerPID: Int32? { broker?.processIdentifier }

    func stopBroker(signal number: Int32 = SIGTERM) {
        guard let broker, broker.isRunning else { return }
        kill(broker.processIdentifier, number)
        broker.waitUntilExit()
    }

    var brokerExit: Int32? { broker.map { $0.isRunning ? -1 : $0.terminationStatus } }

    /// Runs the binary as `person`, exactly as after logging in.
    func run(_ person: Person, _ arguments: [String], extra: [String: String] = [:]) throws -> Checkout.Output {
        try Checkout.run("/usr/bin/setpriv", ["--reuid=\(person.uid)", "--regid=\(person.gid)", "--init-groups", P.binaryForOthers] + arguments,
                         environment: environment.merging(extra) { $1 })
    }

    /// Runs any program as `person`.
    func runProgram(_ person: Person, _ program: String, _ arguments: [String]) throws -> Checkout.Output {
        try Checkout.run("/usr/bin/setpriv", ["--reuid=\(person.uid)", "--regid=\(person.gid)", "--init-groups", program] + arguments,
                         environment: environment)
    }
}


