import Foundation

/// A private PostgreSQL cluster a test starts, restarts and stops itself (DESIGN §12, issue 14):
/// for the cases CI's shared cluster (`SPOTLIGHT_TEST_POSTGRES`, socket only) cannot show — TCP
/// with TLS and a password, a server restarted under writers. `initdb` in its own temporary
/// directory, as the `postgres` account when the test runs as root (the server refuses root), peer
/// authentication for the test's own account on the socket, a free port.
///
/// With `tls`, it also listens on 127.0.0.1 with a certificate from its own CA (SAN
/// `DNS:db.spotlight.test`, `DNS:localhost`) and admits role `spotlight` (database `spotlight`)
/// only over TLS with its password (`hostssl … scram-sha-256`).
public struct PostgresCluster: Sendable {
    /// The superuser role, reached over the socket by peer authentication.
    public static let adminRole = "spotlight_admin"
    public static let role = "spotlight"
    public static let database = "spotlight"

    public let bin: String
    /// The temporary directory holding everything: data, socket, log, certificates.
    public let root: String
    public let socketDirectory: String
    public let port: Int
    /// `tls` clusters: the role's password, a file holding it (mode 0600, owned by the test's
    /// account) and the CA certificate that signed the server's.
    public let password: String?
    public let passwordFile: String?
    public let caFile: String?

    public var dataDirectory: String { root + "/data" }
    public var logFile: String { root + "/log" }

    /// The admin connection over the socket, in the form `SPOTLIGHT_TEST_POSTGRES` uses.
    public var socketURL: String {
        "postgresql://\(Self.adminRole)@/postgres?host=\(socketDirectory)&port=\(port)"
    }

    /// The `spotlight` role over TCP with TLS, as `serve --store` takes it (verification always on).
    public func tlsURL(host: String = "localhost") -> String? {
        caFile.map { "postgresql://\(Self.role)@\(host):\(port)/\(Self.database)?sslrootcert=\($0)" }
    }

    /// Starts a new cluster; `tls` adds TCP on 127.0.0.1 with TLS and the password role.
    public static func start(tls: Bool = false) throws -> PostgresCluster {
        let bin = try PostgresTools.bin()
        let root = try Self.makeRoot()
        let socket = root + "/sock"
        do {
            try FileManager.default.createDirectory(atPath: socket, withIntermediateDirectories: false)
            let port = try FreePort.find()
            var cluster = PostgresCluster(bin: bin, root: root, socketDirectory: socket, port: port,
                                          password: nil, passwordFile: nil, caFile: nil)
            if tls {
                let secret = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
                let file = root + "/pgpassword"
                try (secret + "\n").write(toFile: file, atomically: false, encoding: .utf8)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
                let ca = try PostgresTLS.make(in: root + "/tls", serverNames: ["db.spotlight.test", "localhost"])
                cluster = PostgresCluster(bin: bin, root: root, socketDirectory: socket, port: port,
                                          password: secret, passwordFile: file, caFile: ca)
            }
            try cluster.initialise()
            try cluster.pgctl(["start", "-l", cluster.logFile] + cluster.serverOptions)
            if tls, let secret = cluster.password {
                try cluster.admin("CREATE ROLE \(role) LOGIN PASSWORD '\(secret)'")
                try cluster.admin("CREATE DATABASE \(database) OWNER \(role)")
            }
            return cluster
        } catch {
            Self.removeRoot(root, bin: bin)
            throw error
        }
    }

    /// `pg_ctl restart -m fast`: every connection is cut, the data stays.
    public func restart() throws {
        try pgctl(["restart", "-m", "fast", "-l", logFile] + serverOptions)
    }

    /// `pg_ctl stop -m fast`, keeping the data: the store is away until `resume`.
    public func pause() throws {
        try pgctl(["stop", "-m", "fast"])
    }

    /// Starts the server `pause` stopped.
    public func resume() throws {
        try pgctl(["start", "-l", logFile] + serverOptions)
    }

    /// Stops the server and deletes the directory. Safe to call twice.
    public func stop() {
        Self.removeRoot(root, bin: bin)
    }

    /// Runs SQL as the admin over the socket (`psql -v ON_ERROR_STOP=1`); the output, unaligned.
    @discardableResult
    public func admin(_ sql: String, database: String = "postgres") throws -> String {
        let result = try PostgresTools.psql(["-d", "postgresql://\(Self.adminRole)@/\(database)?host=\(socketDirectory)&port=\(port)",
                                             "-c", sql])
        guard result.status == 0 else { throw PostgresClusterError("psql \(sql): \(result.stderr)\(tail())") }
        return result.stdout
    }

    // MARK: Setting up

    private static func makeRoot() throws -> String {
        // /tmp, not $TMPDIR: the socket's path must stay under 108 bytes.
        var template = Array("/tmp/spotlight-pgc.XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PostgresClusterError("mkdtemp: \(String(cString: strerror(errno)))")
        }
        let root = String(cString: made)
        // Others must reach the socket (tests run the binary as other accounts); the data stays 0700.
        chmod(root, 0o755)
        return root
    }

    private static func removeRoot(_ root: String, bin: String) {
        guard FileManager.default.fileExists(atPath: root) else { return }
        if FileManager.default.fileExists(atPath: root + "/data/postmaster.pid") {
            _ = try? PostgresTools.run(bin + "/pg_ctl", ["-D", root + "/data", "-m", "fast", "-w", "stop"], asServer: true)
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `initdb`, then our own pg_hba.conf / pg_ident.conf and settings, all owned by the server's account.
    private func initialise() throws {
        // The server's account owns the directory, the socket folder and (after initdb) the data; the
        // password file stays the test's (the store checks its owner), the CA key too.
        try PostgresTools.chownToServer([root, socketDirectory])
        let initdb = try PostgresTools.run(bin + "/initdb", ["-D", dataDirectory, "-U", Self.adminRole, "-E", "UTF8",
                                                             "--locale=C.UTF-8", "-A", "peer", "--no-sync"], asServer: true)
        guard initdb.status == 0 else { throw PostgresClusterError("initdb: \(initdb.stderr)") }
        var hba = "local all all peer map=spot\n"
        if caFile != nil { hba += "hostssl \(Self.database) \(Self.role) 127.0.0.1/32 scram-sha-256\n" }
        let me = PostgresTools.accountName()
        let ident = Set(["root", "postgres", me]).sorted().map { "spot \($0) \(Self.adminRole)\n" }.joined()
        var settings = """

            # spotlight tests (PostgresCluster): a cut link must release its locks within seconds.
            tcp_keepalives_idle = 5
            tcp_keepalives_interval = 2
            tcp_keepalives_count = 3
            fsync = off

            """
        if caFile != nil {
            settings += "ssl = on\nssl_cert_file = '\(root)/tls/server.crt'\nssl_key_file = '\(root)/tls/server.key'\n"
            settings += "password_encryption = 'scram-sha-256'\n"
        }
        try write(hba, to: dataDirectory + "/pg_hba.conf")
        try write(ident, to: dataDirectory + "/pg_ident.conf")
        let conf = try String(contentsOfFile: dataDirectory + "/postgresql.conf", encoding: .utf8)
        try write(conf + settings, to: dataDirectory + "/postgresql.conf")
        if caFile != nil {
            // The key readable by the server's account only (PostgreSQL refuses it otherwise).
            try PostgresTools.chownToServer([root + "/tls/server.key", root + "/tls/server.crt"])
            chmod(root + "/tls/server.key", 0o600)
        }
    }

    private func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// The server's command line: the socket, the port, TCP only for TLS clusters.
    private var serverOptions: [String] {
        ["-o", "-k \(socketDirectory) -p \(port) -h '\(caFile == nil ? "" : "127.0.0.1")'"]
    }

    private func pgctl(_ arguments: [String]) throws {
        let result = try PostgresTools.run(bin + "/pg_ctl", ["-D", dataDirectory, "-w", "-t", "60"] + arguments, asServer: true)
        guard result.status == 0 else { throw PostgresClusterError("pg_ctl \(arguments[0]): \(result.stderr)\(tail())") }
    }

    /// The end of the server's log, for a failure's message.
    private func tail() -> String {
        guard let log = try? String(contentsOfFile: logFile, encoding: .utf8) else { return "" }
        return "\nlog: " + log.split(separator: "\n").suffix(5).joined(separator: "\n")
    }
}

public struct PostgresClusterError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// PostgreSQL's programs (Debian's layout) and how the tests run them.
public enum PostgresTools {
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// `SPOTLIGHT_PGBIN`, else the newest /usr/lib/postgresql/N/bin.
    public static func bin() throws -> String {
        if let bin = ProcessInfo.processInfo.environment["SPOTLIGHT_PGBIN"], !bin.isEmpty { return bin }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let newest = versions.compactMap(Int.init).max() else {
            throw PostgresClusterError("no PostgreSQL server: install Debian's postgresql (.ci/run does) or set SPOTLIGHT_PGBIN")
        }
        return "/usr/lib/postgresql/\(newest)/bin"
    }

    /// psql from `SPOTLIGHT_PGBIN` or the server's folder, else PATH.
    public static func psqlPath() -> String? {
        var candidates: [String] = []
        if let bin = try? bin() { candidates.append(bin + "/psql") }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        candidates += path.split(separator: ":").map { $0 + "/psql" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// psql with no startup file, unaligned and tuples only, stopping at the first error.
    public static func psql(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        guard let psql = psqlPath() else { throw PostgresClusterError("psql not found (SPOTLIGHT_PGBIN, PATH)") }
        return try run(psql, ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1"] + arguments, environment: environment)
    }

    /// Whether the server programs must run as `postgres`: we are root.
    public static var runsAsServerAccount: Bool { geteuid() == 0 }

    /// The login of the test's account (peer authentication maps it).
    public static func accountName() -> String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "root" }
        return String(cString: name)
    }

    static func chownToServer(_ paths: [String]) throws {
        guard runsAsServerAccount else { return }
        let result = try run("/bin/chown", ["postgres:postgres"] + paths)
        guard result.status == 0 else { throw PostgresClusterError("chown postgres: \(result.stderr)") }
    }

    /// Runs a program, as `postgres` when `asServer` and we are root, in `/`, and waits for it.
    ///
    /// Not Foundation's `Process`: on Linux it learns that a child ended when a socket the child
    /// inherits reaches EOF, and `pg_ctl start` leaves a server holding every descriptor it was
    /// given — `waitUntilExit` then waits for the server to stop. So `posix_spawn` with every
    /// descriptor above stderr closed (output goes to files), default signal handling, then `waitpid`.
    public static func run(_ executable: String, _ arguments: [String], asServer: Bool = false,
                           environment extra: [String: String] = [:]) throws -> Output {
        var argv = ["/usr/bin/env", "-C", "/"]   // the postgres account may not enter our directory
        if asServer && runsAsServerAccount { argv += ["/usr/sbin/runuser", "-u", "postgres", "--"] }
        argv += [executable] + arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }

        let scratch = NSTemporaryDirectory() + "spotlight-pg-run-\(UUID().uuidString)"
        defer { unlink(scratch + ".out"); unlink(scratch + ".err") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, scratch + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, scratch + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
        guard spawned == 0 else { throw PostgresClusterError("\(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw PostgresClusterError("waitpid \(executable): \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS by hand (macros do not import): a signal reads as 128 + its number.
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let stdout = (try? String(contentsOfFile: scratch + ".out", encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: scratch + ".err", encoding: .utf8)) ?? ""
        return Output(status: code, stdout: stdout, stderr: stderr)
    }

    /// This process's open descriptors (/proc/self/fd), so the child gets none of them.
    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }
}

/// A CA and a server certificate made with `openssl`, for TLS with full verification.
enum PostgresTLS {
    /// Writes ca.crt, server.crt and server.key into `directory`; returns the CA's path.
    static func make(in directory: String, serverNames: [String]) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let san = serverNames.map { "DNS:\($0)" }.joined(separator: ",")
        let ext = directory + "/server.ext"
        try """
            subjectAltName = \(san)
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth

            """.write(toFile: ext, atomically: false, encoding: .utf8)
        let steps: [[String]] = [
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
             "-subj", "/CN=Spotlight test CA", "-keyout", directory + "/ca.key", "-out", directory + "/ca.crt",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
            ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-subj", "/CN=\(serverNames[0])", "-keyout", directory + "/server.key", "-out", directory + "/server.csr"],
            ["x509", "-req", "-in", directory + "/server.csr", "-CA", directory + "/ca.crt", "-CAkey", directory + "/ca.key",
             "-CAcreateserial", "-days", "30", "-extfile", ext, "-out", directory + "/server.crt"],
        ]
        guard let openssl = ["/usr/bin/openssl", "/bin/openssl"].first(where: FileManager.default.isExecutableFile) else {
            throw PostgresClusterError("openssl not found: install Debian's openssl (.ci/run does)")
        }
        for step in steps {
            let result = try PostgresTools.run(openssl, step)
            guard result.status == 0 else { throw PostgresClusterError("openssl \(step[0]): \(result.stderr)") }
        }
        return directory + "/ca.crt"
    }
}

/// A TCP port nobody listens on now: bind 127.0.0.1:0 and read what the kernel chose.
public enum FreePort {
    public static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PostgresClusterError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic -> Int32 in
                guard bind(fd, generic, length) == 0 else { return -1 }
                return getsockname(fd, generic, &length)
            }
        }
        guard bound == 0 else { throw PostgresClusterError("bind 127.0.0.1:0: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
