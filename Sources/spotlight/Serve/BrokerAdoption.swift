import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// `spotlight serve --adopt FILE`: a shared-file board's export imported into the broker's new
/// board (a file or a PostgreSQL database), so every story, vote, medallion, manager, setting and
/// audit record comes along. The old file is opened as this process's account through
/// `CLI.withBoard`; both boards are closed on every path.
enum BrokerAdoption {
    static func adopt(_ source: String, into store: BrokerStore, as account: Account) async throws(SpotlightError) -> Int {
        let export = try await CLI.withBoard(at: BoardLocation(path: source, source: .flag)) { old async throws(SpotlightError) in
            try await old.export()
        }
        try await store.create(as: account, name: nil)  // the name comes with the import's settings
        let new = try await store.open(as: account)
        do throws(SpotlightError) {
            // Said here in serve's terms; the store's own refusal speaks of `spotlight import`.
            guard try await new.newestIDs().story == 0 else {
                throw .usage("--adopt needs a new or empty board, and \(store) already has stories; nothing was adopted (give serve a new board)")
            }
            try await new.importBoard(export)
        } catch {
            await new.close()
            throw error
        }
        await new.close()
        return export.stories.count
    }
}
