/// The characters a box is drawn with, passed in by the caller (mapped from the theme's border
/// style, or `.ascii` on a terminal without UTF-8), so widgets never hard-code box drawing.
public struct BoxGlyphs: Equatable, Sendable {
    public var topLeft: String
    public var top: String
    public var topRight: String
    public var left: String
    public var right: String
    public var bottomLeft: String
    public var bottom: String
    public var bottomRight: String
    /// Where a horizontal divider meets the left and right sides: ├ and ┤.
    public var teeLeft: String
    public var teeRight: String

    public init(
        topLeft: String, top: String, topRight: String, left: String, right: String,
        bottomLeft: String, bottom: String, bottomRight: String, teeLeft: String, teeRight: String
    ) {
        self.topLeft = topLeft
        self.top = top
        self.topRight = topRight
        self.left = left
        self.right = right
        self.bottomLeft = bottomLeft
        self.bottom = bottom
        self.bottomRight = bottomRight
        self.teeLeft = teeLeft
        self.teeRight = teeRight
    }

    public static let light = BoxGlyphs(
        topLeft: "┌", top: "─", topRight: "┐", left: "│", right: "│",
        bottomLeft: "└", bottom: "─", bottomRight: "┘", teeLeft: "├", teeRight: "┤"
    )

    public static let rounded = BoxGlyphs(
        topLeft: "╭", top: "─", topRight: "╮", left: "│", right: "│",
        bottomLeft: "╰", bottom: "─", bottomRight: "╯", teeLeft: "├", teeRight: "┤"
    )

    public static let double = BoxGlyphs(
        topLeft: "╔", top: "═", topRight: "╗", left: "║", right: "║",
        bottomLeft: "╚", bottom: "═", bottomRight: "╝", teeLeft: "╠", teeRight: "╣"
    )

    public static let ascii = BoxGlyphs(
        topLeft: "+", top: "-", topRight: "+", left: "|", right: "|",
        bottomLeft: "+", bottom: "-", bottomRight: "+", teeLeft: "+", teeRight: "+"
    )
}

/// Border glyphs sanitised and checked once per box: each must be one printable grapheme one
/// column wide, or the box would not line up, so a bad one falls back to its ASCII counterpart.
struct SafeBorder {
    let topLeft, top, topRight, left, right, bottomLeft, bottom, bottomRight, teeLeft, teeRight: SafeText

    init(_ g: BoxGlyphs) {
        let a = BoxGlyphs.ascii
        func one(_ s: String, _ fallback: String) -> SafeText {
            let safe = SafeText(s)
            return safe.string == s && safe.width == 1 && s.count == 1 ? safe : SafeText(fallback)
        }
        topLeft = one(g.topLeft, a.topLeft)
        top = one(g.top, a.top)
        topRight = one(g.topRight, a.topRight)
        left = one(g.left, a.left)
        right = one(g.right, a.right)
        bottomLeft = one(g.bottomLeft, a.bottomLeft)
        bottom = one(g.bottom, a.bottom)
        bottomRight = one(g.bottomRight, a.bottomRight)
        teeLeft = one(g.teeLeft, a.teeLeft)
        teeRight = one(g.teeRight, a.teeRight)
    }
}
