import Foundation

/// A bitmap font in GNU Unifont's `.hex` format: one glyph a line, `CODEPOINT:BITMAP`, the
/// bitmap 32 hex digits (8×16 pixels) or 64 (16×16, CJK and other wide characters).
///
/// The file is read once and checked in one pass, which also builds an index from code point
/// to the glyph's place in the bytes; a glyph's bitmap is decoded only when a frame draws it
/// (a headline needs a few dozen of Unifont's 57,000). Only the Basic Multilingual Plane is
/// indexed: that is what `unifont.hex` covers, and a big headline never needs more.
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

    private let bytes: [UInt8]
    /// For each BMP code point: 0 when absent, else (offset of the bitmap's first digit) << 1
    /// | 1 when the glyph is 16 pixels wide. Offsets are never 0: a code point and ':' come first.
    private let index: [UInt32]
    /// Glyphs the file defines (BMP only).
    public let glyphCount: Int

    /// Reads and checks `path`. A missing file, a directory, a file too big, a line that is not
    /// `CODEPOINT:BITMAP` (as left by a truncated download) are errors naming the file and line.
    public static func load(path: String) throws(HexFontError) -> HexFont {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw HexFontError(file: path, problem: "no such file")
        }
        guard !isDirectory.boolValue else { throw HexFontError(file: path, problem: "is a directory, not a .hex font") }
        // The size first, so a huge file is refused before any of it is read.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else { throw HexFontError(file: path, problem: "is larger than \(maxBytes >> 20) MB; not a .hex font") }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw HexFontError(file: path, problem: "cannot be read (permissions?)")
        }
        guard data.count <= maxBytes else { throw HexFontError(file: path, problem: "is larger than \(maxBytes >> 20) MB; not a .hex font") }
        do {
            return try HexFont(bytes: [UInt8](data))
        } catch {
            var located = error
            located.file = path
            throw located
        }
    }

    /// Parses a whole `.hex` file; errors carry the 1-based line but no file name.
    public init(bytes: [UInt8]) throws(HexFontError) {
        var index = [UInt32](repeating: 0, count: 0x10000)
        var count = 0
        // One pass over raw bytes: Unifont's 3.7 MB is checked and indexed in a few milliseconds.
        let failure: HexFontError? = bytes.withUnsafeBufferPointer { b in Self.hexDigits.withUnsafeBufferPointer { digits in
            let n = b.count
            var line = 0
            var start = 0
            while start < n {
                line += 1
                var end = start
                while end < n, b[end] != 0x0A { end += 1 }
                var last = end
                if last > start, b[last - 1] == 0x0D { last -= 1 }   // CRLF files
                if last > start {
                    guard end < n else {
                        return HexFontError(line: line, problem: "the last line has no line break: the file looks truncated")
                    }
                    switch Self.parseLine(b, from: start, to: last, digits: digits) {
                    case .failure(let problem):
                        return HexFontError(line: line, problem: problem.text)
                    case .success(let (codePoint, offset, wide)):
                        if codePoint < 0x10000 {
                            if index[codePoint] == 0 { count += 1 }
                            index[codePoint] = UInt32(offset) << 1 | (wide ? 1 : 0)
                        }
                    }
                }
                start = end + 1
            }
            return nil
        } }
        if let failure { throw failure }
        guard count > 0 else { throw HexFontError(line: nil, problem: "holds no glyphs") }
        self.bytes = bytes
        self.index = index
        self.glyphCount = count
    }

    private struct Problem: Error {
        let text: String
    }

    /// `CODEPOINT:BITMAP` with 4–6 hex digits, then 32 or 64: returns the code point, where the
    /// bitmap starts and whether it is 16 pixels wide.
    private static func parseLine(
        _ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, digits hexDigits: UnsafeBufferPointer<UInt8>
    ) -> Result<(Int, Int, Bool), Problem> {
        var i = start
        var codePoint = 0
        while i < end, i - start < 7, hexDigits[Int(b[i])] != 0xFF {
            codePoint = codePoint << 4 | Int(hexDigits[Int(b[i])])
            i += 1
        }
        let digits = i - start
        guard (4...6).contains(digits), i < end, b[i] == UInt8(ascii: ":") else {
            return .failure(Problem(text: "expected CODEPOINT:BITMAP (4 to 6 hex digits, a colon, 32 or 64 hex digits)"))
        }
        guard codePoint <= 0x10FFFF else { return .failure(Problem(text: "code point beyond U+10FFFF")) }
        let bitmap = i + 1
        let length = end - bitmap
        guard length == 32 || length == 64 else {
            return .failure(Problem(text: "bitmap has \(length) hex digits; 8×16 glyphs need 32 and 16×16 glyphs 64 (truncated or corrupt file?)"))
        }
        for j in bitmap..<end where hexDigits[Int(b[j])] == 0xFF {
            return .failure(Problem(text: "bitmap has a character that is not a hex digit at column \(j - start + 1)"))
        }
        return .success((codePoint, bitmap, length == 64))
    }

    /// Each byte's value as a hex digit, 0xFF for anything else.
    private static let hexDigits: [UInt8] = (0..<256).map { c in
        switch c {
        case 0x30...0x39: UInt8(c - 0x30)
        case 0x41...0x46: UInt8(c - 0x41 + 10)
        case 0x61...0x66: UInt8(c - 0x61 + 10)
        default: 0xFF
        }
    }

    /// The glyph for `scalar`, decoded now; nil when the font has none.
    public func glyph(for scalar: Unicode.Scalar) -> Glyph? {
        guard scalar.value < 0x10000 else { return nil }
        let entry = index[Int(scalar.value)]
        guard entry != 0 else { return nil }
        let wide = entry & 1 == 1
        var offset = Int(entry >> 1)
        var rows = [UInt16](repeating: 0, count: Glyph.height)
        let digitsPerRow = wide ? 4 : 2
        for y in 0..<Glyph.height {
            var value: UInt16 = 0
            for _ in 0..<digitsPerRow {
                value = value << 4 | UInt16(Self.hexDigits[Int(bytes[offset])])   // checked at load
                offset += 1
            }
            rows[y] = wide ? value : value << 8
        }
        return Glyph(width: wide ? 16 : 8, rows: rows)
    }

    /// Whether the font defines `scalar`, without decoding it; `wide` says it is 16 pixels wide.
    public func width(of scalar: Unicode.Scalar) -> Int? {
        guard scalar.value < 0x10000 else { return nil }
        let entry = index[Int(scalar.value)]
        return entry == 0 ? nil : (entry & 1 == 1 ? 16 : 8)
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
