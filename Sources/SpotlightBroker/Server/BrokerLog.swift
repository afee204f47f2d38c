import Foundation
import SpotlightCore

/// Where the broker's log lines go: one per connection (account, uid, pid) and one per
/// refused request or connection (the reason). Request bodies are never logged, and every
/// line is sanitised before the sink sees it, so a hostile path or header carrying terminal
/// escapes or line breaks cannot forge or corrupt a journal line.
public struct BrokerLog: Sendable {
    private let sink: @Sendable (String) -> Void

    /// Longest line passed to the sink; the rest is cut (a 16 KB path is not worth a journal).
    public static let maximumLine = 1024

    /// `sink` receives finished, sanitised lines without a trailing newline.
    public init(sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    /// Production: standard error, each line stamped with the time from `clock`.
    public static func standardError(clock: Clock) -> BrokerLog {
        stamped(clock: clock) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Lines stamped with the time from `clock` (UTC, ISO 8601) and ended with a newline, to `write`.
    public static func stamped(clock: Clock, write: @escaping @Sendable (String) -> Void) -> BrokerLog {
        BrokerLog { line in write("\(clock.now.formatted(.iso8601)) spotlight-serve: \(line)\n") }
    }

    /// Discards everything (tests that do not look at the log).
    public static let silent = BrokerLog { _ in }

    public func callAsFunction(_ message: String) { sink(Self.sanitised(message)) }

    /// One line of printable text: controls become Control Pictures (ESC → ␛, so no escape
    /// sequence survives), line breaks become spaces, bidi controls vanish; then cut to length.
    public static func sanitised(_ message: String) -> String {
        let safe = Sanitizer.singleLine(message)
        guard safe.utf8.count > maximumLine else { return safe }
        return String(safe.prefix(maximumLine)) + "…"
    }

    /// A client-sent string quoted for a log line (escapes already neutralised by `callAsFunction`).
    static func quoted(_ text: String, limit: Int = 200) -> String {
        let cut = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return "\"" + cut.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
