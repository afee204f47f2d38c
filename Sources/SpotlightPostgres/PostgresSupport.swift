import SpotlightApp
import SpotlightCore
import SpotlightStore

/// The one door the executable uses (so it needs no `#if`): with the trait PostgreSQLSupport,
/// boards in PostgreSQL; without it, every call says how to build a spotlight that has them.
public enum PostgresSupport {
    /// Opens the board in the database `url` names (`PostgresLocation`) as `account`.
    /// `.createIfMissing`: make the board when the database is empty (`serve` does).
    public static func open(_ url: String, passwordFile: String?, as account: Account,
                            mode: BoardStore.OpenMode = .existing) async throws(SpotlightError) -> any BoardService {
        #if PostgreSQLSupport
        let boardMode: PostgreSQLBoard.OpenMode = switch mode {
        case .existing: .existing
        case .createIfMissing(let name): .createIfMissing(name: name)
        }
        return try await PostgreSQLBoard.open(url, passwordFile: passwordFile, as: account, mode: boardMode)
        #else
        throw missing
        #endif
    }

    #if PostgreSQLSupport
    public static let isAvailable = true
    #else
    public static let isAvailable = false
    #endif

    /// Said by a spotlight built without the trait.
    public static let missing = SpotlightError.usage(
        "this spotlight was built without PostgreSQL support: build it with `make` or "
            + "`swift build -c release --traits PostgreSQLSupport`")
}
