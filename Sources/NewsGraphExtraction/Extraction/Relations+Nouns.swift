import NewsGraphCore

/// Relations stated by a relational noun and the two phrases it links in the dependency parse: a role
/// ("Tomas Brell, spokesperson for the Eskar Council"), a sub-unit ("the Iron Brigade, the group's media
/// wing"), a partner ("a key Varn partner") or a rival ("a rival of the Kestrel Front"). The noun's holder
/// is the phrase it describes (apposition, name compound, copula subject); its owner the phrase it is
/// "of" (preposition, possessor, named modifier). The words are `role` and `relation-word` records.
extension Document {
    /// Every relational noun of the sentence with its holder and owner.
    func findNounRelations() {
        for r in sentenceParseTokens() {
            if let role = roleNoun(r) {
                personRole(r, role)
            } else if isRelationWord(r, .subUnitNoun) {
                let owners = nounOwners(r).filter { Document.subUnitTypes.contains(entities[$0].type) }
                let holders = nounHolders(r).filter { Document.subUnitTypes.contains(entities[$0].type) }
                addRelation(holders, .partOf, owners, evidence: [r] + nounPhraseHeads(r))
            } else if isRelationWord(r, .partnerNoun) || isRelationWord(r, .rivalNoun) {
                let p: TriplePredicate = isRelationWord(r, .partnerNoun) ? .alliedWith : .opposed
                let owners = nounOwners(r).filter { canHoldStance($0) }
                let holders = nounHolders(r).filter { canHoldStance($0) }
                addRelation(holders, p, owners, evidence: [r] + nounPhraseHeads(r), factor: 0.9)
            }
        }
    }

    /// Whether an entity can be allied with or opposed to another: an actor or a country, not a facility or a town.
    func canHoldStance(_ e: Int) -> Bool {
        Document.orgTypes.contains(entities[e].type) || entities[e].type == .person || isCountry(e)
    }

    /// "Tomas Brell, spokesperson for the Eskar Council", "Kestrel Front spokesman Adam Kessel", "the governor
    /// of Eskar province, Omar Halane": a person holds the role in an organisation (a leader also of a place:
    /// a president, a governor).
    func personRole(_ r: Int, _ role: TriplePredicate) {
        let holders = nounHolders(r).filter { entities[$0].type == .person }
        guard !holders.isEmpty else { return }
        let placeLeader = role == .leaderOf && isRelationWord(r, .placeHead)
        let owners = nounOwners(r).filter { Document.orgTypes.contains(entities[$0].type) || (placeLeader && entities[$0].type == .place) }
        for h in holders {
            // a name the mention finder ran together with the role ("Army Chief of Staff X") owns nothing
            let inside = owners.filter { o in !Names.normalize(entities[o].name).contains(Names.normalize(entities[h].name)) }
            addRelation([h], role, inside, evidence: [r] + nounPhraseHeads(r))
        }
    }

    // MARK: holders

    /// The entities a relational noun describes: by apposition, as the name it premodifies, as a copula's
    /// complement, or as the person set beside its owner.
    func nounHolders(_ r: Int) -> [Int] {
        var out = holderByApposition(r)
        if out.isEmpty { out = holderByNameCompound(r) }
        if out.isEmpty { out = holderByCopula(r) }
        if out.isEmpty { out = holderBesideOwner(r) }
        return out
    }

    /// "Lena Dorsk, a senior commander of the Front" (the noun is the apposition) and "the group's media
    /// wing, the Iron Brigade" (the name is the noun's apposition).
    func holderByApposition(_ r: Int) -> [Int] {
        if label(r) == "appos", let h = treeHead(r) {
            let named = namedEntities(ofPhrase: h)
            if !named.isEmpty { return named }
        }
        return treeChildren(r, ["appos"]).flatMap { namedEntities(ofPhrase: $0) }
    }

    /// "Kestrel Front spokesperson Adam Kessel", "Hamas ally Hezbollah": the noun premodifies a name.
    func holderByNameCompound(_ r: Int) -> [Int] {
        // (the noun may lie inside a person's mention, as a title the name dropped: "Supreme Leader Omar Halane")
        guard ["compound", "nmod"].contains(label(r)), let h = treeHead(r), h > r, let m = mention(atParse: h) else { return [] }
        // the name is the person named right after the role: "US President A and Russian President B" (B's role
        // hung on A's name) gives A, not B
        var q = r + 1
        while q < h, mention(atParse: q) == nil, ["compound", "nmod", "amod"].contains(label(q)) { q += 1 }
        guard let named = mention(atParse: q), entities[named.entity].type == .person || named.entity == m.entity else { return [] }
        return entities[named.entity].generic ? [] : [named.entity]
    }

    /// "Adam Kessel is a commander of the Front", "the Front has been a key partner of Varn": the copula's subject.
    func holderByCopula(_ r: Int) -> [Int] {
        if label(r) == "attr", let v = treeHead(r), let s = treeChildren(v, ["nsubj"]).last { return relationEntities(ofPhrase: s) }
        // "the Front serves as the armed wing of Y"
        if label(r) == "pobj", let prep = treeHead(r), lowerWord(prep) == "as", let v = treeHead(prep), isVerb(v), let s = actingSubject(of: v) {
            return relationEntities(ofPhrase: s)
        }
        return []
    }

    /// "the governor of Eskar province, Omar Halane": the parser hangs the person's name on the owner; a person
    /// in apposition to a place or a body is the role's holder.
    func holderBesideOwner(_ r: Int) -> [Int] {
        var out: [Int] = []
        for o in relationPrepositionObjects(of: r, .ownerPreposition) {
            for a in treeChildren(o, ["appos"]) {
                if let m = mention(atParse: a), entities[m.entity].type == .person { out.append(m.entity) }
            }
        }
        return out
    }

    // MARK: owners

    /// The entities a relational noun is "of": preposition, possessor, named premodifier.
    func nounOwners(_ r: Int) -> [Int] {
        var out: [Int] = []
        for e in ownerByPreposition(r) + ownerByPossessor(r) + ownerByModifier(r) where !out.contains(e) { out.append(e) }
        return out
    }

    /// "spokesperson for the Eskar Council", "a researcher at the Peace Institute", "an affiliate of the Front";
    /// "in" only for a body ("the largest faction in the Front"), never a place ("a spokesman in Tolvi").
    func ownerByPreposition(_ r: Int) -> [Int] {
        var out: [Int] = []
        for prep in treeChildren(r, ["prep"]) where isRelationWord(prep, .ownerPreposition) {
            let inside = ["in", "within"].contains(lowerWord(prep))
            for o in treeChildren(prep, ["pobj"]) {
                out += relationEntities(ofPhrase: o).filter { !inside || entities[$0].type != .place }
            }
        }
        return out
    }

    /// "the Kestrel Front's spokesman", "Eskar's Supreme Leader Omar Halane" (the possessor of the name the noun premodifies).
    func ownerByPossessor(_ r: Int) -> [Int] {
        var poss = treeChildren(r, ["poss"])
        if ["compound", "nmod"].contains(label(r)), let h = treeHead(r), h > r, mention(atParse: h) != nil { poss += treeChildren(h, ["poss"]) }
        var out: [Int] = []
        for p in poss where !lexicon.argumentWords.contains(lowerWord(p), as: .possessivePronoun) {
            // "the Front, whose leader, Omar Halane, …": the relative possessor is the noun the clause modifies
            if lexicon.argumentWords.contains(lowerWord(p), as: .relativePronoun) {
                if let clause = ([r] + (syntax?.ancestors(of: r) ?? [])).first(where: { label($0) == "relcl" }), let n = treeHead(clause) {
                    out += relationEntities(ofPhrase: n)
                }
                continue
            }
            out += relationEntities(ofPhrase: p)
        }
        return out
    }

    /// "a Fano spokesperson", "Fourth Army Region commander X", "a key Varn partner": a name premodifying the
    /// noun, or premodifying the name the noun premodifies ("Kestrel Front spokesperson Adam Kessel").
    func ownerByModifier(_ r: Int) -> [Int] {
        var mods = treeChildren(r, ["compound", "nmod", "amod"])
        if ["compound", "nmod"].contains(label(r)), let h = treeHead(r), h > r, let held = mention(atParse: h) {
            mods += treeChildren(h, ["compound", "nmod", "amod"]).filter { $0 < r && mention(atParse: $0).map { $0.entity != held.entity } ?? false }
        }
        var out: [Int] = []
        for c in mods {
            guard let m = mention(atParse: c), !entities[m.entity].generic, !out.contains(m.entity) else { continue }
            if mention(atParse: r).map({ $0.entity == m.entity }) ?? false { continue }
            out.append(m.entity)
        }
        return out
    }

    /// The heads of the phrases a relational noun links (for the evidence span).
    func nounPhraseHeads(_ r: Int) -> [Int] {
        var out: [Int] = []
        if let h = treeHead(r) { out.append(h) }
        out += treeChildren(r, ["appos", "poss", "compound", "nmod", "amod"])
        for prep in treeChildren(r, ["prep"]) { out += treeChildren(prep, ["pobj"]) }
        return out
    }
}
