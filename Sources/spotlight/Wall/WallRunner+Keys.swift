import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

extension WallRunner {
    enum KeyOutcome { case handled, quit }

    func handle(_ key: Key, now: Date) -> KeyOutcome {
        if options.kiosk { return kioskKey(key) }
        if helpUntil != nil {
            // The help card says any key closes it; the key does nothing else.
            helpUntil = nil
            needsRedraw = true
            return .handled
        }
        switch key {
        case .char("q"), .char("Q"), .escape:
            return .quit
        case .char("w") where options.embedded:
            return .quit
        case .char(" "):
            // The footer shows the pause and the key that resumes; a message would say it twice.
            isPaused.toggle()
            if !isPaused { state.restartDwell(now: now) }
            needsRedraw = true
        case .right, .char("l"), .char("n"):
            state.advance(now: now)
            needsRedraw = true
        case .left, .char("h"), .char("p"):
            state.back(now: now)
            needsRedraw = true
        case .char("u"):
            pendingUpvote = state.currentStory?.id
        case .char("t"):
            nextTheme()
        case .char("?"):
            helpUntil = now.addingTimeInterval(Self.helpSeconds)
            needsRedraw = true
        case .ctrl("l"):
            session.repaintAll()
            needsRedraw = true
        default:
            break
        }
        return .handled
    }

    /// The lobby screen ignores everything except the unlock word typed in order.
    private func kioskKey(_ key: Key) -> KeyOutcome {
        guard case .char(let c) = key else { typed = ""; return .handled }
        typed.append(c)
        if !options.unlock.hasPrefix(typed) { typed = options.unlock.hasPrefix(String(c)) ? String(c) : "" }
        return typed == options.unlock ? .quit : .handled
    }

    private func nextTheme() {
        let names = themes.names()
        guard !names.isEmpty else { return }
        let index = names.firstIndex(of: theme.name).map { ($0 + 1) % names.count } ?? 0
        do {
            theme = try themes.load(names[index])
            themeChosenByKey = true
            say("theme: \(theme.name)", for: 3)
        } catch {
            say("theme \(names[index]): \(error.description)", for: 6)
        }
    }

    /// The upvote runs between events, where awaiting the store is allowed.
    func performPendingUpvote() async {
        guard let id = pendingUpvote else { return }
        pendingUpvote = nil
        guard let store = board.store else {
            say("the board is unavailable right now; try again shortly")
            return
        }
        do {
            let added = try await store.upvote(id)
            say(added ? "upvoted #\(id), thank you!" : "you have already upvoted #\(id)")
            await board.reread()
            reloadState(now: Date())
        } catch {
            say(error.message, for: 6)
        }
    }
}
