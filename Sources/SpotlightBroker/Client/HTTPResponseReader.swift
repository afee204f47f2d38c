/// Where a response's bytes come from: a socket in the transport, an array in tests.
protocol ResponseByteSource: AnyObject {
    /// At least one byte, or an empty array at the end of the stream.
    func read() throws(SocketFailure) -> [UInt8]
}

/// The status line and headers of one response.
struct ResponseHead: Equatable {
    var minorVersion: Int
    var status: Int
    /// Header names lower-cased, in order.
    var headers: [(name: String, value: String)]

    static func == (lhs: ResponseHead, rhs: ResponseHead) -> Bool {
        lhs.minorVersion == rhs.minorVersion && lhs.status == rhs.status
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    func values(_ name: String) -> [String] { headers.filter { $0.name == name }.map(\.value) }
    func value(_ name: String) -> String? { values(name).first }

    /// Comma-separated tokens of every `name` header, lower-cased (`Connection`, `Transfer-Encoding`).
    func tokens(_ name: String) -> [String] {
        values(name).flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces.lowercased() }
    }
}

/// How the body of a response ends (RFC 9112 §6.3).
enum HTTPBodyFraming: Equatable {
    case none
    case contentLength(Int)
    case chunked
    /// No framing: the body runs to the end of the connection, which cannot be reused.
    case untilClose
}

/// Reads HTTP/1.x responses from a byte source, keeping bytes it read past one response for
/// the next. Sizes are capped: a head of more than `maximumHead` bytes and a body of more than
/// the caller's limit are refused before they are buffered.
///
/// Not generic over its source: a generic reader's metadata is instantiated at run time with a
/// conformance lookup, ~0.2 M instructions on the first request of a process.
struct HTTPResponseReader {
    let source: any ResponseByteSource
    private var buffer: [UInt8] = []
    private var start = 0
    static var maximumHead: Int { 64 * 1024 }

    init(source: any ResponseByteSource) { self.source = source }

    /// True when bytes past the last response are waiting (a broker never sends them unasked).
    var hasBufferedBytes: Bool { start < buffer.count }

    /// The next final response head (1xx interim responses are skipped).
    mutating func readHead() throws(SocketFailure) -> ResponseHead {
        while true {
            var lines: [String] = []
            var size = 0
            while true {
                let line = try readLine(limit: Self.maximumHead - size, what: "response head")
                size += line.count + 2
                if line.isEmpty {
                    if lines.isEmpty { continue } // tolerate a stray CRLF before the status line
                    break
                }
                lines.append(String(decoding: line, as: UTF8.self))
            }
            let head = try Self.parseHead(lines)
            if (100..<200).contains(head.status) && head.status != 101 { continue }
            return head
        }
    }

    static func parseHead(_ lines: [String]) throws(SocketFailure) -> ResponseHead {
        let status = lines[0]
        let parts = status.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "HTTP/1.1" || parts[0] == "HTTP/1.0",
              parts[1].count == 3, let code = Int(parts[1]), code >= 100 else {
            throw .malformed("the status line is \(String(reflecting: String(status.prefix(80))))")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  line[..<colon].utf8.allSatisfy(HTTPRequestWriter.isTokenByte) else {
                throw .malformed("a header line is \(String(reflecting: String(line.prefix(80))))")
            }
            headers.append((String(line[..<colon]).lowercased(), String(line[line.index(after: colon)...]).trimmingSpaces))
        }
        return ResponseHead(minorVersion: parts[0] == "HTTP/1.1" ? 1 : 0, status: code, headers: headers)
    }

    /// How the body after `head` ends, for a request made with `method`.
    static func framing(of head: ResponseHead, method: String) throws(SocketFailure) -> HTTPBodyFraming {
        if method == "HEAD" || head.status == 204 || head.status == 304 || (100..<200).contains(head.status) {
            return .none
        }
        let codings = head.tokens("transfer-encoding")
        if !codings.isEmpty {
            guard codings.last == "chunked" else { return .untilClose }
            return .chunked
        }
        let lengths = Set(head.values("content-length").flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces })
        if lengths.isEmpty { return .untilClose }
        guard lengths.count == 1, let text = lengths.first, !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }),
              let length = Int(text) else {
            throw .malformed("the Content-Length is \(String(reflecting: head.values("content-length").joined(separator: ", ")))")
        }
        return .contentLength(length)
    }

    /// Reads the body, handing each piece to `consume` as it arrives, up to `limit` bytes in all.
    mutating func readBody(
        _ framing: HTTPBodyFraming, limit: Int, consume: ([UInt8]) throws(SocketFailure) -> Void
    ) throws(SocketFailure) {
        switch framing {
        case .none:
            return
        case .contentLength(let length):
            guard length <= limit else { throw .responseTooLarge(limit: limit) }
            try readExactly(length, consume: consume)
        case .chunked:
            var total = 0
            while true {
                let line = try readLine(limit: 4096, what: "chunk size")
                let sizeText = String(decoding: line, as: UTF8.self).split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces } ?? ""
                guard !sizeText.isEmpty, sizeText.count <= 15, let size = Int(sizeText, radix: 16) else {
                    throw .malformed("a chunk size is \(String(reflecting: String(decoding: line.prefix(40), as: UTF8.self)))")
                }
                if size == 0 {
                    // Trailer fields, then the blank line that ends the message.
                    var trailer = 0
                    while true {
                        let field = try readLine(limit: Self.maximumHead - trailer, what: "trailer")
                        if field.isEmpty { return }
                        trailer += field.count + 2
                    }
                }
                total += size
                guard total <= limit else { throw .responseTooLarge(limit: limit) }
                try readExactly(size, consume: consume)
                guard try readLine(limit: 2, what: "chunk end").isEmpty else {
                    throw .malformed("a chunk is longer than its size")
                }
            }
        case .untilClose:
            var total = 0
            while true {
                let piece = try take(upTo: Int.max)
                if piece.isEmpty { return }
                total += piece.count
                guard total <= limit else { throw .responseTooLarge(limit: limit) }
                try consume(piece)
            }
        }
    }

    // MARK: - Buffering

    private mutating func fill() throws(SocketFailure) -> Bool {
        let bytes = try source.read()
        if bytes.isEmpty { return false }
        if start == buffer.count {
            buffer = bytes
            start = 0
        } else {
            if start > 0 {
                buffer.removeSubrange(..<start)
                start = 0
            }
            buffer += bytes
        }
        return true
    }

    /// Up to `count` buffered bytes, reading when none are; empty at the end of the stream.
    private mutating func take(upTo count: Int) throws(SocketFailure) -> [UInt8] {
        if start == buffer.count, try !fill() { return [] }
        let end = start + min(count, buffer.count - start)
        defer { start = end }
        return Array(buffer[start..<end])
    }

    private mutating func readExactly(_ count: Int, consume: ([UInt8]) throws(SocketFailure) -> Void) throws(SocketFailure) {
        var left = count
        while left > 0 {
            let piece = try take(upTo: left)
            if piece.isEmpty { throw .closedByPeer }
            left -= piece.count
            try consume(piece)
        }
    }

    /// One line without its CRLF (a bare LF is accepted too), at most `limit` bytes.
    private mutating func readLine(limit: Int, what: String) throws(SocketFailure) -> [UInt8] {
        var scanned = 0 // bytes after `start` known to hold no newline
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                guard end - start <= limit else { throw tooLong(what) }
                defer { start = newline + 1 }
                return Array(buffer[start..<end])
            }
            scanned = buffer.count - start
            guard scanned <= limit + 1 else { throw tooLong(what) }
            if try !fill() { throw .closedByPeer }
        }
    }

    private func tooLong(_ what: String) -> SocketFailure {
        what == "response head" || what == "trailer" ? .responseTooLarge(limit: Self.maximumHead) : .malformed("a \(what) line is too long")
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
