import SpotlightCore

extension WallSnapshot {
    /// The rotation's working set from its parts, read by each board its own way (live pins,
    /// the hottest, the newest, each department's best): every story once, where it first
    /// appears, so a pinned story keeps its pinned place and the parts' order is the wall's.
    public static func workingSet(_ parts: [[Story]]) -> [Story] {
        var seen: Set<StoryID> = []
        var working: [Story] = []
        for part in parts {
            for story in part where seen.insert(story.id).inserted { working.append(story) }
        }
        return working
    }
}
