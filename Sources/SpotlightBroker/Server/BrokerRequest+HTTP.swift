import Foundation
import NIOHTTP1
import SpotlightApp

extension BrokerRequest {
    /// The application's view of a decoded request head and body: the path without the
    /// query, percent-decoded as `UnixSocketTransport` encodes it, query items percent-decoded
    /// (`+` is a space), the `Spotlight-Client` tag.
    /// Nil when the target is not an origin-form path or the query is not valid percent-encoding.
    init?(head: HTTPRequestHead, body: [UInt8]) {
        let uri = head.uri
        guard uri.hasPrefix("/") else { return nil }
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [QueryItem] = []
        if parts.count > 1 {
            for item in parts[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let name = Self.decoded(pair[0]),
                      let value = pair.count > 1 ? Self.decoded(pair[1]) : "" else { return nil }
                query.append(QueryItem(name: name, value: value))
            }
        }
        guard let path = parts[0].removingPercentEncoding else { return nil }
        self.init(method: head.method.rawValue, path: path, query: query, body: body,
                  clientTag: head.headers["Spotlight-Client"].first)
    }

    private static func decoded(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
