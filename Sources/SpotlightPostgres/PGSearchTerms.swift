#if PostgreSQLSupport
import Foundation
import SpotlightCore
import SpotlightStore

/// Search as FTS5 does it, in PostgreSQL terms (design §6): the words of `SearchText` (split at
/// anything not a letter or digit, a run of CJK letters one word; case and accents folded as
/// FTS5 unicode61) as tsvector lexemes and a prefix tsquery; each typed word must prefix a word
/// of the story.
enum PGSearchTerms {
    static func tokens(_ text: String) -> [String] { SearchText.tokens(text) }

    static func terms(_ query: String) -> [String] { SearchText.terms(query).filter { !$0.isEmpty } }

    /// tsvector lexemes are at most 2,047 bytes; a longer word is cut (prefix search still finds it).
    static let maximumLexemeBytes = 2000

    /// The lexemes of a story: every word of its title, body, hero and tags, once each.
    static func lexemes(title: String, body: String, hero: String, tags: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for word in [title, body, hero, tags.joined(separator: " ")].flatMap(tokens) {
            let cut = cut(word)
            guard !cut.isEmpty, seen.insert(cut).inserted else { continue }
            out.append(PGText.encode(cut))
        }
        return out
    }

    static func cut(_ word: String) -> String {
        guard word.utf8.count > maximumLexemeBytes else { return word }
        var out = ""
        for character in word {
            guard out.utf8.count + character.utf8.count <= maximumLexemeBytes else { break }
            out.append(character)
        }
        return out
    }

    /// The tsquery text for a search: every term a quoted prefix, all required; nil for no terms
    /// (only punctuation: no filter, as the store adds no MATCH then).
    static func tsquery(_ search: String) -> String? {
        let terms = terms(search).map { cut($0) }.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return nil }
        return terms.map { term in
            let quoted = term.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''")
            return "'\(quoted)':*"
        }.joined(separator: " & ")
    }
}
#endif
