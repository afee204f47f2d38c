#if PostgreSQLSupport
import Foundation
import Testing
@testable import SpotlightPostgres
import SpotlightCore

/// This suite's access to the test cluster (`SPOTLIGHT_TEST_POSTGRES`): new databases, and
/// statements run around spotlight to plant tables or read what it left.
enum TestCluster {
    static var adminURL: String? {
        let url = ProcessInfo.processInfo.environment["SPOTLIGHT_TEST_POSTGRES"]
        return url?.isEmpty == false ? url : nil
    }

    static func newDatabase() async throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return try await PostgresAdmin.createDatabase(name, adminURL: try #require(adminURL))
    }

    static func run(_ url: String, _ statements: String...) async throws {
        let store = try PostgresStore(location: try PostgresLocation.parse(url, defaultRole: "x"), password: nil, maximumConnections: 1)
        defer { Task { await store.close() } }
        try await store.read { (tx: PGTx) async throws(SpotlightError) in
            for statement in statements { try await tx.execute(statement) }
        }
    }

    static func scalar(_ url: String, _ sql: String) async throws -> String {
        let store = try PostgresStore(location: try PostgresLocation.parse(url, defaultRole: "x"), password: nil, maximumConnections: 1)
        defer { Task { await store.close() } }
        return try await store.read { (tx: PGTx) async throws(SpotlightError) -> String in try await tx.scalarText(sql) }
    }

    static func relations(_ url: String) async throws -> [String] {
        let store = try PostgresStore(location: try PostgresLocation.parse(url, defaultRole: "x"), password: nil, maximumConnections: 1)
        defer { Task { await store.close() } }
        return try await store.read { (tx: PGTx) async throws(SpotlightError) -> [String] in
            try await tx.rows("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1
                """).map { $0.string("relname") }
        }
    }
}
#endif
