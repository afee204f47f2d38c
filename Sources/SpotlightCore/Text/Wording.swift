/// English counts and possessives for our own words, so no screen or report prints
/// "1 votes" or "Facilities's turn". Every count + noun and every possessive of a name in the
/// wall, the board, the CLI and the reports goes through here.
public enum Plural {
    /// "1 vote", "3 votes", "0 stories"; `zero` words the empty case ("no medallions").
    /// `plural` is for words the regular rule gets wrong ("hero" → "heroes").
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil, zero: String? = nil) -> String {
        if n == 0, let zero { return "\(zero) \(noun(0, singular, plural))" }
        return "\(n) \(noun(n, singular, plural))"
    }

    /// The noun alone, in the form `n` needs.
    public static func noun(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 ? singular : plural ?? regular(singular)
    }

    /// story → stories, day → days, box → boxes, vote → votes.
    static func regular(_ word: String) -> String {
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiouAEIOU".contains(before) {
            return word.dropLast() + "ies"
        }
        if ["s", "x", "z", "ch", "sh"].contains(where: { word.hasSuffix($0) }) { return word + "es" }
        return word + "s"
    }
}

public enum Possessive {
    /// "Mary's", "IT Help Desk's", and "Facilities'" or "Sales'": a name ending in s takes the
    /// apostrophe alone. Department names are mostly plurals ("Operations", "Facilities"), where
    /// that is the only right form; for a person's name ("James'") it is accepted usage too.
    public static func of(_ name: String) -> String {
        guard let last = name.last else { return name }
        return last == "s" || last == "S" ? name + "'" : name + "'s"
    }
}
