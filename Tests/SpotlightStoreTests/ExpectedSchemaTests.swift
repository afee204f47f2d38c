import Testing
import SQLiteNIO
import SpotlightCore
@testable import SpotlightStore

/// Writes compare the board with `SchemaCheck.expected`, a compiled-in copy of what the
/// migrations make. This builds that schema from `Schema.migrations` in a scratch in-memory
/// database under the bundled SQLite and requires the copy to match, so a migration changed or
/// appended without updating `ExpectedSchema.swift` fails here (the message is the new literal).
@Suite struct ExpectedSchemaTests {
    @Test func theCompiledInSchemaIsWhatTheMigrationsMake() async throws {
        let built = try await Self.schemaOfMigrations()
        #expect(SchemaCheck.differences(actual: built, expected: SchemaCheck.expected).isEmpty)
        #expect(built == SchemaCheck.expected, "replace SchemaCheck.expected with:\n\(Self.literal(built))")
    }

    @Test func theCompiledInSchemaHasEveryKindOfObjectItChecks() {
        // FTS5's shadow tables and SQLite's automatic indexes are part of what a write compares.
        let names = Set(SchemaCheck.expected.map(\.name))
        #expect(names.isSuperset(of: ["stories", "stories_fts", "stories_fts_data", "stories_fts_insert",
                                      "sqlite_autoindex_medallions_1", "certifications_held"]))
    }

    static func schemaOfMigrations() async throws -> Set<SchemaCheck.Object> {
        let db = try await SQLiteConnection.open(storage: .memory, threadPool: BoardStore.threadPool,
                                                 on: BoardStore.eventLoop)
        do {
            for statement in Schema.migrations.joined() {
                let _: [SQLiteRow] = try await db.query(statement, [])
            }
            let rows: [SQLiteRow] = try await db.query(SchemaCheck.query, [])
            try await db.close()
            return SchemaCheck.objects(rows)
        } catch {
            try? await db.close()
            throw error
        }
    }

    /// The Swift source of `objects`, sorted, for pasting into `ExpectedSchema.swift`.
    static func literal(_ objects: Set<SchemaCheck.Object>) -> String {
        objects.sorted { ($0.type, $0.name) < ($1.type, $1.name) }.map { object in
            let sql = object.sql.map { "\n            #\"\"\"\n\($0.split(separator: "\n", omittingEmptySubsequences: false).map { "            " + $0 }.joined(separator: "\n"))\n            \"\"\"#" } ?? "nil"
            return "        Object(type: \"\(object.type)\", name: \"\(object.name)\", table: \"\(object.table)\", sql: \(sql)),"
        }.joined(separator: "\n")
    }
}
