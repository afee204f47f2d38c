/// What `?` shows on the wall: every key with what it does now, and what the counter counts.
/// It takes the card's place rather than the border, because the footer already lists the keys
/// in short and repeating that line taught nobody anything.
public enum WallHelp {
    public static func lines(isUTF8: Bool, isPaused: Bool, isEmbedded: Bool) -> [String] {
        let arrows = isUTF8 ? "←/→" : "<-/->"
        let back = isEmbedded ? "back to the board" : "quit the wall"
        return [
            "Keys",
            "",
            "  space        " + (isPaused ? "resume the rotation" : "pause on this story"),
            "  \(arrows)\(String(repeating: " ", count: 13 - arrows.count))previous / next story (also h/l, p/n)",
            "  u            upvote the story on screen",
            "  t            next theme",
            "  Ctrl-L       redraw the screen",
            "  q, Esc       " + back + (isEmbedded ? " (w too)" : ""),
            "",
            "\"3 of 30 stories\": this round has shown 3 of the wall's 30 stories;",
            "pinned and popular ones come round more than once.",
            "",
            "Any key closes this help.",
        ]
    }
}
