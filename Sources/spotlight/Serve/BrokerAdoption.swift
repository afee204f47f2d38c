import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// `spotlight serve --adopt FILE`: a shared-file board's export imported into the broker's new
/// board, so every story, vote, medallion, manager, setting and audit record comes along. Both
/// boards are opened as this process's account through `CLI.withBoard`, closed on every path.
enum BrokerAdoption {
    static func adopt(_ source: String, into board: String) async throws(SpotlightError) -> Int {
        let export = try await CLI.withBoard(at: BoardLocation(path: source, source: .flag)) { old async throws(SpotlightError) in
            try await old.export()
        }
        try await CLI.withBoard(at: BoardLocation(path: board, source: .flag), mode: .createIfMissing(name: nil)) {
            new async throws(SpotlightError) in
            // Said here in serve's terms; the store's own refusal speaks of `spotlight import`.
            guard try await new.newestIDs().story == 0 else {
                throw .usage("--adopt needs a new or empty board, and \(board) already has stories; nothing was adopted (give --board a new file)")
            }
            try await new.importBoard(export)
        }
        return export.stories.count
    }
}
