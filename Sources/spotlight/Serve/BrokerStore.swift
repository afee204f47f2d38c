import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore
import SpotlightPostgres
import SpotlightStore

/// Where `spotlight serve` keeps the board: one SQLite file this broker alone owns (`--board`), or
/// a PostgreSQL database that brokers on many hosts share (`--store`, issue 14, DESIGN §12).
enum BrokerStore: CustomStringConvertible {
    case file(path: String)
    case postgres(url: String, passwordFile: String?)

    var description: String {
        switch self {
        case .file(let path): path
        case .postgres(let url, _): url
        }
    }

    /// A handle as `member`, on a board that already exists (`create` made it).
    func open(as member: Account) async throws(SpotlightError) -> any BoardService {
        switch self {
        case .file(let path):
            try await SQLiteBoard.open(path, as: member)
        case .postgres(let url, let passwordFile):
            try await PostgresSupport.open(url, passwordFile: passwordFile, as: member)
        }
    }

    /// Makes the board if it is missing, with `account` its first manager, and checks it opens.
    /// Done once before serving: every handle after this opens the existing board, so one
    /// deleted under the broker is reported, never silently replaced by an empty one.
    func create(as account: Account, name: String?) async throws(SpotlightError) {
        let board: any BoardService = switch self {
        case .file(let path):
            try await SQLiteBoard.open(path, as: account, mode: .createIfMissing(name: name))
        case .postgres(let url, let passwordFile):
            try await PostgresSupport.open(url, passwordFile: passwordFile, as: account, mode: .createIfMissing(name: name))
        }
        await board.close()
    }
}
