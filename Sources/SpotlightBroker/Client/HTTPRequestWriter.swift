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
        var target = percentEncoded(request.path, keeping: isPathByte)
        if !request.query.isEmpty {
            // A loop, not `map` + `joined`: the generic `joined` costs a CLI ~0.25 M instructions
            // of run-time metadata lookups on its one request.
            for (index, item) in request.query.enumerated() {
                target += index == 0 ? "?" : "&"
                target += percentEncoded(item.name, keeping: isUnreserved) + "=" + percentEncoded(item.value, keeping: isUnreserved)
            }
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
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
             UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// RFC 3986 unreserved characters: everything else in a query name or value is escaped.
    /// (Switches, not `Set<UInt8>`: a set's first use costs a conformance lookup at start-up.)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// A path keeps its slashes and the sub-delimiters a segment may hold; `%`, `?`, `#`,
    /// spaces and non-ASCII are escaped.
    static func isPathByte(_ byte: UInt8) -> Bool {
        if isUnreserved(byte) { return true }
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
             UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    static func percentEncoded(_ text: String, keeping allowed: (UInt8) -> Bool) -> String {
        var result = ""
        for byte in text.utf8 {
            if allowed(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                result += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
            }
        }
        return result
    }
}
