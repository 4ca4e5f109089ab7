import NewsGraphCore

/// Casualty figures read from the parse: a count, the noun it counts, and the word that says those people died
/// or were hurt — however far apart the words are ("At least five army personnel, including an officer, were
/// killed"). Each rule is one construction; the figure goes to the event the sentence tells, or, in a sentence
/// that tells none, to the incident the article is telling.
extension Document {
    /// The casualty a counted noun is in: killed or injured.
    enum CasualtyKind { case killed, injured }

    /// Reads every count of the current sentence through the rules below; returns the document tokens of the
    /// counts it assigned (the window reader leaves them alone).
    func findCasualtiesInTree(outside claims: [ClosedRange<Int>]) -> Set<Int> {
        guard let sp = sentenceParse(), !events.isEmpty else { return [] }
        var read: Set<Int> = []
        for p in sp.tokens where parseTag(p) == "CD" && !claims.contains(where: { $0.contains(p) }) {
            guard let d = documentToken(ofParse: p), let n = number(at: d, limit: sentenceRange.upperBound) else { continue }
            // "nine people, including four soldiers, were killed": the part is not the total
            if d > sentenceRange.lowerBound, ew.partWords.contains(key(d - 1)) { continue }
            if d + n.length < sentenceRange.upperBound, lexicon.measures.contains(key(d + n.length)) { continue }
            let counted = label(p) == "nummod" ? (treeHead(p) ?? p) : p
            // "three women and four children": the second count is summed into the first
            if label(counted) == "conj", let h = treeHead(counted), countOf(h) != nil { read.insert(d); continue }
            guard let (kind, verb) = casualty(ofCounted: counted) else { continue }
            if statistic(near: d) { continue }
            let strength = quoted(d) ? 1 : sentenceHedge < 1 ? 2 : 3
            guard let chosen = casualtyEvent(verb: verb, near: d) else { continue }
            let e = incidentTheyDiedIn(counted, chosen)
            dateDeaths(verb: verb, of: e)
            let total = n.value + countedConjuncts(of: counted)
            switch kind {
            case .killed: give(killed: total, to: e, strength: strength)
            case .injured: give(injured: total, to: e, strength: strength)
            }
            read.insert(d)
        }
        findSingleVictims(outside: claims)
        return read
    }

    /// "ISWAP attacked a base on Monday. … According to the army, 40 ISWAP fighters were killed": the dead are
    /// members of a body ("ISWAP fighters", "fighters of the Front") that carried out the incident the toll would
    /// go to; they died in the incident where that body was fought — the one told last whose agent is another
    /// actor and whose target is that body, or a clash, operation or strike by another actor.
    func incidentTheyDiedIn(_ counted: Int, _ e: Int) -> Int {
        let bodies = Set((treeChildren(counted, ["compound"]) + prepositionObjects(of: counted, .bodyPreposition))
            .flatMap { namedEntities(ofPhrase: $0) }.filter { Document.orgTypes.contains(entities[$0].type) })
        guard !bodies.isEmpty, !bodies.isDisjoint(with: events[e].agent) else { return e }
        let fought = events.indices.filter { i in
            i != e && !events[i].dropped && Document.violentTypes.contains(events[i].type) && !events[i].agent.isEmpty
                && bodies.isDisjoint(with: events[i].agent)
                && (!bodies.isDisjoint(with: events[i].target) || [.clash, .operation, .bombing].contains(events[i].type))
        }
        return fought.max { events[$0].lastSeen < events[$1].lastSeen } ?? e
    }

    /// The count a noun carries ("four children" → 4), if any.
    func countOf(_ noun: Int) -> Int? {
        for c in treeChildren(noun, ["nummod"]) {
            if let d = documentToken(ofParse: c), let n = number(at: d, limit: sentenceRange.upperBound) { return n.value }
        }
        return nil
    }

    /// "killed three women and four children", "two women and a child": the counts of the nouns coordinated with a
    /// counted noun, summed (the parts of one toll, as the corpus conventions sum separate counts); "a child" is one.
    func countedConjuncts(of noun: Int) -> Int {
        treeChildren(noun, ["conj"]).reduce(0) { sum, c in
            sum + ((countOf(c) ?? (isOneCountedVictim(c) ? 1 : nil)).map { $0 + countedConjuncts(of: c) } ?? 0)
        }
    }

    /// "an air strike killed a local commander", "another operative was killed in a clash", "a senior officer was
    /// shot dead": one victim named by a singular noun is a toll of one — the weakest evidence, which any stated
    /// count replaces.
    func findSingleVictims(outside claims: [ClosedRange<Int>]) {
        // ("a senior officer was shot dead": the verb's predicate adjective says the killing)
        for v in sentenceParseTokens() where parseTag(v).hasPrefix("VB") && !claims.contains(where: { $0.contains(v) })
            && (casualtyWord(v) == .killed || treeChildren(v, ["oprd"]).contains { casualtyWord($0) == .killed }) {
            let victims = treeChildren(v, ["dobj", "nsubjpass"]).filter { isOneCountedVictim($0) }
            guard !victims.isEmpty, let d = documentToken(ofParse: v), let e = casualtyEvent(verb: v, near: d), events[e].killed == nil else { continue }
            give(killed: 1, to: e, strength: 0)
        }
    }

    /// "a local commander", "another operative": a singular common noun with an indefinite determiner, one victim.
    func isOneCountedVictim(_ n: Int) -> Bool {
        parseTag(n) == "NN" && treeChildren(n, ["det"]).contains { Document.determinersIndefinite.contains(wordKey($0)) }
            && !ew.quantityNouns.contains(wordKey(n)) && treeChildren(n, ["conj", "nummod"]).isEmpty
    }

    /// Which casualty the counted noun `n` is in, and the word that says so, by the first rule that applies.
    func casualty(ofCounted n: Int) -> (CasualtyKind, Int)? {
        countedDeaths(n) ?? passiveVictims(n) ?? objectVictims(n) ?? victimsOfDeathNoun(n) ?? subjectWhoDied(n) ?? countLeftDead(n)
    }

    /// "the attack claimed 43 lives", "12 deaths were reported": the counted noun is itself a noun of death.
    func countedDeaths(_ n: Int) -> (CasualtyKind, Int)? {
        ew.deathNouns.contains(wordKey(n)) ? (.killed, n) : nil
    }

    /// "At least 13 members of the security forces were killed", "13 workers were kidnapped and murdered".
    func passiveVictims(_ n: Int) -> (CasualtyKind, Int)? {
        guard label(n) == "nsubjpass", let v = treeHead(n) else { return nil }
        for verb in [v] + treeChildren(v, ["conj"]) {
            if let kind = casualtyWord(verb) { return (kind, verb) }
        }
        return nil
    }

    /// "gunmen killed 19 people", "… killing nine officers", "wounding 12".
    func objectVictims(_ n: Int) -> (CasualtyKind, Int)? {
        guard label(n) == "dobj", let v = treeHead(n), isVerb(v), let kind = casualtyWord(v) else { return nil }
        return (kind, v)
    }

    /// "the deaths of 44 civilians", "the killing of about 30 civilians", "the elimination of 27 Maoists".
    func victimsOfDeathNoun(_ n: Int) -> (CasualtyKind, Int)? {
        guard label(n) == "pobj", let of = treeHead(n), lowerWord(of) == "of", let noun = treeHead(of) else { return nil }
        if ew.deathNouns.contains(wordKey(noun)) { return (.killed, noun) }
        if ew.injureWords.contains(wordKey(noun)) { return (.injured, noun) }
        return nil
    }

    /// "Three soldiers died in the blast", "two people were wounded" (an adjectival participle).
    func subjectWhoDied(_ n: Int) -> (CasualtyKind, Int)? {
        guard label(n) == "nsubj", let v = treeHead(n), let kind = casualtyWord(v) else { return nil }
        return (kind, v)
    }

    /// "fighting that left at least 30 combatants dead", "a blast leaves nine dead".
    func countLeftDead(_ n: Int) -> (CasualtyKind, Int)? {
        let candidates = [n] + (treeHead(n).map { [$0] } ?? [])
        for h in candidates {
            for c in treeChildren(h, ["amod", "oprd", "acomp", "xcomp", "ccomp"]) where c != n {
                if let kind = casualtyWord(c) { return (kind, c) }
            }
        }
        return nil
    }

    /// Killed or injured, for a word that says so ("killed", "dead", "wounded").
    func casualtyWord(_ p: Int) -> CasualtyKind? {
        let k = wordKey(p)
        if ew.killWords.contains(k) || ew.deathNouns.contains(k) { return .killed }
        if ew.injureWords.contains(k) { return .injured }
        return nil
    }

    /// The token key of parse token `p`'s word.
    func wordKey(_ p: Int) -> UInt64 {
        documentToken(ofParse: p).map { key($0) } ?? 0
    }

    /// The event a figure belongs to: the event the casualty word itself names ("were murdered"), else the
    /// violent event the sentence mentions nearest to the figure, else the incident the article is telling.
    func casualtyEvent(verb: Int, near d: Int) -> Int? {
        if let e = violentEvent(atParse: verb) { return e }
        return eventDescribedBy(clause: verb) ?? nearestEvent(d) ?? incidentInFocus()
    }

    /// The violent event whose trigger covers parse token `p`, if any.
    func violentEvent(atParse p: Int) -> Int? {
        guard let pd = documentToken(ofParse: p), let m = eventMentions.first(where: { $0.tokens.contains(pd) }),
              Document.violentTypes.contains(events[m.event].type) else { return nil }
        return m.event
    }

    /// "an attack on a defence company that killed five people": a relative or participle clause of death belongs to
    /// the event noun its noun phrase hangs from, however the parser attached the clause inside that phrase.
    func eventDescribedBy(clause v: Int) -> Int? {
        guard ["relcl", "acl"].contains(label(v)) else { return nil }
        var a = v
        for _ in 0..<6 {
            guard ["relcl", "acl", "pobj", "prep", "appos", "compound", "amod"].contains(label(a)), let h = treeHead(a), h != a else { return nil }
            if let e = violentEvent(atParse: h) { return e }
            a = h
        }
        return nil
    }

    /// The incident the article is telling when a sentence names none ("At least 28 gang members were killed."
    /// after the lead's attack): the violent event mentioned last, in this sentence or one of the two before.
    func incidentInFocus() -> Int? {
        guard let e = events.indices.filter({ !events[$0].dropped && Document.violentTypes.contains(events[$0].type) }).max(by: { events[$0].lastSeen < events[$1].lastSeen }),
              let last = events[e].mentions.map(\.sentence).max(), sentenceIndex - last <= 2 else { return nil }
        return e
    }

    /// Gives a death toll to event `e`: a stronger source wins; of equal ones, the larger figure.
    func give(killed v: Int, to e: Int, strength: Int) {
        if strength > events[e].killedStrength || (strength == events[e].killedStrength && strength < 4 && v > (events[e].killed ?? -1)) {
            events[e].killed = v
            events[e].killedStrength = strength
        }
    }

    /// Gives a count of injured to event `e`, as `give(killed:to:strength:)`.
    func give(injured v: Int, to e: Int, strength: Int) {
        if strength > events[e].injuredStrength || (strength == events[e].injuredStrength && v > (events[e].injured ?? -1)) {
            events[e].injured = v
            events[e].injuredStrength = strength
        }
    }
}
