import SpotlightCore

/// One audit row as `doctor` reads it back, already decoded by whichever store holds it, so the
/// checks in `OutsideChanges` are written once for every kind of board.
public struct AuditFact: Sendable, Equatable {
    public var storyID: StoryID?
    public var actor: String
    public var action: String
    public var detail: String

    public init(storyID: StoryID? = nil, actor: String, action: String, detail: String = "") {
        self.storyID = storyID
        self.actor = actor
        self.action = action
        self.detail = detail
    }
}
