import Foundation

/// The one thread every screen program, its effect runner and the terminal run on. Not the
/// main actor: under Swift's async `main` on Linux the main thread parks in `dispatch_main`
/// and the main actor's jobs are drained by whichever worker thread is free, so two hops could
/// land on two threads — and ncurses must be called from one (`TerminalSession.checkThread`).
/// This actor's executor is a single thread of its own, so "isolated to the loop" means "on
/// the loop's thread".
@globalActor
public actor LoopActor {
    public static let shared = LoopActor()
    private static let thread = LoopThread()

    public nonisolated var unownedExecutor: UnownedSerialExecutor { Self.thread.asUnownedSerialExecutor() }

    /// True on the loop's own thread (for tests and checks).
    public nonisolated static func isOnLoopThread() -> Bool { thread.isCurrent }
}

/// A serial executor that runs its jobs, in order, on one thread it starts on first use.
final class LoopThread: SerialExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var jobs: [UnownedJob] = []

    /// The thread, once it runs (guarded by `condition`).
    private var owner: pthread_t?

    init() {
        let thread = Thread { [unowned self] in
            self.condition.lock()
            self.owner = pthread_self()
            self.condition.unlock()
            self.serve()
        }
        thread.name = "spotlight-loop"
        thread.start()
    }

    var isCurrent: Bool {
        condition.lock()
        defer { condition.unlock() }
        return owner.map { pthread_equal($0, pthread_self()) != 0 } ?? false
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor { UnownedSerialExecutor(ordinary: self) }

    private func serve() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedSerialExecutor())
        }
    }
}
