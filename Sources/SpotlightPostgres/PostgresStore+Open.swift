#if PostgreSQLSupport
import Foundation
import SpotlightCore
import SpotlightStore

/// The open checks (design §4): read-only until the last step, so a database that is not an
/// empty one or a board of ours is refused with nothing written.
extension PostgresStore {
    enum OpenMode: Sendable {
        case existing
        /// Make the board when the database is empty: its creator becomes the first manager.
        case createIfMissing(name: String?)
    }

    func prepare(mode: OpenMode, creator: Account, clock: Clock) async throws(SpotlightError) {
        // A connection of its own says clearly why the server refuses; once one got in, the
        // pool's do too (a broker opens a handle a client connection: TLS and SCRAM each time
        // were a vote storm's first second).
        if !hasProbed.withLock({ $0 }) {
            try await PostgresConnect.probe(location, password: password, hostName: hostName)
            hasProbed.withLock { $0 = true }
        }
        let state = try await read { (tx: PGTx) async throws(SpotlightError) -> BoardState in try await Self.inspect(tx, location) }
        switch state {
        case .current: return
        case .empty:
            guard case .createIfMissing(let name) = mode else {
                throw .runtime("the database \(location.database) at \(location.server) holds no board yet: `spotlight serve --store` creates one in an empty database")
            }
            try await create(name: name, creator: creator, clock: clock)
        case .older:
            try await migrate(clock: clock)
        }
    }

    enum BoardState: Sendable { case empty, older, current }

    /// What the database holds: nothing, an older board, a current one; anything else is refused.
    static func inspect(_ tx: PGTx, _ location: PostgresLocation) async throws(SpotlightError) -> BoardState {
        let relations = try await tx.rows("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname
            """).map { $0.string("relname") }
        if relations.isEmpty { return .empty }
        guard relations.contains("spotlight_board") else {
            let shown = relations.prefix(3).joined(separator: ", ") + (relations.count > 3 ? ", …" : "")
            throw .runtime("the database \(location.database) at \(location.server) holds tables that are not a Spotlight board (\(shown)): give serve an empty database; nothing was written")
        }
        let marker = try await tx.rows("SELECT application, schema_version FROM spotlight_board")
        guard let row = marker.first, row.text("application") == PGSchema.application, let version = row.int("schema_version") else {
            throw .runtime("the database \(location.database) at \(location.server) holds tables that are not a Spotlight board (spotlight_board has no marker): give serve an empty database; nothing was written")
        }
        if version > PGSchema.currentVersion {
            throw .runtime("the board in database \(location.database) at \(location.server) was made by a newer spotlight (schema \(version); this one knows up to \(PGSchema.currentVersion)): upgrade spotlight; the database was left unchanged")
        }
        let foreign = Set(relations).subtracting(PGSchema.tables)
        if !foreign.isEmpty {
            throw .runtime("the database \(location.database) at \(location.server) holds tables that are not part of a Spotlight board (\(foreign.sorted().prefix(3).joined(separator: ", "))): spotlight will not write beside them; nothing was written")
        }
        return version < PGSchema.currentVersion ? .older : .current
    }

    private func create(name: String?, creator: Account, clock: Clock) async throws(SpotlightError) {
        let hostName = hostName
        try await transaction { (tx: PGTx) async throws(SpotlightError) in
            try await tx.execute("SELECT pg_advisory_xact_lock(\(PGSchema.migrationLock))")
            // Another broker may have made it meanwhile.
            guard try await Self.inspect(tx, location) == .empty else { return }
            for statement in PGSchema.migrations.joined() { try await tx.execute(statement) }
            let now = clock.now.millis
            var settings = BoardSettings()
            if let name { settings.name = name }
            try await tx.execute("""
                INSERT INTO spotlight_board(application, schema_version, name, created_at, created_by) VALUES (?, ?, ?, ?, ?)
                """, [.text(PGSchema.application), .int(PGSchema.currentVersion), .text(settings.name), .int(now), .text(creator.login)])
            try await PGWrites.writeSettings(tx, settings)
            try await tx.execute("INSERT INTO managers(login, added_by, added_at) VALUES (?, ?, ?)",
                                 [.text(creator.login), .text(creator.login), .int(now)])
            try await tx.execute("INSERT INTO audit(at, actor, action, story_id, detail, host) VALUES (?, ?, 'init', NULL, ?, ?)",
                                 [.int(now), .text(creator.login), .text(AuditDetail.created(firstManager: creator.login)), .text(hostName)])
        }
    }

    private func migrate(clock: Clock) async throws(SpotlightError) {
        let hostName = hostName
        try await transaction { (tx: PGTx) async throws(SpotlightError) in
            try await tx.execute("SELECT pg_advisory_xact_lock(\(PGSchema.migrationLock))")
            var version = try await tx.scalarInt("SELECT schema_version FROM spotlight_board FOR UPDATE")
            guard version < PGSchema.currentVersion else { return }
            while version < PGSchema.currentVersion {
                for statement in PGSchema.migrations[version] { try await tx.execute(statement) }
                version += 1
            }
            try await tx.execute("UPDATE spotlight_board SET schema_version = ?", [.int(version)])
            try await tx.execute("INSERT INTO audit(at, actor, action, story_id, detail, host) VALUES (?, 'spotlight', 'migrate', NULL, ?, ?)",
                                 [.int(clock.now.millis), .text("schema upgraded to \(version)"), .text(hostName)])
        }
    }
}
#endif
