import Foundation

/// The running `changes()` streams of an `SQLiteBoard`, and what was last seen of the board.
///
/// Every command opens and closes an `SQLiteBoard` without asking for a stream, so this costs it
/// nothing a `spotlight list` would notice (issue 17): an array, not a dictionary keyed by `UUID`
/// (a dictionary's first use makes the runtime check `Hashable`), and an `NSLock`, not `Mutex`
/// (destroying a `Mutex` in a debug build instantiates `Atomic<UInt32>` from its mangled name,
/// checking `AtomicRepresentable`). Each such first-time check scans every conformance record
/// of the binary, ~0.3 M instructions.
extension SQLiteBoard {
    struct Watchers: Sendable {
        var isClosed = false
        /// A handle has a stream or two at most.
        var streams: [Stream] = []
        var nextID = 0
        var latest: Seen
    }

    struct Stream: Sendable {
        let id: Int
        let output: AsyncStream<BoardChange>.Continuation
    }

    /// `Watchers` behind a lock, not in the actor, so `changes()` registers a stream and takes
    /// its starting point before it returns.
    final class LockedWatchers: @unchecked Sendable {
        private let lock = NSLock()
        /// Only read or written while `lock` is held.
        private var watchers: Watchers

        init(_ watchers: Watchers) {
            self.watchers = watchers
        }

        func withLock<T>(_ body: (inout Watchers) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&watchers)
        }
    }

    /// Ends every stream (the handle is closing).
    static func finish(_ streams: [Stream]) {
        for stream in streams { stream.output.finish() }
    }
}
