import Foundation

/// The bytes a screen wrote to its terminal, as tmux's `pipe-pane` saved them (`Tmux(pipeTo:)`):
/// what must never be in them, and waiting until they are complete.
public enum RawStream {
    /// rmcup: leave the alternate screen, the last thing a screen writes on its way out.
    public static let rmcup = Data("\u{1B}[?1049l".utf8)

    public static func hasRmcup(_ bytes: Data) -> Bool { bytes.range(of: rmcup) != nil }

    /// The file at `path` once it holds the screen's goodbye (rmcup), so everything it wrote is
    /// in it; after `seconds` whatever is there (the caller checks `hasRmcup`).
    public static func waitForRmcup(_ path: String, seconds: Int = 5) -> Data {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(seconds))
        var bytes = Data()
        repeat {
            bytes = FileManager.default.contents(atPath: path) ?? Data()
            if hasRmcup(bytes) { break }
            usleep(50_000)
        } while clock.now < deadline
        return bytes
    }

    /// What must never be in the bytes the wall or the board writes, whatever the stories hold.
    /// Only sound claims: ncurses itself writes CSI sequences (ESC [), charset switches (ESC ( B), keypad
    /// modes (ESC = / ESC >), and clears the screen with ESC[H ESC[2J, so a story's ESC[2J is
    /// checked on screen instead (visible as ␛[2J, frame intact). It never writes OSC, DCS, APC
    /// or PM strings, 8-bit C1 controls, BEL (the wall never beeps), bidi controls, zero-width
    /// format characters, or more combining marks on one letter than the sanitizer keeps (4).
    public static func problems(_ bytes: Data) -> [String] {
        var problems: [String] = []
        let array = [UInt8](bytes)
        for (index, byte) in array.enumerated() where byte == 0x1B && index + 1 < array.count {
            let next = array[index + 1]
            if [UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X")].contains(next) {
                let context = array[index..<min(array.count, index + 24)].map { $0 < 0x20 || $0 > 0x7E ? "\\x" + String($0, radix: 16) : String(UnicodeScalar($0)) }.joined()
                problems.append("a string sequence ESC \(UnicodeScalar(next)) at byte \(index): \(context)")
                if problems.count > 5 { return problems }
            }
        }
        if array.contains(0x07) { problems.append("a BEL byte (0x07) was written") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            problems.append("the stream is not valid UTF-8 (a raw 8-bit C1 byte such as 0x9B would be one cause)")
            return problems
        }
        var marks = 0, longestMarks = 0
        var found: [UInt32: Int] = [:]
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || [0x061C, 0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF].contains(v) {
                found[v, default: 0] += 1
            }
            if (0x300...0x36F).contains(v) {
                marks += 1
                longestMarks = max(longestMarks, marks)
            } else {
                marks = 0
            }
        }
        for (value, count) in found.sorted(by: { $0.key < $1.key }) {
            problems.append("U+\(String(value, radix: 16, uppercase: true)) written \(count) times")
        }
        if longestMarks > 4 { problems.append("\(longestMarks) combining marks in a row were written (the sanitizer keeps 4)") }
        return problems
    }
}
