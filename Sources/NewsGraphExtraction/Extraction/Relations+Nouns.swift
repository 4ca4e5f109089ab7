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
            if let m = mention(atParse: r), entities[m.entity].type == .person, !m.anaphoric,
               treeHead(r).map({ mention(atParse: $0)?.entity != m.entity }) ?? true {
                personOfBody(r, m.entity)
            }
            if isRelationWord(r, .leadershipParticiple) { bodyLedBy(r) }
            if let role = roleNoun(r) {
                personRole(r, role)
            } else if isRelationWord(r, .subUnitNoun) || isSplinterNoun(r) {
                let owners = subUnitOwners(r)
                let holders = nounHolders(r).filter { Document.subUnitTypes.contains(entities[$0].type) }
                addRelation(holders, .partOf, owners, evidence: [r] + nounPhraseHeads(r))
            } else if isRelationWord(r, .partnerNoun) || isRelationWord(r, .rivalNoun) {
                let p: TriplePredicate = isRelationWord(r, .partnerNoun) ? .alliedWith : .opposed
                let owners = nounOwners(r).filter { canHoldStance($0) }
                let holders = nounHolders(r).filter { canHoldStance($0) }
                addRelation(holders, p, owners, evidence: [r] + nounPhraseHeads(r), factor: 0.9)
                namesAroundRelationNoun(r, p)
            }
        }
    }

    /// "A meeting of the Eskar Council chaired by Prime Minister Omar Halane", "the Front, headed by Idris Malo": the
    /// person a participle's by-phrase names leads the body the participle describes (not "an attack led by the Front").
    func bodyLedBy(_ a: Int) {
        // (the tagger may read the participle as a past tense: its by-phrase tells)
        guard ["VBN", "VBD"].contains(parseTag(a)), ["acl", "relcl"].contains(label(a)), let n = treeHead(a) else { return }
        let leaders = treeChildren(a, ["agent"]).flatMap { treeChildren($0, ["pobj"]) }.flatMap { relationEntities(ofPhrase: $0) }
            .filter { entities[$0].type == .person }
        guard !leaders.isEmpty else { return }
        var bodies = relationEntities(ofPhrase: n)
        // "a meeting of the Council chaired by X": the body whose sitting is chaired
        if bodies.isEmpty, mention(atParse: n) == nil {
            // (the parser may hang the "of" on an adverb: "a meeting here of the Council")
            let preps = treeChildren(n, ["prep"]) + treeChildren(n, ["advmod"]).flatMap { treeChildren($0, ["prep"]) }
            bodies = preps.filter { lowerWord($0) == "of" }.flatMap { treeChildren($0, ["pobj"]) }.flatMap { relationEntities(ofPhrase: $0) }
        }
        bodies = bodies.filter { Document.orgTypes.contains(entities[$0].type) }
        addRelation(leaders, .leaderOf, bodies, evidence: [a] + treeChildren(a, ["agent"]), factor: 0.85)
    }

    /// "Olem and Kestrel Front ally the Iron Brigade exchanged fire", "Varn rival Eskar": a singular partner or
    /// rival noun between two names (the parser often hangs the pair elsewhere) makes the name after it the holder
    /// and the name before it the owner.
    func namesAroundRelationNoun(_ r: Int, _ p: TriplePredicate) {
        guard parseTag(r) == "NN", let d = documentToken(ofParse: r), d > sentenceRange.lowerBound,
              let before = mentions.last(where: { $0.tokens.upperBound == d }),
              let after = mentions.first(where: { $0.tokens.lowerBound == d + 1 || ($0.tokens.lowerBound == d + 2 && key(d + 1) == w.theKey) }),
              before.entity != after.entity, !entities[before.entity].generic, !entities[after.entity].generic,
              canHoldStance(before.entity), canHoldStance(after.entity) else { return }
        addTriple(after.entity, p, before.entity, bytes: before.bytes.lowerBound..<after.bytes.upperBound, confidence: 0.8 * sentenceHedge * 0.85)
    }

    /// "the Eskar Cartel, a dissident group of the Front", "a splinter faction of the Front": a body noun whose
    /// modifier says it broke away from another is a sub-unit noun.
    func isSplinterNoun(_ r: Int) -> Bool {
        treeChildren(r, ["amod", "compound"]).contains { isRelationWord($0, .splinterModifier) }
    }

    /// The bodies a sub-unit noun belongs to. "The military's media wing": a force named only by description
    /// ("the military", "the army") is left out, as an article names several forces such words could mean.
    func subUnitOwners(_ r: Int) -> [Int] {
        let described = Set(treeChildren(r, ["poss"]).compactMap { p in mention(atParse: p).flatMap { $0.anaphoric && entities[$0.entity].type == .unit ? $0.entity : nil } })
        return nounOwners(r).filter { Document.subUnitTypes.contains(entities[$0].type) && !described.contains($0) }
    }

    /// "Inspector Halim Dorr of the Eskar State Police told …", "Spokesman Arun Vell of the Front": a person
    /// "of" a body is its member, or holds the role a title before the name states.
    func personOfBody(_ p: Int, _ person: Int) {
        let bodies = ofObjects(of: p).flatMap { relationEntities(ofPhrase: $0) }.filter { Document.orgTypes.contains(entities[$0].type) }
        let role = treeChildren(p, ["compound", "nmod"]).compactMap { roleNoun($0) }.first ?? .memberOf
        for b in bodies where !hasTriple(subject: person, where: { [.memberOf, .leaderOf, .spokespersonOf].contains($0.predicate) && $0.object == b }) {
            addRelation([person], role, [b], evidence: [p], factor: 0.7)
        }
    }

    /// Whether an entity can be allied with or opposed to another: an actor or a country, not a facility or a town.
    func canHoldStance(_ e: Int) -> Bool {
        Document.orgTypes.contains(entities[e].type) || entities[e].type == .person || isCountry(e)
    }

    /// "Tomas Brell, spokesperson for the Eskar Council", "Kestrel Front spokesman Adam Kessel", "the governor
    /// of Eskar province, Omar Halane": a person holds the role in an organisation (a leader also of a place:
    /// a president, a governor).
    func personRole(_ r: Int, _ stated: TriplePredicate) {
        let role: TriplePredicate = stated == .leaderOf && isOneOfSeveral(r) ? .memberOf : stated
        let holders = nounHolders(r).filter { entities[$0].type == .person }
        guard !holders.isEmpty, !isTitleAfterRole(r) else { return }
        let placeLeader = role == .leaderOf && isRelationWord(r, .placeHead)
        var owners = nounOwners(r, generic: true).filter { Document.orgTypes.contains(entities[$0].type) || (placeLeader && entities[$0].type == .place) }
        if owners.isEmpty, heldName(r) != nil { owners = ownerRightBefore(r) }
        let led = owners.filter { commandsUnit(r, role, $0) }
        if role == .memberOf { owners += owners.flatMap { parentBodies(of: $0) }.filter { !owners.contains($0) } }
        // (an office of state is no rank in an armed group: "Vice President X")
        if owners.isEmpty, role == .memberOf, !isRelationWord(r, .placeHead) { owners = implicitGroup(r) }
        for h in holders {
            // a name the mention finder ran together with the role ("Army Chief of Staff X") owns nothing
            let inside = owners.filter { o in !Names.normalize(entities[o].name).contains(Names.normalize(entities[h].name)) }
            addRelation([h], .leaderOf, inside.filter { led.contains($0) }, evidence: [r] + nounPhraseHeads(r))
            addRelation([h], role, inside.filter { !led.contains($0) }, evidence: [r] + nounPhraseHeads(r))
        }
    }

    /// "Idris Malo, a senior leader of the Front", "its leaders, Omar Halane and Idris Malo": a leader introduced
    /// as one of several (an indefinite or plural noun) is a member.
    func isOneOfSeveral(_ r: Int) -> Bool {
        parseTag(r) == "NNS" || treeChildren(r, ["det"]).contains { ["a", "an"].contains(lowerWord($0)) }
    }

    /// "The commander of the 12th Infantry Brigade, Colonel Adam Kessel", "Eskar Army Region commander Adam
    /// Kessel": the commander of a named state unit, not introduced as one of several ("a senior commander of
    /// …", "a local commander"), leads it.
    func commandsUnit(_ r: Int, _ role: TriplePredicate, _ owner: Int) -> Bool {
        role == .memberOf && isRelationWord(r, .commandNoun) && entities[owner].type == .unit && !entities[owner].generic
            && treeChildren(r, ["det", "amod"]).allSatisfy { lowerWord($0) == "the" }
    }

    /// "Kestrel Front spokesman Lieutenant Colonel Adam Kessel": a role word after the role of the same name is
    /// part of the person's title (a rank), not a second role.
    func isTitleAfterRole(_ r: Int) -> Bool {
        guard let h = heldName(r) else { return false }
        // (a premodifier of the role itself is part of it: "Chief Minister")
        return (max(sentenceParseTokens().lowerBound, r - 4)..<r).contains { treeHead($0) != r && heldName($0) == h && roleNoun($0) != nil }
    }

    /// "an agent for the Iron Brigade of the Kestrel Front": a member of a sub-unit is a member of the body it
    /// is part of (the part_of triples found so far).
    /// Only a body the sentence names in the sub-unit's own "of" phrase: "a commander of the Quds Force" whose
    /// article calls the force a wing of the Guard elsewhere, or in an apposition, is a member of the force.
    func parentBodies(of unit: Int) -> [Int] {
        guard unit < triplesBySubject.count else { return [] }
        return triplesBySubject[unit].map { tripleOrder[$0] }.filter { $0.predicate == .partOf }.map(\.object).filter { isNamedInOfPhrase($0, of: unit) }
    }

    /// Whether the sentence names `body` in an "of" phrase of a mention of `unit` ("the Iron Brigade of the Front").
    func isNamedInOfPhrase(_ body: Int, of unit: Int) -> Bool {
        mentions.contains { m in
            guard m.entity == body, sentenceRange.contains(m.tokens.lowerBound), let p = parseHead(of: m.tokens), label(p) == "pobj",
                  let prep = treeHead(p), lowerWord(prep) == "of", let h = treeHead(prep) else { return false }
            return mention(atParse: h)?.entity == unit
        }
    }

    /// "Kestrel Front (KF) spokesperson Adam Kessel claimed …" parsed as two subjects: the body named right
    /// before the role (an acronym in brackets between) premodifies it all the same.
    func ownerRightBefore(_ r: Int) -> [Int] {
        let first = sentenceParseTokens().lowerBound
        var q = r - 1
        while q >= first, mention(atParse: q) == nil || lowerWord(q) == ")" || isSpace(q) {
            if lowerWord(q) == ")" {
                // a bracketed acronym: back to its opening bracket
                guard let open = (max(first, q - 6)..<q).last(where: { lowerWord($0) == "(" }) else { return [] }
                q = open - 1
                continue
            }
            guard isSpace(q) || ["compound", "amod"].contains(label(q)) && treeHead(q) == r else { return [] }
            q -= 1
        }
        guard q >= sentenceParseTokens().lowerBound, let m = mention(atParse: q), Document.orgTypes.contains(entities[m.entity].type) else { return [] }
        return [m.entity]
    }

    /// "Militants raided a Kestrel Front hideout, killing a local commander, Idris Malo": a member role without
    /// an owner belongs to the last armed group the sentence named before it.
    func implicitGroup(_ r: Int) -> [Int] {
        // (a role with an owner phrase the rules could not name, "a researcher at the observatory", has none)
        guard treeChildren(r, ["prep"]).allSatisfy({ !isRelationWord($0, .ownerPreposition) }), treeChildren(r, ["poss"]).isEmpty,
              let g = mention(beforeParse: r, where: { entities[$0.entity].type == .group && !entities[$0.entity].generic }) else { return [] }
        return [g.entity]
    }

    // MARK: holders

    /// The entities a relational noun describes: by apposition, as the name it premodifies, as a copula's
    /// complement, or as the person set beside its owner.
    func nounHolders(_ r: Int) -> [Int] {
        var out = holderByApposition(r)
        if out.isEmpty { out = holderByNameCompound(r) }
        if out.isEmpty { out = holderByCopula(r) }
        if out.isEmpty { out = holderBesideOwner(r) }
        if out.isEmpty { out = holderByInclusion(r) }
        return out
    }

    /// "The Front and its allies, including the Eskar Cartel, …", "its commanders, like Omar Halane": the
    /// names a plural relational noun includes hold it.
    func holderByInclusion(_ r: Int) -> [Int] {
        treeChildren(r, ["prep"]).filter { isRelationWord($0, .inclusionPreposition) }
            .flatMap { treeChildren($0, ["pobj"]) }.flatMap { namedEntities(ofPhrase: $0) }
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
        guard let h = heldName(r), let m = mention(atParse: h) else { return [] }
        // the name is the person named right after the role: "US President A and Russian President B" (B's role
        // hung on A's name) gives A, not B
        var q = r + 1
        while q < h, mention(atParse: q) == nil, ["compound", "nmod", "amod"].contains(label(q)) { q += 1 }
        guard let named = mention(atParse: q), entities[named.entity].type == .person || named.entity == m.entity else { return [] }
        return entities[named.entity].generic ? [] : [named.entity]
    }

    /// The head of the name a relational noun premodifies, through titles the parser chained ("spokesman
    /// Lieutenant Colonel X" → X).
    func heldName(_ r: Int) -> Int? {
        // ("Eskar's deputy chief Adam Kessel": the tagger may take the role for the name's adjective)
        guard ["compound", "nmod", "amod"].contains(label(r)), var h = treeHead(r), h > r else { return nil }
        while mention(atParse: h) == nil, ["compound", "nmod"].contains(label(h)), let up = treeHead(h), up > h { h = up }
        return mention(atParse: h) == nil ? nil : h
    }

    /// "Adam Kessel is a commander of the Front", "the Front has been a key partner of Varn": the copula's subject.
    func holderByCopula(_ r: Int) -> [Int] {
        // ("X opposes Y and has long been a partner of Z": a conjoined copula shares the first verb's subject)
        if label(r) == "attr", let v = treeHead(r), let s = treeChildren(v, ["nsubj"]).last ?? (label(v) == "conj" ? actingSubject(of: v) : nil) {
            // "X, who they said was a cell leader of Y": a relative subject is the noun its clause modifies
            if lexicon.argumentWords.contains(lowerWord(s), as: .relativePronoun) {
                if let clause = ([v] + (syntax?.ancestors(of: v) ?? [])).first(where: { label($0) == "relcl" }), let n = treeHead(clause) {
                    let named = relationEntities(ofPhrase: n)
                    if !named.isEmpty { return named }
                }
                // (the parser hung the clause elsewhere: the person named right before the pronoun)
                return mention(beforeParse: s, where: { entities[$0.entity].type == .person && !isAlias($0) }).map { [$0.entity] } ?? []
            }
            return relationEntities(ofPhrase: s)
        }
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

    /// Whether a mention is a nickname introduced by "alias" ("Ramon Vidal, alias El Toro").
    func isAlias(_ m: Mention) -> Bool {
        guard let syntax, let p = syntax.token(at: scalarOffset(m.bytes.lowerBound)) else { return false }
        return ([p] + syntax.ancestors(of: p).prefix(2)).contains { isRelationWord($0, .aliasWord) }
    }

    // MARK: owners

    /// The entities a relational noun is "of": preposition, possessor, named premodifier.
    func nounOwners(_ r: Int, generic: Bool = false) -> [Int] {
        var out: [Int] = []
        let found = ownerByPreposition(r, generic: generic) + ownerByPossessor(r, generic: generic) + ownerByModifier(r, generic: generic) + ownerByCountryBody(r)
        for e in found where !out.contains(e) { out.append(e) }
        return out
    }

    /// "spokesperson for the Eskar Council", "a researcher at the Peace Institute", "an affiliate of the Front";
    /// "in" only for a body ("the largest faction in the Front"), never a place ("a spokesman in Tolvi").
    func ownerByPreposition(_ r: Int, generic: Bool) -> [Int] {
        var out: [Int] = []
        var preps = treeChildren(r, ["prep"])
        // "X was an agent for the Front": the copula carries the preposition
        if label(r) == "attr", let v = treeHead(r) { preps += treeChildren(v, ["prep"]).filter { ["of", "for"].contains(lowerWord($0)) } }
        for prep in preps where isRelationWord(prep, .ownerPreposition) {
            let inside = ["in", "within"].contains(lowerWord(prep))
            for o in treeChildren(prep, ["pobj"]) {
                out += relationEntities(ofPhrase: o, generic: generic).filter { !inside || entities[$0].type != .place }
            }
        }
        return out
    }

    /// "the Kestrel Front's spokesman", "Eskar's Supreme Leader Omar Halane" (the possessor of the name the noun premodifies).
    func ownerByPossessor(_ r: Int, generic: Bool) -> [Int] {
        var poss = treeChildren(r, ["poss"])
        if let h = heldName(r) { poss += treeChildren(h, ["poss"]) }
        var out: [Int] = []
        for p in poss {
            if lexicon.argumentWords.contains(lowerWord(p), as: .possessivePronoun) {
                // "signed by its spokesperson Halim": the body the sentence named before
                if let d = documentToken(ofParse: p), let body = owningBody(before: d) { out.append(body) }
                // "Eskar and its allies": with no body before it, the country the sentence named last
                else if let country = mention(beforeParse: p, where: { isCountry($0.entity) }) { out.append(country.entity) }
            } else if lexicon.argumentWords.contains(lowerWord(p), as: .relativePronoun) {
                out += relativePossessor(p, of: r)
            } else {
                out += relationEntities(ofPhrase: p, generic: generic)
            }
        }
        return out
    }

    /// "the Front, whose leader, Omar Halane, …": the noun the relative clause modifies, else (the parser leaving
    /// no clause) the body named right before "whose".
    func relativePossessor(_ p: Int, of r: Int) -> [Int] {
        if let clause = ([r] + (syntax?.ancestors(of: r) ?? [])).first(where: { label($0) == "relcl" }), let n = treeHead(clause) {
            return relationEntities(ofPhrase: n)
        }
        guard let m = mention(beforeParse: p, where: { Document.orgTypes.contains(entities[$0.entity].type) }) else { return [] }
        return [m.entity]
    }

    /// "a Fano spokesperson", "Fourth Army Region commander X", "a key Varn partner": a name premodifying the
    /// noun, or premodifying the name the noun premodifies ("Kestrel Front spokesperson Adam Kessel").
    func ownerByModifier(_ r: Int, generic: Bool) -> [Int] {
        var mods = treeChildren(r, ["compound", "nmod", "amod"])
        if let h = heldName(r), let held = mention(atParse: h) {
            mods += treeChildren(h, ["compound", "nmod", "amod"]).filter { $0 < r && mention(atParse: $0).map { $0.entity != held.entity } ?? false }
        }
        var out: [Int] = []
        for c in mods {
            guard let m = mention(atParse: c), generic || !entities[m.entity].generic, !out.contains(m.entity) else { continue }
            if mention(atParse: r).map({ $0.entity == m.entity }) ?? false { continue }
            out.append(m.entity)
        }
        return out
    }

    /// "Norway's foreign ministry spokesperson Ingrid Lunde": a country's lower-case body premodifying the role
    /// is an organisation of its own, named by the words from the country to the body noun.
    func ownerByCountryBody(_ r: Int) -> [Int] {
        var mods = treeChildren(r, ["compound", "nmod"])
        if let h = heldName(r) { mods += treeChildren(h, ["compound", "nmod"]).filter { $0 < r } }
        for c in mods where mention(atParse: c) == nil && isRelationWord(c, .bodyNoun) {
            // (the parser may hang the possessive on the role: "Norway's … spokesperson")
            guard let poss = treeChildren(c, ["poss"]).first ?? treeChildren(r, ["poss"]).first(where: { $0 < c }), let country = mention(atParse: poss), isCountry(country.entity),
                  let last = documentToken(ofParse: c) else { continue }
            let bytes = country.bytes.lowerBound..<Int(tokens[last].end)
            let body = entity(surface: string(bytes), type: .organization, strength: 1, bytes: bytes, confidence: 0.6)
            if entities[body].type == .organization { return [body] }
        }
        return []
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
