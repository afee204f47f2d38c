import Foundation
import SpotlightApp
import Testing

/// ncurses must be called from one thread: everything isolated to `LoopActor` runs on its one
/// thread, however often it awaits other actors in between.
@Suite struct LoopActorTests {
    actor Elsewhere {
        func work() async { try? await Task.sleep(for: .milliseconds(1)) }
    }

    @LoopActor
    @Test func everyHopComesBackToTheSameThread() async {
        let first = pthread_self()
        let elsewhere = Elsewhere()
        for _ in 0..<50 {
            await elsewhere.work()
            await Task.detached { await elsewhere.work() }.value
            #expect(pthread_equal(first, pthread_self()) != 0)
        }
        #expect(LoopActor.isOnLoopThread())
    }
}
