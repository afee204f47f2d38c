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
        abstract: "Run the board broker: own the board and serve members over a Unix socket.",
        discussion: """
            Run it as the board's service account (see Deploy/systemd/spotlight-serve.service). The board's \
            directory must be that account's own and closed to everyone else (mode 0700): members never open \
            the file; they use --board unix:SOCKET. Each connection acts as the account the kernel reports \
            for its process; nothing a client sends changes that. Stops cleanly on SIGTERM or SIGINT.

            Many offices, one board: give every office's broker the same PostgreSQL database with --store \
            instead of --board (see Deploy/systemd/spotlight-serve-postgresql.service). The role's password \
            comes only from --store-password-file, never the command line; over TCP the server must prove \
            its name with TLS (?sslrootcert=CA). Needs a spotlight built with PostgreSQL support (`make`).
            """)

    @Option(name: .long, help: ArgumentHelp("The board file the broker owns (created if missing).", valueName: "path"))
    var board: String?

    @Option(name: .long, help: ArgumentHelp(
        "A PostgreSQL database to keep the board in instead of a file, shared by every office's broker: postgresql://[role@]host[:port]/database[?sslrootcert=CA] or postgresql://[role@]/database?host=SOCKET-DIRECTORY.",
        valueName: "url"))
    var store: String?

    @Option(name: .customLong("store-password-file"), help: ArgumentHelp(
        "A file holding the PostgreSQL role's password (owned by the service account, mode 0600); none for peer authentication over a local socket.",
        valueName: "file"))
    var storePasswordFile: String?

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

    @Option(name: .customLong("max-connections"), help: ArgumentHelp("Open connections in all (default 1024).", valueName: "n"))
    var maximumConnections: Int?

    @Option(name: .customLong("max-connections-per-account"), help: ArgumentHelp("Open connections of one account (default 64; a wall or board holds two).", valueName: "n"))
    var maximumConnectionsPerAccount: Int?

    @Option(name: .customLong("writes-per-second"), help: ArgumentHelp("Writes one account may sustain per second, after a burst of three times as many (default 10).", valueName: "n"))
    var writesPerSecond: Double?

    @Flag(name: .customLong("adopt-only"), help: "Adopt the board given with --adopt, then exit without serving.")
    var adoptOnly = false

    func validate() throws {
        if adoptOnly && adopt == nil { throw ValidationError("--adopt-only needs --adopt FILE") }
        switch (board, store) {
        case (nil, nil): throw ValidationError("give the board: --board FILE, or --store postgresql://… for a PostgreSQL database")
        case (.some, .some): throw ValidationError("--board and --store name two boards: give one")
        case (let board?, nil):
            guard board.hasPrefix("/") else { throw ValidationError("--board must be an absolute path of a board file") }
            if storePasswordFile != nil { throw ValidationError("--store-password-file goes with --store, not --board") }
        case (nil, let store?):
            guard store.hasPrefix("postgresql://") || store.hasPrefix("postgres://") else {
                throw ValidationError("--store must be a postgresql:// URL, got \"\(store.prefix(80))\"")
            }
        }
        guard socket.hasPrefix("/") else { throw ValidationError("--socket must be an absolute path") }
        for (name, value) in [("--max-connections", maximumConnections), ("--max-connections-per-account", maximumConnectionsPerAccount)] {
            if let value, !(1...1_000_000).contains(value) { throw ValidationError("\(name) must be between 1 and 1000000, got \(value)") }
        }
        if let writesPerSecond, !(writesPerSecond > 0 && writesPerSecond <= 1_000_000) {
            throw ValidationError("--writes-per-second must be more than 0 and at most 1000000")
        }
        guard let mode = UInt16(socketMode, radix: 8), mode <= 0o777 else {
            throw ValidationError("--socket-mode must be an octal file mode such as 0660, got \"\(socketMode)\"")
        }
    }

    /// Each connection is a descriptor: the soft limit (often 1024) goes up to the hard one so
    /// the default 1024 connections fit beside the board's own files.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// The network layer's limits, with the ones given on the command line.
    var limits: BrokerLimits {
        var limits = BrokerLimits.standard
        if let maximumConnections { limits.maximumConnections = maximumConnections }
        if let maximumConnectionsPerAccount { limits.maximumConnectionsPerAccount = maximumConnectionsPerAccount }
        if let writesPerSecond {
            limits.writesPerSecond = writesPerSecond
            limits.writeBurst = max(1, Int((writesPerSecond * 3).rounded(.up)))
        }
        return limits
    }

    /// The board this broker serves; `--board` or `--store`, which `validate` made sure is one.
    var boardStore: BrokerStore {
        if let store { return .postgres(url: store, passwordFile: storePasswordFile) }
        return .file(path: board ?? "")
    }

    func run() async throws {
        let account = try Identity.current()
        let log = BrokerLog.standardError(clock: .system)
        let store = boardStore
        // A file is this broker's alone: its directory closed to members, one broker at a time.
        // A database is shared by every office's broker: PostgreSQL keeps them apart.
        var lock: BrokerLock?
        if case .file(let path) = store {
            try BrokerDirectory.check(boardPath: path, owner: account)
            lock = try BrokerLock.acquire(boardPath: path)
            // A connection per account: two SQLite threads let a wall's long read and a board's
            // page run at once (2 cores is this product's small host).
            BoardStore.useThreads(2)
        }
        Self.raiseOpenFileLimit()
        defer { withExtendedLifetime(lock) {} }
        if let adopt {
            let count = try await BrokerAdoption.adopt(adopt, into: store, as: account)
            log("adopted \(adopt) into \(store): \(count) stories")
            if adoptOnly { return }
        }
        try await store.create(as: account, name: name)
        let broker = try await BoardBroker.open(version: Spotlight.version, account: account) { member throws(SpotlightError) in
            try await store.open(as: member)
        }
        var configuration = BrokerServer.Configuration(socketPath: socket, log: log)
        configuration.mode = mode_t(UInt16(socketMode, radix: 8) ?? 0o660)
        configuration.group = socketGroup
        configuration.limits = limits
        let server = BrokerServer(application: broker, configuration: configuration)
        do {
            try await server.start()
        } catch {
            await broker.close()
            throw error
        }
        log("serving \(store) as \(account.login), pid \(getpid())")
        let stopping = StopSignals.install { Task { await server.stop() } }
        await server.run()
        withExtendedLifetime(stopping) {}
        await broker.close()
    }
}
