import Dispatch
import NIOCore
import SQLiteNIO

/// The event loop sqlite-nio's connections are given, which starts NIO's event-loop thread
/// only when something asks it for work. sqlite-nio wants an `EventLoop` to open a connection,
/// but its `async` calls never use it; starting `MultiThreadedEventLoopGroup` (a thread, an
/// epoll instance, and first-time conformance scans of the whole binary) costs a short command
/// 1.5 M instructions for nothing (issue 17). Everything is forwarded to that one loop, so a
/// future-based call still works as with the loop itself.
final class LazyEventLoop: EventLoop {
    static let shared = LazyEventLoop()

    private static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private var loop: any EventLoop { Self.group.next() }

    var inEventLoop: Bool { loop.inEventLoop }

    func execute(_ task: @escaping @Sendable () -> Void) { loop.execute(task) }

    @discardableResult
    func scheduleTask<T>(deadline: NIODeadline, _ task: @escaping @Sendable () throws -> T) -> Scheduled<T> {
        loop.scheduleTask(deadline: deadline, task)
    }

    @discardableResult
    func scheduleTask<T>(in delay: TimeAmount, _ task: @escaping @Sendable () throws -> T) -> Scheduled<T> {
        loop.scheduleTask(in: delay, task)
    }

    func preconditionInEventLoop(file: StaticString, line: UInt) { loop.preconditionInEventLoop(file: file, line: line) }

    func preconditionNotInEventLoop(file: StaticString, line: UInt) { loop.preconditionNotInEventLoop(file: file, line: line) }

    func shutdownGracefully(queue: DispatchQueue, _ callback: @escaping @Sendable (Error?) -> Void) {
        loop.shutdownGracefully(queue: queue, callback)
    }
}
