#if PostgreSQLSupport
import Foundation
@testable import SpotlightPostgres
import SpotlightApp
import SpotlightCore
import SpotlightStore
import Testing

/// The PostgreSQL store against a real cluster (`SPOTLIGHT_TEST_POSTGRES`, an admin role's URL):
/// the open checks, hostile text, and many writers at once. Without the variable these tests
/// are not run (`.enabled(if:)` shows them as skipped; CI sets it).
@Suite(.enabled(if: TestCluster.adminURL != nil, "SPOTLIGHT_TEST_POSTGRES is not set"))
struct PostgresBoardTests {
    static let dana = Account(login: "dana", displayName: "Dana Morgan")
    static let now = Date(timeIntervalSince1970: 1_795_521_600)

    static func draft(_ title: String, body: String = "Body", hero: String = "Mary Lopez") -> StoryDraft {
        StoryDraft(title: title, body: body, hero: hero, department: "Support", customer: .external, tags: ["recovery"])
    }

    @Test func anEmptyDatabaseBecomesABoardAndItsCreatorTheFirstManager() async throws {
        let url = try await TestCluster.newDatabase()
        let board = try await PostgreSQLBoard.open(url, as: Self.dana, mode: .createIfMissing(name: "Lobby"), clock: .fixed(Self.now))
        #expect(try await board.managers() == ["dana"])
        #expect(try await board.settings().name == "Lobby")
        #expect(try await board.schemaVersion() == BoardStore.currentSchemaVersion)
        #expect(PGSchema.currentVersion == BoardStore.currentSchemaVersion)
        #expect(try await board.integrityCheck() == "ok")
        await board.close()
        // Opened again, nothing is made twice.
        let again = try await PostgreSQLBoard.open(url, as: Self.dana, clock: .fixed(Self.now))
        #expect(try await again.auditEvents(limit: 10).map(\.action) == ["init"])
        await again.close()
    }

    @Test func anEmptyDatabaseIsNotOpenedWithoutCreating() async throws {
        let url = try await TestCluster.newDatabase()
        await #expect(throws: SpotlightError.self) {
            _ = try await PostgreSQLBoard.open(url, as: Self.dana, clock: .fixed(Self.now))
        }
        #expect(try await TestCluster.relations(url).isEmpty)
    }

    @Test func someoneElsesTablesAreRefusedAndNothingIsWritten() async throws {
        let url = try await TestCluster.newDatabase()
        try await TestCluster.run(url, "CREATE TABLE accounts(id int)", "CREATE TABLE orders(id int)")
        do {
            _ = try await PostgreSQLBoard.open(url, as: Self.dana, mode: .createIfMissing(name: nil), clock: .fixed(Self.now))
            Issue.record("a database with someone else's tables was opened")
        } catch {
            #expect(error.message.contains("holds tables that are not a Spotlight board (accounts, orders): give serve an empty database; nothing was written"),
                    "\(error.message)")
        }
        #expect(try await TestCluster.relations(url) == ["accounts", "orders"])
    }

    @Test func aBoardOfANewerSchemaIsRefusedAndLeftUnchanged() async throws {
        let url = try await TestCluster.newDatabase()
        let board = try await PostgreSQLBoard.open(url, as: Self.dana, mode: .createIfMissing(name: nil), clock: .fixed(Self.now))
        await board.close()
        try await TestCluster.run(url, "UPDATE spotlight_board SET schema_version = 99")
        do {
            _ = try await PostgreSQLBoard.open(url, as: Self.dana, clock: .fixed(Self.now))
            Issue.record("a newer schema was opened")
        } catch {
            #expect(error.message.contains("was made by a newer spotlight (schema 99; this one knows up to \(PGSchema.currentVersion)): upgrade spotlight; the database was left unchanged"),
                    "\(error.message)")
        }
        #expect(try await TestCluster.scalar(url, "SELECT schema_version::text FROM spotlight_board") == "99")
    }

    @Test func aDatabaseThatDoesNotExistIsNamedWithTheCreatedb() async throws {
        let admin = try #require(TestCluster.adminURL)
        var location = try PostgresLocation.parse(admin, defaultRole: "x")
        location.database = "no_such_db_\(UInt32.random(in: 0 ... .max))"
        do {
            _ = try await PostgreSQLBoard.open(location.description, as: Self.dana, clock: .fixed(Self.now))
            Issue.record("a missing database was opened")
        } catch {
            #expect(error.message == "database \(location.database) does not exist at \(location.server): createdb -O \(location.role) \(location.database)")
        }
    }

    @Test func anUnreachableServerIsOneLine() async throws {
        do {
            _ = try await PostgreSQLBoard.open("postgresql://x@/d?host=/nonexistent-dir&port=5", as: Self.dana, clock: .fixed(Self.now))
            Issue.record("an unreachable server was opened")
        } catch {
            #expect(error.message.hasPrefix("cannot reach PostgreSQL at /nonexistent-dir/.s.PGSQL.5"), "\(error.message)")
        }
    }

    @Test func hostileTextRoundTripsByteForByte() async throws {
        let url = try await TestCluster.newDatabase()
        let board = try await PostgreSQLBoard.open(url, as: Self.dana, mode: .createIfMissing(name: nil), clock: .fixed(Self.now))
        let hostile = "nul\u{0}byte \u{10FFFF}0 \u{1B}[31m red \u{202E}bidi"
        let posted = try await board.post(Self.draft(hostile, body: hostile, hero: "Zoë \u{0}"))
        let read = try await board.story(posted.id)
        #expect(read.title == hostile && read.body == hostile && read.hero == "Zoë \u{0}")
        let export = try await board.export()
        #expect(export.stories.first?.title == hostile)
        await board.close()
    }

    @Test func sixteenVotersAtOnceLeaveCountersEqualToRows() async throws {
        let url = try await TestCluster.newDatabase()
        let board = try await PostgreSQLBoard.open(url, as: Self.dana, mode: .createIfMissing(name: nil), clock: .fixed(Self.now))
        let story = try await board.post(Self.draft("Busy"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<16 {
                group.addTask {
                    let voter = try await PostgreSQLBoard.open(url, as: Account(login: "v\(i)", displayName: "Voter \(i)"), clock: .fixed(Self.now))
                    try await voter.upvote(story.id)
                    await voter.close()
                }
            }
            try await group.waitForAll()
        }
        #expect(try await board.story(story.id).votes == 16)
        #expect(try await board.outsideChanges().isEmpty)
        await board.close()
    }

    @Test func oneGiverAtOnceOnManyStoriesNeverExceedsTheYearlyQuota() async throws {
        let url = try await TestCluster.newDatabase()
        let board = try await PostgreSQLBoard.open(url, as: Self.dana, mode: .createIfMissing(name: nil), clock: .fixed(Self.now))
        var ids: [StoryID] = []
        for i in 0..<16 { ids.append(try await board.post(Self.draft("Story \(i)")).id) }
        let perYear = try await board.settings().medallionsPerYear
        let giver = Account(login: "giver", displayName: "Giver")
        let given = try await withThrowingTaskGroup(of: Bool.self) { group in
            for id in ids {
                group.addTask {
                    let handle = try await PostgreSQLBoard.open(url, as: giver, clock: .fixed(Self.now))
                    defer { Task { await handle.close() } }
                    do {
                        _ = try await handle.giveMedallion(id)
                        return true
                    } catch {
                        return false
                    }
                }
            }
            var n = 0
            for try await ok in group where ok { n += 1 }
            return n
        }
        #expect(given == min(perYear, ids.count))
        #expect(try await board.export().medallions.count == given)
        await board.close()
    }

    @Test func exportImportExportIsIdenticalAndIdsContinue() async throws {
        let source = try await PostgreSQLBoard.open(try await TestCluster.newDatabase(), as: Self.dana,
                                                    mode: .createIfMissing(name: "Src"), clock: .fixed(Self.now))
        let mary = Account(login: "mlopez", displayName: "Mary Lopez")
        let first = try await source.post(Self.draft("First", hero: "Ann Lee"))
        let second = try await source.post(Self.draft("Second"))
        try await source.pin(second.id, until: nil, note: "note")
        let maryHandle = try await PostgreSQLBoard.open(source.location, as: mary, clock: .fixed(Self.now))
        try await maryHandle.upvote(first.id)
        _ = try await maryHandle.giveMedallion(first.id)
        await maryHandle.close()
        let exported = try await source.export()
        let target = try await PostgreSQLBoard.open(try await TestCluster.newDatabase(), as: Self.dana,
                                                    mode: .createIfMissing(name: nil), clock: .fixed(Self.now))
        try await target.importBoard(exported)
        #expect(try await target.export().encoded() == exported.encoded())
        let third = try await target.post(Self.draft("Third"))
        #expect(third.id == second.id + 1)
        #expect(try await target.stories(StoryQuery(search: "thi")).map(\.id) == [third.id])
        #expect(try await target.stories(StoryQuery(search: "firs")).map(\.id) == [first.id])
        await source.close(); await target.close()
    }
}
#endif
