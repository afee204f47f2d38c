import Foundation
import Testing

/// `kill -9` of writers at random moments never loses an acknowledged write nor leaves half a story.
@Suite struct CrashTests {
    typealias P = SpotlightProcess

    @Test func killingWritersMidWriteLosesNoAcknowledgedPost() async throws {
        let dir = P.scratch("kill9")
        let board = dir + "/board.sqlite"
        #expect(try P.run(["demo"], board: board).status == 0)
        let body = String(repeating: "A long story body that makes the write span several pages. ", count: 60)
        // Kill times spread over twice a normal post's duration (measured now, on this machine,
        // under whatever load it has), so about half the writers finish and half die mid-way.
        var durations: [UInt64] = []
        for warmup in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            #expect(try P.run(["post", "--title", "warm-up \(warmup)", "--hero", "Kim", "--body", body], board: board).status == 0)
            durations.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        let window = 2 * (durations.sorted()[1])
        var acknowledged: [String] = []
        var killed = 0
        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<120 {
            let title = "crash test \(attempt)"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: P.binary)
            process.arguments = ["post", "--title", title, "--hero", "Kim", "--tag", "recovery", "--body", body]
            var environment = ProcessInfo.processInfo.environment
            environment["SPOTLIGHT_BOARD"] = board
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill anywhere from before main() to after the commit.
            try await Task.sleep(nanoseconds: UInt64.random(in: 0...window, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 {
                acknowledged.append(title)
            } else {
                killed += 1
            }
        }
        #expect(killed >= 20, "too few kills landed (\(killed)); the test would prove little")
        #expect(acknowledged.count >= 10, "too few posts finished (\(acknowledged.count)); the test would prove little")
        // The next process opens the board normally and finds every acknowledged post, whole.
        let list = try P.run(["list", "--limit", "5"], board: board)
        #expect(list.status == 0, "\(list.stderr)")
        for title in acknowledged {
            #expect(try P.sqlite(board, "SELECT count(*) FROM stories WHERE title = '\(title)'") == "1", "lost: \(title)")
        }
        let expected = body.replacingOccurrences(of: "'", with: "''")
        #expect(try P.sqlite(board, "SELECT count(*) FROM stories WHERE title LIKE 'crash test %' AND (body != '\(expected)' OR hero != 'Kim' OR tags != 'recovery')") == "0")
        // Every stored post has its audit record: a story and its audit entry commit together.
        #expect(try P.sqlite(board, "SELECT count(*) FROM stories s WHERE title LIKE 'crash test %' AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.story_id = s.id AND a.action = 'post')") == "0")
        #expect(try P.sqlite(board, "PRAGMA integrity_check") == "ok")
        print("kill -9 test: \(killed) killed, \(acknowledged.count) acknowledged")
    }
}
