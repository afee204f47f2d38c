#if PostgreSQLSupport
import Foundation
import PostgresNIO
import SpotlightCore
import Synchronization

/// A bind value. Statements are written with `?` placeholders, as `BoardStore`'s SQL is, and
/// numbered `$1…` here (`PGSQL.numbered`): the SQL of both stores reads alike. Text is escaped
/// by `PGText` on the way in and unescaped on the way out, so every text value round-trips.
enum PGValue: Sendable {
    case int(Int)
    case text(String)
    case double(Double)
    case textArray([String])
    case ints([Int])
    case doubles([Double])
    case null

    static func text(_ value: String?) -> PGValue { value.map { .text($0) } ?? .null }
    static func int(_ value: Int?) -> PGValue { value.map { .int($0) } ?? .null }
    /// A `text[]` of values escaped as every text bind is (`PGText`), for `unnest` and `= ANY`.
    static func texts(_ values: [String]) -> PGValue { .textArray(values.map(PGText.encode)) }
}

enum PGSQL {
    /// `?` → `$1, $2, …`. Our SQL has no `?` inside literals or identifiers.
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        for character in sql {
            if character == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    static func query(_ sql: String, _ binds: [PGValue]) -> PostgresQuery {
        PostgresQuery(unsafeSQL: numbered(sql), binds: bindings(binds))
    }

    static func bindings(_ binds: [PGValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds {
            switch value {
            case .int(let n): bindings.append(n)
            case .text(let s): bindings.append(PGText.encode(s))
            case .double(let d): bindings.append(d)
            case .textArray(let a): bindings.append(a)
            case .ints(let a): bindings.append(a)
            case .doubles(let a): bindings.append(a)
            case .null: bindings.appendNull()
            }
        }
        return bindings
    }
}

/// A statement of the hot path (a vote storm's batches), prepared once a connection:
/// postgres-nio keeps it by name, and PostgreSQL then skips parsing it and, once it settles on
/// a generic plan, planning it (a third of PostgreSQL's CPU in a vote storm).
protocol PGStatement: SendableMetatype {
    /// Its name on each connection: unique among the statements.
    static var name: String { get }
    /// The text with `$n` placeholders, numbered once: `static let sql = PGSQL.numbered("…")`
    /// (postgres-nio asks for it on every execution).
    static var sql: String { get }
}

struct PGPrepared<Statement: PGStatement>: PostgresPreparedStatement {
    typealias Row = PostgresRow
    static var name: String { Statement.name }
    static var sql: String { Statement.sql }
    let binds: [PGValue]

    func makeBindings() throws -> PostgresBindings { PGSQL.bindings(binds) }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

/// One result row, read by column name; missing or NULL columns read as nil.
struct PGRow: Sendable {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    func int(_ name: String) -> Int? {
        guard row.contains(name) else { return nil }
        return try? row[name].decode(Int?.self)
    }

    func double(_ name: String) -> Double? {
        guard row.contains(name) else { return nil }
        return try? row[name].decode(Double?.self)
    }

    /// Unescaped (`PGText`).
    func text(_ name: String) -> String? {
        guard row.contains(name) else { return nil }
        return (try? row[name].decode(String?.self)).flatMap { $0.map(PGText.decode) }
    }

    func string(_ name: String) -> String { text(name) ?? "" }

    /// A `text[]`, each unescaped (`PGText`); NULL reads as nil.
    func texts(_ name: String) -> [String]? {
        guard row.contains(name) else { return nil }
        return (try? row[name].decode([String]?.self)).flatMap { $0?.map(PGText.decode) }
    }

    func bool(_ name: String) -> Bool? {
        guard row.contains(name) else { return nil }
        return try? row[name].decode(Bool?.self)
    }
}

/// A statement sent ahead (`PGTx.send`). Its answer comes before the answer of any statement
/// sent after it: once one of those is answered, `check` knows how it went.
final class PGSent: Sendable {
    private let location: PostgresLocation
    private let outcome = Mutex<Result<Void, any Error>?>(nil)

    init(location: PostgresLocation) { self.location = location }

    func answered(_ result: Result<PostgresQueryResult, any Error>) {
        outcome.withLock { $0 = result.map { _ in } }
    }

    /// Throws its failure, or that it has no answer yet.
    func check() throws(SpotlightError) {
        switch outcome.withLock({ $0 }) {
        case .success?: return
        case .failure(let error)?: throw PostgresErrors.translate(error, location)
        case nil: throw .runtime("PostgreSQL at \(location.server) answered out of order; nothing was written")
        }
    }
}

/// A leased connection: the statements of one transaction or one read.
struct PGTx: Sendable {
    let connection: PostgresConnection
    let location: PostgresLocation
    /// Set when a statement got no answer from the server (the connection closed, was reset or
    /// timed out): the server then ends the transaction, nothing of it was written, and the
    /// whole call may run again on another connection (`PostgresStore`).
    let loss = PGConnectionLoss()

    @discardableResult
    func rows(_ sql: String, _ binds: [PGValue] = []) async throws(SpotlightError) -> [PGRow] {
        try await collect { try await answer(sql, binds) }
    }

    /// `Statement`'s rows, prepared on this connection (`PGStatement`).
    @discardableResult
    func rows<Statement: PGStatement>(_ statement: Statement.Type, _ binds: [PGValue]) async throws(SpotlightError) -> [PGRow] {
        try await collect {
            try await answer { connection in
                var rows: [PostgresRow] = []
                for try await row in try await connection.execute(PGPrepared<Statement>(binds: binds), logger: PostgresConnect.quietLogger) {
                    rows.append(row)
                }
                return rows
            }
        }
    }

    /// The rows of `run`, its failure translated into one line (`PostgresErrors`).
    private func collect(_ run: () async throws -> [PostgresRow]) async throws(SpotlightError) -> [PGRow] {
        let started = ContinuousClock.now
        do {
            return try await run().map(PGRow.init)
        } catch {
            if PostgresErrors.sqlState(error) == nil { loss.note() }
            if ContinuousClock.now - started >= PGDeadline.statement {
                throw SpotlightError.runtime("PostgreSQL at \(location.server) did not answer within \(PGDeadline.statement); nothing was written")
            }
            throw PostgresErrors.translate(error, location)
        }
    }

    /// The statement's rows, or postgres-nio's own error. With no answer `within` the deadline
    /// the call ends with `PGNoAnswer` and the connection is closed (the pool then drops it).
    /// The caller does not wait for the query itself to end: postgres-nio's waits end only when
    /// the connection closes, and a query sent as the server was restarting was seen never to
    /// end at all (a broker's wall read and a batch of votes, each for good).
    func answer(_ sql: String, _ binds: [PGValue] = [], within deadline: Duration = PGDeadline.statement) async throws -> [PostgresRow] {
        try await answer(within: deadline) { connection in
            try await connection.query(PGSQL.query(sql, binds), logger: PostgresConnect.quietLogger).collect()
        }
    }

    private func answer(within deadline: Duration = PGDeadline.statement,
                        _ run: @Sendable @escaping (PostgresConnection) async throws -> [PostgresRow]) async throws -> [PostgresRow] {
        let connection = connection
        let outcome = PGFirstOutcome<[PostgresRow]>()
        Task {
            do { outcome.deliver(.success(try await run(connection))) } catch { outcome.deliver(.failure(error)) }
        }
        let timer = Task {
            try? await Task.sleep(for: deadline)
            guard !Task.isCancelled, outcome.deliver(.failure(PGNoAnswer())) else { return }
            try? await connection.close()
        }
        let result = await outcome.value()
        timer.cancel()
        return try result.get()
    }

    /// Sends `sql` without waiting for its answer (`PGSent`): the next statement goes right
    /// behind it, one round trip for both. postgres-nio sends a connection's statements in the
    /// order they were asked for.
    func send(_ sql: String) -> PGSent {
        let sent = PGSent(location: location)
        connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresConnect.quietLogger).whenComplete { sent.answered($0) }
        return sent
    }

    func execute(_ sql: String, _ binds: [PGValue] = []) async throws(SpotlightError) {
        try await rows(sql, binds)
    }

    /// The one integer `sql` selects; no row or NULL is an error, never a silent 0.
    func scalarInt(_ sql: String, _ binds: [PGValue] = []) async throws(SpotlightError) -> Int {
        let found = try await rows(sql, binds)
        guard let row = found.first, let first = row.row.first, let value = try? first.decode(Int.self) else {
            let statement = sql.split(whereSeparator: \.isNewline).first.map(String.init) ?? sql
            throw .runtime("PostgreSQL at \(location.server) gave no number for \(statement.prefix(60)): run `spotlight doctor`")
        }
        return value
    }

    func scalarText(_ sql: String, _ binds: [PGValue] = []) async throws(SpotlightError) -> String {
        let found = try await rows(sql, binds)
        guard let row = found.first, let first = row.row.first, let value = try? first.decode(String.self) else {
            let statement = sql.split(whereSeparator: \.isNewline).first.map(String.init) ?? sql
            throw .runtime("PostgreSQL at \(location.server) gave no text for \(statement.prefix(60)): run `spotlight doctor`")
        }
        return PGText.decode(value)
    }
}

/// See `PGTx.loss`.
final class PGConnectionLoss: Sendable {
    private let happened = Mutex(false)

    var isLost: Bool { happened.withLock { $0 } }

    func note() { happened.withLock { $0 = true } }
}

extension Date {
    /// Board times are whole milliseconds since 1970, as in the SQLite store.
    var millis: Int { Int((timeIntervalSince1970 * 1000).rounded()) }

    init(millis: Int) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
#endif
