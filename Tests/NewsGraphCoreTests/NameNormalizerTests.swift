import Testing
@testable import NewsGraphCore

/// `NameNormalizer`: the one name normaliser, of in-article coreference and of cross-article resolution.
@Suite("Name normalisation")
struct NameNormalizerTests {
    private func n(_ s: String) -> String { NameNormalizer.normalize(s) }

    @Test("Acronyms with and without dots normalise alike, and not to their first letter")
    func dottedAcronyms() {
        #expect(n("U.S.") == "us")
        #expect(n("US") == "us")
        #expect(n("U.N.") == n("UN"))
        #expect(n("I.S.P.R.") == "ispr")
        #expect(n("U.S. forces") == "us forces")
        #expect(NameNormalizer.normalizedTokens("U.S.") == ["us"])
    }

    @Test("Case, hyphens, punctuation and runs of spaces become single spaces between lower-case words")
    func wordsAndSpaces() {
        #expect(n("Tehreek-e-Taliban  Pakistan") == "tehreek e taliban pakistan")
        #expect(n(" Inter-Services Public Relations (ISPR) ") == "inter services public relations ispr")
        #expect(n("Balochistan / Sindh") == "balochistan sindh")
        #expect(n("") == "")
        #expect(n("--- !") == "")
        #expect(NameNormalizer.normalizedTokens("") == [])
    }

    @Test("A leading \"the\" is dropped by normalize, kept by the tokens; a lone \"the\" stays")
    func leadingArticle() {
        #expect(n("the Tehreek-e-Taliban’s") == "tehreek e taliban")
        #expect(n("The Frontier Corps") == "frontier corps")
        #expect(n("Theodore Khan") == "theodore khan")
        #expect(n("the") == "the")
        #expect(NameNormalizer.normalizedTokens("The Hague") == ["the", "hague"])
    }

    @Test("A possessive 's is dropped after any apostrophe; other apostrophes join the word")
    func apostrophes() {
        #expect(n("Pakistan's Foreign Office") == "pakistan foreign office")
        #expect(n("Pakistan’s Foreign Office") == "pakistan foreign office")
        #expect(n("Pakistan‘s army") == "pakistan army")
        #expect(n("Pakistanʼs army") == "pakistan army")
        #expect(n("O'Brien") == "obrien")
        #expect(n("Ma’ruf") == "maruf")
        #expect(n("Sa'sa village") == "sasa village") // 's followed by a letter is not a possessive
        #expect(n("Forces'") == "forces")
    }

    @Test("Latin letters with diacritics fold to ASCII, precomposed or decomposed; other scripts are lowercased")
    func diacriticsAndScripts() {
        #expect(n("Léré") == "lere")
        #expect(n("Le\u{301}re\u{301}") == "lere")
        #expect(n("ŁÓDŹ") == "lodz")
        #expect(n("Straße") == "strasse")
        #expect(n("Æthelred") == "aethelred")
        #expect(n("İdlib") == "idlib")
        #expect(n("Ğazze") == "gazze")
        #expect(n("ΑΘΗΝΑ") == "αθηνα")
        #expect(n("خضدار") == "خضدار")
        #expect(n("Ahmed – Khan") == "ahmed khan") // an en dash is a break
        #expect(n("Unit ٣") == "unit ٣") // a digit of another script is a word character
    }

    @Test("The ASCII path and the Unicode path give the same result")
    func bothPaths() {
        #expect(n("the U.S. Army's") == n("the U.S. Army’s"))
        #expect(n("the U.S. Army's") == "us army")
        #expect(n("O'Brien's men") == n("O’Brien’s men"))
        #expect(n("Zar Wali Khan's") == n("Zar Wali Khan’s"))
    }

    @Test("Keys ignore connectors and spacing: transliteration variants share one key")
    func keys() {
        #expect(NameNormalizer.key("Tehreek-e-Taliban Pakistan") == NameNormalizer.key("Tehreek Taliban pakistan"))
        #expect(NameNormalizer.key("the Tehreek-e-Taliban Pakistan's") == "tehreektalibanpakistan")
        #expect(NameNormalizer.key("U.S.") == NameNormalizer.key("US"))
        #expect(NameNormalizer.key("of the") == "ofthe") // only connectors: all of them are kept
    }

    @Test("The bounded edit distance: exact within the limit, above it once the limit is passed")
    func editDistance() {
        #expect(NameNormalizer.editDistance("kitten", "sitting") == 3)
        #expect(NameNormalizer.editDistance("kitten", "sitting", limit: 3) == 3)
        #expect(NameNormalizer.editDistance("kitten", "sitting", limit: 2) > 2)
        #expect(NameNormalizer.editDistance("", "") == 0)
        #expect(NameNormalizer.editDistance("", "abc") == 3)
        #expect(NameNormalizer.editDistance("abc", "") == 3)
        #expect(NameNormalizer.editDistance("a", "abcdef", limit: 2) > 2)
        #expect(NameNormalizer.editDistance("léré", "lere") == 2) // on Unicode scalars
        #expect(NameNormalizer.editDistance("balochistan", "baluchistan", limit: 1) == 1)
    }
}
