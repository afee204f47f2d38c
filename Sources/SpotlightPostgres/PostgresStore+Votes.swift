#if PostgreSQLSupport
import Foundation
import SpotlightCore

/// One upvote waiting for its batch (`GroupCommit`): who votes, on which story, when, and the
/// handle that asked (its change notification must not come back to it).
struct PGVoteRequest: Sendable {
    let account: Account
    let story: StoryID
    let at: Int
    let handle: String
}

/// Upvotes in batches: in a company-wide vote storm each broker's votes share one transaction
/// (issue 14's figure: one transaction a vote paid nine round trips and a flush each). The
/// rules are the same as one vote's (`BoardRules`, on facts read under the stories' locks) and
/// each vote gets its own answer: a refused vote does not refuse its neighbours.
extension PostgresStore {
    func upvotes(_ requests: [PGVoteRequest]) async -> [Result<Bool, SpotlightError>] {
        let handles = Set(requests.map(\.handle)).sorted()
        do {
            let announcement = hub.payload(handles: handles)
            return try await transaction(bodyBegins: true) { (tx: PGTx) async throws(SpotlightError) -> [Result<Bool, SpotlightError>] in
                try await Self.upvotes(requests, in: tx, host: hostName, announcing: announcement)
            }
        } catch {
            return requests.map { _ in .failure(error) }
        }
    }

    /// `announcement`: the batch's change notification (`PostgresHub`), sent by `AddVotes`.
    private static func upvotes(_ requests: [PGVoteRequest], in tx: PGTx, host: String,
                                announcing announcement: String) async throws(SpotlightError) -> [Result<Bool, SpotlightError>] {
        // Locks first (lock order step 3; several stories in id order), with the facts the rules
        // read: the voting mode, which of the voters are managers, who of them voted already.
        let ids = Set(requests.map(\.story)).sorted()
        let voters = Set(requests.map(\.account.login)).sorted()
        // BEGIN goes ahead of them, unanswered: one round trip for all (the locks alone would
        // write nothing, and they are checked to be in a transaction before anything is). So
        // does the batch's plan mode: its statements' generic plans are as good as any, and
        // PostgreSQL would otherwise plan the locks afresh for every batch (0.30 ms a batch on
        // them, 0.15 ms with the generic plan; pg_stat_statements, 8 voters).
        let begun = [tx.send(PostgresStore.begin), tx.send("SET LOCAL plan_cache_mode = force_generic_plan")]
        let locked = try await tx.rows(LockForVotes.self, [.text(Self.votingModeKey), .texts(voters), .texts(voters), .ints(ids)])
        for sent in begun { try sent.check() }
        let stories = Dictionary(locked.map(PGStoryRow.decode).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var settings = BoardSettings()
        if let mode = locked.first?.text("voting_mode") { try? settings.set(Self.votingModeKey, to: mode) }
        let mode = settings.votingMode
        let managers = Set(locked.first?.texts("voting_managers") ?? [])
        var seen = Set(locked.flatMap { row in (row.texts("voted") ?? []).map { VotePair(story: row.int("id") ?? 0, voter: $0) } })

        // The rules, one vote at a time; a vote already there, or asked twice in one batch, is
        // answered "already" and not written.
        var answers: [Result<Bool, SpotlightError>?] = Array(repeating: nil, count: requests.count)
        var wanted: [Int] = []
        for (index, request) in requests.enumerated() {
            do throws(SpotlightError) {
                guard let story = stories[request.story] else { throw .storyNotFound(request.story) }
                try BoardRules.requireVisible(story, to: request.account, isManager: managers.contains(request.account.login))
                try BoardRules.checkVote(by: request.account, on: story, mode: mode)
                if seen.insert(VotePair(story: request.story, voter: request.account.login)).inserted {
                    wanted.append(index)
                } else {
                    answers[index] = .success(false)
                }
            } catch {
                answers[index] = .failure(error)
            }
        }
        guard !wanted.isEmpty else { return answers.map { $0 ?? .success(false) } }

        // The votes, their audit records and the stories' new counters in one statement. The
        // counters are the locked rows' own (kept equal to the rows by every writer under this
        // lock, and read fresh after any wait for it) plus the votes added.
        let votes = wanted.map { requests[$0] }
        let counts = Counters(stories: stories, adding: votes.map(\.story))
        let rows = try await tx.rows(AddVotes.self, [.ints(votes.map(\.story)), .texts(votes.map(\.account.login)), .ints(votes.map(\.at)),
                  .texts(votes.map { "upvoted story #\($0.story)" }), .text(host)] + counts.binds
                  + [.text(PostgresHub.channel), .text(announcement)])
        let added = Set(rows.compactMap { row in row.int("story_id").map { VotePair(story: $0, voter: row.string("voter")) } })
        for index in wanted {
            answers[index] = .success(added.contains(VotePair(story: requests[index].story, voter: requests[index].account.login)))
        }
        // A vote that was there after all (the same voter through another broker, committed
        // while this batch waited for the lock): its story is recounted from its rows, as every
        // other write recounts.
        let missed = Set(votes.filter { !added.contains(VotePair(story: $0.story, voter: $0.account.login)) }.map(\.story))
        for id in missed.sorted() {
            if let story = stories[id] { try await tx.recount(story) }
        }
        return answers.map { $0 ?? .success(false) }
    }

    /// The locked stories' counters plus the votes about to be added, with their points and hot
    /// scores (`HotScore`, as every recount), as `AddVotes`' columns.
    private struct Counters {
        var ids: [Int] = [], votes: [Int] = [], medallions: [Int] = [], points: [Int] = [], hot: [Double] = []

        init(stories: [StoryID: Story], adding: [StoryID]) {
            var gained: [StoryID: Int] = [:]
            for id in adding { gained[id, default: 0] += 1 }
            for (id, extra) in gained.sorted(by: { $0.key < $1.key }) {
                guard let story = stories[id] else { continue }
                let count = story.votes + extra
                ids.append(id)
                votes.append(count)
                medallions.append(story.medallions)
                points.append(HotScore.points(votes: count, medallions: story.medallions))
                hot.append(HotScore.score(votes: count, medallions: story.medallions, createdAt: story.createdAt))
            }
        }

        /// In `AddVotes`' order; the ids twice (the second lets PostgreSQL find the rows by key).
        var binds: [PGValue] { [.ints(ids), .ints(votes), .ints(medallions), .ints(points), .doubles(hot), .ints(ids)] }
    }

    /// The batch's stories locked in id order, with the voting mode, the voters who are
    /// managers, and on each story the voters who voted it already. (The subqueries see the
    /// statement's start: after a wait for a lock, `voted` may miss a vote just committed,
    /// which `AddVotes`' ON CONFLICT then finds; the story's own columns are read fresh.)
    private enum LockForVotes: PGStatement {
        static let name = "spotlight_lock_for_votes"
        static let sql = PGSQL.numbered("""
            SELECT \(PGStoryRow.columns), (SELECT value FROM settings WHERE key = ?) AS voting_mode,
                   (SELECT array_agg(login) FROM managers WHERE login = ANY(?::text[])) AS voting_managers,
                   (SELECT array_agg(voter) FROM votes v WHERE v.story_id = s.id AND v.voter = ANY(?::text[])) AS voted
            FROM stories s WHERE s.id = ANY(?::bigint[]) ORDER BY s.id FOR NO KEY UPDATE OF s
            """)
    }

    /// The votes (one already there stays, and is not returned), their audit records, the
    /// stories' counters (`Counters`) and the batch's change notification; returns
    /// the votes added (and a row of NULLs when none was).
    ///
    /// The notification goes inside the transaction, unlike every other write's (`PostgresHub`):
    /// it saves the batch a round trip, and the notify lock it holds through the commit
    /// serialises one transaction a batch, not one a write. Its audit id is the newest with the
    /// batch's own records, as the others' (read after their COMMIT).
    private enum AddVotes: PGStatement {
        static let name = "spotlight_add_votes"
        static let sql = PGSQL.numbered("""
            WITH wanted AS (SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[]) AS w(story_id, voter, at, detail)),
                 added AS (INSERT INTO votes(story_id, voter, at) SELECT story_id, voter, at FROM wanted
                           ON CONFLICT DO NOTHING RETURNING story_id, voter),
                 audited AS (INSERT INTO audit(at, actor, action, story_id, detail, host)
                             SELECT w.at, w.voter, 'upvote', w.story_id, w.detail, ? FROM wanted w JOIN added a USING (story_id, voter)
                             ORDER BY w.at, w.story_id, w.voter RETURNING id),
                 counted AS (UPDATE stories s SET votes = u.votes, medallions = u.medallions, points = u.points, hot = u.hot
                             FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::float8[]) AS u(id, votes, medallions, points, hot)
                             WHERE s.id = u.id AND s.id = ANY(?::bigint[])),
                 notified AS (SELECT pg_notify(?, ? || ' ' || greatest((SELECT coalesce(max(id), 0) FROM audit),
                                                                       (SELECT coalesce(max(id), 0) FROM audited))))
            SELECT a.story_id, a.voter FROM notified LEFT JOIN added a ON true
            """)
    }

    private static let votingModeKey = "voting-mode"

    private struct VotePair: Hashable {
        let story: StoryID
        let voter: String
    }
}
#endif
