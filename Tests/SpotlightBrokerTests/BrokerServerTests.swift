import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore
import Testing

@Suite("BrokerServer: requests, identity, keep-alive, stop")
struct BrokerServerTests {
    @Test("curl --unix-socket reaches the application as the kernel's account of the caller")
    func curlReachesApplication() async throws {
        try await TestBroker.with { broker in
            let (status, body) = try await curl(broker.socketPath, "/v1/stories?sort=hot&q=caf%C3%A9+au+lait",
                                          headers: ["Spotlight-Client: tag-1234"])
            #expect(status == 200)
            let me = try PasswdAccount.current().login
            let echo = try JSONDecoder().decode([String: String].self, from: Data(body.utf8))
            #expect(echo["login"] == me)
            #expect(echo["path"] == "/v1/stories")
            #expect(echo["query"] == "sort=hot&q=café au lait")
            #expect(echo["client"] == "tag-1234")
            let seen = try #require(broker.application.requests.first)
            #expect(seen.peer.uid == geteuid())
            #expect(seen.peer.pid > 0 && seen.peer.pid != getpid())  // curl's pid, not ours
            #expect(broker.log.count(containing: "connection from \(me) (uid \(geteuid()), pid \(seen.peer.pid))") == 1)
        }
    }

    @Test("a POST body reaches the application whole and is never logged")
    func postBody() async throws {
        try await TestBroker.with { broker in
            let secret = "{\"headline\":\"s3cret-body-\(UUID().uuidString)\"}"
            let (status, body) = try await curl(broker.socketPath, "/v1/stories", method: "POST", body: secret)
            #expect(status == 200)
            #expect(body.contains("\"bodyBytes\":\"\(secret.utf8.count)\""))
            #expect(broker.application.requests.first?.request.body == Array(secret.utf8))
            #expect(!broker.log.all.joined().contains("s3cret-body"))
        }
    }

    @Test("Expect: 100-continue is answered before the body is sent; not when the body would be refused")
    func expectContinue() async throws {
        try await TestBroker.with { broker in
            let client = try RawClient(broker.socketPath)
            client.send("POST /v1/x HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n")
            #expect(await client.read(until: "\r\n\r\n").hasPrefix("HTTP/1.1 100 Continue\r\n"))
            client.send("{}")
            #expect(statusCode(await client.read(until: "}")) == 200)
            let huge = try RawClient(broker.socketPath)
            huge.send("POST /v1/x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\nExpect: 100-continue\r\n\r\n")
            #expect(statusCode(await huge.read()) == 413)
        }
    }

    @Test("keep-alive: two requests on one connection, and pipelined ones answered in order")
    func keepAlive() async throws {
        try await TestBroker.with { broker in
            let client = try RawClient(broker.socketPath)
            client.send("GET /v1/a HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = await client.read(until: "\"path\":\"\\/v1\\/a\"")
            #expect(statusCode(first) == 200)
            client.send("GET /v1/b HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/c HTTP/1.1\r\nHost: x\r\n\r\n")
            let rest = await client.read(until: "\\/v1\\/c")
            #expect(rest.components(separatedBy: "HTTP/1.1 200").count == 3)
            #expect(rest.range(of: "\\/v1\\/b")!.lowerBound < rest.range(of: "\\/v1\\/c")!.lowerBound)
            #expect(!client.closedByServer)
            #expect(broker.log.count(containing: "connection from") == 1)
        }
    }

    @Test("a uid the broker's user database does not know is refused at connect, with a logged reason")
    func unknownUidRefused() async throws {
        try await TestBroker.with(accounts: { uid throws(SpotlightError) in
            throw .runtime("cannot find the account of uid \(uid) in the system's user database")
        }) { broker in
            let (status, body) = try await curl(broker.socketPath, "/v1/stories")
            #expect(status == 403)
            #expect(body.contains("\"exit\":3"))
            #expect(broker.application.requests.isEmpty)
            #expect(broker.log.count(containing: "refused a connection from uid \(geteuid())") == 1)
        }
    }

    @Test("stop: in-flight requests finish, event streams end, new connections are refused, the socket is removed")
    func gracefulStop() async throws {
        let broker = try await TestBroker.start()
        broker.application.closeGate()
        let held = try RawClient(broker.socketPath)
        held.send("GET /v1/hold HTTP/1.1\r\nHost: x\r\n\r\n")
        let subscriber = try RawClient(broker.socketPath)
        subscriber.send("GET /v1/events HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(statusCode(await subscriber.read(until: "\r\n\r\n")) == 200)
        #expect(await broker.eventually { broker.application.heldCount == 1 })

        let stopping = Task { await broker.server.stop() }
        #expect(await broker.eventually { !FileManager.default.fileExists(atPath: broker.socketPath) })
        #expect((try? RawClient(broker.socketPath)) == nil)
        // The event stream ends (chunked terminator, then the connection closes)...
        let tail = await subscriber.read()
        #expect(tail.contains("0\r\n\r\n"))
        #expect(subscriber.closedByServer)
        // ...while the held request is still answered once the application lets it go.
        broker.application.release()
        let answer = await held.read()
        #expect(statusCode(answer) == 200)
        #expect(answer.contains("Connection: close") || answer.contains("connection: close"))
        await stopping.value
        #expect(broker.server.connectionCount == 0)
        try? FileManager.default.removeItem(atPath: broker.directory)
    }

    @Test("run() returns once stop() has run; a second start() is refused; stop() before start() also ends run()")
    func lifecycle() async throws {
        let broker = try await TestBroker.start()
        let running = Task { await broker.server.run() }
        await #expect(throws: SpotlightError.usage("this broker has already been started")) { try await broker.server.start() }
        #expect(try await curl(broker.socketPath, "/v1/x").status == 200)
        await broker.stop()
        await running.value
        #expect(broker.log.all.last == "stopped")

        var configuration = BrokerServer.Configuration(socketPath: broker.directory + "/never.sock", log: .silent)
        configuration.limits = .standard
        let never = BrokerServer(application: RecordingApplication(), configuration: configuration)
        await never.stop()
        await never.run()
        await #expect(throws: SpotlightError.usage("this broker has already been started")) { try await never.start() }
    }
}
