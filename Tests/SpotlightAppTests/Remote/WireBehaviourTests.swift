import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// The broker's side of the wire: who a request acts as, what text and times survive the trip,
/// who hears about a write, and how many handles it keeps open.
@Suite struct WireBehaviourTests {
    typealias P = People

    @Test func noFieldChangesWhoActs() async throws {
        let f = try await WireFixture.make()
        // John posts a story that claims, in every way JSON allows, to be Dana's.
        let forged = #"{"title":"T","body":"B","hero":"H","department":"D","customer":"external","tags":[],"#
            + #""author":"dana","authorName":"Dana Morgan","account":{"login":"dana"},"login":"dana","user":"dana","actor":"dana"}"#
        let posted = await f.send("POST", "/v1/stories", body: forged, as: P.john, tag: "dana")
        #expect(posted.status == 200, "unknown fields are ignored")
        let story = try BoardWire.decode(Story.self, from: posted.body, what: "story")
        #expect(story.author == "jpark" && story.authorName == "John Park")
        // Whoami says who the broker sees, whatever the query or tag says.
        #expect(await f.send("GET", "/v1/whoami", query: [("login", "dana")], as: P.john).status == 400, "whoami takes no query")
        let who = await f.send("GET", "/v1/whoami", as: P.john, tag: "dana")
        #expect(try BoardWire.decode(Wire.WhoAmI.self, from: who.body, what: "whoami").account == P.john)
        // Dana may pin; John, naming Dana anywhere, may not.
        let pin = await f.send("POST", "/v1/stories/\(story.id)/pin", body: #"{"note":"x","login":"dana","pinnedBy":"dana"}"#, as: P.john)
        #expect(pin.status == 403)
        // John votes for his own story with Dana's name attached: still his own story.
        let vote = await f.send("POST", "/v1/stories/\(story.id)/vote", body: #"{"login":"dana"}"#, as: P.john)
        #expect(vote.status == 400 || vote.status == 403, "\(vote.text)")
        // An edit is still John's.
        let remote = try await f.remote(P.john)
        #expect(remote.account == P.john)
        let edited = try await remote.edit(story.id, to: P.draft("T2"))
        #expect(edited.author == "jpark")
        // News are only ever the caller's own.
        let marks = try await remote.marksForEverythingNow(at: P.now)
        await #expect(throws: SpotlightError.self) { _ = try await remote.news(since: marks, for: P.dana) }
        await f.broker.close()
    }

    @Test func copyingAnotherHandlesTagMakesNoOneSkipYourWrite() async throws {
        let f = try await WireFixture.make()
        let dana = try await f.remote(P.dana)
        let hears = ChangeRecorder(dana.changes())
        // John sends Dana's tag (every subscriber sees origins): his write is still heard by her.
        let posted = await f.send("POST", "/v1/stories", body: #"{"title":"T","body":"","hero":"H","department":"D","customer":"external","tags":[]}"#,
                                  as: P.john, tag: dana.clientTag)
        #expect(posted.status == 200)
        #expect(await hears.waitFor(count: 1))
        // Tags that are not plain tokens are no tags: the change has no origin.
        let raw = EventRecorder(f.broker.events())
        for tag in ["", String(repeating: "a", count: 65), "x\ny", "évil", "a b"] {
            _ = await f.send("POST", "/v1/stories", body: #"{"title":"T","body":"","hero":"H","department":"D","customer":"external","tags":[]}"#,
                             as: P.john, tag: tag)
            #expect(await raw.waitFor(count: 1))
        }
        #expect(await raw.events.allSatisfy { $0 == .changed(origin: nil) })
        await dana.close(); await f.broker.close()
    }

    @Test func hostileTextRoundTripsAsTheStoreKeepsIt() async throws {
        let board = try await BoardKind.remote.makeBoard()
        let remote = try await board.open(as: P.john)
        let texts = ["\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}[31mred", "\u{202E}evil\u{202C} \u{2066}isolate\u{2069}", "nul\u{0}inside",
                     "line\nbreak\r\ncrlf\ttab", "\"quotes\" \\back\\slash / slash", "é vs e\u{301}", "👩‍👩‍👧‍👦 🇯🇵 ﷽", "\u{FEFF}bom\u{200B}zw",
                     "</script><!--", "\u{85}\u{2028}\u{2029}", "\u{7F}\u{9B}31m", "\u{FFFD} replacement"]
        for text in texts {
            let posted = try await remote.post(StoryDraft(title: "Hostile text", body: text, hero: "Hero",
                                                          department: "Dept", customer: .external, tags: ["tag"]))
            let direct = try await SQLiteBoard.open(board.path!, as: P.john, clock: .fixed(P.now))
            let stored = try await direct.story(posted.id)
            await direct.close()
            #expect(posted == stored, "what came back is what the store holds")
            #expect(try await remote.story(posted.id) == stored)
        }
        await remote.close()
    }

    @Test(arguments: [1_795_521_600.0, 1_795_521_600.123, 0.001, -1.5, 1_795_521_600.123_456_789, 1e-9, 978_307_200.000_000_1])
    func timesRoundTripExactly(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        struct Box: Codable, Equatable { var at: Date; var maybe: Date? }
        let bytes = try BoardWire.encode(Box(at: date, maybe: date))
        #expect(try BoardWire.decode(Box.self, from: bytes, what: "box") == Box(at: date, maybe: date))
        let millis = Date(timeIntervalSince1970: Double(Int((seconds * 1000).rounded())) / 1000)
        if millis == date { #expect(String(decoding: bytes, as: UTF8.self).contains("Z\""), "board times are ISO 8601 text") }
    }

    @Test func timesAreISOText() {
        #expect(WireDate.text(People.now) == "2026-11-24T12:00:00.000Z")
        #expect(WireDate.text(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
        #expect(WireDate.date("2026-11-24T12:00:00.000Z") == People.now)
        #expect(WireDate.date("2026-11-24T12:00:00Z") == People.now)
        #expect(WireDate.date("2026-11-24T12:00:00.5Z") == People.now.addingTimeInterval(0.5))
        for bad in ["2026-11-24", "2026-11-24T12:00:00", "2026-13-01T00:00:00Z", "2026-11-24T12:00:00.1234Z", "x026-11-24T12:00:00Z",
                    "2026-11-24T12:00:00.000Z ", ""] {
            #expect(WireDate.date(bad) == nil, "\(bad)")
        }
    }

    /// A one-shot command's handle asks nothing: it takes the account its uid names, and the
    /// broker's events for that uid and its tag are its own, exactly as a handle that asked.
    @Test func aHandleAssumingItsAccountSendsNoRequestAndSkipsItsOwnChanges() async throws {
        let f = try await WireFixture.make()
        let events = EventRecorder(f.broker.events())
        let counting = CountingTransport(BrokerFixture.loopback(f.broker, as: P.mary))
        let mary = try await RemoteBoard.open(counting, clock: .fixed(P.now),
                                              introduction: .assuming(P.mary, uid: f.peer(P.mary).uid))
        #expect(counting.sent == [], "no whoami")
        #expect(mary.account == P.mary && mary.ownOrigin == "\(f.peer(P.mary).uid):\(mary.clientTag)")
        let dana = try await f.remote(P.dana)
        let maryHears = ChangeRecorder(mary.changes())
        let story = try await mary.post(P.draft("mine"))
        #expect(story.author == P.mary.login)
        #expect(await events.waitFor(count: 1))
        #expect(await events.events.first == .changed(origin: mary.ownOrigin))
        _ = try await dana.post(P.draft("dana's"))
        #expect(await maryHears.waitFor(count: 1))
        await mary.close()
        #expect(await maryHears.waitForEnd())
        #expect(await maryHears.changes == [.changed], "Dana's post only, never Mary's own")
        #expect(counting.sent == ["/v1/stories"])
        await dana.close()
        await f.broker.close()
    }

    @Test func aWriteIsHeardByOthersWithItsOriginAndNotByItsWriter() async throws {
        let f = try await WireFixture.make()
        let raw = f.broker.events()
        let events = EventRecorder(raw)
        let dana = try await f.remote(P.dana)
        let mary = try await f.remote(P.mary)
        let danaHears = ChangeRecorder(dana.changes())
        let maryHears = ChangeRecorder(mary.changes())
        _ = try await dana.post(P.draft())
        #expect(await events.waitFor(count: 1))
        #expect(await events.events.first == .changed(origin: dana.ownOrigin))
        #expect(dana.ownOrigin == "\(f.peer(P.dana).uid):\(dana.clientTag)")
        #expect(await maryHears.waitFor(count: 1))
        _ = try await mary.post(P.draft("second"))
        #expect(await danaHears.waitFor(count: 1))
        // A refused write is heard by nobody.
        await #expect(throws: SpotlightError.self) { try await mary.pin(1, until: nil, note: nil) }
        await dana.close()
        #expect(await danaHears.waitForEnd())
        #expect(await danaHears.changes == [.changed])
        #expect(await maryHears.changes == [.changed])
        // Another process writing the file (later than an echo of ours) is forwarded by the
        // watcher without an origin.
        f.time.advance(by: 3)
        let outsider = InMemoryBoard(storage: f.storage, as: P.john, clock: .fixed(P.now))
        _ = try await outsider.post(P.draft("from outside"))
        #expect(await maryHears.waitFor(count: 2))
        #expect(await events.waitFor(count: 3))
        #expect(await events.events.last == .changed(origin: nil))
        await f.broker.close()
        #expect(await events.waitForEnd(), "closing the broker ends its streams")
        #expect(await maryHears.waitForEnd())
        await mary.close()
    }

    @Test func anUnreadableBoardIsUnavailableAnd503() async throws {
        let f = try await WireFixture.make()
        let mary = try await f.remote(P.mary)
        let hears = ChangeRecorder(mary.changes())
        await f.storage.interrupt("board file missing")
        #expect(await hears.waitFor(count: 1))
        #expect(await hears.changes == [.unavailable("board file missing")])
        let refused = await f.send("GET", "/v1/stories/count", as: P.mary)
        #expect(refused.status == 503 && refused.error?.error.message == "board file missing")
        await f.storage.restore()
        #expect(await hears.waitFor(count: 2))
        #expect(await hears.changes.last == .changed)
        #expect(await f.send("GET", "/v1/stories/count", as: P.mary).status == 200)
        await mary.close(); await f.broker.close()
    }

    @Test func eventsMergeWhenASubscriberFallsBehind() {
        #expect(BrokerEvent.merged(.changed(origin: "a"), .changed(origin: "a")) == .changed(origin: "a"))
        #expect(BrokerEvent.merged(.changed(origin: "a"), .changed(origin: "b")) == .changed(origin: nil),
                "b must not skip a's change")
        #expect(BrokerEvent.merged(.unavailable("x"), .changed(origin: "b")) == .changed(origin: nil))
        #expect(BrokerEvent.merged(.changed(origin: nil), .unavailable("x")) == .unavailable("x"))
    }

    @Test func aSlowSubscriberHoldsOneMergedEvent() async throws {
        let f = try await WireFixture.make()
        let slow = f.broker.events()
        let dana = try await f.remote(P.dana)
        let mary = try await f.remote(P.mary)
        for n in 0..<50 { _ = try await (n % 2 == 0 ? dana : mary).post(P.draft("story \(n)")) }
        await f.broker.close()
        var held: [BrokerEvent] = []
        for await event in slow { held.append(event) }
        #expect(held == [.changed(origin: nil)], "fifty writes by two handles wait as one change of unknown origin")
        await dana.close(); await mary.close()
    }

    @Test func handlesAreKeptPerAccountAndTheLeastRecentlyUsedClosed() async throws {
        let f = try await WireFixture.make(capacity: 2)
        for account in [P.dana, P.mary, P.dana, P.john, P.dana, P.mary] {
            #expect(await f.send("GET", "/v1/stories/count", as: account).status == 200)
        }
        // The watcher; dana, mary (kept); john evicts mary; mary again evicts john.
        #expect(await f.opened.logins == ["spotlight", "dana", "mlopez", "jpark", "mlopez"])
        await f.broker.close()
        #expect(await f.send("GET", "/v1/stories/count").status >= 500, "a closed broker answers nothing")
    }

    @Test func theAnswerKeyAndTheExportStayWithManagers() async throws {
        let f = try await WireFixture.make()
        let program = CertProgram(name: "Standards", levels: [CertLevel(number: 1, title: "Basics", requires: "Pass the quiz")],
                                  quiz: Quiz(questions: [QuizQuestion(text: "Q", answers: ["a", "b"], correct: 1, explanation: "b, because")],
                                             passingScore: 1))
        let dana = try await f.remote(P.dana)
        let mary = try await f.remote(P.mary)
        try await dana.addProgram(program)
        #expect(try await dana.programs() == [program], "a manager sees the key")
        #expect(try await dana.program(named: "Standards") == program)
        let seen = try await mary.programs()
        #expect(seen.map(\.name) == ["Standards"] && seen[0].quiz.questions.map(\.correct) == [-1])
        #expect(seen[0].quiz.questions[0].explanation == nil && seen[0].quiz.questions[0].answers == ["a", "b"])
        #expect(try await mary.program(named: "Standards").quiz.questions[0].correct == -1)
        await #expect(throws: SpotlightError.self) { _ = try await mary.export() }
        #expect(try await dana.export().certification?.programs.first?.program == program)
        await dana.close(); await mary.close(); await f.broker.close()
    }

    @Test func versionNeedsNoBoard() async throws {
        let f = try await WireFixture.make()
        let version = await f.send("GET", "/v1/version")
        #expect(try BoardWire.decode(Wire.Version.self, from: version.body, what: "version") == Wire.Version(spotlight: "9.9.9", api: 1))
        #expect(version.text == #"{"api":1,"spotlight":"9.9.9"}"#)
        await f.broker.close()
    }
}

/// Collects a broker's raw events.
actor EventRecorder {
    private(set) var events: [BrokerEvent] = []
    private(set) var ended = false

    init(_ stream: AsyncStream<BrokerEvent>) {
        Task {
            for await event in stream { await self.record(event) }
            await self.end()
        }
    }

    private func record(_ event: BrokerEvent) { events.append(event) }
    private func end() { ended = true }

    func waitFor(count: Int, seconds: Double = 15) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while events.count < count && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        return events.count >= count
    }

    func waitForEnd(seconds: Double = 15) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while !ended && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        return ended
    }
}

/// A transport that notes the path of every request it passes on.
final class CountingTransport: BrokerTransport, @unchecked Sendable {
    private let inner: any BrokerTransport
    private let lock = NSLock()
    private var paths: [String] = []
    init(_ inner: any BrokerTransport) { self.inner = inner }
    var sent: [String] { lock.withLock { paths } }
    var location: String { inner.location }
    func send(_ request: BrokerRequest) async throws(SpotlightError) -> BrokerResponse {
        lock.withLock { paths.append(request.path) }
        return try await inner.send(request)
    }
    func events(clientTag: String) -> AsyncStream<BrokerEvent> { inner.events(clientTag: clientTag) }
    func close() async { await inner.close() }
}
