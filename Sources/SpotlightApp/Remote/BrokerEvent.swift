import Foundation

/// What the broker pushes to subscribed walls and boards on `GET /v1/events` (Server-Sent
/// Events): the remote form of `BoardChange`, plus the client tag of the write that caused it.
public enum BrokerEvent: Sendable, Equatable {
    /// The board changed. `origin` is `"<uid>:<tag>"`: the peer's uid and the `Spotlight-Client`
    /// tag of the request whose write caused it (nil when unknown, e.g. a write by another
    /// process on the file); `GET /v1/whoami` tells a handle its own (`BoardBroker.origin`).
    case changed(origin: String?)
    /// The broker cannot read its board now; clients keep their last content with this reason.
    case unavailable(String)

    /// One SSE frame: `event: changed` / `event: unavailable`, a one-line JSON `data:`, blank line.
    public var serverSentFrame: String {
        switch self {
        case .changed(let origin):
            return "event: changed\ndata: \(Self.json(["origin": origin]))\n\n"
        case .unavailable(let reason):
            return "event: unavailable\ndata: \(Self.json(["reason": reason]))\n\n"
        }
    }

    /// A heartbeat comment the server sends while idle so both ends notice a dead peer.
    public static let heartbeatFrame = ": ping\n\n"

    private static func json(_ fields: [String: String?]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // JSONEncoder escapes control characters and line breaks, so `data:` stays one line.
        return String(decoding: (try? encoder.encode(fields)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// Reads SSE frames from a byte stream in pieces of any size: fields `event` and `data`,
/// comments and unknown events ignored, a frame ends at a blank line (`\n` or `\r\n`).
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var event = ""
    private var data: [String] = []
    /// Lines longer than this are dropped (a broker never sends them; a hostile one might).
    public static let maximumLine = 64 * 1024
    private var overlong = false
    /// The frame being read passed `maximumLine` of data: it is dropped at its blank line.
    private var overlongFrame = false

    public init() {}

    /// Feeds bytes; returns the events completed by them, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [BrokerEvent] {
        var events: [BrokerEvent] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                if let event = endLine() { events.append(event) }
                line.removeAll(keepingCapacity: true)
                overlong = false
            } else if line.count < Self.maximumLine {
                line.append(byte)
            } else {
                overlong = true
            }
        }
        return events
    }

    private mutating func endLine() -> BrokerEvent? {
        if overlong { return nil }
        if line.isEmpty {
            defer { event = ""; data = []; overlongFrame = false }
            return overlongFrame ? nil : dispatch()
        }
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix(":") { return nil }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let field = String(parts[0])
        var value = parts.count > 1 ? String(parts[1]) : ""
        if value.hasPrefix(" ") { value.removeFirst() }
        switch field {
        case "event": event = value
        case "data":
            // A frame's data is bounded like a line: a hostile broker cannot grow a client's memory.
            if data.reduce(value.utf8.count, { $0 + $1.utf8.count }) <= Self.maximumLine { data.append(value) } else { overlongFrame = true }
        default: break
        }
        return nil
    }

    private func dispatch() -> BrokerEvent? {
        let object = (try? JSONDecoder().decode([String: String?].self, from: Data(data.joined(separator: "\n").utf8))) ?? [:]
        switch event {
        case "changed": return .changed(origin: object["origin"] ?? nil)
        case "unavailable": return .unavailable((object["reason"] ?? nil) ?? "the broker cannot read the board")
        default: return nil
        }
    }
}
