/// The `?` overlay's contents: every key of the screen in use, for the viewer's role. Manager
/// keys are listed only for managers (DESIGN §5); everyone else who presses one is told why
/// it does nothing for them.
public enum BoardHelp {
    public struct Entry: Sendable, Equatable {
        public var keys: String
        public var action: String
    }

    /// `votes` is the theme's vote icon: the legend draws it in the style of a count holding your vote.
    public static func entries(for view: BoardView, viewer: BoardViewer, isUTF8: Bool = true, votes: String = "★") -> [Entry] {
        let arrows = isUTF8 ? "↑/↓ j/k" : "Up/Down j/k"
        var list: [Entry] = []
        func add(_ keys: String, _ action: String) { list.append(Entry(keys: keys, action: action)) }
        switch view {
        case .list:
            add(arrows, "move the selection")
            add("PgUp/PgDn", "a page up or down (also Space, Ctrl-B/F)")
            add("Home/End g/G", "first or last story")
            add(isUTF8 ? "←/→ Tab 1–6" : "Left/Right Tab 1-6", "tabs: Hot, New, Top, Pinned, Mine, For you")
            add(isUTF8 ? "•" : "*", "new since your last visit (listed under For you)")
            add("Enter", "open the story")
            add("/", "search as you type (Enter keeps, Esc clears)")
            add("d", "filter by department")
            add("Esc", "clear search and department")
        case .detail:
            add(arrows, "scroll the story")
            add("PgUp/PgDn", "a page up or down")
            add("[ ]", "previous or next story in the list")
            add("Esc q", "back to the list")
        case .managers:
            add(arrows, "move the selection")
            if viewer.isManager {
                add("a", "add a manager by login")
                add("x", "remove the selected manager (asks first)")
            }
            add("Esc q", "back to the list")
        case .stats:
            add(arrows, "scroll the statistics")
            add("r", "read them again")
            add("Esc q s", "back to the list")
        }
        if view == .list || view == .detail {
            add("u", "upvote, or take your vote back")
            // The keys column has the accent style, the one a vote count takes when yours is in it.
            add(votes, "a count drawn like this includes your vote")
            add("m", "give your medallion to the story's hero")
            add("n", "write a new story")
            add("e", viewer.isManager ? "edit the story (any story, as a manager)" : "edit your own story")
            if viewer.isManager {
                add("p", "pin with an expiry and note, or unpin")
                add("h", "hide, or show again")
                add("x", "remove the story (asks first)")
            }
            add("M", "the board's managers")
            add("s", "board statistics: stories per week, departments, most recognised")
        }
        add("w", "the wall (w or q comes back)")
        add("Ctrl-L", "redraw the screen")
        if view == .list { add("q", "quit") }
        add("?", "this help (any key closes it)")
        add("mouse", "click selects, a second click opens; the wheel scrolls")
        return list
    }

    /// A line under the keys when writing is impossible, so nobody wonders why keys refuse.
    public static func note(for viewer: BoardViewer) -> String? {
        viewer.writeBlocked.map { "Writing is unavailable: \($0)" }
    }
}
