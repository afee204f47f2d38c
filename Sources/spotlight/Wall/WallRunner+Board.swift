import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightUI

extension WallRunner {
    /// Feeds the latest good snapshot into the rotation.
    func reloadState(now: Date) {
        guard let snapshot = board.snapshot else { return }
        var settings = snapshot.settings
        if let interval = options.interval { settings.rotationSeconds = interval }
        state.load(stories: snapshot.stories, headlines: snapshot.headlines, settings: settings, now: now,
                   highlight: snapshot.highlight)
        state.statsLines = board.statsLines
        needsRedraw = true
    }

    /// Called when inotify saw the board's files move, and on the slow poll; true when the
    /// board had changed.
    @discardableResult
    func refreshIfChanged(now: Date) async -> Bool {
        let hadProblem = board.problem
        let changed = await board.refresh(watcher: watcher)
        if changed {
            rechecks = []
            reloadState(now: now)
        }
        if board.problem != hadProblem { needsRedraw = true }
        return changed
    }

    /// The theme on screen: a key press or --theme wins; else Customer Service Week's; else the board's.
    func effectiveTheme(now: Date) -> Theme {
        if themeChosenByKey || options.theme != nil { return theme }
        if case .during = serviceWeek(now: now), let festive = cachedTheme("service-week") { return festive }
        if state.settings.theme != theme.name, let boardTheme = cachedTheme(state.settings.theme) {
            theme = boardTheme
        }
        return theme
    }

    /// Themes are read once per name (hits and misses alike): drawing happens every minute and on
    /// every change, and parsing a file each time would cost CPU and, with TOMLKit, memory.
    func cachedTheme(_ name: String) -> Theme? {
        if let cached = themeCache[name] { return cached }
        let loaded = try? themes.load(name)
        themeCache[name] = .some(loaded)
        return loaded
    }

    /// The start of today during Customer Service Week (for its daily highlight), else nil.
    func highlightStart(now: Date) -> Date? {
        guard case .during = serviceWeek(now: now) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar.startOfDay(for: now)
    }

    func serviceWeek(now: Date) -> ServiceWeekPhase {
        ServiceWeek.phase(on: ClockText.calendarDate(now, timeZone: .current), settings: state.settings)
    }
}
