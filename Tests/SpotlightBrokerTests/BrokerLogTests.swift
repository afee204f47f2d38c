import Foundation
import SpotlightBroker
import SpotlightCore
import Testing

@Suite("BrokerLog: lines are sanitised and stamped")
struct BrokerLogTests {
    @Test("escapes, line breaks and bidi controls from a client never reach the sink raw")
    func sanitised() {
        let line = BrokerLog.sanitised("refused GET \"/v1/\u{1b}]0;pwned\u{7}\u{1b}[2J\nFAKE LINE\u{202e}x\"")
        #expect(!line.contains("\u{1b}"))
        #expect(!line.contains("\n"))
        #expect(!line.contains("\u{202e}"))
        #expect(line.contains("␛]0;pwned"))
    }

    @Test("a very long line is cut")
    func cut() {
        #expect(BrokerLog.sanitised(String(repeating: "a", count: 100_000)).count <= BrokerLog.maximumLine + 1)
    }

    @Test("stamped lines carry the injected clock's time, sanitised, one per line")
    func stamped() {
        let lines = LogRecorder()
        let log = BrokerLog.stamped(clock: .fixed(Date(timeIntervalSince1970: 86_400))) { lines.append($0) }
        log("connection from dana\nforged line")
        #expect(lines.all == ["1970-01-02T00:00:00Z spotlight-serve: connection from dana forged line\n"])
    }

    @Test("a hostile request path reaches the log as inert text: percent-escapes decoded and quoted, raw control bytes are refused")
    func hostilePath() async throws {
        var limits = BrokerLimits()
        limits.writeBurst = 1
        limits.writesPerSecond = 0.001
        try await TestBroker.with(limits: limits) { broker in
            let client = try RawClient(broker.socketPath)
            for _ in 0..<2 {
                client.send("POST /v1/%1b%5b2J%c2%9b HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                _ = await client.read(until: "}")
            }
            // The path is decoded as the application sees it, and quoted with its controls escaped.
            #expect(broker.log.count(containing: "refused POST \"/v1/") == 1, "\(broker.log.all)")
            let refused = broker.log.all.joined()
            #expect(!refused.contains("\u{1b}") && !refused.contains("\u{9b}"), "\(refused)")
            // Raw ESC, C1 CSI and a bidi override are not HTTP: 400, and no log line holds them.
            for raw in ["\u{1b}[2J", "\u{9b}2J", "\u{202e}gnp.exe"] {
                let bad = try RawClient(broker.socketPath)
                bad.send("GET /v1/\(raw) HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(statusCode(await bad.read()) == 400)
            }
            let all = broker.log.all.joined()
            #expect(!all.contains("\u{1b}") && !all.contains("\u{9b}") && !all.contains("\u{202e}"))
        }
    }
}
