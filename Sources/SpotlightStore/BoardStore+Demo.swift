import Foundation
import SQLiteNIO
import SpotlightCore

extension BoardStore {
    /// Fills an empty board with sample stories written by fictional colleagues, with their
    /// votes, medallions and a pin, timed relative to now so the wall looks alive.
    public func seed(_ samples: [SampleStory]) async throws(SpotlightError) -> Int {
        try await transaction { () async throws(SpotlightError) -> Int in
            try BoardRules.requireManager(account, isManager: try await isManager(account.login), for: .pin)
            guard try await scalarInt("SELECT count(*) FROM stories") == 0 else {
                throw .usage("the board \(path) already has stories; run `spotlight demo --board NEW.sqlite` to make a separate demo board")
            }
            let now = clock.now
            // Oldest first, so ids follow posting order as they would on a real board.
            for sample in samples.sorted(by: { $0.hoursAgo > $1.hoursAgo }) {
                try sample.draft.validate()
                let created = now.addingTimeInterval(-sample.hoursAgo * 3600)
                let votes = sample.voters.count, medallions = sample.medallionsFrom.count
                let d = sample.draft
                let inserted = try await rows("""
                    INSERT INTO stories(title, body, hero, department, customer, tags, author, author_name, on_behalf_of,
                                        created_at, status, votes, medallions, points, hot, pinned_by, pinned_at, pin_note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'visible', ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """, [
                        .text(d.title), .text(d.body), .text(d.hero), .text(d.department), .text(d.customer.rawValue),
                        .text(d.tags.joined(separator: " ")), .text(sample.author.login), .text(sample.author.displayName),
                        d.onBehalfOf.map { .text($0) } ?? .null, .integer(created.millis), .integer(votes), .integer(medallions),
                        .integer(HotScore.points(votes: votes, medallions: medallions)),
                        .float(HotScore.score(votes: votes, medallions: medallions, createdAt: created)),
                        sample.pinned ? .text(account.login) : .null, sample.pinned ? .integer(now.millis) : .null,
                        sample.pinned ? .text("Story of the month") : .null,
                    ])
                guard let id = inserted.first?.column("id")?.integer else {
                    throw Self.missingValue("INSERT INTO stories … RETURNING id", found: nil, what: "the new story's id")
                }
                // Audited like real posts and pins, so `doctor` finds every story's record.
                try await audit("post", story: id, detail: "posted story #\(id)", actor: sample.author.login)
                if sample.pinned { try await audit("pin", story: id, detail: "pinned story #\(id)") }
                for (i, voter) in sample.voters.enumerated() {
                    let at = created.addingTimeInterval(Double(i + 1) * 600)
                    try await execute("INSERT INTO votes(story_id, voter, at) VALUES (?, ?, ?)",
                                      [.integer(id), .text(voter), .integer(min(at, now).millis)])
                }
                for giver in sample.medallionsFrom {
                    try await execute("INSERT INTO medallions(story_id, giver, hero, given_at, year) VALUES (?, ?, ?, ?, ?)",
                                      [.integer(id), .text(giver), .text(d.hero), .integer(now.millis),
                                       .integer(BoardRules.medallionYear(of: now))])
                }
            }
            try await audit("demo", story: nil, detail: "added \(Plural.count(samples.count, "demo story", "demo stories"))")
            return samples.count
        }
    }
}
