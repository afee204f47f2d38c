import Foundation
import SpotlightApp
import SpotlightBroker
import SpotlightCore
import Synchronization
import Testing

/// `UnixSocketTransport.send` against a scripted server: the request on the wire, keep-alive
/// reuse, both body framings, and every way a broker can fail a request.
@Suite struct RequestTests {
    func transport(_ server: ScriptedServer, configure: (inout UnixSocketTransportOptions) -> Void = { _ in }) throws -> UnixSocketTransport {
        var options = UnixSocketTransportOptions()
        configure(&options)
        return try UnixSocketTransport(location: "unix:" + server.path, options: options)
    }

    @Test func writesOneHTTPRequestWithItsHeadersEncodedPathAndBody() async throws {
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.respond(status: 201, #"{"id":7}"#)
            connection.waitForClose()
        }
        defer { server.stop() }
        let client = try transport(server)
        let body = Array(#"{"title":"Café"}"#.utf8)
        let response = try await client.send(BrokerRequest(
            method: "POST", path: "/v1/stories/a b%",
            query: [.init(name: "limit", value: "20"), .init(name: "q", value: "café & tea=1")],
            body: body, clientTag: "tag-1234"
        ))
        await client.close()

        #expect(response == BrokerResponse(status: 201, body: Array(#"{"id":7}"#.utf8)))
        let request = try #require(server.requests.first)
        #expect(request.lines == [
            "POST /v1/stories/a%20b%25?limit=20&q=caf%C3%A9%20%26%20tea%3D1 HTTP/1.1",
            "Host: localhost",
            "Accept: application/json",
            "Content-Type: application/json",
            "Content-Length: \(body.count)",
            "Spotlight-Client: tag-1234",
        ])
        #expect(request.body == body)
    }

    @Test func aGetWithoutBodyHasNoContentHeaders() async throws {
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.respond("[]")
            connection.waitForClose()
        }
        defer { server.stop() }
        let client = try transport(server)
        _ = try await client.send(BrokerRequest(method: "GET", path: "/v1/stories"))
        await client.close()
        #expect(server.requests.map(\.lines) == [["GET /v1/stories HTTP/1.1", "Host: localhost", "Accept: application/json"]])
    }

    @Test func aTagThatCouldSplitTheHeaderIsRefusedUnsent() async throws {
        let server = try ScriptedServer { connection in connection.waitForClose() }
        defer { server.stop() }
        let client = try transport(server)
        await #expect(throws: SpotlightError.self) {
            try await client.send(BrokerRequest(method: "GET", path: "/v1/stories", clientTag: "x\r\nX-Evil: 1"))
        }
        await client.close()
        #expect(server.requests.isEmpty)
    }

    @Test func requestsReuseOneKeepAliveConnection() async throws {
        let server = try ScriptedServer { connection in
            var count = 0
            while connection.readRequest() != nil {
                count += 1
                connection.respond(#"{"n":\#(count)}"#)
            }
        }
        defer { server.stop() }
        let client = try transport(server)
        var bodies: [String] = []
        for _ in 0..<3 {
            bodies.append(String(decoding: try await client.send(BrokerRequest(method: "GET", path: "/v1/version")).body, as: UTF8.self))
        }
        await client.close()
        #expect(bodies == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#])
        #expect(server.connections == 1)
    }

    @Test func aChunkedBodyIsReassembledAcrossPiecesWithExtensionsAndTrailers() async throws {
        let server = try ScriptedServer { connection in
            while connection.readRequest() != nil {
                connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                connection.write("4;note=x\r\n[1,2")
                usleep(20_000)
                connection.write("\r\n")
                connection.write("3\r\n,3]\r\n0\r\nX-Trailer: y\r\n\r\n")
            }
        }
        defer { server.stop() }
        let client = try transport(server)
        let first = try await client.send(BrokerRequest(method: "GET", path: "/v1/stories"))
        let second = try await client.send(BrokerRequest(method: "GET", path: "/v1/stories"))
        await client.close()
        #expect(String(decoding: first.body, as: UTF8.self) == "[1,2,3]")
        #expect(second == first)
        #expect(server.connections == 1)
    }

    @Test func aContentLengthBodyArrivingInPiecesIsReadWhole() async throws {
        let body = String(repeating: "x", count: 200_000)
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
            let bytes = Array(body.utf8)
            for start in stride(from: 0, to: bytes.count, by: 50_000) {
                connection.write(Array(bytes[start..<min(start + 50_000, bytes.count)]))
                usleep(5_000)
            }
            connection.waitForClose()
        }
        defer { server.stop() }
        let client = try transport(server)
        let response = try await client.send(BrokerRequest(method: "GET", path: "/v1/export"))
        await client.close()
        #expect(response.body.count == body.utf8.count)
        #expect(response.contentType == "application/json") // the default when the broker names none
    }

    @Test func connectionCloseIsHonouredAndTheNextRequestConnectsAgain() async throws {
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.respond("{}", extraHeaders: "Connection: close\r\n")
        }
        defer { server.stop() }
        let client = try transport(server)
        _ = try await client.send(BrokerRequest(method: "GET", path: "/v1/version"))
        _ = try await client.send(BrokerRequest(method: "GET", path: "/v1/version"))
        await client.close()
        #expect(server.connections == 2)
        #expect(server.requests.count == 2)
    }

    @Test func anIdleConnectionTheBrokerClosedIsReplacedBeforeTheRequestIsWritten() async throws {
        // The broker answers keep-alive, then drops the idle connection (its idle timeout).
        let dropped = Mutex(0)
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.respond("{}")
            connection.close()
            dropped.withLock { $0 += 1 }
        }
        defer { server.stop() }
        let client = try transport(server)
        _ = try await client.send(BrokerRequest(method: "POST", path: "/v1/stories/1/votes"))
        while dropped.withLock({ $0 }) < 1 { try await Task.sleep(for: .milliseconds(2)) }
        _ = try await client.send(BrokerRequest(method: "POST", path: "/v1/stories/2/votes"))
        await client.close()
        #expect(server.connections == 2)
        #expect(server.requests.map(\.requestLine) == ["POST /v1/stories/1/votes HTTP/1.1", "POST /v1/stories/2/votes HTTP/1.1"])
    }

    @Test func aBrokerThatClosesMidResponseIsAnErrorAndTheWriteIsNeverResent() async throws {
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"part")
        }
        defer { server.stop() }
        let client = try transport(server)
        let error = await #expect(throws: SpotlightError.self) {
            try await client.send(BrokerRequest(method: "POST", path: "/v1/stories", body: Array("{}".utf8)))
        }
        await client.close()
        #expect(error?.kind == .runtime)
        #expect(error?.message == "the broker at \(server.path) closed the connection before answering (did `spotlight serve` stop?); the write may or may not have been recorded, check before trying again")
        #expect(server.requests.count == 1)
        #expect(server.connections == 1)
    }

    @Test func aBrokerThatNeverAnswersTimesOut() async throws {
        let server = try ScriptedServer { connection in
            connection.readRequest()
            connection.waitForClose()
        }
        defer { server.stop() }
        let client = try transport(server) { $0.timeout = .milliseconds(300) }
        let error = await #expect(throws: SpotlightError.self) {
            try await client.send(BrokerRequest(method: "PUT", path: "/v1/settings", body: Array("{}".utf8)))
        }
        await client.close()
        #expect(error?.message == "the broker at \(server.path) did not answer within 300 ms; the write may or may not have been recorded, check before trying again")
        #expect(server.requests.count == 1)
    }

    @Test func aGiantDeclaredBodyIsRefusedBeforeItIsRead() async throws {
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n")
            connection.waitForClose()
        }
        defer { server.stop() }
        let client = try transport(server) { $0.maximumResponse = 1 << 20 }
        let error = await #expect(throws: SpotlightError.self) {
            try await client.send(BrokerRequest(method: "GET", path: "/v1/export"))
        }
        await client.close()
        #expect(error?.message == "the broker at \(server.path) sent a response larger than 1 MiB; refused")
    }

    @Test func aGiantChunkedBodyIsCutOffAtTheCap() async throws {
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            let chunk = Array("10000\r\n".utf8) + [UInt8](repeating: 0x41, count: 0x10000) + Array("\r\n".utf8)
            while connection.write(chunk) {} // until the client hangs up
        }
        defer { server.stop() }
        let client = try transport(server) { $0.maximumResponse = 1 << 20 }
        let error = await #expect(throws: SpotlightError.self) {
            try await client.send(BrokerRequest(method: "GET", path: "/v1/export"))
        }
        await client.close()
        #expect(error?.message == "the broker at \(server.path) sent a response larger than 1 MiB; refused")
    }

    @Test func aHeadWithoutEndIsCappedToo() async throws {
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.write("HTTP/1.1 200 OK\r\n")
            while connection.write("X-Filler: " + String(repeating: "y", count: 1000) + "\r\n") {}
        }
        defer { server.stop() }
        let client = try transport(server)
        let error = await #expect(throws: SpotlightError.self) {
            try await client.send(BrokerRequest(method: "GET", path: "/v1/stories"))
        }
        await client.close()
        #expect(error?.message.contains("sent a response larger than 65536 bytes") == true)
    }

    @Test func garbageInsteadOfHTTPIsAMalformedResponse() async throws {
        let server = try ScriptedServer { connection in
            guard connection.readRequest() != nil else { return }
            connection.write("SSH-2.0-OpenSSH_9.2\r\n\r\n")
            connection.waitForClose()
        }
        defer { server.stop() }
        let client = try transport(server)
        let error = await #expect(throws: SpotlightError.self) {
            try await client.send(BrokerRequest(method: "GET", path: "/v1/stories"))
        }
        await client.close()
        #expect(error?.message == #"the broker at \#(server.path) sent a response that is not HTTP/1.1 (the status line is "SSH-2.0-OpenSSH_9.2")"#)
    }

    @Test func errorStatusesAreResponsesForTheCallerToRead() async throws {
        let body = String(decoding: BrokerErrorBody(.notFound("story #9 does not exist")).encoded(), as: UTF8.self)
        let server = try ScriptedServer { connection in
            while connection.readRequest() != nil { connection.respond(status: 404, body) }
        }
        defer { server.stop() }
        let client = try transport(server)
        let response = try await client.send(BrokerRequest(method: "GET", path: "/v1/stories/9"))
        await client.close()
        #expect(response.status == 404)
        #expect(try JSONDecoder().decode(BrokerErrorBody.self, from: Data(response.body)).spotlightError.kind == .notFound)
    }

    @Test func aClosedTransportRefusesRequests() async throws {
        let server = try ScriptedServer { connection in connection.waitForClose() }
        defer { server.stop() }
        let client = try transport(server)
        await client.close()
        let error = await #expect(throws: SpotlightError.self) {
            try await client.send(BrokerRequest(method: "GET", path: "/v1/version"))
        }
        #expect(error?.message == "the connection to the broker at \(server.path) is closed")
        #expect(server.connections == 0)
    }
}
