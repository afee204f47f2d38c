import SpotlightCore

/// What rows the board wants from the store: a page of one list with its filters. The loop
/// turns it into a store query; the answer comes back as a `ListPage` with the same request.
public struct ListRequest: Sendable, Equatable {
    public var order: StoryOrder
    public var department: String?
    public var search: String?
    public var author: String?
    public var pinnedOnly: Bool
    public var includeHidden: Bool
    public var offset: Int
    public var limit: Int
    /// Which set of filters this is for: an answer for an older generation is dropped.
    public var generation: Int
    /// Also count the matches (needed when the filters changed or the board did).
    public var counting: Bool
    /// Caused by typing in the search field: `BoardState` holds it for its debounce (`BoardTimers`).
    public var isTyping: Bool
    /// A list fixed in advance, in this order ("For you"); the other filters do not apply.
    public var ids: [StoryID]?

    public init(order: StoryOrder, department: String? = nil, search: String? = nil, author: String? = nil,
                pinnedOnly: Bool = false, includeHidden: Bool = false, offset: Int = 0, limit: Int = 100,
                generation: Int = 0, counting: Bool = true, isTyping: Bool = false, ids: [StoryID]? = nil) {
        self.order = order
        self.department = department
        self.search = search
        self.author = author
        self.pinnedOnly = pinnedOnly
        self.includeHidden = includeHidden
        self.offset = offset
        self.limit = limit
        self.generation = generation
        self.counting = counting
        self.isTyping = isTyping
        self.ids = ids
    }
}

/// The store's answer to a `ListRequest`.
public struct ListPage: Sendable, Equatable {
    public var request: ListRequest
    public var stories: [Story]
    /// Matches in all (meaningful when the request was counting).
    public var total: Int
    /// More matches than were counted ("10000+").
    public var totalIsCapped: Bool
    /// Which of `stories` the viewer has upvoted.
    public var voted: Set<StoryID>

    public init(request: ListRequest, stories: [Story], total: Int, totalIsCapped: Bool = false, voted: Set<StoryID> = []) {
        self.request = request
        self.stories = stories
        self.total = total
        self.totalIsCapped = totalIsCapped
        self.voted = voted
    }
}

/// The rows the board holds: a window of the list around the selection, never the whole board.
public struct ListWindow: Sendable, Equatable {
    /// Position of `stories[0]` in the whole list.
    public var offset: Int
    public var stories: [Story]
    public var total: Int
    public var totalIsCapped: Bool
    public var voted: Set<StoryID>
    /// The generation of the filters these rows belong to.
    public var generation: Int

    public init(offset: Int = 0, stories: [Story] = [], total: Int = 0, totalIsCapped: Bool = false,
                voted: Set<StoryID> = [], generation: Int = -1) {
        self.offset = offset
        self.stories = stories
        self.total = total
        self.totalIsCapped = totalIsCapped
        self.voted = voted
        self.generation = generation
    }

    /// The story at absolute position `index`, if the window holds it.
    public func story(at index: Int) -> Story? {
        let i = index - offset
        return stories.indices.contains(i) ? stories[i] : nil
    }

    public func holds(_ range: Range<Int>) -> Bool {
        range.isEmpty || (range.lowerBound >= offset && range.upperBound <= offset + stories.count)
    }
}
