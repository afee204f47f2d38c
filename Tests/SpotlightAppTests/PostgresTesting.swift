import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightPostgres

/// The conformance suite's PostgreSQL cluster: `SPOTLIGHT_TEST_POSTGRES`, a libpq-style URL of
/// an admin role (CI: `postgresql://spotlight_admin@/postgres?host=…&port=54329`). Each board is
/// a new database `b_<uuid hex>` on it (CREATE DATABASE is cheap; DROP is not, so the cluster
/// is thrown away whole at the end instead).
enum PostgresTesting {
    static var adminURL: String? {
        #if PostgreSQLSupport
        let url = ProcessInfo.processInfo.environment["SPOTLIGHT_TEST_POSTGRES"]
        return url?.isEmpty == false ? url : nil
        #else
        return nil
        #endif
    }

    static func newDatabase() async throws -> String {
        #if PostgreSQLSupport
        guard let adminURL else { throw SpotlightError.usage("SPOTLIGHT_TEST_POSTGRES is not set") }
        let name = "b_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return try await PostgresAdmin.createDatabase(name, adminURL: adminURL)
        #else
        throw SpotlightError.usage("this build has no PostgreSQL support (trait PostgreSQLSupport)")
        #endif
    }

    static func open(_ url: String, as account: Account, creating: Bool, clock: Clock) async throws -> any BoardService {
        #if PostgreSQLSupport
        return try await PostgreSQLBoard.open(url, as: account, mode: creating ? .createIfMissing(name: "Test") : .existing, clock: clock)
        #else
        throw SpotlightError.usage("this build has no PostgreSQL support (trait PostgreSQLSupport)")
        #endif
    }
}
