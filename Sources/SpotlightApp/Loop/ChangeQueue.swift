import Synchronization

/// What a `changes()` stream said and the loop has not taken yet: the consuming task appends,
/// the loop takes. A class around the lock, so a task can hold it.
public final class ChangeQueue: Sendable {
    private let items = Mutex<[BoardChange]>([])

    public init() {}

    /// True when the queue was empty (the loop needs waking).
    @discardableResult
    public func append(_ change: BoardChange) -> Bool {
        items.withLock { items in
            items.append(change)
            return items.count == 1
        }
    }

    public func takeAll() -> [BoardChange] {
        items.withLock { items in
            defer { items = [] }
            return items
        }
    }

    public func takeFirst() -> BoardChange? {
        items.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}
