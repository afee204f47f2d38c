import Dispatch
import SpotlightStore

/// inotify on the board's directory (`BoardWatcher`), read by a dispatch source on its own
/// queue: waiting for the descriptor never blocks a thread of Swift's cooperative pool.
/// `onHint` runs on that queue whenever an event concerned the board's files. Without inotify
/// there are no hints, and the slow poll alone notices changes. (`@unchecked`: a dispatch
/// source may be cancelled from any thread; Dispatch does not mark it `Sendable`.)
final class InotifyHints: @unchecked Sendable {
    private let source: (any DispatchSourceRead)?
    /// False when inotify could not watch the board's directory: no hints will come.
    var isAvailable: Bool { source != nil }

    init(boardPath: String, onHint: @escaping @Sendable () -> Void) {
        let watcher = Unshared(BoardWatcher(boardPath: boardPath))
        guard let fd = watcher.value.fileDescriptor else {
            source = nil
            return
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: DispatchQueue(label: "spotlight.board-hints"))
        source.setEventHandler {
            if watcher.value.drain() { onHint() }
        }
        // The watcher (and so the descriptor) lives until the source is cancelled.
        source.setCancelHandler { withExtendedLifetime(watcher) {} }
        source.resume()
        self.source = source
    }

    func cancel() {
        source?.cancel()
    }

    deinit {
        source?.cancel()
    }
}

/// A value only ever touched on one serial dispatch queue (the source's handlers), which is
/// what makes handing it to them safe.
private final class Unshared<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
