import Foundation

/// The words of full-text search, as SQLite's FTS5 (`unicode61 remove_diacritics 2`) cuts and
/// folds them: the reference every store follows (the in-memory board filters with it; a store
/// without FTS5 indexes these tokens). A word is a run of letters and digits — a run of CJK
/// letters is one word, as in FTS5 — and a search word matches a story when it is the start of
/// one of the story's words.
public enum SearchText {
    /// Lower case (simple mapping, final sigma as sigma) with diacritics removed from Latin
    /// letters only, as FTS5 does: "Café" → "cafe", "Zoë" → "zoe", but "Straße" stays "straße",
    /// "ﬁ" stays a ligature, Greek keeps its tonos and kana their dakuten.
    public static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for character in text.lowercased() {
            let scalars = character.unicodeScalars
            if scalars.allSatisfy(isLatin) {
                folded.append(contentsOf: String(character).folding(options: .diacriticInsensitive, locale: nil).unicodeScalars)
            } else {
                for scalar in scalars where !isCombiningDiacritic(scalar) {
                    folded.append(scalar == "ς" ? "σ" : scalar)
                }
            }
        }
        return String(folded)
    }

    /// The folded words of a text (title, body, hero, tags): what a story can be found by.
    public static func tokens(_ text: String) -> [String] {
        fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// The words of a search as typed; each must prefix a word of the story (every `BoardService`
    /// splits a search this way, and the SQLite store quotes each as an FTS5 prefix term).
    public static func searchWords(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation || $0.isSymbol }).map(String.init)
    }

    /// The folded search words: none (only punctuation) means no filter.
    public static func terms(_ query: String) -> [String] {
        searchWords(query).map(fold)
    }

    /// Whether every term is the start of one of the words.
    public static func matches(terms: [String], words: [String]) -> Bool {
        terms.allSatisfy { term in words.contains { $0.hasPrefix(term) } }
    }

    /// Latin letters FTS5's diacritic table covers, ASCII, and the combining marks themselves.
    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x250 || (0x1E00...0x1EFF).contains(scalar.value) || isCombiningDiacritic(scalar)
    }

    /// U+0300–U+036F: FTS5 drops them from any word when it removes diacritics.
    private static func isCombiningDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        (0x300...0x36F).contains(scalar.value)
    }
}
