import NIOConcurrencyHelpers
import SpotlightBroker

/// A monotonic clock tests advance by hand (the write rate never depends on real time here).
final class ManualMonotonicClock: Sendable {
    private let elapsed = NIOLockedValueBox(Duration.zero)
    var clock: MonotonicClock { MonotonicClock { [elapsed] in elapsed.withLockedValue { $0 } } }
    func advance(_ by: Duration) { elapsed.withLockedValue { $0 += by } }
}
