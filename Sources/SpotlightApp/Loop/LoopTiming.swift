/// Key-to-frame timings for the board's benchmark (`FrameTimer` in the executable): the effect
/// runner notes how long each list query took, the board program when a debounced search ran.
/// Nil everywhere but under `SPOTLIGHT_BOARD_TIMINGS`; it never changes behaviour.
@LoopActor
public protocol LoopTiming: AnyObject {
    var now: ContinuousClock.Instant { get }
    /// The next frame is timed from `instant` (or now) as `kind`.
    func begin(_ kind: String, at instant: ContinuousClock.Instant?)
    /// One piece of work took from `start` to now ("query 3.2").
    func note(_ kind: String, since start: ContinuousClock.Instant)
}
