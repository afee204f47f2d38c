#if PostgreSQLSupport
import SpotlightCore
import Synchronization

/// One `PostgresStore` (pool) per database and process, shared by every handle on it and closed
/// when the last handle closes: a broker's per-account handles share 8 connections, not 8 each.
enum PostgresStores {
    private struct Entry {
        let store: PostgresStore
        var handles: Int
    }

    private static let open = Mutex<[String: Entry]>([:])

    static func acquire(_ location: PostgresLocation, password: String?) throws(SpotlightError) -> PostgresStore {
        let key = location.description
        let found: PostgresStore? = open.withLock { entries in
            guard var entry = entries[key] else { return nil }
            entry.handles += 1
            entries[key] = entry
            return entry.store
        }
        if let found { return found }
        let store = try PostgresStore(location: location, password: password)
        let winner: PostgresStore = open.withLock { entries in
            if var entry = entries[key] {
                entry.handles += 1
                entries[key] = entry
                return entry.store
            }
            entries[key] = Entry(store: store, handles: 1)
            return store
        }
        if winner !== store { Task { await store.close() } }
        return winner
    }

    static func release(_ store: PostgresStore) async {
        let key = store.location.description
        let last: Bool = open.withLock { entries in
            guard var entry = entries[key], entry.store === store else { return false }
            entry.handles -= 1
            if entry.handles == 0 {
                entries[key] = nil
                return true
            }
            entries[key] = entry
            return false
        }
        if last { await store.close() }
    }
}
#endif
