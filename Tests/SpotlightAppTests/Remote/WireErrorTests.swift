import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// Errors cross the wire as they are: the same kind, exit code and message from a broker as
/// from the board itself, and a malformed request is one 4xx line, never a crash or a 500.
@Suite struct WireErrorTests {
    typealias P = People

    static let peer = BrokerPeer(uid: 2001, gid: 2001, pid: 7, account: People.dana)

    /// A broker answering every request with one fixed response.
    final class Canned: BrokerApplication {
        let response: BrokerResponse
        init(_ response: BrokerResponse) { self.response = response }
        func respond(to request: BrokerRequest, from peer: BrokerPeer) async -> BrokerResponse { response }
        func isWrite(_ request: BrokerRequest) -> Bool { false }
        func events() -> AsyncStream<BrokerEvent> { AsyncStream { $0.finish() } }
    }

    @Test(arguments: [SpotlightError.usage("title: required"), .permission("only managers may pin (dana, mlopez)"),
                      .storyNotFound(42), .runtime("board unavailable (disk I/O error)\u{1B}[2J \u{202E}évil")])
    func everyErrorKindRoundTripsWithItsMessage(error: SpotlightError) async throws {
        let transport = LoopbackTransport(application: Canned(.error(status: 418, error)), peer: Self.peer)
        let whoFails = await #expect(throws: SpotlightError.self) { _ = try await RemoteBoard.open(transport) }
        #expect(whoFails == error)
        #expect(whoFails?.exitCode == error.exitCode)
    }

    @Test func anUnknownExitCodeIsARuntimeErrorAndAnEmptyErrorBodyToo() async throws {
        let body = Array(#"{"error":{"kind":"odd","exit":77,"message":"strange"}}"#.utf8)
        let peer = Self.peer
        let odd = LoopbackTransport(application: Canned(BrokerResponse(status: 500, body: body)), peer: peer)
        await #expect(throws: SpotlightError.runtime("strange")) { _ = try await RemoteBoard.open(odd) }
        let empty = LoopbackTransport(application: Canned(BrokerResponse(status: 502, body: [])), peer: peer)
        let error = await #expect(throws: SpotlightError.self) { _ = try await RemoteBoard.open(empty) }
        #expect(error?.kind == .runtime && error?.message.contains("502") == true)
    }

    /// The same refusals from the broker as from a file opened directly, for each kind.
    @Test func theBrokersRefusalsAreTheBoardsOwn() async throws {
        let board = try await BoardKind.remote.makeBoard()
        let direct = try await SQLiteBoard.open(board.path!, as: P.john, clock: .fixed(P.now))
        let remote = try await board.open(as: P.john)
        let story = try await remote.post(P.draft())
        func same(_ operation: (any BoardService) async throws(SpotlightError) -> Void) async {
            var errors: [SpotlightError?] = []
            for handle in [direct as any BoardService, remote] {
                do throws(SpotlightError) { try await operation(handle); errors.append(nil) } catch { errors.append(error) }
            }
            #expect(errors[0] != nil && errors[0] == errors[1])
        }
        await same { board async throws(SpotlightError) in _ = try await board.story(999) }                         // 4
        await same { board async throws(SpotlightError) in try await board.pin(story.id, until: nil, note: nil) }   // 3
        await same { board async throws(SpotlightError) in _ = try await board.post(P.draft("")) }                  // 2
        await same { board async throws(SpotlightError) in _ = try await board.upvote(story.id) }                   // own story
        await same { board async throws(SpotlightError) in try await board.setSetting("no-such-key", to: "1") }
        await direct.close(); await remote.close()
    }

    @Test func unknownPathsAndMethods() async throws {
        let f = try await WireFixture.make()
        let unknown = await f.send("GET", "/v1/nothing")
        #expect(unknown.status == 404 && unknown.error?.error.exit == 4)
        #expect(await f.send("GET", "/v2/stories").status == 404)
        #expect(await f.send("GET", "/v1/stories/12abc").status == 404, "an id is digits only")
        #expect(await f.send("GET", "/v1/stories/99999999999999999999999").status == 404)
        let wrong = await f.send("PATCH", "/v1/stories")
        #expect(wrong.status == 405 && wrong.error?.error.message == "`PATCH` is not allowed on /v1/stories: use GET or POST")
        #expect(await f.send("DELETE", "/v1/version").status == 405)
        let hostile = await f.send("GET", "/v1/\u{1B}]0;owned\u{07}")
        #expect(hostile.status == 404 && !(hostile.error?.error.message.contains("\u{1B}") ?? true), "controls are escaped")
        #expect(f.broker.isWrite(BrokerRequest(method: "POST", path: "/v1/stories/3/vote")))
        #expect(!f.broker.isWrite(BrokerRequest(method: "GET", path: "/v1/stories/3/vote")))
        #expect(!f.broker.isWrite(BrokerRequest(method: "POST", path: "/v1/nothing")))
        await f.broker.close()
    }

    @Test func badBodiesAreOneLine400s() async throws {
        let f = try await WireFixture.make()
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        let deepObject = String(repeating: #"{"a":"#, count: 1000) + "1" + String(repeating: "}", count: 1000)
        let cases: [(String, [UInt8])] = [
            ("garbage", Array("not json at all".utf8)),
            ("truncated", Array(#"{"title": "#.utf8)),
            ("empty", []),
            ("array", Array("[1,2,3]".utf8)),
            ("wrong type", Array(#"{"title":5,"body":"B","hero":"H","department":"D","customer":"external","tags":[]}"#.utf8)),
            ("missing field", Array(#"{"body":"B","hero":"H","department":"D","customer":"external","tags":[]}"#.utf8)),
            ("bad enum", Array(#"{"title":"T","body":"B","hero":"H","department":"D","customer":"alien","tags":[]}"#.utf8)),
            ("deep arrays", Array(deep.utf8)),
            ("deep objects", Array(deepObject.utf8)),
        ]
        for (name, bytes) in cases {
            let response = await f.send("POST", "/v1/stories", bytes: bytes)
            #expect(response.status == 400, "\(name): \(response.text)")
            let message = try #require(response.error?.error.message, "\(name)")
            #expect(!message.contains("\n") && message.count < 200, "\(name): one short line: \(message)")
            #expect(response.error?.error.exit == 2)
        }
        let named = await f.send("POST", "/v1/stories", body: #"{"title":5,"body":"B","hero":"H","department":"D","customer":"external","tags":[]}"#)
        #expect(named.error?.error.message == "bad arguments: `title` has the wrong type")
        #expect(try await f.remote(P.dana).storyCount() == 0, "nothing was posted")
        await f.broker.close()
    }

    /// Bytes that are not UTF-8 inside a JSON string: whatever the decoder does, the broker
    /// neither crashes nor stores anything but valid text (U+FFFD where the bytes were).
    @Test func invalidUTF8InAStringIsRefusedOrReplaced() async throws {
        let f = try await WireFixture.make()
        var bytes = Array(#"{"title":"A","body":"B"#.utf8) + [0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80]
        bytes += Array(#"","hero":"H","department":"D","customer":"external","tags":[]}"#.utf8)
        let response = await f.send("POST", "/v1/stories", bytes: bytes)
        if response.status == 200 {
            let story = try BoardWire.decode(Story.self, from: response.body, what: "story")
            #expect(story.body.hasPrefix("B\u{FFFD}"), "\(story.body.debugDescription)")
            #expect(try await f.remote(P.dana).story(story.id).body == story.body)
        } else {
            #expect(response.status == 400 && response.error?.error.exit == 2)
        }
        await f.broker.close()
    }

    @Test func badQueryValuesAre400s() async throws {
        let f = try await WireFixture.make()
        for query in [[("limit", "ten")], [("limit", "-1")], [("order", "random")], [("pinnedOnly", "yes")], [("colour", "red")],
                      [("limit", "1"), ("limit", "2")]] {
            let response = await f.send("GET", "/v1/stories", query: query)
            #expect(response.status == 400, "\(query)")
        }
        #expect(await f.send("GET", "/v1/wall", query: [("highlightSince", "yesterday")]).status == 400)
        #expect(await f.send("GET", "/v1/settings", query: [("login", "dana")]).status == 400, "no endpoint takes what it does not list")
        #expect(await f.send("POST", "/v1/board/page", query: [("limit", "5")],
                             body: #"{"query":{"order":"new","limit":5,"offset":0,"pinnedOnly":false,"includeHidden":false},"counting":true}"#).status == 400)
        #expect(await f.send("GET", "/v1/cert/recent", query: [("since", "2026-11-24T12:00:00Z"), ("limit", "3")]).status == 200)
        #expect(await f.send("GET", "/v1/stories", query: [("order", "new"), ("limit", "5"), ("search", "x y")]).status == 200)
        await f.broker.close()
    }
}
