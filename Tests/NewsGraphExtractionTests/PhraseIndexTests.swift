import Testing
@testable import NewsGraphExtraction

/// `PhraseIndex`: lexicon phrases found by their tokens' FNV keys and confirmed on the second hash (`Token.check`).
@Suite("Phrase index")
struct PhraseIndexTests {
    private func tokens(_ s: String) -> [Token] { Tokenizer.tokenize(Array(s.utf8)) }

    /// An index of `phrases` (form → value).
    private func phraseIndex(_ phrases: KeyValuePairs<String, String>) -> PhraseIndex<String> {
        var index = PhraseIndex<String>()
        for (form, value) in phrases { index.insert(tokens(form), value: value) }
        return index
    }

    /// `token` as a word of the text would be whose FNV-1a key collides with it: same key, other bytes.
    private func colliding(_ token: Token) -> Token {
        var t = token
        t.check ^= 0x5A5A_0001
        return t
    }

    @Test("Phrases match longest first, case-insensitively, and not past the limit")
    func longestMatch() {
        let index = phraseIndex(["suicide": "one", "suicide bombing": "two"])
        let text = tokens("A Suicide Bombing hit")
        #expect(index.match(text, at: 1, limit: text.count)?.length == 2)
        #expect(index.match(text, at: 1, limit: text.count)?.value == "two")
        #expect(index.match(text, at: 1, limit: 2)?.value == "one")
        #expect(index.matches(text, at: 1, limit: text.count).map(\.value) == ["two", "one"])
        #expect(index.firstMatch(text, at: 1, limit: text.count, where: { len, _ in len == 1 })?.value == "one")
        #expect(index.match(text, at: 0, limit: text.count) == nil)
        #expect(index.match(text, at: 1, limit: 1) == nil)
        #expect(index.count == 2)
    }

    @Test("A word whose key collides with a lexicon word's neither fires a one-word nor a longer phrase")
    func collidingKeysDoNotMatch() {
        let index = phraseIndex(["attacked": "trigger", "security forces": "entity"])
        let attacked = tokens("attacked")
        let forged = [colliding(attacked[0])]
        #expect(forged[0].key == attacked[0].key)
        #expect(index.match(attacked, at: 0, limit: 1)?.value == "trigger")
        #expect(index.match(forged, at: 0, limit: 1) == nil)
        #expect(!index.contains(forged, at: 0, limit: 1))
        #expect(index.matches(forged, at: 0, limit: 1).isEmpty)
        #expect(index.firstMatch(forged, at: 0, limit: 1, where: { _, _ in true }) == nil)

        let forces = tokens("security forces")
        #expect(index.match(forces, at: 0, limit: 2)?.value == "entity")
        #expect(index.match([colliding(forces[0]), forces[1]], at: 0, limit: 2) == nil)
        #expect(index.match([forces[0], colliding(forces[1])], at: 0, limit: 2) == nil)
    }

    @Test("Two phrases whose keys collide are two entries, each found only by its own words")
    func collidingPhrasesStayApart() {
        let real = tokens("attacked")
        let other = colliding(real[0])
        var index = PhraseIndex<String>()
        index.insert(real, value: "real")
        index.insert([other], value: "other")
        #expect(index.count == 2)
        #expect(index.match(real, at: 0, limit: 1)?.value == "real")
        #expect(index.match([other], at: 0, limit: 1)?.value == "other")
        index.remove([other])
        #expect(index.count == 1)
        #expect(index.match([other], at: 0, limit: 1) == nil)
        #expect(index.match(real, at: 0, limit: 1)?.value == "real")
    }

    @Test("Adding a phrase with a value for another slot keeps both: match gives the latest, firstMatch finds either")
    func valuesForTwoSlots() {
        var index = PhraseIndex<String>()
        index.add(tokens("Army"), value: "suffix:unit") { $0.hasPrefix("suffix") }
        index.add(tokens("Army Aviation"), value: "suffix:unit") { $0.hasPrefix("suffix") }
        index.add(tokens("Army"), value: "prefix:unit") { $0.hasPrefix("prefix") }
        #expect(index.count == 3)
        #expect(index.match(tokens("Army"), at: 0, limit: 1)?.value == "prefix:unit")
        #expect(index.firstMatch(tokens("Army"), at: 0, limit: 1) { $1.hasPrefix("suffix") }?.value == "suffix:unit")
        // longer phrases still come first
        #expect(index.match(tokens("Army Aviation"), at: 0, limit: 2)?.value == "suffix:unit")
        // a row for a slot already held replaces its value
        index.add(tokens("Army"), value: "suffix:group") { $0.hasPrefix("suffix") }
        #expect(index.count == 3)
        #expect(index.firstMatch(tokens("Army"), at: 0, limit: 1) { $1.hasPrefix("suffix") }?.value == "suffix:group")
    }

    @Test("Inserting a phrase again replaces its value; removing it removes only it")
    func replaceAndRemove() {
        var index = PhraseIndex<Int>()
        index.insert(tokens("killed"), value: 1)
        index.insert(tokens("Killed"), value: 2)
        index.insert(tokens("killed in"), value: 3)
        #expect(index.count == 2)
        #expect(index.match(tokens("killed"), at: 0, limit: 1)?.value == 2)
        index.remove(tokens("killed"))
        #expect(index.count == 1)
        #expect(index.match(tokens("killed"), at: 0, limit: 1) == nil)
        #expect(index.match(tokens("killed in"), at: 0, limit: 2)?.value == 3)
        index.insert([], value: 4)
        #expect(index.count == 1)
    }

    @Test("Each token carries the check of its lower-cased bytes, and the check costs no memory")
    func tokenCheck() {
        let text = "Pakistan's 1,200 U.S. troops — Léré"
        for t in tokens(text) where t.key != Tokenizer.possessiveKey {
            let bytes = Array(text.utf8)[t.range]
            #expect(t.key == Tokenizer.hash(bytes))
            #expect(t.check == Tokenizer.check(bytes))
        }
        #expect(tokens("Army's")[1].check == Tokenizer.possessiveCheck)
        #expect(tokens("Army’s")[1].check == Tokenizer.possessiveCheck)
        #expect(tokens("ATTACKED")[0].check == tokens("attacked")[0].check)
        #expect(tokens("attacked")[0].check != tokens("attacker")[0].check)
        #expect(MemoryLayout<Token>.size == 24)
    }

    @Test("Spellings the tokenizer keys alike get the same check too (both hashes read the same bytes)")
    func variantsAgree() {
        let pairs = [("ATTACKED", "attacked"), ("U.S.", "u.s."), ("Jama’at", "Jama'at"), ("don’t", "don't"),
                     ("Army’s", "Army's"), ("Inter-Services", "inter-services"), ("Léré", "Léré")]
        for (a, b) in pairs {
            let ta = tokens(a), tb = tokens(b)
            for x in ta {
                for y in tb where x.key == y.key { #expect(x.check == y.check, "\(a) ~ \(b)") }
            }
        }
        #expect(tokens("ATTACKED")[0].key == tokens("attacked")[0].key)
    }

    @Test("The lexicon's triggers and entities are confirmed: a colliding word of the text matches neither")
    func lexiconPhrases() throws {
        let lexicon = try Lexicon.standard()
        let text = tokens("militants attacked the Frontier Corps")
        let trigger = try #require(lexicon.triggers.match(text, at: 1, limit: text.count))
        #expect(trigger.value.form == "attacked")
        #expect(lexicon.triggers.match([text[0], colliding(text[1])], at: 1, limit: 2) == nil)
        let fc = try #require(lexicon.entityPhrases.match(text, at: 3, limit: text.count))
        #expect(fc.length == 2)
        #expect(lexicon.entityPhrases.match([colliding(text[3]), text[4]], at: 0, limit: 2) == nil)
    }
}
