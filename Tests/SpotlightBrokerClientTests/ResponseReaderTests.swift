@testable import SpotlightBroker
import Testing

/// The response reader on canned bytes, delivered in pieces of any size: the framings and the
/// malformed answers a broker (or something pretending to be one) could send.
@Suite struct ResponseReaderTests {
    /// Hands out `bytes` `piece` bytes at a time, then the end of the stream.
    final class PieceSource: ResponseByteSource {
        var bytes: [UInt8]
        let piece: Int
        init(_ text: String, piece: Int) {
            bytes = Array(text.utf8)
            self.piece = piece
        }
        func read() throws(SocketFailure) -> [UInt8] {
            let next = Array(bytes.prefix(piece))
            bytes.removeFirst(next.count)
            return next
        }
    }

    /// Reads one response from `text`: status, body, and whether bytes were left over.
    func read(_ text: String, method: String = "GET", limit: Int = 1 << 20, piece: Int) throws(SocketFailure) -> (Int, String, Bool) {
        var reader = HTTPResponseReader(source: PieceSource(text, piece: piece))
        let head = try reader.readHead()
        var body: [UInt8] = []
        try reader.readBody(HTTPResponseReader.framing(of: head, method: method), limit: limit) { body += $0 }
        return (head.status, String(decoding: body, as: UTF8.self), reader.hasBufferedBytes)
    }

    @Test(arguments: [1, 2, 7, 4096])
    func interimResponsesAreSkippedAndBareLineFeedsAccepted(piece: Int) throws {
        let (status, body, leftover) = try read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\nContent-Length: 2\n\nok", piece: piece)
        #expect(status == 200 && body == "ok" && !leftover)
    }

    @Test(arguments: [1, 3, 4096])
    func chunkedBodiesWithExtensionsAndTrailers(piece: Int) throws {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n1\r\n!\r\n0\r\nX-T: 1\r\n\r\n"
        #expect(try read(text, piece: piece) == (200, "hello!", false))
    }

    @Test func aSecondResponseStaysBufferedForTheNextRead() throws {
        let text = "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx"
        var reader = HTTPResponseReader(source: PieceSource(text, piece: 4096))
        let first = try reader.readHead()
        #expect(try HTTPResponseReader.framing(of: first, method: "DELETE") == HTTPBodyFraming.none)
        #expect(reader.hasBufferedBytes)
        let second = try reader.readHead()
        #expect(second.status == 200)
    }

    @Test func aBodyWithoutFramingRunsToTheEndOfTheConnection() throws {
        let head = try HTTPResponseReader.parseHead(["HTTP/1.1 200 OK", "Transfer-Encoding: gzip"])
        #expect(try HTTPResponseReader.framing(of: head, method: "GET") == .untilClose)
        #expect(try read("HTTP/1.0 200 OK\r\n\r\nall of it", piece: 3) == (200, "all of it", false))
    }

    @Test func aHeadRequestHasNoBodyWhateverItsLength() throws {
        let head = try HTTPResponseReader.parseHead(["HTTP/1.1 200 OK", "Content-Length: 99"])
        #expect(try HTTPResponseReader.framing(of: head, method: "HEAD") == HTTPBodyFraming.none)
    }

    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", "the Content-Length is \"3, 4\""),
        ("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "the Content-Length is \"-1\""),
        ("HTTP/2 200\r\n\r\n", "the status line is \"HTTP/2 200\""),
        ("HTTP/1.1 20 OK\r\n\r\n", "the status line is \"HTTP/1.1 20 OK\""),
        ("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "a header line is \"no colon here\""),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "a chunk size is \"zz\""),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", "a chunk is longer than its size"),
    ])
    func malformedResponsesAreNamed(text: String, what: String) {
        #expect(throws: SocketFailure.malformed(what)) { try read(text, piece: 5) }
    }

    @Test func aResponseCutShortIsClosedByThePeer() {
        #expect(throws: SocketFailure.closedByPeer) { try read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", piece: 4) }
        #expect(throws: SocketFailure.closedByPeer) { try read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", piece: 4) }
        #expect(throws: SocketFailure.closedByPeer) { try read("HTTP/1.1 200 O", piece: 4) }
    }

    @Test func bodiesOverTheLimitAreRefusedWhateverTheirFraming() {
        #expect(throws: SocketFailure.responseTooLarge(limit: 4)) { try read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabcde", limit: 4, piece: 64) }
        #expect(throws: SocketFailure.responseTooLarge(limit: 4)) {
            try read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n", limit: 4, piece: 64)
        }
        #expect(throws: SocketFailure.responseTooLarge(limit: 4)) { try read("HTTP/1.0 200 OK\r\n\r\nabcdef", limit: 4, piece: 2) }
    }
}
