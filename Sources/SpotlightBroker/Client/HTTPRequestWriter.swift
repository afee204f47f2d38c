import SpotlightApp

/// Writes a `BrokerRequest` as one HTTP/1.1 request (issue 13's protocol: the snapd and
/// Docker Engine convention, so `curl --unix-socket … http://localhost/v1/…` is the same
/// request). The path and query arrive decoded and are percent-encoded here; nothing a
/// caller passes can end a line or add a header.
enum HTTPRequestWriter {
    static func encode(_ request: BrokerRequest, accept: String = "application/json") throws(SocketFailure) -> [UInt8] {
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(isTokenByte) else {
            throw .badRequest("the method \(String(reflecting: request.method)) is not an HTTP token")
        }
        guard request.path.hasPrefix("/") else {
            throw .badRequest("the path \(String(reflecting: request.path)) does not start with /")
        }
        var target = percentEncoded(request.path, keeping: pathBytes)
        if !request.query.isEmpty {
            target += "?" + request.query
                .map { percentEncoded($0.name, keeping: unreserved) + "=" + percentEncoded($0.value, keeping: unreserved) }
                .joined(separator: "&")
        }
        var head = "\(request.method) \(target) HTTP/1.1\r\nHost: localhost\r\nAccept: \(accept)\r\n"
        if !request.body.isEmpty || !["GET", "HEAD"].contains(request.method) {
            head += "Content-Type: application/json\r\nContent-Length: \(request.body.count)\r\n"
        }
        if let tag = request.clientTag {
            // A tag is a random token its handle chose; one with other bytes is a caller's bug,
            // refused rather than sent where it could split the header.
            guard !tag.isEmpty, tag.utf8.allSatisfy(isTokenByte) else {
                throw .badRequest("the client tag \(String(reflecting: tag)) is not an HTTP token")
            }
            head += "Spotlight-Client: \(tag)\r\n"
        }
        head += "\r\n"
        return Array(head.utf8) + request.body
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// RFC 3986 unreserved characters: everything else in a query name or value is escaped.
    private static let unreserved: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
    )
    /// A path keeps its slashes and the sub-delimiters a segment may hold; `%`, `?`, `#`,
    /// spaces and non-ASCII are escaped.
    private static let pathBytes: Set<UInt8> = unreserved.union(Array("/:@!$&'()*+,;=".utf8))

    static func percentEncoded(_ text: String, keeping allowed: Set<UInt8>) -> String {
        var result = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                result += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
            }
        }
        return result
    }
}
