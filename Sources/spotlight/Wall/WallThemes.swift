import SpotlightApp
import SpotlightUI

/// The wall's themes: loads the ones `WallState.themeCandidates` names, once per name, and
/// cycles for `t`. Which theme should show is the state's decision; this only reads files.
@MainActor
final class WallThemes {
    let catalog: ThemeCatalog
    /// The theme on screen (the last candidate that loaded).
    private(set) var current: Theme
    /// The theme the terminal's colour pairs were last set from.
    var applied = ""
    /// Hits and misses alike: drawing happens every minute and on every change, and parsing a
    /// file each time would cost CPU and, with TOMLKit, memory.
    private var cache: [String: Theme?] = [:]

    init(catalog: ThemeCatalog, starting: Theme) {
        self.catalog = catalog
        self.current = starting
        cache[starting.name] = .some(starting)
    }

    /// The first candidate that loads; else the theme already on screen.
    func shown(candidates: [String]) -> Theme {
        if let theme = candidates.lazy.compactMap({ self.cached($0) }).first { current = theme }
        return current
    }

    /// The `.nextTheme` effect: the theme after the one on screen.
    func next() -> [WallMessage] {
        let names = catalog.names()
        guard !names.isEmpty else { return [] }
        let name = names[names.firstIndex(of: current.name).map { ($0 + 1) % names.count } ?? 0]
        do {
            let theme = try catalog.load(name)
            cache[name] = .some(theme)
            current = theme
            return [.themeChosen(theme.name)]
        } catch {
            return [.themeFailed(name: name, reason: error.description)]
        }
    }

    private func cached(_ name: String) -> Theme? {
        if let cached = cache[name] { return cached }
        let loaded = try? catalog.load(name)
        cache[name] = .some(loaded)
        return loaded
    }
}
