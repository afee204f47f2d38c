import Foundation
import SpotlightCore

/// What the wall is showing and what comes next: the rotation, the story on screen, the ticker
/// page, and for the live wall everything its keys and timers change (pause, help, the status
/// line, the minute shown; see `WallState+Update`). No I/O and no clock of its own: time arrives
/// in `.tick` messages, so the live wall, `spotlight snapshot` and the tests share it.
public struct WallState: Sendable {
    public private(set) var schedule: RotationSchedule
    public private(set) var stories: [StoryID: Story] = [:]
    public private(set) var headlines: [String] = []
    public private(set) var settings: BoardSettings
    public private(set) var slot: WallSlot?
    /// When the current slot began; its dwell counts from here.
    public private(set) var slotStarted: Date
    public var tickerOffset = 0
    /// Customer Service Week's story of the day, woven into the rotation every few slots.
    public private(set) var highlight: Story?
    private var slotsSinceHighlight = 0
    /// The highlight takes one slot in this many.
    public static let highlightEvery = 4
    /// With `spotlight wall --stats`: board statistics take one slot in this many (nil: never).
    public var statsEvery: Int?
    /// The statistics text, preformatted (see `StatsText`); nil until read.
    public var statsLines: [String]?
    /// True while the statistics slot is on screen instead of a story.
    public private(set) var showingStats = false
    private var slotsSinceStats = 0
    public static let statsSeconds = 15

    // MARK: The live wall (changed by `handle`)

    public let options: WallOptions
    /// The clock's reading from the latest `.tick`.
    public internal(set) var now: Date
    public internal(set) var size = WallSize(width: 80, height: 24)
    public internal(set) var isPaused = false
    /// While set, the help card (`?`) is on screen; it closes by itself then.
    public internal(set) var helpUntil: Date?
    /// A passing message in the frame's bottom border ("theme: dusk", "upvoted #3").
    public internal(set) var status: WallStatus?
    /// Why the last read of the board failed; cleared by the next good read.
    public internal(set) var problem: WallLoadFailure?
    /// When the ticker turns its next page.
    public internal(set) var nextTicker: Date
    /// The minute the header shows (minutes since 1970); a new one redraws.
    public internal(set) var shownMinute: Int?
    /// The start of today during Customer Service Week, as last asked of the board.
    public internal(set) var highlightSince: Date?
    /// A theme picked with `t`; wins over the board's and the week's.
    public internal(set) var themeChosenByKey: String?
    /// The statistics are read with the snapshot; the first tick asks for them.
    var statsRequested = false
    /// Kiosk mode: what has been typed of the unlock word.
    var typed = ""

    public init(settings: BoardSettings, now: Date, options: WallOptions = WallOptions()) {
        self.settings = settings
        self.schedule = RotationSchedule(settings: settings)
        self.slotStarted = now
        self.options = options
        self.now = now
        self.nextTicker = now.addingTimeInterval(Self.tickerPage)
        if options.stats { statsEvery = WallOptions.statsEvery }
    }

    /// A fresh read of the board. The story on screen stays unless it was hidden or removed (or
    /// the certification on screen revoked); a certification that has just arrived is shown at
    /// once, unless the wall is paused or already celebrating one.
    public mutating func load(stories list: [Story], headlines: [String], settings: BoardSettings, now: Date,
                              highlight: Story? = nil, celebrations: [Celebration] = []) {
        self.highlight = highlight
        if settings != self.settings {
            self.settings = settings
            schedule.settings = settings
        }
        stories = Dictionary((list + (highlight.map { [$0] } ?? [])).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A new headline starts the ticker over, so a fresh post is on screen at once, and for a
        // whole page (the next page turn is a full `tickerPage` away, not whatever was left).
        if headlines.first != self.headlines.first {
            tickerOffset = 0
            nextTicker = now.addingTimeInterval(Self.tickerPage)
        }
        self.headlines = headlines
        schedule.update(stories: list.filter { $0.status == .visible }, celebrations: celebrations, now: now)
        if let current = slot, !isShowable(current) {
            advance(now: now)
        } else if slot == nil {
            advance(now: now)
        } else if schedule.hasFreshCelebration, !isPaused, slot?.celebrationID == nil {
            advance(now: now)
        }
    }

    /// The slot's story or certification is still on the board.
    private func isShowable(_ slot: WallSlot) -> Bool {
        switch slot.subject {
        case .story(let id): stories[id] != nil
        case .celebration(let id): schedule.celebration(id) != nil
        }
    }

    public mutating func advance(now: Date) {
        showingStats = false
        if schedule.hasFreshCelebration {
            // News of a certification goes before the statistics' and the highlight's turns.
            slot = schedule.next(now: now)
            slotStarted = now
            return
        }
        if let every = statsEvery, statsLines != nil {
            slotsSinceStats += 1
            if slotsSinceStats >= every {
                slotsSinceStats = 0
                showingStats = true
                slotStarted = now
                return
            }
        }
        slotsSinceHighlight += 1
        if let highlight, slotsSinceHighlight >= Self.highlightEvery {
            slotsSinceHighlight = 0
            slot = WallSlot(storyID: highlight.id, reason: .dailyHighlight,
                            dwell: WallSlot.dwell(for: highlight, baseSeconds: settings.rotationSeconds))
        } else {
            slot = schedule.next(now: now)
        }
        slotStarted = now
    }

    public mutating func back(now: Date) {
        if let previous = schedule.previous() {
            slot = previous
            slotStarted = now
        }
    }

    /// Restarts the current dwell (after a pause, so the story is not cut short).
    public mutating func restartDwell(now: Date) {
        slotStarted = now
    }

    public var currentStory: Story? { slot?.storyID.flatMap { stories[$0] } }

    /// The certification on screen, when the slot celebrates one.
    public var currentCelebration: Celebration? { slot?.celebrationID.flatMap { schedule.celebration($0) } }

    /// When the current story's time is up; nil for an empty board.
    public var slotEnds: Date? {
        if showingStats { return slotStarted.addingTimeInterval(Double(Self.statsSeconds)) }
        return slot.map { slotStarted.addingTimeInterval(Double($0.dwell.components.seconds)) }
    }

    /// The frame's view model. The footer counts stories ("3 of 30 stories"), never rotation
    /// slots (30 stories take 78 when pins and top stories come round again).
    public func model(context: WallPresenter.Context) -> WallViewModel {
        let progress = schedule.storyProgress
        let position = (index: progress.seen, count: progress.of)
        var model: WallViewModel
        if showingStats, let statsLines {
            model = WallPresenter.model(story: nil, slot: nil, position: position, headlines: headlines,
                                        tickerOffset: tickerOffset, context: context)
            model.panel = statsLines
            model.reason = "board statistics, every \(Plural.count(statsEvery ?? 0, "story"))"
        } else if let celebration = currentCelebration, let slot {
            model = WallPresenter.model(celebration: celebration, slot: slot, position: position, headlines: headlines,
                                        tickerOffset: tickerOffset, context: context)
        } else {
            model = WallPresenter.model(story: currentStory, slot: slot, position: position, headlines: headlines,
                                        tickerOffset: tickerOffset, context: context)
        }
        model.position.unit = Plural.noun(progress.of, "story")
        if context.showsHelp {
            model.card = nil
            model.panel = WallHelp.lines(isUTF8: context.isUTF8, isPaused: context.isPaused, isEmbedded: context.isEmbedded)
            model.reason = ""
        }
        return model
    }
}
