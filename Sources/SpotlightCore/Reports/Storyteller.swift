/// Who told a story, for "most active storytellers" and newcomer counts. On a shared
/// break-room terminal the account is the terminal's, and `on behalf of` names the colleague
/// who actually told it, so that name wins; otherwise the teller is the posting account.
public enum Storyteller {
    /// Accounts are keyed by login (two people may share a display name); on-behalf-of names
    /// by their normalised form. The prefixes keep the two kinds of key from colliding.
    public static func key(_ story: Story) -> String {
        if let teller = story.onBehalfOf, !NameGroups.key(teller).isEmpty { return "name:" + NameGroups.key(teller) }
        return "login:" + story.author
    }

    public static func name(_ story: Story) -> String {
        if let teller = story.onBehalfOf, !NameGroups.key(teller).isEmpty { return teller }
        return story.authorName.isEmpty ? story.author : story.authorName
    }
}
