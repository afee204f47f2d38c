import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightTestSupport
import Testing

/// Golden outputs of the newsletter (every format), the awards and the stats, built from a
/// real board file written in-process through BoardStore with fixed clocks and accounts, then
/// read back through the same queries the commands use. `SNAPSHOT_UPDATE=1` rewrites them.
@Suite struct ReportGoldenTests {
    static let utc = TimeZone(identifier: "UTC")!
    /// Friday of Customer Service Week 2026, 16:00 UTC.
    static let now = at("2026-10-09T16:00")

    static func at(_ text: String) -> Date {
        let parts = text.split(separator: "T")
        let time = parts[1].split(separator: ":").map { Double($0)! }
        return CalendarDate(parsing: String(parts[0]))!.startOfDay(in: utc).addingTimeInterval(time[0] * 3600 + time[1] * 60)
    }

    static let dana = Account(login: "dana", displayName: "Dana Morgan")
    static let mary = Account(login: "mlopez", displayName: "Mary Lopez")
    static let john = Account(login: "jpark", displayName: "John Park")
    static let hanna = Account(login: "hberg", displayName: "Hanna Berg")
    static let gen = Account(login: "gsato", displayName: "Gen Sato")
    static let kiosk = Account(login: "kiosk", displayName: "Break Room")

    static let hostileTitle = "<script>alert('x')</script> & *bold* _it_ [x](y) `code` | pipe"

    /// The board of the goldens: a month of stories across departments, a pin, medallions,
    /// hostile text in every field, and a hidden and a removed story that must never appear.
    static func makeBoard() async throws -> String {
        let path = SpotlightProcess.scratch("report-golden") + "/board.sqlite"
        func act(_ time: String, _ account: Account, _ body: (BoardStore) async throws -> Void) async throws {
            let store = try await BoardStore.open(path, as: account, mode: .createIfMissing(name: "Acme Support"), clock: .fixed(at(time)))
            do { try await body(store) } catch { await store.close(); throw error }
            await store.close()
        }
        func post(_ time: String, _ account: Account, _ draft: StoryDraft) async throws -> StoryID {
            var id = 0
            try await act(time, account) { id = try await $0.post(draft).id }
            return id
        }
        try await act("2026-08-01T09:00", dana) { _ in }  // Dana creates the board and is its manager
        _ = try await post("2026-08-20T10:00", hanna, StoryDraft(
            title: "Billing found a double charge before the customer did", body: "Priya refunded a small bakery before the statement arrived.",
            hero: "Priya Shah", department: "Billing", tags: ["recovery"]))
        let mary1 = try await post("2026-09-14T10:00", john, StoryDraft(
            title: "Mary turned a furious caller into our biggest fan",
            body: "A customer rang after three missed deliveries and wanted to cancel everything. Mary let him finish, apologised "
                + "without excuses, booked the courier herself and called him back at six to confirm the parcel was at his door. "
                + "He has since ordered twice more and asked for her by name.",
            hero: "Mary Lopez", department: "Customer Support", tags: ["defused"]))
        let heating = try await post("2026-09-22T08:30", hanna, StoryDraft(
            title: "Facilities fixed the lobby heating before the board visit",
            body: "Tom came in at 5 am, found the faulty valve and had the lobby warm by eight.", hero: "Tom Okafor",
            department: "Facilities", customer: .internal))
        let tokyo = try await post("2026-09-30T01:00", gen, StoryDraft(
            title: "東京オフィス：台風の日もお客様の電話に全件対応 ☎️", body: "台風の日、陽子さんは自宅からすべてのお客様に折り返しました。",
            hero: "佐藤 陽子", department: "Tokyo Office"))
        let field = try await post("2026-10-05T09:15", kiosk, StoryDraft(
            title: "Field engineer drove two hours with a spare part nobody asked for",
            body: "Ade guessed the clinic's freezer would need a second relay. It did.", hero: "Ade Okafor",
            department: "Field Service", onBehalfOf: "Rita from the Leeds depot"))
        let hostile = try await post("2026-10-06T11:00", mary, StoryDraft(
            title: hostileTitle,
            body: "# heading\n- list\n1. item\n[link](http://evil.example) @channel #12 www.evil.example \u{1B}[2J <b>bold</b> &amp;",
            hero: "Ji-ho <b>Lee</b> & co", department: "R&D | Labs", customer: .internal,
            onBehalfOf: "<img src=x onerror=alert(1)>"))
        let helpCentre = try await post("2026-10-07T14:00", john, StoryDraft(
            title: "Support wrote the answer into the help centre so nobody has to ask again",
            body: "Tickets about the export question dropped from nine a week to one.", hero: "mary  lopez",
            department: "customer support"))
        let hidden = try await post("2026-10-08T10:00", dana, StoryDraft(title: "This story was hidden", hero: "Hidden Hero", department: "Billing"))
        let removed = try await post("2026-10-08T11:00", dana, StoryDraft(title: "This story was removed", hero: "Removed Hero", department: "Billing"))
        for (id, voters) in [(mary1, [dana, hanna, gen]), (heating, [john, mary]), (tokyo, [dana]), (field, [john, mary, hanna]),
                             (hostile, [dana]), (helpCentre, [hanna]), (hidden, [john, mary, hanna]), (removed, [john, mary])] {
            for voter in voters { try await act("2026-10-08T12:00", voter) { try await $0.upvote(id) } }
        }
        try await act("2026-09-15T09:00", dana) { _ = try await $0.giveMedallion(mary1) }
        try await act("2026-10-06T09:00", john) { _ = try await $0.giveMedallion(field) }
        try await act("2026-10-07T16:00", hanna) { _ = try await $0.giveMedallion(helpCentre) }
        try await act("2026-10-08T13:00", mary) { _ = try await $0.giveMedallion(hidden) }
        try await act("2026-10-01T09:00", dana) { try await $0.pin(mary1, until: nil, note: "Story of the month") }
        try await act("2026-10-08T13:30", dana) { store in
            try await store.pin(hidden, until: nil, note: "must not show")
            try await store.setStatus(hidden, to: .hidden)
            try await store.setStatus(removed, to: .removed)
        }
        return path
    }

    static let board = Task { try await makeBoard() }

    /// The newsletter exactly as `spotlight newsletter` assembles it, for `period`.
    static func newsletter(_ period: ReportPeriod, special: String? = nil) async throws -> Newsletter {
        NewsletterBuilder.build(try await newsletterInput(period, special: special))
    }

    static func newsletterInput(_ period: ReportPeriod, special: String? = nil) async throws -> NewsletterInput {
        let store = try await BoardStore.open(try await board.value, as: dana, clock: .fixed(now))
        let (start, end) = (period.start, period.end)
        let input = NewsletterInput(
            boardName: try await store.settings().name, period: period, now: now,
            stories: try await store.reportStories(from: start, to: end), pinned: try await store.reportPinnedStories(from: start, to: end),
            medallions: try await store.reportMedallions(from: start, to: end), firstPosts: try await store.reportFirstPosts(from: start, to: end),
            specialEdition: special)
        await store.close()
        return input
    }

    static var defaultPeriod: ReportPeriod { try! ReportPeriod.parse(since: nil, until: nil, now: now, timeZone: utc) }

    @Test func newsletterMarkdown() async throws {
        expectReportGolden(NewsletterMarkdown.render(try await Self.newsletter(Self.defaultPeriod)), "newsletter.md")
    }

    @Test func newsletterHTML() async throws {
        expectReportGolden(NewsletterHTML.render(try await Self.newsletter(Self.defaultPeriod)), "newsletter.html")
    }

    @Test func newsletterText() async throws {
        expectReportGolden(NewsletterText.render(try await Self.newsletter(Self.defaultPeriod)), "newsletter.txt")
    }

    @Test func serviceWeekSpecialIssue() async throws {
        let week = try ReportPeriod.serviceWeek(2026, settings: BoardSettings(), now: Self.now, timeZone: Self.utc)
        expectReportGolden(NewsletterMarkdown.render(try await Self.newsletter(week, special: "Customer Service Week 2026")),
                           "newsletter-service-week.md")
    }

    @Test func anEmptyPeriodIsAFriendlyIssue() async throws {
        let august = try ReportPeriod.parse(since: "2026-08-01", until: "2026-08-19", now: Self.now, timeZone: Self.utc)
        expectReportGolden(NewsletterText.render(try await Self.newsletter(august)), "newsletter-empty.txt")
    }

    @Test func hiddenAndRemovedStoriesAreInNoIssue() async throws {
        let issue = try await Self.newsletter(Self.defaultPeriod)
        for text in [NewsletterMarkdown.render(issue), NewsletterHTML.render(issue), NewsletterText.render(issue)] {
            for secret in ["Hidden Hero", "Removed Hero", "was hidden", "was removed", "must not show"] {
                #expect(!text.contains(secret))
            }
        }
    }

    @Test func awardsTextAndMarkdown() async throws {
        let store = try await BoardStore.open(try await Self.board.value, as: Self.dana, clock: .fixed(Self.now))
        let year = try ReportPeriod.year(2026, now: Self.now, timeZone: Self.utc)
        let report = Awards.compute(title: "Acme Support 2026", stories: try await store.reportStories(from: year.start, to: year.end, bodyLength: 0), period: year)
        await store.close()
        expectReportGolden(AwardsText.text(report), "awards.txt")
        expectReportGolden(AwardsText.markdown(report), "awards.md")
    }

    @Test func statsText() async throws {
        let store = try await BoardStore.open(try await Self.board.value, as: Self.dana, clock: .fixed(Self.now))
        let period = BoardStats.period(weeks: 10, now: Self.now, timeZone: Self.utc)
        let stats = BoardStats.compute(StatsInput(
            period: period, stories: try await store.reportStories(from: period.start, to: period.end, bodyLength: 0),
            voteTimes: try await store.reportVoteTimes(from: period.start, to: period.end),
            medallionTimes: try await store.reportMedallionTimes(from: period.start, to: period.end)))
        await store.close()
        expectReportGolden(StatsText.render(stats, boardName: "Acme Support", period: period, glyphs: .unicode), "stats.txt")
        expectReportGolden(StatsText.render(stats, boardName: "Acme Support", period: period, glyphs: .ascii), "stats-ascii.txt")
    }
}

/// Compares `actual` with `Goldens/<name>`; `SNAPSHOT_UPDATE=1` rewrites the file instead.
func expectReportGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens").appendingPathComponent(name)
    expectTextGolden(actual, at: url, name: name, sourceLocation: sourceLocation)
}
