import Foundation

extension Duration {
    /// How long to sleep from `now` until `wake` (a state's `nextWake`), rounded up to the
    /// millisecond so the loop never wakes just before it is due and spins.
    static func until(_ wake: Date, from now: Date) -> Duration {
        .milliseconds(Int((max(0, wake.timeIntervalSince(now)) * 1000).rounded(.up)))
    }
}
