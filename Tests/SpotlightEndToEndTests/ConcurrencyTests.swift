import Foundation
import Testing

/// Many separate `spotlight` processes on one board at once: nothing acknowledged is lost.
@Suite struct ConcurrencyTests {
    typealias P = SpotlightProcess

    /// A board is created with O_EXCL (never through a link): processes racing to create it
    /// must still end with one board and one creation, and no process failing otherwise.
    @Test func sixProcessesInitialisingOneBoardAtOnceMakeOneBoard() async throws {
        let board = P.scratch("init-race") + "/board.sqlite"
        let results = try await withThrowingTaskGroup(of: P.Result.self) { group in
            for _ in 1...6 { group.addTask { try P.run(["init"], board: board) } }
            var all: [P.Result] = []
            for try await result in group { all.append(result) }
            return all
        }
        // (The same account may be told "Created" more than once: init cannot tell its own
        // twin's fresh board from its own.) No other failure, and exactly one board was made.
        for result in results where result.status != 0 {
            #expect(result.status == 2 && result.stderr.contains("a board already exists"), "\(result.stderr)")
        }
        #expect(try P.sqlite(board, "SELECT count(*) FROM audit WHERE action = 'init'") == "1")
        #expect(try P.sqlite(board, "PRAGMA integrity_check") == "ok")
    }

    @Test func eightProcessesPostingVotingAndUnvotingLoseNothing() async throws {
        let dir = P.scratch("concurrency")
        let board = dir + "/board.sqlite"
        // Stories by other (fictional) colleagues, so this account may vote on them.
        #expect(try P.run(["demo"], board: board).status == 0)
        let rounds = 6
        let outcomes = try await withThrowingTaskGroup(of: (worker: Int, posted: [String], lastVote: Bool?, failures: [String]).self) { group in
            for worker in 1...8 {
                group.addTask {
                    var posted: [String] = []
                    var lastVote: Bool?
                    var failures: [String] = []
                    for round in 0..<rounds {
                        let title = "worker \(worker) round \(round)"
                        let post = try P.run(["post", "--title", title, "--hero", "Hero \(worker)", "--body", "b"], board: board)
                        if post.status == 0 { posted.append(title) } else { failures.append(post.stderr) }
                        // Worker n votes only on demo story n, so its final state is known.
                        let verb = round % 2 == 0 ? "upvote" : "unvote"
                        let vote = try P.run([verb, String(worker)], board: board)
                        if vote.status == 0 { lastVote = verb == "upvote" } else { failures.append(vote.stderr) }
                    }
                    let final = try P.run(["upvote", String(worker)], board: board)
                    if final.status == 0 { lastVote = true }
                    return (worker, posted, lastVote, failures)
                }
            }
            var all: [(worker: Int, posted: [String], lastVote: Bool?, failures: [String])] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        let me = try P.run(["doctor"], board: board).stdout.split(separator: "\n")
            .first { $0.hasPrefix("account") }?.split(separator: " ", omittingEmptySubsequences: true)[1] ?? ""
        for outcome in outcomes {
            // Contention must never surface as an error (seen once: a checkpoint in flight looked
            // like a truncated board to the pre-open check).
            #expect(outcome.failures.isEmpty, "worker \(outcome.worker) failed: \(outcome.failures)")
            #expect(outcome.posted.count == rounds, "worker \(outcome.worker) had failed posts")
            for title in outcome.posted {
                #expect(try P.sqlite(board, "SELECT count(*) FROM stories WHERE title = '\(title)'") == "1")
            }
            let voted = try P.sqlite(board, "SELECT count(*) FROM votes WHERE story_id = \(outcome.worker) AND voter = '\(me)'")
            #expect(voted == (outcome.lastVote == true ? "1" : "0"))
        }
        #expect(try P.sqlite(board, "SELECT count(*) FROM (SELECT story_id, voter FROM votes GROUP BY 1, 2 HAVING count(*) > 1)") == "0")
        // The denormalised counts agree with the vote rows.
        #expect(try P.sqlite(board, "SELECT count(*) FROM stories s WHERE votes != (SELECT count(*) FROM votes v WHERE v.story_id = s.id)") == "0")
        #expect(try P.sqlite(board, "PRAGMA integrity_check") == "ok")
    }
}
