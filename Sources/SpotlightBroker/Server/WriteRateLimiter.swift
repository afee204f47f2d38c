import NIOConcurrencyHelpers

/// The per-account write rate: a token bucket per login, `writeBurst` deep, refilled at
/// `writesPerSecond`. Shared by every connection, so opening more connections buys no more
/// writes. Only requests the application calls writes are counted; reads are never limited.
final class WriteRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Duration
    }

    /// The answer to one write: go ahead, or wait this long before trying again.
    enum Decision: Equatable {
        case allowed
        case refused(retryAfter: Duration)
    }

    private let burst: Double
    private let perSecond: Double
    private let clock: MonotonicClock
    private let buckets = NIOLockedValueBox<[String: Bucket]>([:])

    init(limits: BrokerLimits, clock: MonotonicClock) {
        self.burst = Double(max(1, limits.writeBurst))
        self.perSecond = max(0.001, limits.writesPerSecond)
        self.clock = clock
    }

    func take(for login: String) -> Decision {
        let now = clock.now
        return buckets.withLockedValue { buckets in
            var bucket = buckets[login] ?? Bucket(tokens: burst, updated: now)
            let elapsed = Self.seconds(now - bucket.updated)
            bucket.tokens = min(burst, bucket.tokens + max(0, elapsed) * perSecond)
            bucket.updated = now
            defer {
                // A full bucket is the same as no bucket: forget it, so the table only holds
                // accounts that wrote recently.
                if bucket.tokens >= burst { buckets[login] = nil } else { buckets[login] = bucket }
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return .allowed
            }
            let wait = (1 - bucket.tokens) / perSecond
            return .refused(retryAfter: .milliseconds(Int64((wait * 1000).rounded(.up))))
        }
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
