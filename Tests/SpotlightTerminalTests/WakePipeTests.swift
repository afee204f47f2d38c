import Glibc
import SpotlightTerminal
import Testing

/// The descriptor another thread makes readable to wake the terminal's poll.
@Suite struct WakePipeTests {
    private func isReadable(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 1
    }

    @Test func aWakeMakesItReadableUntilDrained() throws {
        let pipe = try WakePipe()
        defer { pipe.close() }
        #expect(!isReadable(pipe.fileDescriptor), "idle: nothing to wake for")
        pipe.wake()
        pipe.wake()
        #expect(isReadable(pipe.fileDescriptor))
        pipe.drain()
        #expect(!isReadable(pipe.fileDescriptor), "one drain takes every byte")
    }

    @Test func wakesFromAnotherThreadArriveAndAFullPipeNeverBlocks() async throws {
        let pipe = try WakePipe()
        defer { pipe.close() }
        await Task.detached { for _ in 0..<100_000 { pipe.wake() } }.value
        #expect(isReadable(pipe.fileDescriptor))
        pipe.drain()
        #expect(!isReadable(pipe.fileDescriptor))
    }

    @Test func aWakeAfterCloseIsIgnored() throws {
        let pipe = try WakePipe()
        pipe.close()
        pipe.wake()
        pipe.close()
    }
}
