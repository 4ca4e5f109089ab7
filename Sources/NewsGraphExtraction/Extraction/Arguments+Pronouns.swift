import NewsGraphCore

/// Pronoun subjects that open a sentence about a body told before: "The Tarsk Front attacked a post on Friday. It
/// accused the army of killing civilians." The words are `argument` records (body-pronoun, source-word).
extension Document {
    /// The body a sentence's pronoun subject ("it", "they") stands for: the group, unit or organisation named
    /// last in the two sentences before, when no person was named after it (a person would be "he" or "she", and
    /// "they" after people is those people), and not a news outlet only told or cited (`isOnlyNewsSource`).
    func bodyReferredTo(byPronoun s: Int) -> Int? {
        guard lexicon.argumentWords.contains(lowerWord(s), as: .bodyPronoun), ["it", "they"].contains(lowerWord(s)) else { return nil }
        return lastNamed(within: 2) {
            (Document.orgTypes.contains(entities[$0].type) && !entities[$0].generic && !isOnlyNewsSource($0)) || isCountryLastActing($0)
        }
    }

    /// "An official said the United States took no part in the strikes. However, it carried out raids on the
    /// capital": a country last named as the subject of a clause acts, and a later "it" may stand for it.
    func isCountryLastActing(_ e: Int) -> Bool {
        guard isCountry(e), let head = headOfLastMentionBefore(e) else { return false }
        return label(head) == "nsubj"
    }

    /// "An official told Eskar News that the army took no part. However, it carried out raids on the port": an
    /// entity last named as the one told ("told Eskar News", "confirmed to Eskar News"), cited ("citing Eskar
    /// News") or gone by ("according to Eskar News") is a news source, not the actor a later "it" stands for.
    func isOnlyNewsSource(_ e: Int) -> Bool {
        headOfLastMentionBefore(e).map(isNewsSourcePosition) ?? false
    }

    /// The parse token heading entity `e`'s last mention before this sentence (the one whose head lies outside it).
    func headOfLastMentionBefore(_ e: Int) -> Int? {
        guard let syntax, let m = entities[e].mentions.last(where: { $0.sentence < sentenceIndex }) else { return nil }
        let ps = syntax.tokens(in: m.start..<m.end)
        return ps.first { p in syntax.head(of: p).map { !ps.contains($0) } ?? true }
    }

    /// Whether parse token `p` names the one told, cited or gone by: the object of a verb of speech ("told
    /// Reuters") or of a `source-word` ("citing Reuters"), or the object of a preposition either holds
    /// ("confirmed to Reuters", "according to Reuters").
    func isNewsSourcePosition(_ p: Int) -> Bool {
        guard let h = treeHead(p) else { return false }
        let words = lexicon.argumentWords
        switch label(p) {
        case "dobj", "dative":
            return words.contains(lowerWord(h), as: .speechVerb) || words.contains(lowerWord(h), as: .sourceWord)
        case "pobj":
            guard let g = treeHead(h) else { return false }
            return words.contains(lowerWord(g), as: .sourceWord) || words.contains(lowerWord(g), as: .speechVerb)
        default:
            return false
        }
    }
}
