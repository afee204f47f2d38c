/// The eight characters a box needs: corners, edges, and the tees where a divider meets a side.
public struct BorderGlyphs: Sendable, Equatable {
    public var topLeft: Character
    public var horizontal: Character
    public var topRight: Character
    public var vertical: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// `├`: a divider leaving the left edge.
    public var leftTee: Character
    /// `┤`: a divider reaching the right edge.
    public var rightTee: Character

    public init(
        topLeft: Character, horizontal: Character, topRight: Character, vertical: Character,
        bottomLeft: Character, bottomRight: Character, leftTee: Character, rightTee: Character
    ) {
        self.topLeft = topLeft
        self.horizontal = horizontal
        self.topRight = topRight
        self.vertical = vertical
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.leftTee = leftTee
        self.rightTee = rightTee
    }

    /// Written in the order top-left, horizontal, top-right, vertical, bottom-left,
    /// bottom-right, left tee, right tee, so the tables below read like the boxes they draw.
    init(_ eight: String) {
        let c = Array(eight)
        precondition(c.count == 8, "a border needs exactly 8 glyphs")
        self.init(topLeft: c[0], horizontal: c[1], topRight: c[2], vertical: c[3],
                  bottomLeft: c[4], bottomRight: c[5], leftTee: c[6], rightTee: c[7])
    }
}

/// The box-drawing family a theme frames the wall with (TOML `border = "rounded"`).
public enum BorderStyle: String, CaseIterable, Sendable {
    case single, double, rounded, heavy, ascii

    /// The glyphs for a UTF-8 terminal.
    public var glyphs: BorderGlyphs {
        switch self {
        case .single: BorderGlyphs("┌─┐│└┘├┤")
        case .double: BorderGlyphs("╔═╗║╚╝╠╣")
        case .rounded: BorderGlyphs("╭─╮│╰╯├┤")
        case .heavy: BorderGlyphs("┏━┓┃┗┛┣┫")
        case .ascii: BorderGlyphs("+-+|++++")
        }
    }

    /// Pure-ASCII glyphs for terminals that cannot show box drawing (non-UTF-8 locales, some
    /// serial consoles); each style keeps a hint of its character so switching themes still shows.
    public var asciiFallback: BorderGlyphs {
        switch self {
        case .single, .ascii: BorderGlyphs("+-+|++++")
        case .double, .heavy: BorderGlyphs("+=+|++++")
        case .rounded: BorderGlyphs(".-.|''||")
        }
    }

    /// `glyphs` or `asciiFallback`, as the terminal allows.
    public func glyphs(unicode: Bool) -> BorderGlyphs {
        unicode ? glyphs : asciiFallback
    }
}
