import Foundation
import SpotlightCore

/// The live wall's update function: one message in, the effects the runner must carry out back.
extension WallState {
    /// How often the ticker turns a page.
    public static let tickerPage: TimeInterval = 6
    /// How long the help card stays up when no key closes it.
    public static let helpSeconds: TimeInterval = 30
    /// How long a status message stays, unless a message says otherwise.
    public static let statusSeconds: TimeInterval = 4

    public mutating func handle(_ message: WallMessage) -> [WallEffect] {
        switch message {
        case .key(let key):
            return keyPressed(key)
        case .resize(let width, let height):
            size = WallSize(width: width, height: height)
            return [.redraw]
        case .tick(let now):
            return tick(now: now)
        case .boardChanged:
            return [.loadSnapshot(highlightSince: highlightSince)]
        case .snapshotLoaded(let content):
            problem = nil
            var settings = content.settings
            if let interval = options.interval { settings.rotationSeconds = interval }
            load(stories: content.stories, headlines: content.headlines, settings: settings, now: now,
                 highlight: content.highlight, celebrations: content.celebrations)
            return [.redraw]
        case .loadFailed(let failure):
            guard failure != problem else { return [] }
            problem = failure
            return [.redraw]
        case .statsLoaded(let lines):
            statsLines = lines
            return [.redraw]
        case .upvoted(let id, let added):
            say(BoardWording.upvote(id, added: added, takesBack: false))
            // This process's own commit does not move the board's data_version: read it here.
            return [.loadSnapshot(highlightSince: highlightSince), .redraw]
        case .upvoteFailed(let reason):
            if let reason {
                say(reason, for: 6)
            } else {
                say("the board is unavailable right now; try again shortly")
            }
            return [.redraw]
        case .themeChosen(let name):
            themeChosenByKey = name
            say("theme: \(name)", for: 3)
            return [.redraw]
        case .themeFailed(let name, let reason):
            say("theme \(name): \(reason)", for: 6)
            return [.redraw]
        }
    }

    /// When the wall next has something to do by itself: the rotation (unless paused), the
    /// ticker, the clock's next minute, a status line or the help card running out. The runner
    /// sleeps until then (or until a key or the board wakes it).
    public var nextWake: Date {
        var wake = [nextTicker, now.addingTimeInterval(ClockText.secondsToNextMinute(now))]
        if !isPaused, let ends = slotEnds { wake.append(ends) }
        if let status { wake.append(status.until) }
        if let helpUntil { wake.append(helpUntil) }
        return wake.min() ?? now
    }

    /// Shows `text` in the bottom border for a while.
    mutating func say(_ text: String, for seconds: TimeInterval = WallState.statusSeconds) {
        status = WallStatus(text: text, until: now.addingTimeInterval(seconds))
    }

    /// Advances whatever timers are due at `now`.
    private mutating func tick(now: Date) -> [WallEffect] {
        self.now = now
        var redraw = false
        var load = false
        if !isPaused, let ends = slotEnds, now >= ends {
            advance(now: now)
            redraw = true
        }
        if now >= nextTicker {
            tickerOffset += 1
            nextTicker = now.addingTimeInterval(Self.tickerPage)
            redraw = true
        }
        if let status, now >= status.until {
            self.status = nil
            redraw = true
        }
        if let helpUntil, now >= helpUntil {
            self.helpUntil = nil
            redraw = true
        }
        let minute = Int((now.timeIntervalSince1970 / 60).rounded(.down))
        if minute != shownMinute {
            shownMinute = minute
            redraw = true
            let since = highlightStart(now: now)
            if since != highlightSince {
                // A new day of Customer Service Week (or its start or end): read for the highlight.
                highlightSince = since
                load = true
            }
        }
        if statsEvery != nil, !statsRequested {
            statsRequested = true
            load = true
        }
        return (load ? [.loadSnapshot(highlightSince: highlightSince)] : []) + (redraw ? [.redraw] : [])
    }

    /// The start of today during Customer Service Week (for its daily highlight), else nil.
    func highlightStart(now: Date) -> Date? {
        guard case .during = serviceWeek(now: now) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = options.timeZone
        return calendar.startOfDay(for: now)
    }

    public func serviceWeek(now: Date) -> ServiceWeekPhase {
        ServiceWeek.phase(on: ClockText.calendarDate(now, timeZone: options.timeZone), settings: settings)
    }
}
