import Foundation

/// A bitmap font in GNU Unifont's `.hex` format: one glyph a line, `CODEPOINT:BITMAP` in code
/// point order, the bitmap 32 hex digits (8×16 pixels) or 64 (16×16, CJK and other wide ones).
///
/// The file is read once (memory-mapped where the system allows) and nothing more is done up
/// front: a glyph is found by binary search over the lines and decoded only when a frame draws
/// it, so the first big frame costs a few dozen lookups, not a pass over Unifont's 57,000 glyphs,
/// and only the pages holding those glyphs are ever touched. `checkEveryLine` (for `doctor`)
/// checks every line and the order once; without it a file is checked only for being cut short
/// (its last line must be whole), and a damaged line found later counts as a missing glyph:
/// that headline line stays text. Only the Basic Multilingual Plane is drawn.
public final class HexFont: Sendable {
    /// One decoded glyph: 16 rows of pixels, bit 15 the leftmost (8-pixel glyphs use the top byte).
    public struct Glyph: Equatable, Sendable {
        /// 8 or 16.
        public let width: Int
        public let rows: [UInt16]

        public static let height = 16

        public func isSet(x: Int, y: Int) -> Bool {
            rows[y] & (0x8000 >> UInt16(x)) != 0
        }
    }

    /// A bigger file is not a font we should read into memory (Unifont's BMP file is 3.7 MB).
    public static let maxBytes = 64 << 20

    private let data: Data
    /// Glyphs the file defines, when every line was checked (`checkEveryLine`).
    public let glyphCount: Int?

    /// Reads `path`. A missing file, a directory, a file too big, a last line cut short and (with
    /// `checkEveryLine`) any line that is not `CODEPOINT:BITMAP` or out of order are errors naming
    /// the file and line.
    public static func load(path: String, checkEveryLine: Bool = false) throws(HexFontError) -> HexFont {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw HexFontError(file: path, problem: "no such file")
        }
        guard !isDirectory.boolValue else { throw HexFontError(file: path, problem: "is a directory, not a .hex font") }
        // The size first, so a huge file is refused before any of it is read.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else { throw HexFontError(file: path, problem: "is larger than \(maxBytes >> 20) MB; not a .hex font") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw HexFontError(file: path, problem: "cannot be read (permissions?)")
        }
        do {
            return try HexFont(data: data, checkEveryLine: checkEveryLine)
        } catch {
            var located = error
            located.file = path
            throw located
        }
    }

    /// A font from the bytes of a `.hex` file; errors carry the 1-based line but no file name.
    public convenience init(bytes: [UInt8], checkEveryLine: Bool = true) throws(HexFontError) {
        try self.init(data: Data(bytes), checkEveryLine: checkEveryLine)
    }

    init(data: Data, checkEveryLine: Bool) throws(HexFontError) {
        let checked: Result<Int?, HexFontError> = data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            return checkEveryLine ? Self.checkLines(b).map { $0 } : Self.checkEnds(b).map { nil }
        }
        self.data = data
        glyphCount = try checked.get()
    }

    /// Cheap: a file whose last line is cut short (an interrupted download) is refused at once.
    private static func checkEnds(_ b: UnsafeBufferPointer<UInt8>) -> Result<Void, HexFontError> {
        var end = b.count
        while end > 0, b[end - 1] == 0x0A || b[end - 1] == 0x0D || b[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { return .failure(HexFontError(problem: "holds no glyphs")) }
        guard b[b.count - 1] == 0x0A else {
            return .failure(HexFontError(problem: "the last line has no line break: the file looks truncated"))
        }
        var start = end
        while start > 0, b[start - 1] != 0x0A { start -= 1 }
        if case .failure(let problem) = parseLine(b, from: start, to: end) {
            return .failure(HexFontError(problem: "last line: " + problem.text))
        }
        return .success(())
    }

    /// Every line well formed and in code point order; returns the number of BMP glyphs.
    private static func checkLines(_ b: UnsafeBufferPointer<UInt8>) -> Result<Int, HexFontError> {
        let n = b.count
        var line = 0, start = 0, count = 0, previous = -1
        while start < n {
            line += 1
            var end = start
            while end < n, b[end] != 0x0A { end += 1 }
            var last = end
            if last > start, b[last - 1] == 0x0D { last -= 1 }   // CRLF files
            if last > start {
                guard end < n else {
                    return .failure(HexFontError(line: line, problem: "the last line has no line break: the file looks truncated"))
                }
                switch parseLine(b, from: start, to: last) {
                case .failure(let problem):
                    return .failure(HexFontError(line: line, problem: problem.text))
                case .success(let (codePoint, _, _)):
                    guard codePoint > previous else {
                        return .failure(HexFontError(line: line, problem: "U+\(hex(codePoint)) after U+\(hex(previous)): lines must be in code point order"))
                    }
                    previous = codePoint
                    if codePoint < 0x10000 { count += 1 }
                }
            }
            start = end + 1
        }
        return count > 0 ? .success(count) : .failure(HexFontError(problem: "holds no glyphs"))
    }

    private static func hex(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private struct Problem: Error {
        let text: String
    }

    /// `CODEPOINT:BITMAP` with 4–6 hex digits, then 32 or 64: returns the code point, where the
    /// bitmap starts and whether it is 16 pixels wide.
    private static func parseLine(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Result<(Int, Int, Bool), Problem> {
        let (codePoint, colon) = codePoint(b, at: start, end: end)
        guard let codePoint, colon < end, b[colon] == UInt8(ascii: ":") else {
            return .failure(Problem(text: "expected CODEPOINT:BITMAP (4 to 6 hex digits, a colon, 32 or 64 hex digits)"))
        }
        guard codePoint <= 0x10FFFF else { return .failure(Problem(text: "code point beyond U+10FFFF")) }
        let bitmap = colon + 1
        let length = end - bitmap
        guard length == 32 || length == 64 else {
            return .failure(Problem(text: "bitmap has \(length) hex digits; 8×16 glyphs need 32 and 16×16 glyphs 64 (truncated or corrupt file?)"))
        }
        for j in bitmap..<end where digit(b[j]) == nil {
            return .failure(Problem(text: "bitmap has a character that is not a hex digit at column \(j - start + 1)"))
        }
        return .success((codePoint, bitmap, length == 64))
    }

    /// The code point at the start of a line (4–6 hex digits) and where its digits end.
    @inline(__always)
    private static func codePoint(_ b: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (Int?, Int) {
        var i = start, value = 0
        while i < end, i - start < 7, let d = digit(b[i]) {
            value = value << 4 | Int(d)
            i += 1
        }
        return ((4...6).contains(i - start) ? value : nil, i)
    }

    @inline(__always)
    private static func digit(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    /// Binary search for the line of `target`: `lo` is always a line start; each probe reads the
    /// line around the middle. Returns where its bitmap starts and whether it is wide, or nil when
    /// the font has no such glyph or its line is damaged.
    private static func find(_ target: Int, in b: UnsafeBufferPointer<UInt8>) -> (offset: Int, wide: Bool)? {
        var lo = 0, hi = b.count
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            var lineStart = mid
            while lineStart > lo, b[lineStart - 1] != 0x0A { lineStart -= 1 }
            var start = lineStart
            while start < hi, b[start] == 0x0A || b[start] == 0x0D { start += 1 }   // blank lines
            guard start < hi else {
                hi = lineStart
                continue
            }
            var end = start
            while end < hi, b[end] != 0x0A { end += 1 }
            var last = end
            if last > start, b[last - 1] == 0x0D { last -= 1 }
            guard let codePoint = codePoint(b, at: start, end: last).0 else { return nil }
            if codePoint == target {
                guard case .success(let (_, offset, wide)) = parseLine(b, from: start, to: last) else { return nil }
                return (offset, wide)
            }
            if codePoint < target { lo = end + 1 } else { hi = lineStart }
        }
        return nil
    }

    /// The glyph for `scalar`, found and decoded now; nil when the font has none.
    public func glyph(for scalar: Unicode.Scalar) -> Glyph? {
        guard scalar.value < 0x10000 else { return nil }
        return data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            guard let (start, wide) = Self.find(Int(scalar.value), in: b) else { return nil }
            var offset = start
            var rows = [UInt16](repeating: 0, count: Glyph.height)
            let digitsPerRow = wide ? 4 : 2
            for y in 0..<Glyph.height {
                var value: UInt16 = 0
                for _ in 0..<digitsPerRow {
                    value = value << 4 | UInt16(Self.digit(b[offset]) ?? 0)   // checked by parseLine
                    offset += 1
                }
                rows[y] = wide ? value : value << 8
            }
            return Glyph(width: wide ? 16 : 8, rows: rows)
        }
    }

    /// The width in pixels (8 or 16) of the glyph for `scalar`, without decoding it; nil when none.
    public func width(of scalar: Unicode.Scalar) -> Int? {
        guard scalar.value < 0x10000 else { return nil }
        return data.withUnsafeBytes { raw in
            Self.find(Int(scalar.value), in: raw.bindMemory(to: UInt8.self)).map { $0.wide ? 16 : 8 }
        }
    }
}

/// Why a `.hex` font cannot be used, as one line: "file line N: problem".
public struct HexFontError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var problem: String

    public init(file: String? = nil, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        var place = file ?? "font"
        if let line { place += " line \(line)" }
        return "\(place): \(problem)"
    }
}

/// Two fonts are the same when they are the same loaded file: a view model holding one stays
/// cheap to compare.
extension HexFont: Equatable {
    public static func == (lhs: HexFont, rhs: HexFont) -> Bool { lhs === rhs }
}
