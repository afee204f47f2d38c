import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightUI

/// "What's new since your last visit": the marks are read when the board opens, every story
/// that reaches the screen is marked seen, and the marks are written when the board closes.
/// Nothing about the marks file ever stops the board: problems are one status line.
extension BoardRunner {
    func beginVisit() async {
        guard let store = link.store else { return }
        let now = Date()
        do {
            let identity = try await store.identity()
            switch visits.load() {
            case .firstVisit:
                marks = try await store.marksForEverythingNow(at: now)
                state.welcomeFirstTime()
            case .marks(let saved) where saved.board == identity:
                marks = saved
                let news = try await store.news(since: saved, for: account)
                await perform(state.welcomeBack(news, now: now, timeZone: .current))
            case .marks:
                marks = try await store.marksForEverythingNow(at: now)
                state.say("a different board is at \(options.location.path) now: what's new starts from today")
            case .unusable(let reason, let keep):
                marks = try await store.marksForEverythingNow(at: now)
                keepVisitFile = keep
                state.say(reason, isError: true)
            }
        } catch {
            marks = nil
            state.say("what's new since your last visit is not available: \(error.message)", isError: true)
        }
        needsDraw = true
    }

    /// Called after each frame: what was on screen counts as seen.
    func noteSeen() {
        marks?.see(state.storiesOnScreen)
    }

    /// At the end of the visit (quit, signal, hang-up).
    func endVisit() async {
        guard let marks, !keepVisitFile, let store = link.store, let closed = try? await store.closing(marks, at: Date()) else { return }
        try? visits.save(closed)
    }
}
