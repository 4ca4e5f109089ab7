import NewsGraphCore

/// From a noun phrase of the parse to the entities it designates: the mention covering its head, a named
/// modifier, the named body of a generic head ("fighters of the Front"), an apposition, the country's force
/// ("Myanmar's military"), the owner of "its fighters", or — by the corpus conventions — a generic designation
/// or an unnamed facility that is a participant's only designation.
extension Document {
    /// The entities a noun phrase headed by `p` designates, with its coordinated members ("the army and the
    /// police"): the mention covering the head; else a named modifier ("TTP militants"); else the body a
    /// generic head belongs to ("fighters of the National Front"); else an apposition.
    func entities(ofPhrase p: Int) -> [Int] {
        guard let syntax else { return [] }
        var out: [Int] = []
        for c in syntax.conjuncts(of: p) where c == p || syntax.tokens[c].label == "conj" {
            for e in designated(c, depth: 0) where !out.contains(e) { out.append(e) }
        }
        return out
    }

    /// "Troops raided an al-Shabaab temporary camp", "the Front's hideout": the group or force named as the
    /// premodifier or possessor of an unnamed facility holds it (and is attacked with it).
    func facilityHolders(_ p: Int) -> [Int] {
        treeChildren(p, ["compound", "poss", "nmod"]).compactMap { mention(atParse: $0)?.entity }
            .filter { [.group, .unit].contains(entities[$0].type) && !entities[$0].generic }
    }

    /// The one entity a noun phrase designates first (see `entities(ofPhrase:)`).
    func entity(ofPhrase p: Int, depth: Int) -> Int? { designated(p, depth: depth).first }

    /// The entities one noun phrase (without its conjuncts) designates.
    func designated(_ p: Int, depth: Int) -> [Int] {
        guard depth < 3 else { return [] }
        let covering = mention(atParse: p)
        if covering == nil, let force = countryForce(ofPhrase: p) { return [force] }
        // "its operatives", "their fighters": a force word owned by the actor named before it
        if covering.map({ entities[$0.entity].generic }) ?? true,
           treeChildren(p, ["poss"]).contains(where: { lexicon.argumentWords.contains(lowerWord($0), as: .possessivePronoun) }),
           let owner = actor(before: p, depth: depth + 1) {
            return [owner]
        }
        if let m = covering {
            // "an al-Shabaab camp", "the Front's hideout": an unnamed facility and the armed body that holds it
            if entities[m.entity].type == .facility, entities[m.entity].generic { return [m.entity] + facilityHolders(p) }
            // "gunmen of the cartel", "terrorists of the ISWAP": the named body of a generic designation
            if entities[m.entity].generic {
                let body = namedBody(of: p, depth: depth)
                if !body.isEmpty { return body }
                if let e = sponsoredForce(p) { return [e] }
            }
            return [m.entity]
        }
        // "the TTP's shadow group, the Resistance Front": an unnamed head is named by its apposition first
        for a in treeChildren(p, ["appos"]) where !isSourceAfterColon(a) {
            let e = designated(a, depth: depth + 1)
            if !e.isEmpty { return e }
        }
        if let e = roleNamedAfterPlace(p) { return [e] }
        if let e = participleDesignation(p) { return [e] }
        // "Qari Zar Wali, a commander who was gunned down": an apposition designates what it is in apposition to
        if label(p) == "appos", let h = treeHead(p), let m = mention(atParse: h) { return [m.entity] }
        if let e = namedAfter(p) { return [e] }
        // "Somalia's al-Shabaab militant group", "FC and Levies personnel": a named modifier with its conjuncts,
        // an actor before the body named after "of", before a person or a country, the nearest first
        let modifiers = treeChildren(p, ["compound", "poss", "nmod", "amod"]).reversed().filter { mention(atParse: $0) != nil }
        if let actor = modifiers.first(where: { t in mention(atParse: t).map { ![.place, .person].contains(entities[$0.entity].type) } ?? false }) {
            return namedConjuncts(actor)
        }
        let body = namedBody(of: p, depth: depth)
        if !body.isEmpty { return body }
        if let other = modifiers.first(where: { t in mention(atParse: t).map { entities[$0.entity].type == .person || isCountry($0.entity) } ?? false }) {
            return namedConjuncts(other)
        }
        if let e = sponsoredForce(p) { return [e] }
        return soleDesignation(p).map { [$0] } ?? []
    }

    /// "Two Tarsk operatives killed in army operation: KMD": an organization set after a colon at the end of a
    /// headline is the source of the report, not an apposition naming the noun the parser hangs it on.
    func isSourceAfterColon(_ a: Int) -> Bool {
        guard let syntax, case let phrase = syntax.subtree(of: a), let first = documentToken(ofParse: phrase.lowerBound),
              let last = documentToken(ofParse: phrase.upperBound),
              first > sentenceRange.lowerBound, key(first - 1) == w.colon,
              (last + 1..<sentenceRange.upperBound).allSatisfy({ tokens[$0].kind == .punct }),
              let m = mention(atParse: a) else { return false }
        return entities[m.entity].type == .organization
    }

    /// "Iran-backed militias", "Olem-backed Tarsk factions", "Varnok-aligned forces": a plural force noun that a
    /// sponsor backs designates an armed group of its own, named by the whole phrase.
    func sponsoredForce(_ p: Int) -> Int? {
        guard let syntax, parseTag(p) == "NNS", lexicon.argumentWords.contains(lowerWord(p), as: .sponsoredForceNoun),
              let backed = treeChildren(p, ["amod", "compound"]).first(where: { m in
                  // (the sponsor is named: "Iran-backed", not a bare "allied militias")
                  lexicon.argumentWords.contains(lowerWord(m), as: .sponsorParticiple) && !treeChildren(m, ["npadvmod", "compound", "advmod", "nmod", "amod"]).isEmpty
              }),
              let first = documentToken(ofParse: syntax.subtree(of: backed).lowerBound), let last = documentToken(ofParse: p), first <= last
        else { return nil }
        let r = first..<(last + 1)
        return entity(surface: span(r), type: .group, strength: 2, bytes: bytes(r), confidence: 0.7)
    }

    /// "the house of a separatist commander in Varnok, Tarik Vell": the parser hangs a role noun's apposition on the
    /// place named between them; a person in apposition to that place is the one the role noun designates.
    func roleNamedAfterPlace(_ p: Int) -> Int? {
        guard let d = documentToken(ofParse: p), lexicon.roles.contains(tokens, at: d, limit: d + 1) else { return nil }
        return namedPlaces(after: p)
            .flatMap { treeChildren($0, ["appos"]) }
            .lazy.compactMap { self.mention(atParse: $0)?.entity }.first { self.entities[$0].type == .person }
    }

    /// "The Oskar Dahl group of the Red Ridge Front": a body named after a person (a name, then a head word that
    /// types names, written in lower case) is an entity of its own, the head word's type.
    func namedAfter(_ p: Int) -> Int? {
        guard let d = documentToken(ofParse: p), let h = lexicon.heads.match(tokens, at: d, limit: d + 1),
              [.group, .unit, .organization].contains(h.value.type), d > sentenceRange.lowerBound,
              let m = mentions.first(where: { $0.tokens.upperBound == d }), entities[m.entity].type == .person else { return nil }
        let r = m.tokens.lowerBound..<(d + 1)
        return entity(surface: span(r), type: h.value.type, strength: 2, bytes: bytes(r))
    }

    /// The entities of the named token `t` and of the tokens coordinated with it ("the Pakistan Army and the
    /// Frontier Corps").
    func namedConjuncts(_ t: Int) -> [Int] {
        guard let syntax else { return [] }
        var out: [Int] = []
        for c in syntax.conjuncts(of: t) {
            if let e = mention(atParse: c)?.entity, !out.contains(e) { out.append(e) }
        }
        return out
    }

    /// "hundreds of residents, led by the Joint Action Committee" (the body leading an unnamed crowd acts);
    /// "a farmer, identified as Amar Kessel", "a commander named Amar Kessel" (the name a participle gives).
    func participleDesignation(_ p: Int) -> Int? {
        for a in treeChildren(p, ["acl"]) where lexicon.argumentWords.contains(lowerWord(a), as: .leadingParticiple) {
            if let e = byPhraseObjects(of: a).lazy.compactMap({ self.mention(atParse: $0)?.entity }).first { return e }
        }
        for a in treeChildren(p, ["acl"]) where lexicon.argumentWords.contains(lowerWord(a), as: .namingParticiple) {
            let named = treeChildren(a, ["oprd", "dobj", "attr"]) + prepositionObjects(of: a, .namingPreposition)
            if let e = named.lazy.compactMap({ self.mention(atParse: $0)?.entity }).first { return e }
        }
        return nil
    }

    /// "The drone struck a mosque", "militants stormed the police station": an unnamed facility attacked is the
    /// target's only designation — a facility entity named by its phrase ("police station", "state-run hospital").
    func facilityDesignation(_ p: Int) -> Int? {
        guard let syntax, let d = documentToken(ofParse: p), mention(atParse: p) == nil,
              let h = lexicon.heads.match(tokens, at: d, limit: d + 1), h.value.type == .facility,
              !treeChildren(p, ["compound", "amod", "nmod"]).contains(where: { mention(atParse: $0) != nil }) else { return nil }
        // the head with the modifiers adjoining it ("the state-run hospital", "a police station")
        let modifiers = Set(treeChildren(p, ["compound", "amod"]).flatMap { Array(syntax.subtree(of: $0)) })
        var first = p
        while first > 0, modifiers.contains(first - 1) { first -= 1 }
        guard let start = documentToken(ofParse: first) else { return nil }
        let r = start..<(d + 1)
        return entity(surface: span(r).lowercased(), type: .facility, strength: 2, generic: true, bytes: bytes(r), confidence: 0.7)
    }

    /// "Bandits attacked a mosque", "gunmen stormed the village": a generic designation in an argument position,
    /// with no name in its phrase, is the participant's only designation — an entity by the corpus conventions
    /// (kept only when an event or triple uses it).
    func soleDesignation(_ p: Int) -> Int? {
        guard let d = documentToken(ofParse: p), let g = lexicon.generics.match(tokens, at: d, limit: sentenceRange.upperBound),
              g.length == 1, [.group, .unit, .organization].contains(g.value) else { return nil }
        let r = d..<(d + 1)
        return entity(surface: lower(d), type: g.value, strength: 2, generic: true, bytes: bytes(r), confidence: 0.7)
    }

    /// "Myanmar's military", "Nigeria's army": a country's generic force word is that country's main state force.
    func countryForce(ofPhrase p: Int) -> Int? {
        guard let d = documentToken(ofParse: p), let g = lexicon.generics.match(tokens, at: d, limit: sentenceRange.upperBound),
              g.value == .unit, g.length == 1 else { return nil }
        for owner in treeChildren(p, ["poss"]) {
            guard let m = mention(atParse: owner), isCountry(m.entity), let li = countryForce(entities[m.entity].name) else { continue }
            let r = d..<(d + 1)
            return entity(surface: lexicon.entities[li].name, type: .unit, strength: 3, lexiconIndex: li, bytes: bytes(r))
        }
        return nil
    }

    /// The owner "its" or "their" refers to in the phrase headed by `p`: the named group, force or organisation
    /// that is the subject of a clause above it ("ISMP announced that its operatives had …").
    /// `depth` is the designation depth of the phrase asking (the walk up and down the tree is bounded by it, so
    /// owners of owners on a garbled parse never recurse without end).
    func actor(before p: Int, depth: Int = 1) -> Int? {
        guard let syntax, depth < 3 else { return nil }
        for v in syntax.ancestors(of: p) where isVerb(v) {
            guard let s = treeChildren(v, ["nsubj", "nsubjpass"]).last, s < p, let e = entity(ofPhrase: s, depth: depth) else { continue }
            if [.group, .unit, .organization].contains(entities[e].type), !entities[e].generic { return e }
        }
        return nil
    }

    /// "members of the TTP", "troops of the Pakistan Army and the Frontier Corps": the named actors after a body
    /// preposition.
    func namedBody(of p: Int, depth: Int) -> [Int] {
        guard let syntax else { return [] }
        for o in prepositionObjects(of: p, .bodyPreposition) {
            var out: [Int] = []
            for c in syntax.conjuncts(of: o) where c == o || label(c) == "conj" {
                for e in designated(c, depth: depth + 1) where !entities[e].generic && (entities[e].type != .place || isCountry(e)) && !out.contains(e) {
                    out.append(e)
                }
            }
            if !out.isEmpty { return out }
        }
        return []
    }
}
