import NewsGraphCore

/// Stances between actors read from verbs, adjectives and nouns of the dependency parse: blame ("X accused Y
/// of …", "X blamed the attack on Y"), threats ("X warned Y", "X vowed to punish Y"), fighting ("X is
/// fighting Y", "clashes between X and Y") and alliances ("allied with Y", "backed by Y", "Y-backed X",
/// "fought alongside Y", "in coordination with Y"). The words are `relation-word` records.
extension Document {
    /// Every stance of the sentence.
    func findStanceRelations() {
        for p in sentenceParseTokens() {
            if isRelationWord(p, .accusationVerb) { accusation(p) }
            if isRelationWord(p, .attributionVerb) { attribution(p) }
            if isRelationWord(p, .threatVerb) { threat(p) }
            if isRelationWord(p, .vowVerb) { vowAgainst(p) }
            if isRelationWord(p, .fightVerb) { fightVerb(p) }
            if isRelationWord(p, .fightNoun) { fightBetween(p); fightAgainst(p) }
            if isRelationWord(p, .allianceWord) { alliance(p, .alliedWith) }
            if isRelationWord(p, .affiliationWord) { alliance(p, .partOf) }
            if isRelationWord(p, .backingWord) { backing(p) }
            if isRelationWord(p, .alongsidePreposition) { alongside(p) }
            if isRelationWord(p, .coordinationNoun) { coordination(p) }
        }
    }

    /// The actors a verb's subject designates: through coordination and relative clauses (`actingSubject`), a
    /// descriptive apposition ("the BLA, an insurgent group battling …") and a verb of a participle phrase.
    func stanceSubjects(of v: Int) -> [Int] {
        if isPassive(v) { return byPhraseObjects(of: v).flatMap { relationEntities(ofPhrase: $0) }.filter { canHoldStance($0) } }
        guard let s = actingSubject(of: v) else { return [] }
        return relationEntities(ofPhrase: s).filter { canHoldStance($0) }
    }

    /// The actors a verb acts on: its direct objects (and their conjuncts).
    func stanceObjects(of v: Int, generic: Bool = false) -> [Int] {
        treeChildren(v, ["dobj"]).flatMap { relationEntities(ofPhrase: $0, generic: generic) }.filter { canHoldStance($0) }
    }

    /// "The Front accused the Kestrel Front of killing civilians", "the Front blamed the Kestrel Front for the
    /// attack"; passive: "the Kestrel Front was accused by the Front".
    func accusation(_ v: Int) {
        guard isVerb(v) else { return }
        let accused = isPassive(v) ? (passiveSubject(of: v).map { relationEntities(ofPhrase: $0) } ?? []) : stanceObjects(of: v)
        addRelation(stanceSubjects(of: v) + speakingCity(of: v), .accused, accused.filter { canHoldStance($0) }, evidence: [v], negated: isNegated(v))
    }

    /// "The police blamed the attack on the Kestrel Front", "the bombing was attributed by the police to the
    /// Kestrel Front": the one the act is put on is accused.
    func attribution(_ v: Int) {
        guard isVerb(v) else { return }
        var objects = relationPrepositionObjects(of: v, .attributionPreposition)
        for o in treeChildren(v, ["dobj"]) { objects += relationPrepositionObjects(of: o, .attributionPreposition) }
        let accused = objects.flatMap { relationEntities(ofPhrase: $0) }.filter { canHoldStance($0) }
        addRelation(stanceSubjects(of: v) + speakingCity(of: v), .accused, accused, evidence: [v] + objects, negated: isNegated(v))
    }

    /// "Kabul accused the Front …", "the strike was attributed by Tehran to Israel": a known city (a place of the
    /// lexicon) that blames stands for its government, as it does when it acts (`cityActing`).
    func speakingCity(of v: Int) -> [Int] {
        let phrases = isPassive(v) ? byPhraseObjects(of: v) : actingSubject(of: v).map { [$0] } ?? []
        return phrases.compactMap { mention(atParse: $0)?.entity }
            .filter { entities[$0].type == .place && entities[$0].lexiconIndex != nil && !isCountry($0) }
    }

    /// "The Front warned the Kestrel Front against further attacks", "the Front threatened the Kestrel Front".
    func threat(_ v: Int) {
        guard isVerb(v), !isPassive(v) else { return }
        addRelation(stanceSubjects(of: v), .threatened, stanceObjects(of: v), evidence: [v], negated: isNegated(v))
    }

    /// "The Front vowed to punish the Kestrel Front": a vow whose open clause acts with a hostile verb on an actor.
    func vowAgainst(_ v: Int) {
        guard isVerb(v) else { return }
        for x in treeChildren(v, ["xcomp"]) where isRelationWord(x, .hostileVerb) {
            let objects = stanceObjects(of: x) + againstObjects(of: x)
            addRelation(stanceSubjects(of: v), .threatened, objects.filter { canHoldStance($0) }, evidence: [v, x], negated: isNegated(v))
        }
    }

    /// "The Kestrel Front, which is fighting the Front", "the BLA, an insurgent group battling security forces",
    /// "the Front has fought against the Kestrel Front" (a group's fight against state forces named only generically counts).
    func fightVerb(_ v: Int) {
        guard isVerb(v) || parseTag(v) == "VBG", !isPassive(v) else { return }
        var subjects = stanceSubjects(of: v)
        if subjects.isEmpty { subjects = purposeActors(of: v) }
        var objects = stanceObjects(of: v) + againstObjects(of: v)
        // "the Front, a rebel movement fighting security forces": a named group fights the state's forces however named
        if subjects.contains(where: { entities[$0].type == .group }) {
            objects += stanceObjects(of: v, generic: true).filter { entities[$0].type == .unit && !objects.contains($0) }
        }
        addRelation(subjects, .opposed, objects, evidence: [v], factor: 0.9, negated: isNegated(v))
    }

    /// "Olem invited Eskar troops into the country to combat the Front", "the army deployed the Iron Brigade to
    /// fight the Front": the actors a purpose clause's verb has no subject of its own for are the ones sent — the
    /// object of the verb it completes, else that verb's subject.
    func purposeActors(of v: Int) -> [Int] {
        guard ["advcl", "xcomp"].contains(label(v)), treeChildren(v, ["aux"]).contains(where: { lowerWord($0) == "to" }),
              treeChildren(v, ["nsubj", "nsubjpass"]).isEmpty, let h = treeHead(v), isVerb(h) else { return [] }
        let sent = stanceObjects(of: h)
        return sent.isEmpty ? stanceSubjects(of: h) : sent
    }

    /// "Heavy clashes between the Kestrel Front and the Front": the first side opposes the others.
    func fightBetween(_ n: Int) {
        for prep in treeChildren(n, ["prep"]) where lowerWord(prep) == "between" {
            guard let first = treeChildren(prep, ["pobj"]).first, let syntax else { continue }
            let sides = syntax.conjuncts(of: first).flatMap { entity(ofPhrase: $0, depth: 0).map { [$0] } ?? [] }
                .filter { Document.orgTypes.contains(entities[$0].type) && !entities[$0].generic }
            guard sides.count >= 2 else { continue }
            addRelation([sides[0]], .opposed, Array(sides.dropFirst()), evidence: [first] + syntax.conjuncts(of: first), factor: 0.85)
        }
    }

    /// "The Front's war against the Kestrel Front", "the Front has been a partner in the fight against the
    /// Kestrel Front": the noun's possessor, else the subject of its clause, opposes the object of "against".
    func fightAgainst(_ n: Int) {
        guard !isVerb(n) else { return }
        let objects = againstObjects(of: n)
        guard !objects.isEmpty else { return }
        var subjects = treeChildren(n, ["poss"]).flatMap { relationEntities(ofPhrase: $0) }
        if subjects.isEmpty, let v = syntax?.governingVerb(of: n), v != n { subjects = stanceSubjects(of: v) }
        addRelation(subjects.filter { canHoldStance($0) }, .opposed, objects, evidence: [n], factor: 0.85)
    }

    /// The phrase an adjective or participle describes: "a militia allied with …" (the noun it modifies),
    /// "the Front is allied with …" (its subject), "the Front, which is loyal to …" (the relative clause's noun).
    func describedEntities(_ a: Int) -> [Int] {
        if let s = treeChildren(a, ["nsubj", "nsubjpass"]).last {
            if lexicon.argumentWords.contains(lowerWord(s), as: .relativePronoun), let h = treeHead(a) { return relationEntities(ofPhrase: h) }
            return relationEntities(ofPhrase: s)
        }
        guard let h = treeHead(a) else { return [] }
        switch label(a) {
        case "acl", "amod", "relcl": return relationEntities(ofPhrase: h)
        case "acomp", "attr":
            guard let s = treeChildren(h, ["nsubj", "nsubjpass"]).last else { return [] }
            if lexicon.argumentWords.contains(lowerWord(s), as: .relativePronoun), label(h) == "relcl", let n = treeHead(h) { return relationEntities(ofPhrase: n) }
            return relationEntities(ofPhrase: s)
        default: return []
        }
    }

    /// "fought against the Front", "vowed to retaliate against the Front".
    func againstObjects(of v: Int) -> [Int] {
        treeChildren(v, ["prep"]).filter { lowerWord($0) == "against" }.flatMap { treeChildren($0, ["pobj"]) }
            .flatMap { relationEntities(ofPhrase: $0) }.filter { canHoldStance($0) }
    }

    /// "A militia allied with the police", "the Front is linked to the Kestrel Front", "the Front, which is loyal
    /// to Y"; "Y-linked X", "the Y-affiliated X": the hyphened name is the other side.
    func alliance(_ a: Int, _ p: TriplePredicate) {
        var others = treeChildren(a, ["prep"]).filter { ["with", "to"].contains(lowerWord($0)) }.flatMap { treeChildren($0, ["pobj"]) }
        others += hyphenedNames(a)
        let objects = others.flatMap { relationEntities(ofPhrase: $0) }.filter { canHoldStance($0) }
        addRelation(describedEntities(a).filter { canHoldStance($0) }, p, objects, evidence: [a] + others, factor: 0.9, negated: isNegated(a))
    }

    /// "the Front, backed by the Northern Legion", "the Varn-backed Front": the one backed is allied with its backer.
    func backing(_ a: Int) {
        guard parseTag(a) == "VBN" else { return }
        var backers = treeChildren(a, ["agent"]).flatMap { treeChildren($0, ["pobj"]) }
        backers += hyphenedNames(a)
        let objects = backers.flatMap { relationEntities(ofPhrase: $0) }.filter { canHoldStance($0) }
        guard !objects.isEmpty, ["acl", "amod"].contains(label(a)) || !treeChildren(a, ["nsubjpass"]).isEmpty else { return }
        addRelation(describedEntities(a).filter { canHoldStance($0) }, .alliedWith, objects, evidence: [a] + backers, factor: 0.85, negated: isNegated(a))
    }

    /// The name joined to a participle by a hyphen: "Varn-backed" → Varn.
    func hyphenedNames(_ a: Int) -> [Int] {
        treeChildren(a, ["npadvmod", "compound", "nmod"]).filter { $0 < a && mention(atParse: $0) != nil && treeChildren(a, ["punct"]).contains { lowerWord($0) == "-" } }
    }

    /// "The Front previously fought alongside the police and the Northern Legion".
    func alongside(_ prep: Int) {
        guard let v = treeHead(prep), isVerb(v) else { return }
        let objects = treeChildren(prep, ["pobj"]).flatMap { relationEntities(ofPhrase: $0) }.filter { canHoldStance($0) }
        addRelation(stanceSubjects(of: v), .alliedWith, objects, evidence: [v, prep], factor: 0.9, negated: isNegated(v))
    }

    /// "The Front operates in coordination with the Kestrel Front".
    func coordination(_ n: Int) {
        guard label(n) == "pobj", let inPrep = treeHead(n), lowerWord(inPrep) == "in", let v = treeHead(inPrep), isVerb(v) else { return }
        let others = treeChildren(n, ["prep"]).filter { lowerWord($0) == "with" }.flatMap { treeChildren($0, ["pobj"]) }
        let objects = others.flatMap { relationEntities(ofPhrase: $0) }.filter { canHoldStance($0) }
        addRelation(stanceSubjects(of: v), .alliedWith, objects, evidence: [v, n] + others, factor: 0.9, negated: isNegated(v))
    }
}
