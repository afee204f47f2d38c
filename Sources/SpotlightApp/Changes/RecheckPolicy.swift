import Foundation

/// When to look again whether the board changed: the one schedule for every front end (it
/// replaces the board's 30 ms-doubling and the wall's 50/200/500/1000 ms re-checks).
///
/// A hint (inotify saw the board's files move) is checked at once. A writer's WAL frames wake
/// inotify before its commit is visible, so a hint that found nothing is checked again,
/// backing off from `firstDelay`, doubling up to `maximumDelay`, until `burst` has passed. The
/// burst is long (4 s): on a loaded host a writer can stall between its WAL frames and its
/// commit for most of a second (seen in the certification test at load 7 on 2 cores), and a
/// missed commit would wait for the 10 s poll; the checks are one `PRAGMA data_version` each
/// and stop at the first change found. Apart from hints, a slow
/// poll every `slowPoll` catches what inotify never reports (changes through the `-shm`
/// mapping); every `fallbackPoll` when there are no hints at all (no inotify). The defaults are
/// today's wall's (10 s and 2 s), which keep an idle wall under its CPU budget (DESIGN §11).
/// A pure value: the caller passes the clock's `now`.
public struct RecheckPolicy: Equatable, Sendable {
    public var firstDelay: TimeInterval
    /// The longest wait between two re-checks of one burst.
    public var maximumDelay: TimeInterval
    /// How long after a hint that found nothing re-checks go on.
    public var burst: TimeInterval
    public var slowPoll: TimeInterval
    public var fallbackPoll: TimeInterval
    /// False when nothing will ever hint (inotify unavailable): the quicker fallback poll.
    public var hintsAvailable: Bool {
        didSet { nextCheck = min(nextCheck, lastCheck.addingTimeInterval(poll)) }
    }

    /// When the next check is due.
    public private(set) var nextCheck: Date
    /// The next re-check's delay while a hint is being followed up; nil between hints.
    public private(set) var backoff: TimeInterval?
    /// How much of the burst the scheduled re-checks have used.
    private var spent: TimeInterval = 0
    /// When the last check was made (or the policy started).
    private var lastCheck: Date

    public init(now: Date, firstDelay: TimeInterval = 0.03, maximumDelay: TimeInterval = 0.5, burst: TimeInterval = 4,
                slowPoll: TimeInterval = 10, fallbackPoll: TimeInterval = 2, hintsAvailable: Bool = true) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.burst = burst
        self.slowPoll = slowPoll
        self.fallbackPoll = fallbackPoll
        self.hintsAvailable = hintsAvailable
        lastCheck = now
        nextCheck = now.addingTimeInterval(hintsAvailable ? slowPoll : fallbackPoll)
    }

    /// The poll between hints.
    private var poll: TimeInterval { hintsAvailable ? slowPoll : fallbackPoll }

    /// Something may have changed: check now, and follow up if that finds nothing.
    public mutating func hint(at now: Date) {
        nextCheck = now
        backoff = firstDelay
        spent = 0
    }

    public func isDue(at now: Date) -> Bool { now >= nextCheck }

    /// How long to wait from `now` until the next check (zero when it is due).
    public func delay(from now: Date) -> TimeInterval { max(0, nextCheck.timeIntervalSince(now)) }

    /// A check was made at `now`. A change found ends the follow-up (a later commit brings its
    /// own hint); nothing found goes on backing off until the burst is spent, then the slow poll.
    public mutating func checked(at now: Date, foundChange: Bool) {
        lastCheck = now
        if !foundChange, let delay = backoff, spent + delay <= burst {
            spent += delay
            backoff = min(delay * 2, maximumDelay)
            nextCheck = now.addingTimeInterval(delay)
            return
        }
        backoff = nil
        nextCheck = now.addingTimeInterval(poll)
    }
}
