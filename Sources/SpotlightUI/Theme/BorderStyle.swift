/// The box-drawing family a theme frames the wall with (TOML `border = "rounded"`). It names
/// glyph sets; the widgets draw with the resulting `BoxGlyphs`.
public enum BorderStyle: String, CaseIterable, Sendable {
    case single, double, rounded, heavy, ascii

    /// The glyphs for a UTF-8 terminal.
    public var glyphs: BoxGlyphs {
        switch self {
        case .single: BoxGlyphs("┌─┐│└┘├┤")
        case .double: BoxGlyphs("╔═╗║╚╝╠╣")
        case .rounded: BoxGlyphs("╭─╮│╰╯├┤")
        case .heavy: BoxGlyphs("┏━┓┃┗┛┣┫")
        case .ascii: BoxGlyphs("+-+|++++")
        }
    }

    /// Pure-ASCII glyphs for terminals that cannot show box drawing (non-UTF-8 locales, some
    /// serial consoles); each style keeps a hint of its character so switching themes still shows.
    public var asciiFallback: BoxGlyphs {
        switch self {
        case .single, .ascii: BoxGlyphs("+-+|++++")
        case .double, .heavy: BoxGlyphs("+=+|++++")
        case .rounded: BoxGlyphs(".-.|''||")
        }
    }

    /// `glyphs` or `asciiFallback`, as the terminal allows.
    public func glyphs(unicode: Bool) -> BoxGlyphs {
        unicode ? glyphs : asciiFallback
    }
}

extension BoxGlyphs {
    /// Written in the order top-left, horizontal, top-right, vertical, bottom-left,
    /// bottom-right, left tee, right tee, so the tables above read like the boxes they draw.
    init(_ eight: String) {
        let c = Array(eight).map(String.init)
        precondition(c.count == 8, "a border needs exactly 8 glyphs")
        self.init(topLeft: c[0], top: c[1], topRight: c[2], left: c[3], right: c[3],
                  bottomLeft: c[4], bottom: c[1], bottomRight: c[5], teeLeft: c[6], teeRight: c[7])
    }
}
