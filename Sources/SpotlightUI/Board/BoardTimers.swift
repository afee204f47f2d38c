import Foundation

/// The board's timers as state: the search debounce and the status line's timeout. Due times
/// are decided from the now of `.tick` messages, never read from a clock, so a manual clock
/// tests them; the loop asks `BoardState.nextWake` how long it may sleep.
struct BoardTimers: Sendable {
    /// A search runs at once when the last one is at least this old, else this long after it:
    /// one query per burst of typing, results while typing at a normal pace.
    static let searchInterval: TimeInterval = 0.1
    /// How long a message stays on the status line.
    static let statusTimeout: TimeInterval = 4
    static let errorTimeout: TimeInterval = 8

    /// The search typed and not yet run.
    var pendingSearch: ListRequest?
    var lastSearch = Date.distantPast
    /// The status message being timed and when it goes.
    var statusShown: (serial: Int, until: Date)?

    /// When the pending search may run.
    var searchDue: Date? {
        pendingSearch == nil ? nil : lastSearch.addingTimeInterval(Self.searchInterval)
    }
}
