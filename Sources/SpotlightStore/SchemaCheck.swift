import Foundation
import SQLiteNIO
import SpotlightCore

/// Is the board's schema exactly ours? Any table, index, view or trigger a member added with
/// `sqlite3` (a trigger that quietly re-adds a removed manager), or one of ours they altered,
/// is found by comparing `sqlite_schema` with `expected` (ExpectedSchema.swift): the rows the
/// migrations make under the bundled SQLite — FTS5's shadow tables and automatic indexes too —
/// compiled in, so a write reads one table instead of building a scratch database (issue 17).
enum SchemaCheck {
    struct Object: Hashable, Sendable {
        let type: String
        let name: String
        let table: String
        let sql: String?
    }

    static let query = "SELECT type, name, tbl_name, CAST(sql AS BLOB) AS sql FROM sqlite_schema"

    static func objects(_ rows: [SQLiteRow]) -> Set<Object> {
        Set(rows.map { row in
            Object(type: row.column("type")?.string ?? "", name: row.column("name")?.string ?? "",
                   table: row.column("tbl_name")?.string ?? "",
                   sql: row.column("sql").flatMap { $0.isNull ? nil : $0.lossless })
        })
    }

    /// One line per difference, naming the object: empty when the schema is exactly ours.
    static func differences(actual: Set<Object>, expected: Set<Object>) -> [String] {
        let expectedByName = Dictionary(expected.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let actualNames = Set(actual.map(\.name))
        var found: [String] = []
        for object in actual.subtracting(expected).sorted(by: { $0.name < $1.name }) {
            // ANALYZE's statistics are SQLite's own, harmless, and may appear after a `PRAGMA optimize`.
            if object.type == "table" && object.name.hasPrefix("sqlite_stat") { continue }
            let on = object.type == "trigger" || object.type == "index" ? " on \(object.table)" : ""
            if let ours = expectedByName[object.name], ours.type == object.type {
                found.append("the \(object.type) \(object.name)\(on) was altered")
            } else {
                found.append("a \(object.type) \(object.name)\(on) that spotlight did not make")
            }
        }
        for object in expected.sorted(by: { $0.name < $1.name }) where !actualNames.contains(object.name) {
            found.append("the \(object.type) \(object.name) is missing")
        }
        return found
    }
}

extension BoardStore {
    /// How the board's schema differs from spotlight's (empty when it is exactly ours).
    func schemaDifferences() async throws(SpotlightError) -> [String] {
        SchemaCheck.differences(actual: SchemaCheck.objects(try await rows(SchemaCheck.query)),
                                expected: SchemaCheck.expected)
    }

    /// Writes refuse a board whose schema is not ours: a planted trigger would otherwise run as
    /// whoever writes next (root's `managers remove`, undone in the same transaction).
    func requireOwnSchema() async throws(SpotlightError) {
        let differences = try await schemaDifferences()
        guard differences.isEmpty else {
            throw .runtime("the board \(path) was changed outside spotlight (\(differences.joined(separator: "; "))); nothing was written: run `spotlight doctor`, and restore from a backup (`spotlight export`)")
        }
    }
}
