import NewsGraphCore

/// Entity–entity triples of a sentence. The parse rules read roles, sub-units, partners and rivals from
/// relational nouns (Relations+Nouns.swift) and stances from verbs, adjectives and nouns (Relations+Stance.swift);
/// containment by place nouns and "located in" (Relations+Containment.swift); other containment
/// (Relations+Places.swift) and the relation phrases of the `relation` records
/// (Relations+Phrases.swift) are still read over the token sequence.
extension Document {
    static let aKeys: KeySet = KeySet(["a", "an", "the"].map(k))
    static let orgTypes: EntityTypes = [.group, .unit, .organization]
    static let subUnitTypes: EntityTypes = [.group, .unit, .organization]

    func type(_ m: Mention) -> EntityType { entities[m.entity].type }

    func findRelations() {
        let known = tripleOrder.count
        defer { dropMembershipsOfOfficeHolders(since: known) }
        for (idx, m) in mentions.enumerated() {
            subUnitOfBody(idx, m)
            possessedBody(idx, m)
            placeChain(idx, m)
            placeApposition(idx, m)
            relationPhrase(idx, m)
        }
        for (idx, m) in mentions.enumerated() {
            containerPhrase(idx, m)
            possessiveContainer(m)
            subUnitApposition(m)
        }
        findBasedOrgs()
        findRelativeRelations()
        findMoreActorRelations()
        findFramedRelations()
        findNounRelations()
        findStanceRelations()
        findParsedContainment()
        findAffiliationRelations()
    }

    /// "The Front, whose leader, former police officer Omar Halane, …": a person who leads a body or speaks for
    /// it is not also listed as its member (the role says more). Run over the triples the sentence added.
    func dropMembershipsOfOfficeHolders(since first: Int) {
        guard first < tripleOrder.count else { return }
        for i in first..<tripleOrder.count {
            let t = tripleOrder[i]
            guard triples[t] != nil, [.memberOf, .leaderOf, .spokespersonOf].contains(t.predicate), t.subject < triplesBySubject.count else { continue }
            let members = triplesBySubject[t.subject].filter { j in
                let m = tripleOrder[j]
                return m.predicate == .memberOf && m.object == t.object && triples[m] != nil
            }
            let office = t.predicate != .memberOf || hasTriple(subject: t.subject, where: { [.leaderOf, .spokespersonOf].contains($0.predicate) && $0.object == t.object && triples[$0] != nil })
            guard office else { continue }
            for j in members {
                triples[tripleOrder[j]] = nil
            }
            triplesBySubject[t.subject].removeAll { members.contains($0) }
        }
    }

    /// Whether the entity's name ends in a sub-unit head word (Brigade, Squad, Wing, Front …), or is a formation
    /// named by its number ("Brigade 8", "Battalion 12").
    func suffixHeadOfEntity(_ e: Int) -> Bool {
        let words = entities[e].name.split(separator: " ")
        if words.count == 2, words[1].allSatisfy(\.isNumber), lexicon.relationWords.contains(words[0].lowercased(), as: .formationNoun) { return true }
        let toks = Tokenizer.tokenize(Array(entities[e].name.utf8))
        guard toks.count >= 2 else { return false }
        for s in 1..<toks.count {
            if let h = lexicon.heads.match(toks, at: s, limit: toks.count), s + h.length == toks.count { return true }
        }
        return false
    }
    func mention(at i: Int) -> Mention? { mentions.first { $0.tokens.lowerBound == i } }

    /// "ISWAP, which is affiliated with the Islamic State": a body named after the one it is allied with is its branch.
    func relationPredicate(_ p: TriplePredicate, _ s: Int, _ o: Int) -> TriplePredicate {
        guard p == .alliedWith, Document.subUnitTypes.contains(entities[s].type), Document.subUnitTypes.contains(entities[o].type) else { return p }
        let sn = " " + Names.normalize(entities[s].name) + " ", on = Names.normalize(entities[o].name)
        return on.count >= 3 && sn.contains(" " + on + " ") && sn.count > on.count + 2 ? .partOf : p
    }

    /// A role noun (with up to three lower-case premodifiers) ending right before token `end`, searched from `from`.
    func roleEnding(at end: Int, from: Int) -> (start: Int, value: TriplePredicate)? {
        for s in from..<end {
            if let role = lexicon.roles.match(tokens, at: s, limit: end), s + role.length == end { return (s, role.value) }
        }
        return nil
    }

    /// The body a possessive pronoun at `i` refers to: the last body mentioned before it in the sentence, or the one
    /// it is a complement of ("the Committee of the Party … and signed by its spokesperson" → the Committee).
    func owningBody(before i: Int) -> Int? {
        let r = sentenceRange
        guard let idx = mentions.lastIndex(where: { $0.tokens.upperBound <= i && Document.orgTypes.contains(type($0)) }) else { return nil }
        var o = mentions[idx]
        var s = o.tokens.lowerBound - 1
        if s > r.lowerBound, key(s) == w.theKey { s -= 1 }
        if s > r.lowerBound, key(s) == w.ofKey, let outer = mentions.last(where: { $0.tokens.upperBound == s }), Document.orgTypes.contains(type(outer)) { o = outer }
        // "The KIA, the armed wing of the KIO, said its …": the body inside an apposition is not the subject
        else if let c = (max(r.lowerBound, o.tokens.lowerBound - 8)..<o.tokens.lowerBound).last(where: { key($0) == w.comma }),
                c + 1 < o.tokens.lowerBound, Document.aKeys.contains(key(c + 1)), ((c + 1)..<o.tokens.lowerBound).allSatisfy({ tokens[$0].kind == .word }),
                o.tokens.upperBound < i, key(o.tokens.upperBound) == w.comma,
                let head = mentions.last(where: { $0.tokens.upperBound == c }), Document.orgTypes.contains(type(head)) { o = head }
        return o.entity
    }
}

extension Lexicon {
    /// Index of a known entity by name or alias.
    func entityIndex(named name: String) -> Int? {
        let toks = Tokenizer.tokenize(Array(name.utf8))
        if let m = entityPhrases.match(toks, at: 0, limit: toks.count), m.length == toks.count { return m.value.entity }
        return nil
    }

    /// The trigger record of a whole phrase ("operation"), with its CAMEO and ACLED codes.
    func trigger(named phrase: String) -> TriggerInfo? {
        let toks = Tokenizer.tokenize(Array(phrase.utf8))
        if let m = triggers.match(toks, at: 0, limit: toks.count), m.length == toks.count { return m.value }
        return nil
    }
}
