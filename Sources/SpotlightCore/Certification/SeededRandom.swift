/// A small deterministic random source (SplitMix64): a quiz attempt's shuffle is a function of
/// its seed, so tests and goldens fix it, and phase 2 can keep the seed with the attempt to
/// replay exactly what a person was shown.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array {
    /// Fisher–Yates with our own index draw: the standard library's `shuffled(using:)` does not
    /// promise the same order across Swift versions, and a seed must mean one order for good.
    /// (The modulo bias over at most 200 items of a 64-bit draw is far below anything visible.)
    func stablyShuffled<G: RandomNumberGenerator>(using rng: inout G) -> [Element] {
        var items = self
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            items.swapAt(i, j)
        }
        return items
    }
}
