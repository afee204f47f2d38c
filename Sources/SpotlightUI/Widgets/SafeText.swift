import SpotlightCore

/// Text that has been through `Sanitizer` and may be drawn, with its display width measured once.
///
/// Its public initialiser sanitises and the grid's drawing primitives accept nothing else (a
/// `String` passed to `put` is wrapped here first), so no screen can put raw user text on the
/// terminal by forgetting a call (DESIGN §9, the `wall(1)` escape-injection class).
public struct SafeText: Equatable, Sendable {
    /// One line of display-safe text: no controls, no line breaks, no bidi overrides.
    public let string: String
    /// Terminal columns the text occupies.
    public let width: Int

    /// What the frame being rendered can show. Screens set it for the whole of one render from
    /// the terminal's locale (`SafeText.rendering(for:)`), so every string a frame draws —
    /// user text, theme text and the screens' own — is converted in this one place, and every
    /// width a layout measures is the width of what will be drawn. Outside a render: UTF-8.
    @TaskLocal public static var charset: OutputCharset = .utf8

    /// Runs `body` (one frame's rendering) with `charset` in force for every `SafeText` it makes.
    public static func rendering<T>(for charset: OutputCharset, _ body: () throws -> T) rethrows -> T {
        try $charset.withValue(charset, operation: body)
    }

    /// Sanitises `raw` for a one-line place: line breaks become spaces. Text beyond
    /// `maxScalars` is cut (and "…" added) first, so hostile text cannot make a frame slow.
    /// Converted to the charset of the render in progress.
    public init(_ raw: String) {
        self.init(raw, charset: Self.charset)
    }

    /// Like `init(_:)` for an explicit charset: for measuring text the same way whatever is on
    /// screen (an editor's cursor columns).
    public init(_ raw: String, charset: OutputCharset) {
        self.init(sanitized: Sanitizer.converted(Sanitizer.singleLine(Self.bounded(raw)), to: charset))
    }

    /// More than one line of the widest supported terminal (300 columns) can show, even at five
    /// scalars a column (a letter with four marks, an emoji ZWJ sequence).
    public static let maxScalars = 2048

    private static func bounded(_ raw: String) -> String {
        if raw.utf8.count <= maxScalars { return raw }   // never more scalars than bytes
        let scalars = raw.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: maxScalars, limitedBy: scalars.endIndex),
              end != scalars.endIndex else { return raw }
        return String(scalars[..<end]) + "…"
    }

    /// Only for text already sanitised in this file; never exposed, so the guarantee holds.
    private init(sanitized: String) {
        string = sanitized
        width = DisplayWidth.of(sanitized)
    }

    public static let empty = SafeText("")
    public static let space = SafeText(" ")

    public var isEmpty: Bool { string.isEmpty }

    var isASCII: Bool { string.utf8.allSatisfy { $0 < 0x80 } }

    /// Cut to at most `columns`, ending in `ellipsis` when something was cut.
    public func truncated(toWidth columns: Int, ellipsis: String = "…") -> SafeText {
        if width <= columns { return self }
        // The ellipsis is converted first, so it is measured as drawn ("..." in ASCII).
        let mark = SafeText(ellipsis).string
        // Re-sanitised: the ellipsis is ours, but joining could in principle fuse clusters.
        return SafeText(DisplayWidth.truncate(string, toWidth: columns, ellipsis: mark))
    }

    /// This text with `ellipsis` appended, cutting the text so that both fit in `columns`.
    /// Used to mark the last visible line of clipped text even when that line itself was short.
    public func endingWith(_ ellipsis: String, width columns: Int) -> SafeText {
        let mark = SafeText(ellipsis)
        guard mark.width <= columns else { return truncated(toWidth: columns, ellipsis: "") }
        let room = columns - mark.width
        let head = width <= room ? string : DisplayWidth.truncate(string, toWidth: room, ellipsis: "")
        // Drop spaces before the mark so it reads "word…", not "word …".
        var trimmed = Substring(head)
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        return SafeText(String(trimmed) + mark.string)
    }

    /// The same text with a space between every grapheme ("S E R V I C E"), for big banners.
    public func letterSpaced() -> SafeText {
        var out = ""
        out.reserveCapacity(string.utf8.count * 2)
        for (i, c) in string.enumerated() {
            if i > 0 { out.append(" ") }
            out.append(c)
        }
        return SafeText(sanitized: out)
    }

    /// Word-wraps multi-line text: sanitised keeping its line breaks, then wrapped by display
    /// width. Returns at most `lineLimit` lines and whether anything was left out.
    ///
    /// Only a prefix that could possibly fill `lineLimit + 1` lines is sanitised and wrapped, so
    /// per-frame work is bounded by the screen, not by the text (4000 characters, or one letter
    /// with 10,000 combining marks, cost no more than a screenful).
    public static func wrapping(_ raw: String, width columns: Int, lineLimit: Int) -> (lines: [SafeText], isClipped: Bool) {
        guard columns > 0, lineLimit > 0, !raw.isEmpty else { return ([], false) }
        let limit = min(lineLimit, 10_000)
        // Counted in scalars: up to 4 per column covers accents, emoji sequences and capped marks.
        let (prefix, wasCut) = wrapPrefix(raw, budget: 4 * (limit + 2) * (columns + 4), lineCost: columns + 4)
        let safe = Sanitizer.converted(Sanitizer.displaySafe(prefix), to: charset)
        var wrapped = DisplayWidth.wrap(safe, width: columns)
        // A trailing newline yields an empty last line that is not content.
        while let last = wrapped.last, last.isEmpty, wrapped.count > 1 { wrapped.removeLast() }
        if wrapped.count == 1, wrapped[0].isEmpty { return ([], wasCut) }
        let isClipped = wasCut || wrapped.count > limit
        return (wrapped.prefix(limit).map { SafeText(sanitized: $0) }, isClipped)
    }

    /// The longest prefix of `raw` whose cost stays within `budget`: a scalar costs 1 and a line
    /// break a whole line. Cutting inside a cluster is harmless: the sanitiser copes with any
    /// scalar sequence, and the cut lies beyond what can show.
    private static func wrapPrefix(_ raw: String, budget: Int, lineCost: Int) -> (String, Bool) {
        // Byte scan first: a scalar has at least one byte, and 0xE2 may start U+2028/U+2029, so
        // when this bound fits, the whole text does and no scalar walk is needed.
        var bound = 0
        for byte in raw.utf8 {
            bound += (byte == 0x0A || byte == 0xE2) ? lineCost : 1
            if bound > budget { break }
        }
        if bound <= budget { return (raw, false) }
        let scalars = raw.unicodeScalars
        var cost = 0
        var end = scalars.startIndex
        while end != scalars.endIndex {
            let v = scalars[end].value
            cost += (v == 0x0A || v == 0x2028 || v == 0x2029) ? lineCost : 1
            if cost > budget { return (String(scalars[..<end]), true) }
            scalars.formIndex(after: &end)
        }
        return (raw, false)
    }
}
