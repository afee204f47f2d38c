import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// `spotlight serve --adopt FILE`: a shared-file board's export imported into the broker's new
/// board, so every story, vote, medallion, manager, setting and audit record comes along.
enum BrokerAdoption {
    static func adopt(_ source: String, into board: String, as account: Account) async throws(SpotlightError) -> Int {
        let old = try await SQLiteBoard.open(source, as: account)
        let export: BoardExport
        do {
            export = try await old.export()
            await old.close()
        } catch {
            await old.close()
            throw error
        }
        let new = try await SQLiteBoard.open(board, as: account, mode: .createIfMissing(name: nil))
        do {
            try await new.importBoard(export)
            await new.close()
        } catch {
            await new.close()
            throw error
        }
        return export.stories.count
    }
}
