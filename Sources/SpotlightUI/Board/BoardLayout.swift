/// Where each part of the board goes at a given size; shared by the renderer and by the state
/// (how many rows a page is, which row a mouse click hit), so the two cannot disagree.
///
///     header        banner · board name               viewer
///     tabs          [Hot] New  Top  Pinned  Mine      filters
///     ───────────── divider
///     list / detail / managers (the rest)
///     status        message or position
///     hints         the main keys
public struct BoardLayout: Sendable, Equatable {
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var header: Rect { Rect(x: 1, y: 0, width: width - 2, height: 1) }
    public var tabs: Rect { Rect(x: 1, y: 1, width: width - 2, height: 1) }
    public var dividerY: Int { 2 }
    /// The list rows, the detail text or the managers list.
    public var body: Rect { Rect(x: 0, y: 3, width: width, height: max(0, height - 5)) }
    public var status: Rect { Rect(x: 1, y: height - 2, width: width - 2, height: 1) }
    public var hints: Rect { Rect(x: 1, y: height - 1, width: width - 2, height: 1) }

    /// Rows of the list on screen (at least 1, so paging arithmetic never divides by nothing).
    public var listRows: Int { max(1, body.height) }

    /// Each tab's columns on the tab row: "[Hot]" for the current one, " New " for the others.
    public func tabSpans(_ shown: [BoardTab]) -> [(tab: BoardTab, columns: Range<Int>)] {
        var x = tabs.x
        return shown.map { tab in
            let w = tab.title.count + 2
            defer { x += w + 1 }
            return (tab, x..<(x + w))
        }
    }
}
