import SpotlightApp
import SpotlightTerminal

/// The board's `changes()` stream brought to the terminal's poll loop: a task consumes the
/// stream into a queue and wakes the loop through a pipe the loop watches. The order matters
/// when taking: the pipe is drained first, then the queue emptied, so a change that arrives in
/// between leaves a byte behind (a spare wake-up, never a lost change).
@LoopActor
final class ChangeInbox {
    private let pipe: WakePipe
    private let queue = ChangeQueue()
    private let listener: Task<Void, Never>

    init(_ changes: AsyncStream<BoardChange>) throws {
        let pipe = try WakePipe()
        let queue = queue
        self.pipe = pipe
        listener = Task.detached {
            for await change in changes {
                if queue.append(change) { pipe.wake() }
            }
        }
    }

    /// For `nextEvent(watching:)`.
    var fileDescriptors: [Int32] { [pipe.fileDescriptor] }

    func owns(_ fd: Int32) -> Bool { fd == pipe.fileDescriptor }

    /// Everything the stream said since the last call.
    func take() -> [BoardChange] {
        pipe.drain()
        return queue.takeAll()
    }

    func close() {
        listener.cancel()
        pipe.close()
    }
}
