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
            return try await transaction(notify: hub.payload(handles: handles)) { (tx: PGTx) async throws(SpotlightError) -> [Result<Bool, SpotlightError>] in
                try await Self.upvotes(requests, in: tx, host: hostName)
            }
        } catch {
            return requests.map { _ in .failure(error) }
        }
    }

    private static func upvotes(_ requests: [PGVoteRequest], in tx: PGTx, host: String) async throws(SpotlightError) -> [Result<Bool, SpotlightError>] {
        // Locks first (lock order step 3; several stories in id order), with the facts the rules
        // read: the voting mode and which of the voters are managers.
        let ids = Set(requests.map(\.story)).sorted()
        let voters = Set(requests.map(\.account.login)).sorted()
        let locked = try await tx.rows(LockForVotes.self, [.text(Self.votingModeKey), .texts(voters), .ints(ids)])
        let stories = Dictionary(locked.map(PGStoryRow.decode).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var settings = BoardSettings()
        if let mode = locked.first?.text("voting_mode") { try? settings.set(Self.votingModeKey, to: mode) }
        let mode = settings.votingMode
        let managers = Set(locked.first?.texts("voting_managers") ?? [])

        // The rules, one vote at a time; a vote asked twice in one batch is written once.
        var answers: [Result<Bool, SpotlightError>?] = Array(repeating: nil, count: requests.count)
        var allowed: [Int] = []
        var seen = Set<VotePair>()
        for (index, request) in requests.enumerated() {
            do throws(SpotlightError) {
                guard let story = stories[request.story] else { throw .storyNotFound(request.story) }
                try BoardRules.requireVisible(story, to: request.account, isManager: managers.contains(request.account.login))
                try BoardRules.checkVote(by: request.account, on: story, mode: mode)
                if seen.insert(VotePair(story: request.story, voter: request.account.login)).inserted {
                    allowed.append(index)
                } else {
                    answers[index] = .success(false)
                }
            } catch {
                answers[index] = .failure(error)
            }
        }
        guard !allowed.isEmpty else { return answers.map { $0 ?? .success(false) } }

        // The votes, their audit records and the stories' new counts in one statement: the count
        // of the rows before it (no other write adds to these stories while their locks are
        // held) plus the ones it added; the votes already there stay.
        let wanted = allowed.map { requests[$0] }
        let rows = try await tx.rows(AddVotes.self, [.ints(wanted.map(\.story)), .texts(wanted.map(\.account.login)), .ints(wanted.map(\.at)),
                  .texts(wanted.map { "upvoted story #\($0.story)" }), .text(host)])
        let added = Set(rows.map { VotePair(story: $0.int("story_id") ?? 0, voter: $0.string("voter")) })
        for index in allowed {
            answers[index] = .success(added.contains(VotePair(story: requests[index].story, voter: requests[index].account.login)))
        }

        // Counters and hot scores of the stories that gained votes (`HotScore`, as every recount).
        var columns: (ids: [Int], votes: [Int], medallions: [Int], points: [Int], hot: [Double]) = ([], [], [], [], [])
        for row in rows {
            guard let id = row.int("story_id"), !columns.ids.contains(id), let story = stories[id] else { continue }
            let votes = row.int("votes") ?? 0, medallions = row.int("medallions") ?? 0
            columns.ids.append(id)
            columns.votes.append(votes)
            columns.medallions.append(medallions)
            columns.points.append(HotScore.points(votes: votes, medallions: medallions))
            columns.hot.append(HotScore.score(votes: votes, medallions: medallions, createdAt: story.createdAt))
        }
        if !columns.ids.isEmpty {
            try await tx.rows(SetCounts.self, [.ints(columns.ids), .ints(columns.votes), .ints(columns.medallions), .ints(columns.points), .doubles(columns.hot)])
        }
        return answers.map { $0 ?? .success(false) }
    }

    /// The batch's stories locked in id order, with the voting mode and the voters who are managers.
    private enum LockForVotes: PGStatement {
        static let sql = """
            SELECT \(PGStoryRow.columns), (SELECT value FROM settings WHERE key = ?) AS voting_mode,
                   (SELECT array_agg(login) FROM managers WHERE login = ANY(?::text[])) AS voting_managers
            FROM stories s WHERE s.id = ANY(?::bigint[]) ORDER BY s.id FOR NO KEY UPDATE OF s
            """
    }

    /// The votes (those already there stay), their audit records, and each story's new counts.
    private enum AddVotes: PGStatement {
        static let sql = """
            WITH wanted AS (SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[]) AS w(story_id, voter, at, detail)),
                 added AS (INSERT INTO votes(story_id, voter, at) SELECT story_id, voter, at FROM wanted
                           ON CONFLICT DO NOTHING RETURNING story_id, voter),
                 audited AS (INSERT INTO audit(at, actor, action, story_id, detail, host)
                             SELECT w.at, w.voter, 'upvote', w.story_id, w.detail, ? FROM wanted w JOIN added a USING (story_id, voter)
                             ORDER BY w.at, w.story_id, w.voter),
                 counted AS (SELECT story_id, count(*) AS added FROM added GROUP BY story_id)
            SELECT a.story_id, a.voter,
                   c.added + (SELECT count(*) FROM votes v WHERE v.story_id = a.story_id) AS votes,
                   (SELECT count(*) FROM medallions m WHERE m.story_id = a.story_id) AS medallions
            FROM added a JOIN counted c USING (story_id)
            """
    }

    /// Counters, points and hot scores of the stories that gained votes.
    private enum SetCounts: PGStatement {
        static let sql = """
            UPDATE stories s SET votes = u.votes, medallions = u.medallions, points = u.points, hot = u.hot
            FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::float8[]) AS u(id, votes, medallions, points, hot)
            WHERE s.id = u.id
            """
    }

    private static let votingModeKey = "voting-mode"

    private struct VotePair: Hashable {
        let story: StoryID
        let voter: String
    }
}
#endif
