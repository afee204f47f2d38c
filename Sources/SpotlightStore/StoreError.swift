import Foundation
import SQLiteNIO
import SpotlightCore

/// Turns driver errors into one-line messages that name the board and say what to do.
enum StoreError {
    static func translate(_ error: any Error, path: String) -> SpotlightError {
        if let error = error as? SpotlightError { return error }
        guard let sqlite = error as? SQLiteError else {
            return .runtime("board \(path): \(error)")
        }
        switch sqlite.reason {
        case .notADatabase:
            return .runtime("\(path) is not a Spotlight board (not a readable SQLite database); it was left unchanged")
        case .corrupt, .corruptVirtualTable, .corruptSequenceSchema, .corruptIndex:
            return .runtime("the board \(path) is damaged (\(sqlite.message)); restore it from a backup made with `spotlight export`")
        case .readOnly, .readonlyCantLock, .readonlyDirectory, .readonlyInRecovery, .readonlyInRollback, .readonlyBackingMoved:
            return .permission("the board \(path) is read-only: writing needs write access to the file and its directory")
        case .permission, .auth:
            return .permission("permission denied on the board \(path)")
        case .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked:
            // Past the busy timeout: name whoever holds the -shm locks, if the kernel says.
            let holders = ShmLocks.holders(board: path).map { ShmLocks.describe($0, board: path) }
            guard !holders.isEmpty else { return .runtime("the board \(path) stayed locked by another process for too long; try again") }
            return .runtime("the board \(path) stayed locked for too long: \(holders.joined(separator: "; ")); if that is not a spotlight process, it is blocking everyone (see `spotlight doctor`)")
        case .full:
            return .runtime("the disk holding the board \(path) is full; nothing was written")
        case .cantOpen, .cantOpenDirectory, .cantOpenInvalidPath:
            return .runtime("unable to open the board \(path): check that it exists and that you may read it")
        default:
            return .runtime("board \(path): \(sqlite.message)")
        }
    }
}
