/// Collects a bracketed paste's bytes up to its end marker (ESC [201~) and turns them into text.
/// Pure, so it is tested without a terminal; `TerminalSession` feeds it what it reads from the tty.
///
/// Why bytes and not ncurses: ncurses reads the tty one byte per read(2) and runs each through its
/// key matcher, about 4 µs a byte; a 1 MB paste froze the board for seconds. A paste is read in
/// 64 KiB gulps instead, and ncurses only sees the bytes that follow the paste.
struct PasteReader {
    static let endMarker: [UInt8] = Array("\u{1B}[201~".utf8)
    /// Bytes kept; a longer paste is still read to its end, the rest dropped (every field's limit
    /// is far below this, and the form reports what it left out of what it got).
    static let keptLimit = 16 << 20

    private(set) var bytes: [UInt8] = []
    private(set) var isComplete = false
    /// What arrived after the end marker: typing that belongs back in the input stream.
    private(set) var leftover: [UInt8] = []

    /// Takes the next chunk read from the tty. Returns true once the end marker has been seen.
    mutating func feed<C: Collection>(_ chunk: C) -> Bool where C.Element == UInt8 {
        guard !isComplete else { leftover += chunk; return true }
        // The marker may straddle two chunks: search from just before the new bytes.
        let searchFrom = max(0, bytes.count - (Self.endMarker.count - 1))
        bytes += chunk
        if let end = Self.find(Self.endMarker, in: bytes, from: searchFrom) {
            leftover = Array(bytes[(end + Self.endMarker.count)...])
            bytes.removeSubrange(end...)
            isComplete = true
        }
        // Past the limit, keep only the bytes that may start the marker beyond it (none once found).
        let tail = isComplete ? 0 : Self.endMarker.count - 1
        if bytes.count > Self.keptLimit + tail {
            bytes.removeSubrange(Self.keptLimit..<(bytes.count - tail))
        }
        return isComplete
    }

    /// The paste as text: invalid UTF-8 becomes U+FFFD, and a line break is "\n" whether the
    /// terminal sent CR (what terminals send for Enter), LF or CR LF.
    var text: String {
        var normalised: [UInt8] = []
        normalised.reserveCapacity(bytes.count)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A, previous == 0x0D { previous = byte; continue }
            normalised.append(byte == 0x0D ? 0x0A : byte)
            previous = byte
        }
        return String(decoding: normalised, as: UTF8.self)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        let first = needle[0]
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
