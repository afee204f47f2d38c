#if PostgreSQLSupport
import Foundation
@testable import SpotlightPostgres
import SpotlightApp
import SpotlightCore
import SpotlightStore
import Synchronization
import Testing

/// Upvotes written in batches (`GroupCommit`, `PostgresStore+Votes`): callers that arrive while a
/// batch is written go together in the next; each gets its own answer and its own refusal.
@Suite struct BatchedVoteTests {
    @Test func callsArrivingWhileABatchIsWrittenGoTogetherInTheNext() async throws {
        let queue = GroupCommit<Int, Int>(limit: 5, patience: .seconds(60))
        let batches = Mutex<[[Int]]>([])
        let gate = Gate()
        let write: GroupCommit<Int, Int>.Writer = { requests in
            batches.withLock { $0.append(requests) }
            if requests == [0] { await gate.wait() }   // the first batch is slow: the rest queue behind it
            return requests.map { $0 < 0 ? .failure(.runtime("refused \($0)")) : .success($0 * 10) }
        }
        async let first = queue.submit(0, write: write)
        while batches.withLock({ $0.isEmpty }) { await Task.yield() }
        let answers = try await withThrowingTaskGroup(of: (Int, Result<Int, SpotlightError>).self) { group in
            for n in [1, 2, -3, 4, 5, 6, 7] {
                group.addTask {
                    do throws(SpotlightError) { return (n, .success(try await queue.submit(n, write: write))) } catch { return (n, .failure(error)) }
                }
            }
            // Everyone is waiting behind the slow batch before it ends.
            while queue.waitingCount < 7 { try await Task.sleep(for: .milliseconds(5)) }
            await gate.open()
            var answers: [Int: Result<Int, SpotlightError>] = [:]
            for try await (n, answer) in group { answers[n] = answer }
            return answers
        }
        #expect(try await first == 0)
        #expect(try answers[6]?.get() == 60)
        #expect(answers[-3].map { if case .failure(let e) = $0 { e.message == "refused -3" } else { false } } == true,
                "a refused call does not refuse its neighbours")
        let sizes = batches.withLock { $0.map(\.count) }
        #expect(sizes == [1, 5, 2], "one alone, then the seven waiting in batches of at most five: \(sizes)")
    }

    @Test(.timeLimit(.minutes(1)))
    func aBatchThatHangsDoesNotHoldUpTheCallsBehindIt() async throws {
        let queue = GroupCommit<Int, Int>(patience: .milliseconds(100))
        let gate = Gate()
        let write: GroupCommit<Int, Int>.Writer = { requests in
            if requests == [0] { await gate.wait() }   // a batch stuck until the test ends
            return requests.map { .success($0 + 1) }
        }
        async let stuck = queue.submit(0, write: write)
        while queue.waitingCount > 0 { await Task.yield() }
        // Behind the stuck batch: answered after its patience, not when it ends.
        #expect(try await queue.submit(1, write: write) == 2)
        #expect(try await queue.submit(2, write: write) == 3)
        await gate.open()
        #expect(try await stuck == 1)
        // The queue still has one working owner: later calls are answered.
        #expect(try await queue.submit(3, write: write) == 4)
    }

    @Test(.enabled(if: TestCluster.adminURL != nil, "SPOTLIGHT_TEST_POSTGRES is not set"), .timeLimit(.minutes(2)))
    func manyVotersAtOnceEachGetTheirOwnAnswerAndCountersEqualRows() async throws {
        let url = try await TestCluster.newDatabase()
        let now = Date(timeIntervalSince1970: 1_795_521_600)
        let dana = try await PostgreSQLBoard.open(url, as: Account(login: "dana", displayName: "Dana"), mode: .createIfMissing(name: nil),
                                                  clock: .fixed(now))
        let draft = StoryDraft(title: "Busy", body: "Body", hero: "Mary Lopez", department: "Support", customer: .external, tags: [])
        let busy = try await dana.post(draft)
        let voters = try await (0..<12).asyncMap { i in
            try await PostgreSQLBoard.open(url, as: Account(login: "v\(i)", displayName: "Voter \(i)"), clock: .fixed(now))
        }
        let own = try await voters[0].post(draft)
        let hidden = try await dana.post(draft)
        try await dana.setStatus(hidden.id, to: .hidden)
        try await dana.addManager("v1")   // sees the hidden story: told why not, not "does not exist"

        // Every voter votes twice on the busy story, once on v0's own story, once on a hidden one (only
        // the manager v1 may see it)
        // and once on a story that does not exist, all at once.
        let outcomes = try await withThrowingTaskGroup(of: (String, StoryID, Result<Bool, SpotlightError>).self) { group in
            for voter in voters {
                for id in [busy.id, busy.id, own.id, hidden.id, 9_999] {
                    group.addTask {
                        do throws(SpotlightError) { return (voter.account.login, id, .success(try await voter.upvote(id))) }
                        catch { return (voter.account.login, id, .failure(error)) }
                    }
                }
            }
            var outcomes: [(String, StoryID, Result<Bool, SpotlightError>)] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        func answers(_ login: String, _ id: StoryID) -> [String] {
            outcomes.filter { $0.0 == login && $0.1 == id }.map {
                switch $0.2 { case .success(let added): "\(added)"; case .failure(let error): error.message }
            }.sorted()
        }
        for voter in voters.map(\.account.login) {
            #expect(answers(voter, busy.id) == ["false", "true"], "one vote counted, the second a no-op: \(voter)")
            #expect(answers(voter, hidden.id) == [voter == "v1" ? "story #\(hidden.id) is hidden; it cannot be voted on"
                                                                : SpotlightError.storyNotFound(hidden.id).message])
            #expect(answers(voter, 9_999) == [SpotlightError.storyNotFound(9_999).message])
        }
        #expect(answers("v0", own.id) == ["you cannot vote for your own story #\(own.id)"])
        #expect(answers("v1", own.id) == ["true"])
        #expect(try await dana.story(busy.id).votes == 12)
        #expect(try await dana.story(own.id).votes == 11)
        #expect(try await dana.outsideChanges().isEmpty)
        let audited = try await dana.auditEvents(limit: 100).filter { $0.action == "upvote" }
        #expect(audited.count == 23, "one audit record a counted vote")
        #expect(audited.allSatisfy { $0.host == ProcessInfo.processInfo.hostName && $0.detail.hasPrefix("upvoted story #") })
        for voter in voters { await voter.close() }
        await dana.close()
    }

    /// The batch reads who voted already as it asks for the stories' locks; a vote another broker
    /// commits while the batch waits for them is not in that read. erin's own vote is answered
    /// "already" and the story's counters are counted from its rows; fred's is counted on top of
    /// the counters the batch reads from the locked row, which it reads as they are after the wait.
    @Test(.enabled(if: TestCluster.adminURL != nil, "SPOTLIGHT_TEST_POSTGRES is not set"), .timeLimit(.minutes(2)),
          arguments: ["erin", "fred"])
    func aVoteCommittedWhileTheBatchWaitsForItsLockIsCountedOnce(by otherVoter: String) async throws {
        let url = try await TestCluster.newDatabase()
        let dana = try await PostgreSQLBoard.open(url, as: Account(login: "dana", displayName: "Dana"), mode: .createIfMissing(name: nil))
        let story = try await dana.post(StoryDraft(title: "Busy", body: "Body", hero: "Mary Lopez", department: "Support",
                                                   customer: .external, tags: []))
        let erin = try await PostgreSQLBoard.open(url, as: Account(login: "erin", displayName: "Erin"))
        // Another broker writing a vote on the story, as a vote is written: under its lock.
        let other = try PostgresStore(location: try PostgresLocation.parse(url, defaultRole: "x"), password: nil, maximumConnections: 1)
        let holding = Gate(), release = Gate()
        async let committed: Void = other.read { (tx: PGTx) async throws(SpotlightError) in
            try await tx.execute("BEGIN")
            try await tx.execute("SELECT id FROM stories WHERE id = ? FOR NO KEY UPDATE", [.int(story.id)])
            try await tx.execute("INSERT INTO votes(story_id, voter, at) VALUES (?, ?, 0)", [.int(story.id), .text(otherVoter)])
            try await tx.execute("UPDATE stories SET votes = 1, points = ?, hot = ? WHERE id = ?",
                                 [.int(HotScore.points(votes: 1, medallions: 0)),
                                  .double(HotScore.score(votes: 1, medallions: 0, createdAt: story.createdAt)), .int(story.id)])
            await holding.open()
            await release.wait()
            try await tx.execute("COMMIT")
        }
        await holding.wait()
        async let vote = erin.upvote(story.id)
        // Until erin's batch waits for the story's lock (its locking statement, nothing else).
        while try await TestCluster.scalar(url, """
            SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query LIKE '%FOR NO KEY UPDATE OF s%'
            """) == "0" {
            try await Task.sleep(for: .milliseconds(10))
        }
        await release.open()
        try await committed
        let mine = otherVoter == "erin"
        #expect(try await vote == !mine, mine ? "the vote was there when the batch wrote: already" : "erin's vote counts")
        #expect(try await dana.story(story.id).votes == (mine ? 1 : 2))
        let outside = try await dana.outsideChanges()
        #expect(outside.isEmpty, "counters equal rows: \(outside)")
        #expect(try await dana.auditEvents(limit: 10).filter { $0.action == "upvote" }.count == (mine ? 0 : 1),
                "a record for a vote added, none for one not added")
        await other.close()
        await erin.close()
        await dana.close()
    }
}

private actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}

private extension Range where Bound == Int {
    func asyncMap<T>(_ transform: (Int) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for i in self { out.append(try await transform(i)) }
        return out
    }
}
#endif
