import Foundation
import SQLiteNIO
import SpotlightCore

/// Small typed helpers over the driver. Results are always bound to `[SQLiteRow]` explicitly:
/// sqlite-nio's future-returning overload of `query` would otherwise be picked and not awaited.
extension BoardStore {
    @discardableResult
    func rows(_ sql: String, _ binds: [SQLiteData] = []) async throws(SpotlightError) -> [SQLiteRow] {
        try await exclusively { () async throws(SpotlightError) -> [SQLiteRow] in
            do {
                let result: [SQLiteRow] = try await db.query(sql, binds)
                return result
            } catch {
                throw StoreError.translate(error, path: path)
            }
        }
    }

    func execute(_ sql: String, _ binds: [SQLiteData] = []) async throws(SpotlightError) {
        try await rows(sql, binds)
    }

    /// The one integer `sql` selects. No row, or a NULL or non-integer value, is an error: a
    /// silent 0 would read as "no votes" or "schema version 0" and hide a damaged board.
    func scalarInt(_ sql: String, _ binds: [SQLiteData] = []) async throws(SpotlightError) -> Int {
        let result = try await rows(sql, binds)
        guard let value = result.first?.columns.first?.data, case .integer(let n) = value else {
            throw Self.missingValue(sql, found: result.first?.columns.first?.data, what: "a number")
        }
        return n
    }

    /// The one text value `sql` selects; no row or a non-text value is an error, never "".
    func scalarText(_ sql: String, _ binds: [SQLiteData] = []) async throws(SpotlightError) -> String {
        let result = try await rows(sql, binds)
        guard let value = result.first?.columns.first?.data, case .text(let text) = value else {
            throw Self.missingValue(sql, found: result.first?.columns.first?.data, what: "text")
        }
        return text
    }

    static func missingValue(_ sql: String, found: SQLiteData?, what: String) -> SpotlightError {
        let statement = sql.split(whereSeparator: \.isNewline).first.map(String.init) ?? sql
        let got = found.map { "\($0)" } ?? "no row"
        return .runtime("the board gave \(got) where \(what) was expected (\(statement.prefix(60))): run `spotlight doctor`")
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`: the write lock is taken up front, so two
    /// processes never both read-then-write and collide. Any error rolls everything back.
    /// Under the lock the schema is checked to be exactly ours (`requireOwnSchema`) unless
    /// `checkingSchema` is false — only for the migration that makes it.
    /// The connection is held from `BEGIN` to `COMMIT` (`exclusively`), so another task of this
    /// process neither nests a second `BEGIN` nor slips its statements into this transaction.
    func transaction<T>(checkingSchema: Bool = true, _ body: () async throws(SpotlightError) -> T) async throws(SpotlightError) -> T {
        guard !isReadOnly else { throw readOnlyError() }
        return try await exclusively { () async throws(SpotlightError) -> T in
            // One writer of this process at a time, or two connections deadlock on the one
            // SQLite thread (ProcessWriters).
            try await ProcessWriters.exclusively { () async throws(SpotlightError) -> T in
                try await writeTransaction(checkingSchema: checkingSchema, body)
            }
        }
    }

    private func writeTransaction<T>(checkingSchema: Bool, _ body: () async throws(SpotlightError) -> T) async throws(SpotlightError) -> T {
        try await execute("BEGIN IMMEDIATE")
        do throws(SpotlightError) {
            if checkingSchema { try await requireOwnSchema() }
            let value = try await body()
            try await execute("COMMIT")
            return value
        } catch {
            try? await execute("ROLLBACK")
            throw error
        }
    }

    func readOnlyError() -> SpotlightError {
        if isOutOfSpace {
            return .runtime("the disk holding the board \(path) is full; nothing was written — free some space (reading the board still works)")
        }
        // On a shared board the usual cause is group membership; say which group to join.
        return .permission("the board \(path) is read-only for \(account.login): writing needs write access to the file and its directory"
                    + (SharedBoardCheck.writeAdvice(board: path).map { "; " + $0 } ?? ""))
    }

    /// Every change leaves an audit record in the same transaction as the change itself.
    /// `actor` is the account unless a demo story is credited to its fictional author.
    func audit(_ action: String, story: StoryID?, detail: String, actor: String? = nil) async throws(SpotlightError) {
        let storyValue: SQLiteData = story.map { .integer($0) } ?? .null
        let binds: [SQLiteData] = [.integer(clock.now.millis), .text(actor ?? account.login), .text(action), storyValue, .text(detail)]
        try await execute("INSERT INTO audit(at, actor, action, story_id, detail) VALUES (?, ?, ?, ?, ?)", binds)
    }

    func writeSettings(_ settings: BoardSettings) async throws(SpotlightError) {
        for key in BoardSettings.keys {
            try await execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                              [.text(key), .text(settings.value(forKey: key) ?? "")])
        }
    }
}

extension Date {
    /// Board times are whole milliseconds since 1970, so export and import round-trip exactly.
    var millis: Int { Int((timeIntervalSince1970 * 1000).rounded()) }

    init(millis: Int) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}

extension SQLiteData {
    /// Text columns are read as `CAST(x AS BLOB)` so that a NUL inside a story survives
    /// (the driver reads text as a C string, which would cut it short).
    var lossless: String {
        switch self {
        case .blob(let buffer): String(decoding: buffer.readableBytesView, as: UTF8.self)
        case .text(let text): text
        case .null: ""
        default: string ?? ""
        }
    }
}
