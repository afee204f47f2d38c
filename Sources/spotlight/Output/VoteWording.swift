import SpotlightCore

/// What the CLI says after `upvote` and `unvote`, whichever way their arguments were read
/// (`QuickStart` or ArgumentParser): worded here once. The board and the wall word their own
/// status lines (SpotlightUI).
enum VoteWording {
    static func upvote(_ id: StoryID, added: Bool) -> String {
        added ? "Upvoted story #\(id)." : "You had already upvoted story #\(id)."
    }

    static func unvote(_ id: StoryID, removed: Bool) -> String {
        removed ? "Withdrew your vote on story #\(id)." : "You had not upvoted story #\(id)."
    }
}
