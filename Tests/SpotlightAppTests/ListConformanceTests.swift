import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// Orders, pages and totals, search and the department filter: the same lists from every backend.
@Suite struct ListConformanceTests {
    typealias P = People

    /// A at T with two votes, B six hours later, C two days later (by John).
    private func threeStories(_ kind: BoardKind) async throws -> (board: TestBoard, ids: [StoryID]) {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let a = try await dana.post(P.draft("A"))
        await dana.close()
        let later = try await board.open(clock: .fixed(P.now.addingTimeInterval(6 * 3600)))
        let b = try await later.post(P.draft("B"))
        await later.close()
        let john = try await board.open(as: P.john, clock: .fixed(P.now.addingTimeInterval(2 * 86_400)))
        let c = try await john.post(P.draft("C"))
        try await john.upvote(a.id)
        await john.close()
        let mary = try await board.open(as: P.mary)
        try await mary.upvote(a.id)
        await mary.close()
        return (board, [a.id, b.id, c.id])
    }

    @Test(arguments: BoardKind.allCases)
    func hotNewAndTopOrders(kind: BoardKind) async throws {
        let (board, ids) = try await threeStories(kind)
        let (a, b, c) = (ids[0], ids[1], ids[2])
        let reader = try await board.open(as: P.mary)
        // hot: log10(points) + age in days — C (2.0) beats A (log10 3 ≈ 0.48) beats B (0.25).
        #expect(try await reader.stories(StoryQuery(order: .hot)).map(\.id) == [c, a, b])
        #expect(try await reader.stories(StoryQuery(order: .new)).map(\.id) == [c, b, a])
        // top: points, then the newer id on a tie.
        #expect(try await reader.stories(StoryQuery(order: .top)).map(\.id) == [a, c, b])
        #expect(try await reader.story(a).votes == 2)
        for order in StoryOrder.allCases {
            #expect(try await reader.page(StoryQuery(order: order)).stories.map(\.id)
                    == reader.stories(StoryQuery(order: order)).map(\.id), "page and list agree for \(order)")
        }
        await reader.close()
    }

    @Test(arguments: BoardKind.allCases)
    func pagesTotalsAndTheViewersVotes(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let john = try await board.open(as: P.john)
        var ids: [StoryID] = []
        for n in 1...25 { ids.append(try await john.post(P.draft("story \(n)")).id) }
        let mary = try await board.open(as: P.mary)
        try await mary.upvote(ids[0])
        try await mary.upvote(ids[3])
        let newestFirst = Array(ids.reversed())

        let first = try await mary.page(StoryQuery(order: .new, limit: 10))
        #expect(first.stories.map(\.id) == Array(newestFirst[0..<10]))
        #expect(first.total == 25 && !first.totalIsCapped && first.offset == 0)
        #expect(first.voted.isEmpty)
        let last = try await mary.page(StoryQuery(order: .new, limit: 10, offset: 20))
        #expect(last.stories.map(\.id) == Array(newestFirst[20..<25]))
        #expect(last.voted == [ids[0], ids[3]])
        let uncounted = try await mary.page(StoryQuery(order: .new, limit: 10, offset: 20), counting: false, matches: nil)
        #expect(uncounted.stories == last.stories && uncounted.total == 0)
        let negative = try await mary.page(StoryQuery(order: .new, limit: 3, offset: -5))
        #expect(negative.offset == 0 && negative.stories.map(\.id) == Array(newestFirst[0..<3]))
        #expect(try await mary.page(StoryQuery(offset: 100)).stories.isEmpty)
        #expect(try await mary.storyCount(StoryQuery()) == (25, false))
        #expect(try await mary.storyCount(StoryQuery(), cap: 10) == (10, true))
        #expect(try await mary.votedStories(among: ids) == [ids[0], ids[3]])
        // A fixed list ("New for you") pages in its own order.
        let fixed = try await mary.page(of: [ids[4], ids[0], ids[9]], offset: 1, limit: 5)
        #expect(fixed.stories.map(\.id) == [ids[0], ids[9]] && fixed.total == 3 && fixed.offset == 1 && fixed.voted == [ids[0]])
        await john.close(); await mary.close()
    }

    @Test(arguments: BoardKind.allCases)
    func searchMatchesWordPrefixesIgnoringCaseAndAccents(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let invoices = try await dana.post(StoryDraft(title: "Fresh news about invoices", hero: "B", department: "Billing"))
        let cafe = try await dana.post(StoryDraft(title: "Café crème for the night shift", body: "She stayed late", hero: "Zoë Ng",
                                                  department: "Kitchen", tags: ["warm-welcome"]))
        let old = try await dana.post(StoryDraft(title: "Old famous", hero: "A", department: "Sales"))
        func search(_ text: String) async throws -> [StoryID] { try await dana.stories(StoryQuery(order: .new, search: text)).map(\.id) }
        #expect(try await search("invoic") == [invoices.id])
        #expect(try await search("INVOICES") == [invoices.id])
        #expect(try await search("cafe creme") == [cafe.id])
        #expect(try await search("zoe") == [cafe.id], "the hero is searched")
        #expect(try await search("stayed") == [cafe.id], "the body is searched")
        #expect(try await search("welcome") == [cafe.id], "tags are searched")
        #expect(try await search("news famous").isEmpty, "every word must match")
        #expect(try await search("\"unbalanced OR (").isEmpty)
        #expect(try await search("voices").isEmpty, "words match from their start")
        #expect(try await search("!!!") == [old.id, cafe.id, invoices.id], "no words: no filter")
        let page = try await dana.page(StoryQuery(search: "f"))
        #expect(Set(page.stories.map(\.id)) == [invoices.id, cafe.id, old.id] && page.total == 3 && !page.totalIsCapped)
        await dana.close()
    }

    /// FTS5's unicode61 is the reference: a run of CJK letters is one word (space and U+3001
    /// separate words), found from its start only.
    @Test(arguments: BoardKind.allCases)
    func searchTreatsARunOfCJKLettersAsOneWord(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let tokyo = try await dana.post(StoryDraft(title: "東京 オフィス、佐藤さん", hero: "B", department: "Sales"))
        _ = try await dana.post(StoryDraft(title: "Other news", hero: "A", department: "Sales"))
        func search(_ text: String) async throws -> [StoryID] { try await dana.stories(StoryQuery(order: .new, search: text)).map(\.id) }
        #expect(try await search("東京") == [tokyo.id])
        #expect(try await search("オフィ") == [tokyo.id])
        #expect(try await search("佐藤") == [tokyo.id])
        #expect(try await search("佐藤 東京") == [tokyo.id])
        #expect(try await search("京").isEmpty, "not from the middle of a word")
        #expect(try await search("さん").isEmpty, "佐藤さん is one word")
        await dana.close()
    }

    /// Where Unicode's full case folding and FTS5 part ways, FTS5 wins: diacritics go from Latin
    /// letters only, ß and ligatures stay as they are.
    @Test(arguments: BoardKind.allCases)
    func searchFoldsAsFTS5Does(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let street = try await dana.post(StoryDraft(title: "Straße ﬁne", hero: "B", department: "Sales"))
        let greek = try await dana.post(StoryDraft(title: "ΣΊΣΥΦΟΣ データ", hero: "İlkay Łódź", department: "Sales"))
        func search(_ text: String) async throws -> [StoryID] { try await dana.stories(StoryQuery(order: .new, search: text)).map(\.id) }
        #expect(try await search("strass").isEmpty)
        #expect(try await search("STRAß") == [street.id])
        #expect(try await search("fine").isEmpty)
        #expect(try await search("σίσυφος") == [greek.id], "final sigma is sigma")
        #expect(try await search("σισυφος").isEmpty, "Greek keeps its accents")
        #expect(try await search("テータ").isEmpty, "kana keep their dakuten")
        #expect(try await search("データ") == [greek.id])
        #expect(try await search("ilkay lodz").isEmpty, "ł is a letter of its own")
        #expect(try await search("ilkay łodz") == [greek.id], "İ and ó lose their marks")
        await dana.close()
    }

    @Test(arguments: BoardKind.allCases)
    func departmentFilterAndList(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let billing = try await dana.post(P.draft("bill", department: "Billing"))
        let sales = try await dana.post(P.draft("sell", department: "Sales"))
        let hidden = try await dana.post(P.draft("gone", department: "Archive"))
        try await dana.setStatus(hidden.id, to: .hidden)
        #expect(try await dana.stories(StoryQuery(department: "billing")).map(\.id) == [billing.id], "any ASCII case in lists")
        #expect(try await dana.page(StoryQuery(department: "Billing")).stories.map(\.id) == [billing.id])
        #expect(try await dana.page(StoryQuery(department: "Billing")).total == 1)
        #expect(try await dana.departments().map(\.name) == ["Billing", "Sales"], "departments of visible stories only")
        #expect(try await dana.departments().map(\.stories) == [1, 1])
        #expect(try await dana.stories(StoryQuery(author: "dana")).count == 2)
        #expect(try await dana.stories(StoryQuery(author: "dana", includeHidden: true)).count == 3)
        #expect(try await dana.storyCount() == 2)
        _ = sales
        await dana.close()
    }

    @Test(arguments: BoardKind.allCases)
    func everyChangeLeavesItsAuditRow(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let john = try await board.open(as: P.john)
        let story = try await john.post(P.draft())
        try await dana.upvote(story.id)
        try await dana.unvote(story.id)
        _ = try await dana.giveMedallion(story.id)
        try await dana.revokeMedallion(story.id)
        try await dana.pin(story.id, until: P.now.addingTimeInterval(3600), note: nil)
        try await dana.unpin(story.id)
        _ = try await john.edit(story.id, to: P.draft("edited"))
        try await dana.setStatus(story.id, to: .hidden)
        try await dana.setStatus(story.id, to: .visible)
        try await dana.addManager("mlopez")
        try await dana.removeManager("mlopez")
        try await dana.setSetting("pin-share", to: "4")
        let events = try await dana.auditEvents(limit: 100).reversed().map { [$0.actor, $0.action, $0.detail] }
        #expect(events == [
            ["dana", "init", "created the board; dana is its first manager"],
            ["jpark", "post", "posted story #\(story.id)"],
            ["dana", "upvote", "upvoted story #\(story.id)"],
            ["dana", "unvote", "withdrew vote on story #\(story.id)"],
            ["dana", "medal", "gave a medallion for story #\(story.id)"],
            ["dana", "unmedal", "took back a medallion for story #\(story.id)"],
            ["dana", "pin", "pinned story #\(story.id) until 2026-11-24T13:00:00Z"],
            ["dana", "unpin", "unpinned story #\(story.id)"],
            ["jpark", "edit", "edited story #\(story.id)"],
            ["dana", "hide", "hide story #\(story.id)"],
            ["dana", "unhide", "unhide story #\(story.id)"],
            ["dana", "add-manager", "made mlopez a manager"],
            ["dana", "remove-manager", "removed mlopez as a manager"],
            ["dana", "setting", "set pin-share to 4"],
        ])
        let all = try await dana.auditEvents(limit: 100)
        #expect(all.map(\.id) == all.map(\.id).sorted(by: >), "newest first")
        #expect(all.allSatisfy { $0.at == P.now })
        #expect(try await dana.auditEvents(limit: 3).count == 3)
        await dana.close(); await john.close()
    }

    @Test(arguments: BoardKind.allCases)
    func theWallSnapshot(kind: BoardKind) async throws {
        let (board, ids) = try await threeStories(kind)
        let (a, b, c) = (ids[0], ids[1], ids[2])
        let dana = try await board.open(clock: .fixed(P.now.addingTimeInterval(2 * 86_400)))
        try await dana.pin(b, until: nil, note: "Pinned")
        let other = try await dana.post(P.draft("D", department: "Warehouse"))
        let snapshot = try await dana.wallSnapshot(highlightSince: P.now.addingTimeInterval(-60))
        #expect(snapshot.stories.first?.id == b, "live pins first")
        #expect(snapshot.stories.map(\.id) == [b, other.id, c, a], "then the hottest")
        #expect(snapshot.headlines == ["D", "C", "B", "A"], "newest first")
        #expect(snapshot.totalStories == 4)
        #expect(snapshot.highlight?.id == a, "the most upvoted since the given time")
        #expect(snapshot.settings.name == "Test")
        #expect(try await dana.wallSnapshot().highlight == nil)
        await dana.close()
    }
}
