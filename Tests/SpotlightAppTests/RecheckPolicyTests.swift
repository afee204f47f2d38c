import Foundation
import Testing
import SpotlightApp

/// The one re-check schedule: at once on a hint, backing off while nothing is found for about a
/// second, a slow poll otherwise; all decided from the time it is given.
@Suite struct RecheckPolicyTests {
    let t0 = Date(timeIntervalSince1970: 1_795_521_600)

    @Test func withoutHintsOnlyTheSlowPollIsDue() {
        var policy = RecheckPolicy(now: t0, firstDelay: 0.03, burst: 1, slowPoll: 5)
        #expect(!policy.isDue(at: t0.addingTimeInterval(4.9)))
        #expect(policy.isDue(at: t0.addingTimeInterval(5)))
        #expect(policy.delay(from: t0.addingTimeInterval(2)) == 3)
        policy.checked(at: t0.addingTimeInterval(5), foundChange: false)
        #expect(policy.nextCheck == t0.addingTimeInterval(10))
        #expect(policy.backoff == nil)
    }

    @Test func aHintIsCheckedAtOnceThenBackedOffForAboutASecond() {
        var policy = RecheckPolicy(now: t0, firstDelay: 0.03, burst: 1, slowPoll: 5)
        var now = t0.addingTimeInterval(1)
        policy.hint(at: now)
        #expect(policy.isDue(at: now))
        var delays: [Double] = []
        while true {
            policy.checked(at: now, foundChange: false)
            let delay = policy.nextCheck.timeIntervalSince(now)
            if delay == 5 { break }
            delays.append(delay)
            now = policy.nextCheck
        }
        #expect(delays.map { ($0 * 1000).rounded() } == [30, 60, 120, 240, 480])
        #expect(delays.reduce(0, +) <= 1)
        #expect(policy.backoff == nil, "after the burst, back to the slow poll")
    }

    /// The defaults follow a hint for 4 s, never waiting more than half a second: a commit that a
    /// loaded host stalls for a second is still seen within half a second of becoming visible.
    @Test func byDefaultAHintIsFollowedForFourSecondsAtMostHalfASecondApart() {
        var policy = RecheckPolicy(now: t0)
        var now = t0.addingTimeInterval(1)
        policy.hint(at: now)
        var delays: [Double] = []
        while true {
            policy.checked(at: now, foundChange: false)
            let delay = policy.nextCheck.timeIntervalSince(now)
            if delay == 10 { break }
            delays.append(delay)
            now = policy.nextCheck
        }
        #expect(delays.prefix(6).map { ($0 * 1000).rounded() } == [30, 60, 120, 240, 480, 500])
        #expect(delays.allSatisfy { $0 <= 0.5 })
        #expect(delays.reduce(0, +) > 3.4 && delays.reduce(0, +) <= 4)
    }

    @Test func aChangeFoundEndsTheFollowUp() {
        var policy = RecheckPolicy(now: t0, firstDelay: 0.03, burst: 1, slowPoll: 5)
        policy.hint(at: t0)
        policy.checked(at: t0, foundChange: false)
        policy.checked(at: t0.addingTimeInterval(0.03), foundChange: true)
        #expect(policy.backoff == nil)
        #expect(policy.nextCheck == t0.addingTimeInterval(5.03))
    }

    @Test func aNewHintRestartsTheBackoff() {
        var policy = RecheckPolicy(now: t0, firstDelay: 0.03, burst: 1, slowPoll: 5)
        policy.hint(at: t0)
        for step in 0..<3 { policy.checked(at: t0.addingTimeInterval(Double(step)), foundChange: false) }
        #expect(policy.backoff == 0.24)
        policy.hint(at: t0.addingTimeInterval(3))
        policy.checked(at: t0.addingTimeInterval(3), foundChange: false)
        #expect(policy.nextCheck == t0.addingTimeInterval(3.03))
    }

    @Test func withoutInotifyTheFallbackPollIsQuicker() {
        var policy = RecheckPolicy(now: t0, slowPoll: 10, fallbackPoll: 2, hintsAvailable: false)
        #expect(policy.nextCheck == t0.addingTimeInterval(2))
        policy.checked(at: t0.addingTimeInterval(2), foundChange: false)
        #expect(policy.nextCheck == t0.addingTimeInterval(4))
        var hinted = RecheckPolicy(now: t0)
        #expect(hinted.nextCheck == t0.addingTimeInterval(10), "today's wall: every 10 s with inotify")
        hinted.hintsAvailable = false
        #expect(hinted.nextCheck == t0.addingTimeInterval(2), "inotify lost: the fallback poll from the last check")
    }
}
