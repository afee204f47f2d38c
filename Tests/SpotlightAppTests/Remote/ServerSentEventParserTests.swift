import Foundation
import SpotlightApp
import Testing

/// The client's reading of the broker's event stream: frames in pieces of any size, and a
/// hostile stream that cannot make it hold more than one bounded frame.
@Suite struct ServerSentEventParserTests {
    let frames = BrokerEvent.changed(origin: "7:abc").serverSentFrame + BrokerEvent.heartbeatFrame
        + BrokerEvent.unavailable("disk full").serverSentFrame + "event: unknown\ndata: {}\n\n"

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func framesArriveWhateverTheirPieces(size: Int) {
        var parser = ServerSentEventParser()
        var events: [BrokerEvent] = []
        let bytes = Array(frames.utf8)
        for start in stride(from: 0, to: bytes.count, by: size) {
            events += parser.feed(bytes[start..<min(start + size, bytes.count)])
        }
        #expect(events == [.changed(origin: "7:abc"), .unavailable("disk full")])
    }

    @Test func carriageReturnsAndLineFeedsBothEndLines() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array("event: changed\r\ndata: {\"origin\":null}\r\n\r\n".utf8)) == [.changed(origin: nil)])
    }

    @Test func aFrameWithTooMuchDataIsDroppedAndTheNextStillRead() {
        var parser = ServerSentEventParser()
        let line = "data: " + String(repeating: "x", count: 1000) + "\n"
        var events = parser.feed(Array(("event: changed\n" + String(repeating: line, count: 200) + "\n").utf8))
        #expect(events.isEmpty)
        events = parser.feed(Array(BrokerEvent.changed(origin: "1:t").serverSentFrame.utf8))
        #expect(events == [.changed(origin: "1:t")])
    }

    @Test func anEndlessLineIsCutAndDropped() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array(("data: " + String(repeating: "y", count: 200_000) + "\n\n").utf8)).isEmpty)
        #expect(parser.feed(Array(BrokerEvent.unavailable("x").serverSentFrame.utf8)) == [.unavailable("x")])
    }
}
