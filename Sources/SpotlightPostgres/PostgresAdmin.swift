#if PostgreSQLSupport
import Foundation
import PostgresNIO
import SpotlightCore

/// Administrative statements on a cluster, outside any board: making an empty database for a
/// board (the conformance suite makes one per test; an admin does it with `createdb`).
public enum PostgresAdmin {
    /// `CREATE DATABASE name` through the admin role `adminURL` names; returns the URL of the
    /// new database, same server and role.
    public static func createDatabase(_ name: String, adminURL: String, passwordFile: String? = nil) async throws(SpotlightError) -> String {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), !name.isEmpty else {
            throw .usage("a database name for spotlight is letters, digits and _ only, got '\(name)'")
        }
        let location = try PostgresLocation.parse(adminURL, defaultRole: PostgresErrors.currentLogin())
        let password = try passwordFile.map { (file: String) throws(SpotlightError) -> String in try PostgresSecret.password(file: file) }
        let store = try PostgresStore(location: location, password: password, maximumConnections: 1)
        do {
            try await store.read { (tx: PGTx) async throws(SpotlightError) in
                try await tx.execute("CREATE DATABASE \"\(name)\"")
            }
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        var made = location
        made.database = name
        return made.description
    }
}
#endif
