import Foundation
import SpotlightCore
import SpotlightStore

/// The query string of a `GET`/`DELETE` (already percent-decoded by the network layer): only
/// the names an endpoint takes, each once, values checked — a bad one is a one-line 400.
struct QueryReader {
    private let items: [BrokerRequest.QueryItem]

    init(_ request: BrokerRequest, allowed: [String]) throws(SpotlightError) {
        var seen: [String] = []
        for item in request.query {
            guard allowed.contains(item.name) else {
                throw .usage("unknown query parameter \(Self.quoted(item.name))"
                             + (allowed.isEmpty ? "" : " (known: \(allowed.joined(separator: ", ")))"))
            }
            guard !seen.contains(item.name) else { throw .usage("query parameter `\(item.name)` given twice") }
            seen.append(item.name)
        }
        items = request.query
    }

    func string(_ name: String) -> String? { items.first { $0.name == name }?.value }

    func required(_ name: String) throws(SpotlightError) -> String {
        guard let value = string(name) else { throw .usage("bad query: `\(name)` is missing") }
        return value
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws(SpotlightError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .usage("bad query value `\(name)`: \(Self.quoted(text)) is not a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    func bool(_ name: String) throws(SpotlightError) -> Bool? {
        guard let text = string(name) else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .usage("bad query value `\(name)`: \(Self.quoted(text)) is not true or false")
        }
    }

    /// A time as the wire writes it (`2026-11-23T09:30:00.000Z`, or reference-date seconds).
    func date(_ name: String) throws(SpotlightError) -> Date? {
        guard let text = string(name) else { return nil }
        if let date = WireDate.date(text) { return date }
        if let seconds = Double(text), seconds.isFinite { return Date(timeIntervalSinceReferenceDate: seconds) }
        throw .usage("bad query value `\(name)`: \(Self.quoted(text)) is not a time like 2026-11-23T09:30:00.000Z")
    }

    static func quoted(_ text: String) -> String { "`" + BoardBroker.quoted(text) + "`" }

    // MARK: StoryQuery, both ways

    static let storyQueryNames = ["order", "limit", "offset", "department", "search", "author", "pinnedOnly", "includeHidden"]

    /// `GET /v1/stories?order=new&limit=20&department=Support&search=printer`: `StoryQuery`'s
    /// fields, each optional with `StoryQuery`'s defaults.
    static func storyQuery(_ request: BrokerRequest) throws(SpotlightError) -> StoryQuery {
        let reader = try QueryReader(request, allowed: storyQueryNames)
        var query = StoryQuery()
        if let order = reader.string("order") {
            guard let value = StoryOrder(rawValue: order) else {
                throw .usage("bad query value `order`: \(quoted(order)) is not one of \(StoryOrder.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query.order = value
        }
        query.limit = try reader.int("limit", in: 0...100_000) ?? query.limit
        query.offset = try reader.int("offset", in: 0...Int(Int32.max)) ?? query.offset
        query.department = reader.string("department")
        query.search = reader.string("search")
        query.author = reader.string("author")
        query.pinnedOnly = try reader.bool("pinnedOnly") ?? false
        query.includeHidden = try reader.bool("includeHidden") ?? false
        return query
    }

    /// The query items `storyQuery` reads back into `query`.
    static func items(of query: StoryQuery) -> [BrokerRequest.QueryItem] {
        var items = [BrokerRequest.QueryItem(name: "order", value: query.order.rawValue),
                     .init(name: "limit", value: String(query.limit)), .init(name: "offset", value: String(query.offset))]
        if let department = query.department { items.append(.init(name: "department", value: department)) }
        if let search = query.search { items.append(.init(name: "search", value: search)) }
        if let author = query.author { items.append(.init(name: "author", value: author)) }
        if query.pinnedOnly { items.append(.init(name: "pinnedOnly", value: "true")) }
        if query.includeHidden { items.append(.init(name: "includeHidden", value: "true")) }
        return items
    }
}
