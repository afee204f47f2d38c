import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore
import SpotlightStore

/// `spotlight serve`: the broker (issue 13, DESIGN §12). It alone opens the board file; members
/// reach it over a Unix socket and the kernel says who they are (`SO_PEERCRED`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the board broker: own the board file and serve members over a Unix socket.",
        discussion: """
            Run it as the board's service account (see Deploy/systemd/spotlight-serve.service). The board's \
            directory must be that account's own and closed to everyone else (mode 0700): members never open \
            the file; they use --board unix:SOCKET. Each connection acts as the account the kernel reports \
            for its process; nothing a client sends changes that. Stops cleanly on SIGTERM or SIGINT.
            """)

    @Option(name: .long, help: ArgumentHelp("The board file the broker owns (created if missing).", valueName: "path"))
    var board: String

    @Option(name: .long, help: ArgumentHelp("The socket to listen on.", valueName: "path"))
    var socket = "/run/spotlight/board.sock"

    @Option(name: .customLong("socket-mode"), help: ArgumentHelp("The socket's file mode, in octal.", valueName: "mode"))
    var socketMode = "0660"

    @Option(name: .customLong("socket-group"), help: ArgumentHelp("The group whose members may connect (default: the broker's own group).", valueName: "group"))
    var socketGroup: String?

    @Option(name: .long, help: ArgumentHelp("The board's name when the broker creates it.", valueName: "name"))
    var name = "Service Spotlight"

    @Option(name: .long, help: ArgumentHelp("A shared-file board to move behind the broker, losslessly (the board must be new or empty).", valueName: "file"))
    var adopt: String?

    @Flag(name: .customLong("adopt-only"), help: "Adopt the board given with --adopt, then exit without serving.")
    var adoptOnly = false

    func validate() throws {
        if adoptOnly && adopt == nil { throw ValidationError("--adopt-only needs --adopt FILE") }
        guard board.hasPrefix("/") else { throw ValidationError("--board must be an absolute path of a board file") }
        guard socket.hasPrefix("/") else { throw ValidationError("--socket must be an absolute path") }
        guard let mode = UInt16(socketMode, radix: 8), mode <= 0o777 else {
            throw ValidationError("--socket-mode must be an octal file mode such as 0660, got \"\(socketMode)\"")
        }
    }

    func run() async throws {
        let account = try Identity.current()
        let log = BrokerLog.standardError(clock: .system)
        try BrokerDirectory.check(boardPath: board, owner: account)
        let lock = try BrokerLock.acquire(boardPath: board)
        defer { withExtendedLifetime(lock) {} }
        if let adopt {
            let count = try await BrokerAdoption.adopt(adopt, into: board, as: account)
            log("adopted \(adopt) into \(board): \(count) stories")
            if adoptOnly { return }
        }
        // Created once here (the service account its first manager); every handle after this
        // opens the existing file, so a board deleted under the broker is reported, never
        // silently replaced by an empty one.
        let created = try await SQLiteBoard.open(board, as: account, mode: .createIfMissing(name: name))
        await created.close()
        let path = board
        let broker = try await BoardBroker.open(version: Spotlight.version, account: account) { member throws(SpotlightError) in
            try await SQLiteBoard.open(path, as: member)
        }
        var configuration = BrokerServer.Configuration(socketPath: socket, log: log)
        configuration.mode = mode_t(UInt16(socketMode, radix: 8) ?? 0o660)
        configuration.group = socketGroup
        let server = BrokerServer(application: broker, configuration: configuration)
        do {
            try await server.start()
        } catch {
            await broker.close()
            throw error
        }
        log("serving \(board) as \(account.login), pid \(getpid())")
        let stopping = StopSignals.install { Task { await server.stop() } }
        await server.run()
        withExtendedLifetime(stopping) {}
        await broker.close()
    }
}
