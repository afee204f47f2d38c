import Foundation
import SpotlightTestSupport
import Testing

/// `PostgresCluster` itself: the private cluster the PostgreSQL fault and TLS tests start.
@Suite struct PostgresClusterTests {
    static let available = (try? PostgresTools.bin()) != nil
    static let inCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    @Test(.enabled(if: available || inCI, "no PostgreSQL server here (install Debian's postgresql)"), .timeLimit(.minutes(3)))
    func startsAnswersOverTheSocketAndOverVerifiedTLSRestartsAndStops() throws {
        let cluster = try PostgresCluster.start(tls: true)
        defer { cluster.stop() }
        let ca = try #require(cluster.caFile)
        let password = try #require(cluster.password)
        #expect(try String(contentsOfFile: try #require(cluster.passwordFile), encoding: .utf8) == password + "\n")

        // The socket: peer authentication as the admin role.
        #expect(try PostgresTools.psql(["-d", cluster.socketURL, "-c", "SELECT 1"]).stdout == "1\n")
        #expect(try cluster.admin("SELECT current_user") == "spotlight_admin\n")

        // TCP: TLS verified against our CA, for both names in the certificate, with the password.
        func overTLS(_ query: String, password: String = password) throws -> PostgresTools.Output {
            try PostgresTools.psql(["-d", "\(query)&sslmode=verify-full&sslrootcert=\(ca)", "-c",
                                    "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"],
                                   environment: ["PGPASSWORD": password, "PGCONNECT_TIMEOUT": "5"])
        }
        let base = "postgresql://spotlight@localhost:\(cluster.port)/spotlight?connect_timeout=5"
        let local = try overTLS(base)
        #expect(local.status == 0 && local.stdout == "t\n", "\(local.stderr)")
        let named = try overTLS("postgresql://spotlight@db.spotlight.test:\(cluster.port)/spotlight?hostaddr=127.0.0.1")
        #expect(named.status == 0 && named.stdout == "t\n", "\(named.stderr)")
        #expect(cluster.tlsURL(host: "db.spotlight.test") == "postgresql://spotlight@db.spotlight.test:\(cluster.port)/spotlight?sslrootcert=\(ca)")
        // …and only so: a name the certificate does not carry, a wrong password, no TLS.
        let wrongName = try overTLS("postgresql://spotlight@127.0.0.1:\(cluster.port)/spotlight?connect_timeout=5")
        #expect(wrongName.status != 0 && wrongName.stderr.contains("does not match host name"), "\(wrongName.stderr)")
        let wrongPassword = try overTLS(base, password: "not-it")
        #expect(wrongPassword.status != 0 && wrongPassword.stderr.contains("password authentication failed"), "\(wrongPassword.stderr)")
        let plain = try PostgresTools.psql(["-d", base + "&sslmode=disable", "-c", "SELECT 1"], environment: ["PGPASSWORD": password])
        #expect(plain.status != 0 && plain.stderr.contains("no encryption"), "\(plain.stderr)")

        // restart: connections cut, data kept, a new postmaster.
        try cluster.admin("CREATE TABLE kept(n int); INSERT INTO kept VALUES (42)", database: "spotlight")
        let started = try cluster.admin("SELECT pg_postmaster_start_time()")
        try cluster.restart()
        #expect(try cluster.admin("SELECT n FROM kept", database: "spotlight") == "42\n")
        #expect(try cluster.admin("SELECT pg_postmaster_start_time()") != started)
        #expect(try overTLS(base).stdout == "t\n")

        cluster.stop()
        #expect(!FileManager.default.fileExists(atPath: cluster.root))
        #expect(try PostgresTools.psql(["-d", cluster.socketURL, "-c", "SELECT 1"]).status != 0)
    }

    @Test(.enabled(if: available || inCI, "no PostgreSQL server here (install Debian's postgresql)"), .timeLimit(.minutes(5)))
    func aSocketOnlyClusterHasNoTCP() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        #expect(cluster.caFile == nil && cluster.tlsURL() == nil && cluster.password == nil)
        #expect(try cluster.admin("SELECT 1") == "1\n")
        #expect(try cluster.admin("SHOW listen_addresses") == "\n")
    }
}
