extension Theme {
    /// The compiled-in default, identical to `Themes/classic.toml` (a test keeps them in step),
    /// so the app looks right with no theme files installed at all.
    ///
    /// Colours are mid-tones that read on dark and light terminals alike; emphasis that must
    /// survive a light background (banner, badge) paints its own background.
    public static let builtIn = Theme(
        name: "classic",
        description: "Calm blue and amber on the terminal's own background; the default.",
        styles: classicStyles,
        border: .rounded,
        banner: "★ SERVICE SPOTLIGHT",
        bannerASCII: "* SERVICE SPOTLIGHT *",
        bannerArt: [
            ".-------------------------------------------.",
            "|   *   S E R V I C E   S P O T L I G H T   |",
            "'-------------------------------------------'",
        ],
        icons: .standard
    )

    private static let none = RoleStyle.defaultColor

    private static let classicStyles: [Role: RoleStyle] = [
        .normal: .plain,
        // White on blue is 5.7:1 on the Linux console's palette: black on its grey at 8 colours.
        .banner: RoleStyle(fg256: 231, bg256: 24, fg16: 15, bg16: 4, fg8: 0, bg8: 7,
                           bold: true, monoBold: true, monoReverse: true),
        .title: RoleStyle(bold: true, monoBold: true),
        .body: .plain,
        // At 8 and 16 colours only red and magenta read on dark and light terminals alike, so
        // hero, new and status keep the terminal's own colour there (ThemeContrastTests).
        .hero: RoleStyle(fg256: 31, fg16: none, fg8: none, bold: true, monoBold: true),
        // Secondary text reaches 4.5:1 on dark and light terminals alike: grey 243 and blue 63
        // at 256 colours; no ANSI colour does, so at 8 and 16 the terminal's own colour.
        .meta: RoleStyle(fg256: 243, fg16: none, fg8: none),
        // The Linux console's red is 2.7:1 on its black: bright red at 16 colours, magenta at 8.
        .pinned: RoleStyle(fg256: 166, fg16: 9, fg8: 5, bold: true, monoBold: true, monoUnderline: true),
        .new: RoleStyle(fg256: 28, fg16: none, fg8: none, bold: true, monoBold: true),
        .ticker: RoleStyle(fg256: 63, fg16: none, fg8: none),
        .border: RoleStyle(fg256: 67, fg16: 6, fg8: 6),
        .dim: RoleStyle(fg256: 243, fg16: none, fg8: none),
        .accent: RoleStyle(fg256: 133, fg16: 5, fg8: 5),
        .status: RoleStyle(fg256: 30, fg16: 12, fg8: none),
        .error: RoleStyle(fg256: 160, fg16: 9, fg8: 5, bold: true, monoBold: true, monoUnderline: true),
        .selection: RoleStyle(reverse: true, monoReverse: true),
        // The console's yellow is brown (black on it 4:1): bright yellow at 16, cyan at 8.
        .badge: RoleStyle(fg256: 16, bg256: 172, fg16: 0, bg16: 11, fg8: 0, bg8: 6,
                          bold: true, monoReverse: true),
    ]
}
