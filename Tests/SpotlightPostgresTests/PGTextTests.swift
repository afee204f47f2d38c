#if PostgreSQLSupport
@testable import SpotlightPostgres
import Testing

@Suite struct PGTextTests {
    @Test(arguments: ["", "plain", "nul\u{0}inside", "\u{0}", "\u{10FFFF}", "\u{10FFFF}0", "a\u{10FFFF}\u{0}b\u{10FFFF}\u{10FFFF}",
                      "東京 オフィス", "\u{0}\u{0}\u{10FFFF}"])
    func roundTrips(text: String) {
        let stored = PGText.encode(text)
        #expect(!stored.unicodeScalars.contains("\u{0}"))
        #expect(PGText.decode(stored) == text)
    }

    @Test func textWithoutTheTwoScalarsIsUnchanged() {
        #expect(PGText.encode("O'Brien — été") == "O'Brien — été")
    }

    @Test func distinctTextsStayDistinct() {
        let texts = ["\u{0}", "\u{10FFFF}0", "0", "\u{10FFFF}", "\u{10FFFF}\u{10FFFF}"]
        #expect(Set(texts.map(PGText.encode)).count == texts.count)
    }
}

@Suite struct PGSearchTermsTests {
    @Test func termsArePrefixesOfFoldedWords() {
        #expect(PGSearchTerms.tsquery("Café O'Brien") == "'cafe':* & 'o':* & 'brien':*")
        #expect(PGSearchTerms.tsquery("!!!") == nil)
        #expect(PGSearchTerms.tsquery("東京") == "'東京':*")
    }

    @Test func aStoryIsIndexedByEveryWordOnce() {
        let lexemes = PGSearchTerms.lexemes(title: "Invoices, invoices", body: "東京 オフィス、佐藤さん", hero: "Zoë", tags: ["night-shift"])
        #expect(lexemes == ["invoices", "東京", "オフィス", "佐藤さん", "zoe", "night", "shift"])
    }

    @Test func placeholdersAreNumbered() {
        #expect(PGSQL.numbered("SELECT ? WHERE a = ? AND b IN (?, ?)") == "SELECT $1 WHERE a = $2 AND b IN ($3, $4)")
    }
}
#endif
