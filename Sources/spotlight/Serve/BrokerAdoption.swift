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
        do throws(SpotlightError) {
            // Said here in serve's terms; the store's own refusal speaks of `spotlight import`.
            guard try await new.newestIDs().story == 0 else {
                throw .usage("--adopt needs a new or empty board, and \(board) already has stories; nothing was adopted (give --board a new file)")
            }
            try await new.importBoard(export)
            await new.close()
        } catch {
            await new.close()
            throw error
        }
        return export.stories.count
    }
}
