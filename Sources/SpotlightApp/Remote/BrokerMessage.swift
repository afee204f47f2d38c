import Foundation
import SpotlightCore

/// One HTTP request as the broker's network layer hands it to the application, and as a
/// remote client hands it to its transport (issue 13, DESIGN §12). The network layer has
/// already enforced the limits (sizes, time, rate) and found out who is asking.
public struct BrokerRequest: Sendable, Equatable {
    /// `GET`, `POST`, `PUT`, `DELETE`.
    public var method: String
    /// The path without the query, e.g. `/v1/stories/42`.
    public var path: String
    /// Query items in order, already percent-decoded.
    public var query: [QueryItem]
    /// The JSON body (empty for none).
    public var body: [UInt8]
    /// The `Spotlight-Client` header: a random tag a client handle chooses, echoed (after the
    /// peer's uid) as the origin of the change events its own writes cause so it can skip them. It names a
    /// handle, never a person, and changes nothing about who the request acts as.
    public var clientTag: String?

    public struct QueryItem: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(method: String, path: String, query: [QueryItem] = [], body: [UInt8] = [], clientTag: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.clientTag = clientTag
    }

    /// The first value of query item `name`.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }
}

/// The application's answer; the network layer adds the framing headers.
public struct BrokerResponse: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]

    public init(status: Int, contentType: String = "application/json", body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// A JSON error body every refusal uses, from the network layer (413, 429, …) or the
    /// application (a `SpotlightError`), so a client reads one shape and exits with `exit`.
    public static func error(status: Int, _ error: SpotlightError) -> BrokerResponse {
        BrokerResponse(status: status, body: BrokerErrorBody(error).encoded())
    }
}

/// `{"error": {"kind": "notFound", "exit": 4, "message": "…"}}`.
public struct BrokerErrorBody: Codable, Sendable, Equatable {
    public struct Detail: Codable, Sendable, Equatable {
        public var kind: String
        public var exit: Int32
        public var message: String
    }

    public var error: Detail

    public init(_ error: SpotlightError) {
        self.error = Detail(kind: "\(error.kind)", exit: error.exitCode, message: error.message)
    }

    /// The `SpotlightError` a client reports: the kind from the exit code; an unknown code
    /// is a runtime error (exit 1), never a crash.
    public var spotlightError: SpotlightError {
        SpotlightError(SpotlightError.Kind(rawValue: error.exit) ?? .runtime, error.message)
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array((try? encoder.encode(self)) ?? Data(#"{"error":{"exit":1,"kind":"runtime","message":"error"}}"#.utf8))
    }
}
