/// Who told a story, for "most active storytellers" and newcomer counts: always the posting
/// account. An on-behalf-of name is free text anyone can type ("Dana Manager (CEO)"), so
/// crediting it would let one member fill the storyteller table with invented people.
public enum Storyteller {
    /// Accounts are keyed by login: two people may share a display name.
    public static func key(_ story: Story) -> String { "login:" + story.author }

    public static func name(_ story: Story) -> String {
        story.authorName.isEmpty ? story.author : story.authorName
    }
}
