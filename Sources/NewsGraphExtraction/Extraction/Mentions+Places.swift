import NewsGraphCore

/// Place evidence for unknown names from the parse, and forces named by a place's possessive.
extension Document {
    /// The strength of the parse's evidence that an unknown name is a place, or nil:
    /// - "troops retook Velmar, a town near the border": a place noun in apposition to the name;
    /// - "the rebels attacked bases in Dikwa, Orsa and Telmi": a conjunct of a name already typed place.
    func parsePlaceEvidence(_ r: Range<Int>) -> Int? {
        guard let syntax, let h = parseHead(of: r) else { return nil }
        for a in treeChildren(h, ["appos"]) where Document.placeNouns.contains(Document.k(lowerWord(a))) { return 2 }
        for c in syntax.conjuncts(of: h) where c < h {
            if let m = mention(atParse: c), entities[m.entity].type == .place, !m.anaphoric { return 2 }
        }
        return nil
    }

    /// "Vestria's military", "Rohan's armed forces": a known place's possessive before a lower-case generic force
    /// word is that place's force, a unit named as written (SCHEMA: "Ukraine's armed forces").
    func possessiveForce(_ i: Int, _ end: Int, _ lex: (length: Int, value: Lexicon.EntityMatch)?) -> Range<Int>? {
        guard let lex, tokens[i].capitalized || tokens[i].allCaps, lexicon.entities[lex.value.entity].type == .place else { return nil }
        let p = i + lex.length
        guard p + 1 < end, tokens[p].key == w.possessive, tokens[p + 1].kind == .word, !tokens[p + 1].capitalized,
              let g = lexicon.generics.match(tokens, at: p + 1, limit: end), g.value == .unit else { return nil }
        let e = p + 1 + g.length
        if e < end, lexicon.heads.match(tokens, at: e, limit: end)?.value.type == .facility { return nil }
        return i..<e
    }

    /// The lexicon force a place's possessive names: the lexicon entity called "<place> <force words>" ("Vestria
    /// military" for "Vestria's military"), else a country's main force.
    func lexiconForce(place li: Int, force: String) -> Int? {
        let place = lexicon.entities[li]
        let toks = Tokenizer.tokenize(Array("\(place.name) \(force)".utf8))
        if let m = lexicon.entityPhrases.match(toks, at: 0, limit: toks.count), m.length == toks.count,
           lexicon.entities[m.value.entity].type == .unit { return m.value.entity }
        return place.parent == nil ? countryForce(place.name) : nil
    }
}
