import Testing
@testable import SpotlightCore

/// Text that has hurt terminals before: escape injection (CVE-2024-28085), bidi spoofing,
/// zalgo, giant words, invisible characters, and the mixed scripts a real board carries.
private enum Corpus {
    static let longWord = String(repeating: "x", count: 4000)
    static let zalgo = "e" + String(repeating: "\u{0301}", count: 10_000)
    static let zwjChain = "👩" + String(repeating: "\u{200D}👩", count: 50)
    static let skinToneRun = "👍" + String(repeating: "\u{1F3FD}", count: 50)
    static let hostile: [String] = [
        "\u{1B}[2J\u{1B}[H you have been cleared",
        "\u{1B}]52;c;SGVsbG8=\u{07}",                 // OSC 52: write the viewer's clipboard
        "\u{9B}31mred via 8-bit CSI\u{9D}0;title\u{9C}",
        "\u{202E}evil\u{202C} and \u{2066}isolated\u{2069} \u{200F}rtl\u{200E}",
        "nul\u{0}byte, del\u{7F}, bell\u{7}, cr\rover",
        zalgo,
        longWord,
        "\u{200B}\u{200B}\u{200B}zero\u{200B}width\u{2060}\u{FEFF}\u{00AD}",
        "日本語のテキスト 👩‍💻 mixed 한국어 🇫🇷 emoji ❤️ 🙌🏽 text",
        "\u{0301}\u{0301}starts with marks",
        "e\u{0301}\u{0302}\u{0303}\u{0304}\u{200B}\u{0305}\u{0306}\u{0307}\u{0308}\u{0309}",
        "line\u{2028}sep\u{2029}para\r\nwindows\n\ttab",
        zwjChain,
        skinToneRun,
        "\u{061C}arabic mark \u{0600}\u{0661}",
        "",
    ]
    static let layout: [String] = hostile.map { Sanitizer.displaySafe($0) } + [
        "The quick brown fox jumps over the lazy dog",
        "日本語 テキスト を 折り返す ための 長い 文章 です",
        "🎉🎉🎉 party 📌 pinned 🏅 medal 👨‍👩‍👧 family 🇫🇷🇩🇪🇯🇵",
        "e\u{0301}e\u{0301}e\u{0301} cafe\u{0301} re\u{0301}sume\u{0301}",
        "  indented\n\nafter a blank line\n",
        "a" + String(repeating: "\u{0301}\u{0302}", count: 2) + " b",
    ]

    /// Scalars that must never reach a terminal from user text.
    static func isForbidden(_ s: Unicode.Scalar, allowNewline: Bool) -> Bool {
        switch s.value {
        case 0x0A: return !allowNewline
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// Width, truncation, wrapping and sanitising of user text (a suite, so names stay local).
@Suite struct TextTests {
    // MARK: - DisplayWidth.of

    @Test func widthOfASCIIIsOnePerCharacter() {
        #expect(DisplayWidth.of("abc") == 3)
    }

    @Test func widthOfCJKIsTwoPerCharacter() {
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("カナ") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)   // fullwidth forms
    }

    @Test func widthOfHalfwidthKatakanaIsOne() {
        #expect(DisplayWidth.of("ｶ") == 1)
    }

    @Test func widthOfEmojiPresentationIsTwo() {
        for e in ["😀", "🎉", "🏅", "📌", "🙌"] {
            #expect(DisplayWidth.of(Character(e)) == 2, "\(e)")
        }
    }

    @Test func widthOfZWJSequenceIsTwo() {
        #expect(DisplayWidth.of("👩‍💻") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    }

    @Test func widthOfTextStyleBaseWithVS16IsTwo() {
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("❤") == 1)
        #expect(DisplayWidth.of("1️⃣") == 2)
    }

    @Test func widthOfFlagIsTwo() {
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(DisplayWidth.of("🇫🇷🇩🇪") == 4)
    }

    @Test func widthOfSkinToneSequenceIsTwo() {
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("☝🏽") == 2)
    }

    @Test func combiningMarksAddNoWidth() {
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of(Corpus.zalgo) == 1)
    }

    @Test func clusterOfOnlyZeroWidthCharactersIsZero() {
        #expect(DisplayWidth.of(Character("\u{0301}")) == 0)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("\u{1B}") == 0)
        #expect(DisplayWidth.of("\r\n") == 0)
    }

    @Test(arguments: Corpus.hostile + Corpus.layout)
    func stringWidthIsSumOfCharacterWidths(_ s: String) {
        #expect(DisplayWidth.of(s) == s.reduce(0) { $0 + DisplayWidth.of($1) })
        #expect(DisplayWidth.of(s[...]) == DisplayWidth.of(s))
    }

    // MARK: - truncate

    @Test func truncateLeavesFittingTextAlone() {
        #expect(DisplayWidth.truncate("hello", toWidth: 5) == "hello")
        #expect(DisplayWidth.truncate("日本", toWidth: 4) == "日本")
    }

    @Test func truncateAddsEllipsisOnlyWhenCut() {
        #expect(DisplayWidth.truncate("hello world", toWidth: 8) == "hello w…")
    }

    @Test func truncateDropsWideCharacterThatDoesNotFit() {
        #expect(DisplayWidth.truncate("日本語", toWidth: 5) == "日本…")
        #expect(DisplayWidth.truncate("日本語", toWidth: 4) == "日…")
    }

    @Test func truncateNeverSplitsAGrapheme() {
        #expect(DisplayWidth.truncate("👩‍💻👩‍💻", toWidth: 3) == "👩‍💻…")
        #expect(DisplayWidth.truncate("e\u{0301}e\u{0301}e\u{0301}", toWidth: 2) == "e\u{0301}…")
    }

    @Test func truncateToTinyWidths() {
        #expect(DisplayWidth.truncate("hello", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("hello", toWidth: 1) == "…")
        #expect(DisplayWidth.truncate("hello", toWidth: 1, ellipsis: "...") == "h")
    }

    @Test(arguments: Corpus.layout)
    func truncateNeverExceedsWidth(_ s: String) {
        for w in 0...24 {
            #expect(DisplayWidth.of(DisplayWidth.truncate(s, toWidth: w)) <= w)
        }
    }

    // MARK: - wrap

    @Test func wrapOfEmptyTextIsOneEmptyLine() {
        #expect(DisplayWidth.wrap("", width: 10) == [""])
    }

    @Test func wrapBreaksAtSpaces() {
        #expect(DisplayWidth.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    }

    @Test func wrapBreaksLongWordByGraphemes() {
        #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("日本語テキスト", width: 5) == ["日本", "語テ", "キス", "ト"])
    }

    @Test func wrapKeepsExplicitAndBlankLines() {
        #expect(DisplayWidth.wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(DisplayWidth.wrap("a\r\nb\n", width: 10) == ["a", "b", ""])
    }

    @Test func wrapKeepsLeadingIndent() {
        #expect(DisplayWidth.wrap("  indented text", width: 20) == ["  indented text"])
    }

    @Test func wrapDropsWideCharacterWiderThanTheLine() {
        #expect(DisplayWidth.wrap("a日b", width: 1) == ["a", "b"])
    }

    @Test(arguments: Corpus.layout)
    func wrapNeverExceedsWidth(_ s: String) {
        for w in 1...30 {
            for line in DisplayWidth.wrap(s, width: w) {
                #expect(DisplayWidth.of(line) <= w, "width \(w): \(line.debugDescription)")
            }
        }
    }

    @Test(arguments: Corpus.layout)
    func wrapLosesNothingButSpacesAndNewlines(_ s: String) {
        // From width 2 up every cluster fits on a line, so only break points may disappear.
        let visible = { (t: String) in t.unicodeScalars.filter { $0 != " " && $0 != "\n" && $0 != "\r" } }
        for w in 2...30 {
            let joined = DisplayWidth.wrap(s, width: w).joined()
            #expect(String(visible(joined)) == String(visible(s)))
        }
    }

    // MARK: - Sanitizer

    @Test(arguments: Corpus.hostile)
    func displaySafeOutputHasNoControlsOrBidi(_ s: String) {
        let out = Sanitizer.displaySafe(s)
        #expect(!out.unicodeScalars.contains { Corpus.isForbidden($0, allowNewline: true) })
    }

    @Test(arguments: Corpus.hostile)
    func singleLineOutputHasNoControlsBidiOrNewlines(_ s: String) {
        let out = Sanitizer.singleLine(s)
        #expect(!out.unicodeScalars.contains { Corpus.isForbidden($0, allowNewline: false) })
        #expect(!out.contains { $0.isNewline })
    }

    @Test func escapeSequencesBecomeVisible() {
        #expect(Sanitizer.displaySafe("\u{1B}[2J") == "␛[2J")
        #expect(Sanitizer.displaySafe("\u{1B}]52;c;SGVsbG8=\u{07}") == "␛]52;c;SGVsbG8=␇")
        #expect(Sanitizer.displaySafe("\u{0}\u{7F}") == "␀␡")
        #expect(Sanitizer.displaySafe("cr\rover") == "cr␍over")
    }

    @Test func c1ControlsBecomeReplacementCharacter() {
        #expect(Sanitizer.displaySafe("\u{9B}31m\u{9D}x") == "\u{FFFD}31m\u{FFFD}x")
    }

    @Test func bidiControlsAreRemoved() {
        #expect(Sanitizer.displaySafe("\u{202E}evil") == "evil")
        #expect(Sanitizer.displaySafe("\u{2066}a\u{2069}\u{200E}b\u{200F}\u{061C}") == "ab")
    }

    @Test func invisibleFormatCharactersAreRemoved() {
        #expect(Sanitizer.displaySafe("\u{200B}\u{200B}zero\u{200B}width\u{2060}\u{FEFF}\u{00AD}") == "zerowidth")
        #expect(Sanitizer.displaySafe("a\u{200D}b") == "ab")
    }

    @Test func tabBecomesOneSpace() {
        #expect(Sanitizer.displaySafe("a\tb") == "a b")
    }

    @Test func lineBreaksAreNormalisedToNewline() {
        #expect(Sanitizer.displaySafe("a\u{2028}b\u{2029}c\r\nd\ne") == "a\nb\nc\nd\ne")
    }

    @Test func singleLineTurnsLineBreaksIntoSpaces() {
        #expect(Sanitizer.singleLine("a\nb\r\nc\u{2028}d") == "a b c d")
    }

    @Test(arguments: [
        "👩‍💻", "👨‍👩‍👧", "👨‍👩‍👧‍👦", "🇫🇷", "🇯🇵🇩🇪", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "🏳️‍🌈",
        "❤️", "👍🏽", "👩🏽‍💻", "1️⃣", "😀🎉🏅📌🙌",
    ])
    func emojiSequencesSurviveUnchanged(_ s: String) {
        #expect(Sanitizer.displaySafe(s) == s)
        #expect(Sanitizer.singleLine(s) == s)
    }

    @Test(arguments: [
        "Mary turned an angry caller into our biggest fan",
        "日本語のテキスト、한국어, Ελληνικά, العربية, עברית, हिन्दी",
        "café naïve résumé e\u{0301}",
        "Line one\nLine two",
        Corpus.longWord,
    ])
    func plainTextPassesThroughIdentically(_ s: String) {
        #expect(Sanitizer.displaySafe(s) == s)
    }

    @Test func combiningMarksAreCappedPerCluster() {
        let out = Sanitizer.displaySafe(Corpus.zalgo)
        #expect(out == "e" + String(repeating: "\u{0301}", count: 4))
        #expect(Sanitizer.displaySafe(Corpus.zalgo, maxCombiningPerCluster: 1) == "e\u{0301}")
    }

    @Test func combiningRunsJoinedByRemovedCharacterAreStillCapped() {
        // Removing the ZWSP fuses both runs onto the "e"; the cap applies to the result.
        let out = Sanitizer.displaySafe("e\u{0301}\u{0302}\u{0303}\u{0304}\u{200B}\u{0305}\u{0306}")
        #expect(out == "e\u{0301}\u{0302}\u{0303}\u{0304}")
    }

    @Test func clusterStartingWithMarkSurvivesWithZeroWidth() {
        let out = Sanitizer.displaySafe("\u{0301}x")
        #expect(out == "\u{0301}x")
        #expect(DisplayWidth.of(out) == 1)
    }

    @Test func runawayEmojiClustersAreBounded() {
        #expect(Sanitizer.displaySafe(Corpus.zwjChain) == "👩‍👩‍👩‍👩")
        #expect(Sanitizer.displaySafe(Corpus.skinToneRun) == "👍🏽")
    }

    @Test(arguments: Corpus.hostile)
    func sanitizingTwiceChangesNothing(_ s: String) {
        let once = Sanitizer.displaySafe(s)
        #expect(Sanitizer.displaySafe(once) == once)
        let line = Sanitizer.singleLine(s)
        #expect(Sanitizer.singleLine(line) == line)
    }
}
