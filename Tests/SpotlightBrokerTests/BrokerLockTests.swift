import Foundation
import SpotlightBroker
import SpotlightCore
import Testing

@Suite("BrokerLock: one broker per board")
struct BrokerLockTests {
    @Test("a second broker on the board is refused with the first one's pid; released, the board can be taken again")
    func exclusive() throws {
        let directory = try TestBroker.directory()
        let board = directory + "/board.sqlite"
        let first = try BrokerLock.acquire(boardPath: board)
        #expect(throws: SpotlightError.runtime("another broker (pid \(getpid())) serves this board (\(board))")) {
            _ = try BrokerLock.acquire(boardPath: board)
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: first.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        first.release()
        let second = try BrokerLock.acquire(boardPath: board)
        second.release()
    }

    @Test("another process holding the lock (flock(1)) refuses the broker")
    func otherProcess() throws {
        let directory = try TestBroker.directory()
        let board = directory + "/board.sqlite"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--no-fork", "-x", BrokerLock.lockPath(forBoard: board), "sleep", "30"]  // no fork: terminate() ends the holder
        try holder.run()
        defer { kill(holder.processIdentifier, SIGKILL); holder.waitUntilExit() }
        var refused = false
        for _ in 0..<500 where !refused {  // until flock(1) has it
            do {
                try BrokerLock.acquire(boardPath: board).release()
                Thread.sleep(forTimeInterval: 0.01)
            } catch {
                refused = error.message.contains("another broker")
            }
        }
        #expect(refused)
    }

    @Test("a symbolic link at the lock's path is refused, not followed")
    func symlink() throws {
        let directory = try TestBroker.directory()
        let board = directory + "/board.sqlite"
        let target = directory + "/elsewhere"
        try FileManager.default.createSymbolicLink(atPath: BrokerLock.lockPath(forBoard: board), withDestinationPath: target)
        #expect(throws: SpotlightError.self) { _ = try BrokerLock.acquire(boardPath: board) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
