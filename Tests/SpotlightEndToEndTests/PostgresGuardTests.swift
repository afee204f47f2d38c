import Foundation
import SpotlightTestSupport
import Testing

/// The PostgreSQL tests skip where no cluster is given; in CI that must never happen quietly. This
/// fails when CI is set but `SPOTLIGHT_TEST_POSTGRES` is not, and whenever the cluster it names does
/// not answer, so a broken cluster shows as a failure instead of a suite of skipped tests.
@Suite struct PostgresGuardTests {
    static let environment = ProcessInfo.processInfo.environment
    static let url = environment["SPOTLIGHT_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = !(environment["CI"] ?? "").isEmpty

    @Test(.enabled(if: inCI || url != nil, "neither CI nor SPOTLIGHT_TEST_POSTGRES is set: no PostgreSQL tests to guard"))
    func theTestClusterIsGivenAndAnswers() throws {
        let url = try #require(Self.url, """
            CI is set but SPOTLIGHT_TEST_POSTGRES is not: every PostgreSQL test would be skipped. .ci/run starts a \
            private cluster and exports it (postgresql://spotlight_admin@/postgres?host=DIR&port=N)
            """)
        // A socket URL names a directory and a port: say which file is missing before asking psql.
        let query = URLComponents(string: url)?.queryItems ?? []
        if let host = query.first(where: { $0.name == "host" })?.value, host.hasPrefix("/") {
            let socket = host + "/.s.PGSQL." + (query.first { $0.name == "port" }?.value ?? "5432")
            #expect(FileManager.default.fileExists(atPath: socket), "SPOTLIGHT_TEST_POSTGRES names \(socket), which does not exist")
        }
        let psql = try #require(PostgresTools.psqlPath(), "psql not found in SPOTLIGHT_PGBIN or on PATH")
        let answer = try PostgresTools.run(psql, ["-X", "-A", "-t", "-q", "-d", url, "-c", "SELECT 1"],
                                           environment: ["PGCONNECT_TIMEOUT": "5"])
        #expect(answer.status == 0 && answer.stdout == "1\n", "the cluster at \(url) does not answer SELECT 1: \(answer.stderr)")
    }
}
