#if PostgreSQLSupport
import Foundation
@testable import SpotlightPostgres
import SpotlightCore
import Testing

@Suite struct PostgresLocationTests {
    typealias L = PostgresLocation

    static let accepted: [(String, L.Endpoint, String, String)] = [
        ("postgresql://spotlight@db.example.com/board", .tcp(host: "db.example.com", port: 5432), "spotlight", "board"),
        ("postgresql://db.example.com:6543/board", .tcp(host: "db.example.com", port: 6543), "svc", "board"),
        ("postgres://ann@[::1]:5433/b", .tcp(host: "::1", port: 5433), "ann", "b"),
        ("postgresql:///board?host=/run/postgresql", .socket(directory: "/run/postgresql", port: 5432), "svc", "board"),
        ("postgresql://spotlight_admin@/postgres?host=/tmp/x/sock&port=54329", .socket(directory: "/tmp/x/sock", port: 54329),
         "spotlight_admin", "postgres"),
        ("postgresql://r%40x@h/d%20b", .tcp(host: "h", port: 5432), "r@x", "d b"),
    ]

    @Test(arguments: 0..<accepted.count)
    func acceptedURLs(index: Int) throws {
        let (url, endpoint, role, database) = Self.accepted[index]
        let location = try L.parse(url, defaultRole: "svc")
        #expect(location.endpoint == endpoint)
        #expect(location.role == role)
        #expect(location.database == database)
    }

    @Test func tlsFilesAreKept() throws {
        let location = try L.parse("postgresql://s@db/b?sslrootcert=/etc/ca.pem&sslcert=/c.pem&sslkey=/k.pem", defaultRole: "x")
        #expect(location.rootCertificate == "/etc/ca.pem" && location.clientCertificate == "/c.pem" && location.clientKey == "/k.pem")
        #expect(location.server == "db:5432")
        #expect(location.description == "postgresql://s@db:5432/b")
    }

    @Test func aSocketNamesItsFile() throws {
        let location = try L.parse("postgresql:///b?host=/run/postgresql&port=5433", defaultRole: "svc")
        #expect(location.socketPath == "/run/postgresql/.s.PGSQL.5433")
    }

    @Test(arguments: [
        "postgresql://spotlight:secret@db/board",
        "postgresql://db/board?password=secret",
    ])
    func aPasswordInTheURLIsRefused(url: String) {
        #expect(throws: SpotlightError.usage("the password must not be on the command line: put it in a file readable only by svc and give --store-password-file FILE")) {
            try L.parse(url, defaultRole: "svc")
        }
    }

    @Test(arguments: [
        ("mysql://db/board", "--store must be a postgresql:// URL"),
        ("postgresql://db", "names no database"),
        ("postgresql://db/", "names no database"),
        ("postgresql:///board", "names no server"),
        ("postgresql://db:99999/board", "is not a number from 1 to 65535"),
        ("postgresql://db/board?sslmode=disable", "sslmode=disable is not supported"),
        ("postgresql://db/board?host=relative", "must be a socket directory"),
        ("postgresql://db/board?host=/run/postgresql", "names both a host and a socket directory"),
        ("postgresql://db/board?sslcert=/c.pem", "needs both sslcert=FILE and sslkey=FILE"),
        ("postgresql://db/board?application_name=x", "is not supported"),
    ])
    func badURLsAreRefusedWithTheReason(url: String, reason: String) {
        do {
            _ = try L.parse(url, defaultRole: "svc")
            Issue.record("\(url) was accepted")
        } catch {
            #expect(error.kind == .usage && error.message.contains(reason), "\(error.message)")
        }
    }
}
#endif
