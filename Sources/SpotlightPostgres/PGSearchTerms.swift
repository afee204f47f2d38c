#if PostgreSQLSupport
import Foundation
import SpotlightStore

/// Search as `InMemoryBoard` and FTS5 do it (design §6): a private copy of `SearchText` until
/// that lands in SpotlightCore (then this file goes). Words split at anything not a letter or
/// digit (a run of CJK letters is one word, as FTS5 unicode61), case and accents folded;
/// each typed word must prefix a word of the story.
enum PGSearchTerms {
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    static func tokens(_ text: String) -> [String] {
        fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func terms(_ query: String) -> [String] {
        BoardStore.searchWords(query).map(fold).filter { !$0.isEmpty }
    }

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
