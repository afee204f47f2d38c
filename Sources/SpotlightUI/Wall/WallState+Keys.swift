import SpotlightCore

/// The live wall's keys (the footer and `WallHelp` list them).
extension WallState {
    mutating func keyPressed(_ key: Key) -> [WallEffect] {
        if options.kiosk { return kioskKey(key) }
        if helpUntil != nil {
            // The help card says any key closes it; the key does nothing else.
            helpUntil = nil
            return [.redraw]
        }
        switch key {
        case .char("q"), .char("Q"), .escape:
            return [.quit]
        case .char("w") where options.embedded:
            return [.quit]
        case .char(" "):
            // The footer shows the pause and the key that resumes; a message would say it twice.
            isPaused.toggle()
            if !isPaused { restartDwell(now: now) }
            return [.redraw]
        case .right, .char("l"), .char("n"):
            advance(now: now)
            return [.redraw]
        case .left, .char("h"), .char("p"):
            back(now: now)
            return [.redraw]
        case .char("u"):
            return currentStory.map { [.upvote($0.id)] } ?? []
        case .char("t"):
            return [.nextTheme]
        case .char("?"):
            helpUntil = now.addingTimeInterval(Self.helpSeconds)
            return [.redraw]
        case .ctrl("l"):
            return [.repaint, .redraw]
        default:
            return []
        }
    }

    /// The lobby screen ignores everything except the unlock word typed in order.
    private mutating func kioskKey(_ key: Key) -> [WallEffect] {
        guard case .char(let c) = key else {
            typed = ""
            return []
        }
        typed.append(c)
        if !options.unlock.hasPrefix(typed) { typed = options.unlock.hasPrefix(String(c)) ? String(c) : "" }
        return typed == options.unlock ? [.quit] : []
    }
}
