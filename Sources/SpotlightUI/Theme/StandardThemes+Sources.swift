// Generated from Themes/*.toml by `THEMES_UPDATE=1 swift test --filter StandardThemeSourceTests`.
// Do not edit: change the .toml file and regenerate; the test fails while they differ.

extension StandardThemes {
    static let sources: [String: String] = [
        "classic": classic,
        "high-contrast": highContrast,
        "midnight": midnight,
        "mono": mono,
        "service-week": serviceWeek,
    ]

    private static let classic = #"""
    # classic — the default look, and the same as the theme compiled into spotlight.
    # Headline and body are the terminal's own colours; secondary text uses the few mid-tones that
    # reach 4.5:1 on dark and light terminals alike (grey 243, blue 63), and the banner and badges
    # paint their own background. At 8 and 16 colours no ANSI colour reaches 4.5:1 on both, so hero,
    # new, status and the secondary text keep the terminal's own colour there (ThemeContrastTests,
    # which also measures the Linux console's palette, where yellow is brown and red is dark).
    name = "classic"
    description = "Calm blue and amber on the terminal's own background; the default."
    border = "rounded"
    banner = "★ SERVICE SPOTLIGHT"
    banner-ascii = "* SERVICE SPOTLIGHT *"
    banner-art = [
      ".-------------------------------------------.",
      "|   *   S E R V I C E   S P O T L I G H T   |",
      "'-------------------------------------------'",
    ]

    [roles.normal]
    # Terminal colours: the body of a story looks like everything else the user reads.

    [roles.banner]
    # White on blue is 5.7:1 on the Linux console; black on its grey is 9:1.
    fg256 = 231
    bg256 = 24
    fg16 = "bright-white"
    bg16 = "blue"
    fg8 = "black"
    bg8 = "white"
    bold = true
    mono = ["bold", "reverse"]

    [roles.title]
    bold = true
    mono = ["bold"]

    [roles.body]

    [roles.hero]
    fg256 = 31
    fg16 = "default"
    fg8 = "default"
    bold = true
    mono = ["bold"]

    [roles.meta]
    # Grey 243 is one of six 256-colour tones at 4.5:1 on both black and white; no ANSI colour is.
    fg256 = 243
    fg16 = "default"
    fg8 = "default"

    [roles.pinned]
    # The Linux console's red is too dark on its black (2.7:1): bright red at 16 colours, magenta at 8.
    fg256 = 166
    fg16 = "bright-red"
    fg8 = "magenta"
    bold = true
    mono = ["bold", "underline"]

    [roles.new]
    fg256 = 28
    fg16 = "default"
    fg8 = "default"
    bold = true
    mono = ["bold"]

    [roles.ticker]
    # Blue 63 reads at 4.5:1 on dark and light terminals alike (ThemeContrastTests).
    fg256 = 63
    fg16 = "default"
    fg8 = "default"

    [roles.border]
    fg256 = 67
    fg16 = "cyan"
    fg8 = "cyan"

    [roles.dim]
    fg256 = 243
    fg16 = "default"
    fg8 = "default"

    [roles.accent]
    fg256 = 133
    fg16 = "magenta"
    fg8 = "magenta"

    [roles.status]
    fg256 = 30
    fg16 = "bright-blue"
    fg8 = "default"

    [roles.error]
    fg256 = 160
    fg16 = "bright-red"
    fg8 = "magenta"
    bold = true
    mono = ["bold", "underline"]

    [roles.selection]
    reverse = true
    mono = ["reverse"]

    [roles.badge]
    # Yellow at 8 colours is brown on the Linux console (black on it 4.0:1): cyan there.
    fg256 = 16
    bg256 = 172
    fg16 = "black"
    bg16 = "bright-yellow"
    fg8 = "black"
    bg8 = "cyan"
    bold = true
    mono = ["reverse"]

    [icons]
    pinned = { text = "📌", ascii = "[PIN]" }
    new = { text = "✨", ascii = "+" }
    votes = { text = "★", ascii = "*" }
    medallion = { text = "🏅", ascii = "(m)" }
    hero = { text = "🙌", ascii = '\o/' }

    """#

    private static let highContrast = #"""
    # high-contrast — for wall screens seen from across a room and for low vision. Paints pure
    # black behind everything and uses only white, yellow and cyan text (contrast ≥ 10:1), with
    # heavy borders; what matters is also marked by bold, underline or reverse, never colour alone.
    name = "high-contrast"
    description = "White, yellow and cyan on black with heavy borders; the most legible theme."
    border = "heavy"
    banner = "★ SERVICE SPOTLIGHT ★"
    banner-ascii = "** SERVICE SPOTLIGHT **"

    [roles.normal]
    fg256 = 231
    bg256 = 16
    fg16 = "bright-white"
    bg16 = "black"
    fg8 = "white"
    bg8 = "black"

    [roles.banner]
    fg256 = 16
    bg256 = 226
    fg16 = "black"
    bg16 = "bright-yellow"
    fg8 = "black"
    bg8 = "white"
    bold = true
    mono = ["bold", "reverse"]

    [roles.title]
    # Yellow at 8 colours is the Linux console's brown (4:1 on black): cyan there.
    fg256 = 226
    fg16 = "bright-yellow"
    fg8 = "cyan"
    bold = true
    mono = ["bold"]

    [roles.body]

    [roles.hero]
    fg256 = 51
    fg16 = "bright-cyan"
    fg8 = "cyan"
    bold = true
    mono = ["bold"]

    [roles.meta]
    # No grey here: secondary text stays full white.

    [roles.pinned]
    fg256 = 226
    fg16 = "bright-yellow"
    fg8 = "white"
    bold = true
    underline = true
    mono = ["bold", "underline"]

    [roles.new]
    fg256 = 16
    bg256 = 46
    fg16 = "black"
    bg16 = "bright-green"
    fg8 = "black"
    bg8 = "green"
    bold = true
    mono = ["reverse"]

    [roles.ticker]

    [roles.border]
    bold = true

    [roles.dim]
    fg256 = 250
    fg16 = "white"
    fg8 = "white"

    [roles.accent]
    fg256 = 51
    fg16 = "bright-cyan"
    fg8 = "cyan"
    bold = true
    mono = ["underline"]

    [roles.status]
    fg256 = 16
    bg256 = 231
    fg16 = "black"
    bg16 = "bright-white"
    fg8 = "black"
    bg8 = "white"
    mono = ["reverse"]

    [roles.error]
    fg256 = 231
    bg256 = 160
    fg16 = "bright-white"
    bg16 = "red"
    fg8 = "black"
    bg8 = "white"
    bold = true
    mono = ["bold", "reverse"]

    [roles.selection]
    fg256 = 16
    bg256 = 51
    fg16 = "black"
    bg16 = "bright-cyan"
    fg8 = "black"
    bg8 = "cyan"
    bold = true
    mono = ["reverse"]

    [roles.badge]
    fg256 = 16
    bg256 = 226
    fg16 = "black"
    bg16 = "bright-yellow"
    fg8 = "black"
    bg8 = "cyan"
    bold = true
    mono = ["reverse"]


    """#

    private static let midnight = #"""
    # midnight — light text on a deep navy background the theme paints itself, so it looks the
    # same on dark and light terminals. Roles left out (body) inherit from normal, keeping the navy.
    name = "midnight"
    description = "Soft light text on deep navy, painted edge to edge; easy on the eyes in a dark room."
    border = "double"
    banner = "☾ SERVICE SPOTLIGHT"
    banner-ascii = "SERVICE SPOTLIGHT"

    [roles.normal]
    # On the Linux console no 8-colour text reaches 7:1 on its blue (white: 5.7:1): black there.
    fg256 = 252
    bg256 = 17
    fg16 = "bright-white"
    bg16 = "blue"
    fg8 = "white"
    bg8 = "black"

    [roles.banner]
    fg256 = 117
    bg256 = 18
    fg16 = "bright-cyan"
    fg8 = "white"
    bold = true
    mono = ["bold", "reverse"]

    [roles.title]
    fg256 = 230
    fg16 = "bright-white"
    fg8 = "white"
    bold = true
    mono = ["bold"]

    [roles.hero]
    fg256 = 159
    fg16 = "bright-cyan"
    fg8 = "cyan"
    bold = true
    mono = ["bold"]

    [roles.meta]
    fg256 = 146

    [roles.pinned]
    fg256 = 221
    fg16 = "bright-yellow"
    fg8 = "cyan"
    bold = true
    mono = ["bold", "underline"]

    [roles.new]
    fg256 = 120
    fg16 = "bright-green"
    fg8 = "black"
    bg8 = "green"
    bold = true
    mono = ["bold"]

    [roles.ticker]
    fg256 = 189

    [roles.border]
    fg256 = 61
    fg16 = "cyan"
    fg8 = "cyan"

    [roles.dim]
    fg256 = 103

    [roles.accent]
    fg256 = 213
    fg16 = "cyan"
    fg8 = "cyan"

    [roles.status]
    fg256 = 117
    fg16 = "bright-cyan"
    fg8 = "cyan"

    [roles.error]
    fg256 = 210
    fg16 = "bright-white"
    fg8 = "black"
    bg16 = "red"
    bg8 = "white"
    bold = true
    mono = ["bold", "underline"]

    [roles.selection]
    fg256 = 17
    bg256 = 153
    fg16 = "black"
    bg16 = "cyan"
    fg8 = "black"
    bg8 = "cyan"
    mono = ["reverse"]

    [roles.badge]
    fg256 = 17
    bg256 = 221
    fg16 = "black"
    bg16 = "bright-yellow"
    fg8 = "black"
    bg8 = "cyan"
    bold = true
    mono = ["reverse"]

    [icons]
    votes = "☆"

    """#

    private static let mono = #"""
    # mono — no colour at all, only bold, underline, reverse and dim. Looks the same on every
    # terminal, dark or light, and on a real monochrome one; a good base for NO_COLOR users who
    # still want emphasis. Plain ASCII borders and icons for terminals without UTF-8 fonts.
    name = "mono"
    description = "No colour: emphasis by bold, underline and reverse only, with ASCII borders."
    border = "ascii"
    banner = "* SERVICE SPOTLIGHT *"

    [roles.normal]
    # Present (though empty) so every role left out below inherits "no colour" rather than
    # the built-in colours.

    [roles.banner]
    bold = true
    reverse = true
    mono = ["bold", "reverse"]

    [roles.title]
    bold = true
    mono = ["bold"]

    [roles.hero]
    bold = true
    mono = ["bold"]

    [roles.meta]
    dim = true

    [roles.pinned]
    bold = true
    underline = true
    mono = ["bold", "underline"]

    [roles.new]
    bold = true
    reverse = true
    mono = ["bold", "reverse"]

    [roles.dim]
    dim = true

    [roles.accent]
    underline = true
    mono = ["underline"]

    [roles.status]
    reverse = true
    mono = ["reverse"]

    [roles.error]
    bold = true
    underline = true
    mono = ["bold", "underline"]

    [roles.selection]
    reverse = true
    mono = ["reverse"]

    [roles.badge]
    reverse = true
    mono = ["reverse"]

    [icons]
    pinned = { text = "[PIN]", ascii = "[PIN]" }
    votes = { text = "*", ascii = "*" }
    medallion = { text = "(m)", ascii = "(m)" }
    hero = { text = '\o/', ascii = '\o/' }

    """#

    private static let serviceWeek = #"""
    # service-week — Customer Service Week (first full Monday–Friday week of October): gold and
    # royal blue. The banner and badges paint their own blue so the gold stays readable on light
    # terminals; gold text elsewhere uses darker golds that hold up on white as well as on black
    # (at 8 and 16 colours no ANSI gold does, so there it is bold in the terminal's own colour).
    name = "service-week"
    description = "Festive gold and royal blue for Customer Service Week."
    border = "double"
    banner = "🎉 CUSTOMER SERVICE WEEK 🎉"
    banner-ascii = "*** CUSTOMER SERVICE WEEK ***"
    banner-art = [
      "  \\o/   C U S T O M E R   S E R V I C E   W E E K   \\o/  ",
      " ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ ",
      "        thank you for making every customer's day        ",
    ]

    [roles.normal]

    [roles.banner]
    fg256 = 220
    bg256 = 19
    fg16 = "bright-yellow"
    bg16 = "blue"
    fg8 = "black"
    bg8 = "cyan"
    bold = true
    mono = ["bold", "reverse"]

    [roles.title]
    # Headlines keep the terminal's own colour: no blue reads at 7:1 on both dark and light terminals.
    bold = true
    mono = ["bold"]

    [roles.body]

    [roles.hero]
    fg256 = 136
    fg16 = "default"
    fg8 = "default"
    bold = true
    mono = ["bold"]

    [roles.meta]
    fg256 = 243
    fg16 = "default"
    fg8 = "default"

    [roles.pinned]
    fg256 = 130
    fg16 = "bright-red"
    fg8 = "magenta"
    bold = true
    mono = ["bold", "underline"]

    [roles.new]
    fg256 = 220
    bg256 = 19
    fg16 = "bright-yellow"
    bg16 = "blue"
    fg8 = "white"
    bg8 = "blue"
    bold = true
    mono = ["reverse"]

    [roles.ticker]
    fg256 = 63
    fg16 = "default"
    fg8 = "default"

    [roles.border]
    fg256 = 178
    fg16 = "yellow"
    fg8 = "yellow"

    [roles.dim]
    fg256 = 243
    fg16 = "default"
    fg8 = "default"

    [roles.accent]
    fg256 = 136
    fg16 = "default"
    fg8 = "default"

    [roles.status]
    fg256 = 33
    fg16 = "bright-blue"
    fg8 = "default"

    [roles.error]
    fg256 = 160
    fg16 = "bright-red"
    fg8 = "magenta"
    bold = true
    mono = ["bold", "underline"]

    [roles.selection]
    fg256 = 231
    bg256 = 25
    fg16 = "bright-white"
    bg16 = "blue"
    fg8 = "white"
    bg8 = "blue"
    mono = ["reverse"]

    [roles.badge]
    fg256 = 19
    bg256 = 220
    fg16 = "black"
    bg16 = "bright-yellow"
    fg8 = "black"
    bg8 = "white"
    bold = true
    mono = ["reverse"]

    [icons]
    new = { text = "🎉", ascii = "+" }
    votes = { text = "★", ascii = "*" }
    medallion = { text = "🏆", ascii = "(m)" }
    hero = { text = "🎉", ascii = '\o/' }

    """#
}
