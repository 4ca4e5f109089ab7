import NewsGraphCore

/// Entity–entity triples stated by the sentence's grammar: roles (spokesperson, commander, chief),
/// sub-units (part_of), containment (located_in) and relation phrases (allied, rivals, accused, warned).
extension Document {
    static let comma = k(",")
    static let theKey = k("the")
    static let aKeys: KeySet = KeySet(["a", "an", "the"].map(k))
    static let soCalled: KeySet = KeySet(["so-called", "so", "called", "proscribed", "banned", "outlawed"].map(k))
    static let copula: KeySet = KeySet(["was", "is", "were", "are", "has", "had", "been", "became", "remains", "served"].map(k))
    static let orgTypes: Set<EntityType> = [.group, .unit, .organization]
    static let subUnitTypes: Set<EntityType> = [.group, .unit, .organization]

    func type(_ m: Mention) -> EntityType { entities[m.entity].type }

    func findRelations() {
        let r = sentenceRange
        let hedge = sentenceHedge
        let conf = 0.8 * hedge
        let ms = mentions
        for (idx, m) in ms.enumerated() {
            let next = idx + 1 < ms.count ? ms[idx + 1] : nil
            let after = m.tokens.upperBound
            // --- ORG ('s)? ROLE PERSON: "BLA spokesperson Jeeyan Baloch", "the group's spokesman Sarbaz"
            if Document.orgTypes.contains(type(m)) {
                var j = after
                if j < r.upperBound, key(j) == Document.possessive { j += 1 }
                var skipped = 0
                while j < r.upperBound, skipped < 3, lexicon.roles.match(tokens, at: j, limit: r.upperBound) == nil, tokens[j].kind == .word, !tokens[j].capitalized { j += 1; skipped += 1 }
                if let role = lexicon.roles.match(tokens, at: j, limit: r.upperBound) {
                    var k2 = j + role.length
                    // "the UN's humanitarian coordinator for Sudan, Clara Vinther"
                    if k2 < r.upperBound, key(k2) == Document.forKey || key(k2) == Document.inKey || key(k2) == Document.ofKey,
                       let pl = ms.first(where: { $0.tokens.lowerBound == k2 + 1 }), type(pl) == .place { k2 = pl.tokens.upperBound }
                    if k2 < r.upperBound, key(k2) == Document.comma { k2 += 1 }
                    if let p = ms.first(where: { $0.tokens.lowerBound == k2 }), type(p) == .person {
                        addTriple(p.entity, role.value, m.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
                    }
                }
            }
            // --- PERSON , (the|a)? (ORG 's)? ROLE (of|for) ORG
            if type(m) == .person, after < r.upperBound, key(after) == Document.comma {
                var j = after + 1
                if j < r.upperBound, Document.aKeys.contains(key(j)) { j += 1 }
                var owner: Mention? = nil
                if let o = ms.first(where: { $0.tokens.lowerBound <= j && $0.tokens.upperBound > j - 1 && $0.tokens.lowerBound >= after }), Document.orgTypes.contains(type(o)), o.tokens.upperBound < r.upperBound, key(o.tokens.upperBound) == Document.possessive {
                    owner = o
                    j = o.tokens.upperBound + 1
                }
                var skipped = 0
                while j < r.upperBound, skipped < 3, lexicon.roles.match(tokens, at: j, limit: r.upperBound) == nil, tokens[j].kind == .word, !tokens[j].capitalized, key(j) != Document.ofKey { j += 1; skipped += 1 }
                if let role = lexicon.roles.match(tokens, at: j, limit: r.upperBound) {
                    var k2 = j + role.length
                    if let o = owner {
                        addTriple(m.entity, role.value, o.entity, bytes: m.bytes.lowerBound..<o.bytes.upperBound, confidence: conf)
                    } else if k2 < r.upperBound, key(k2) == Document.ofKey || key(k2) == Document.forKey {
                        k2 += 1
                        if let o = ms.first(where: { $0.tokens.lowerBound >= k2 && $0.tokens.lowerBound <= k2 + 2 }), Document.orgTypes.contains(type(o)) {
                            addTriple(m.entity, role.value, o.entity, bytes: m.bytes.lowerBound..<o.bytes.upperBound, confidence: conf)
                        }
                    } else if let o = ms.first(where: { $0.tokens.lowerBound == j + role.length }), Document.orgTypes.contains(type(o)) {
                        addTriple(m.entity, role.value, o.entity, bytes: m.bytes.lowerBound..<o.bytes.upperBound, confidence: conf)
                    }
                }
                // "Nadeem Khattak, the DPO of …" handled above; "X, who heads Y": leave
            }
            // --- PERSON (was|is) a … ROLE (of|for) (the so-called)? ORG1 (of ORG2)?
            var copulaAt: Int? = nil
            if after < r.upperBound, Document.copula.contains(key(after)) { copulaAt = after }
            if copulaAt == nil, after + 1 < r.upperBound, key(after) == Document.comma || key(after) == W.who,
               let c = (after..<min(r.upperBound, after + 8)).first(where: { Document.copula.contains(key($0)) }),
               (after..<c).contains(where: { key($0) == W.who }), !ms.contains(where: { $0.tokens.lowerBound > after && $0.tokens.lowerBound < c }) {
                copulaAt = c
            }
            if type(m) == .person, let cop = copulaAt {
                var j = cop + 1
                let stop = min(r.upperBound, j + 8)
                while j < stop, lexicon.roles.match(tokens, at: j, limit: r.upperBound) == nil { j += 1 }
                if j < stop, let role = lexicon.roles.match(tokens, at: j, limit: r.upperBound) {
                    var k2 = j + role.length
                    // "agent, especially suicide bombers, for the …": skip a parenthetical
                    var hops = 0
                    while k2 < r.upperBound, hops < 6, key(k2) != Document.ofKey, key(k2) != Document.forKey { k2 += 1; hops += 1 }
                    if k2 < r.upperBound, let o = ms.first(where: { $0.tokens.lowerBound > k2 && $0.tokens.lowerBound <= k2 + 4 }), Document.orgTypes.contains(type(o)) {
                        addTriple(m.entity, role.value == .spokespersonOf ? .spokespersonOf : role.value, o.entity, bytes: m.bytes.lowerBound..<o.bytes.upperBound, confidence: conf)
                        if let o2 = ms.first(where: { $0.tokens.lowerBound > o.tokens.upperBound && $0.tokens.lowerBound <= o.tokens.upperBound + 2 }),
                           key(o.tokens.upperBound) == Document.ofKey, Document.orgTypes.contains(type(o2)) {
                            addTriple(m.entity, .memberOf, o2.entity, bytes: m.bytes.lowerBound..<o2.bytes.upperBound, confidence: conf * 0.9)
                        }
                    }
                }
            }
            // --- (a|the) ROLE , PERSON: "… raided an al-Shabaab hideout, killing a local commander, Ahmed Nur Gedi"
            if type(m) == .person, m.tokens.lowerBound >= r.lowerBound + 2, key(m.tokens.lowerBound - 1) == Document.comma,
               let role = (max(r.lowerBound, m.tokens.lowerBound - 3)..<(m.tokens.lowerBound - 1)).lazy.compactMap({ s in self.lexicon.roles.match(self.tokens, at: s, limit: m.tokens.lowerBound - 1).flatMap { s + $0.length == m.tokens.lowerBound - 1 ? $0 : nil } }).first,
               !tripleOrder.contains(where: { $0.subject == m.entity && $0.predicate == role.value }),
               let body = ms.last(where: { $0.tokens.upperBound < m.tokens.lowerBound - 1 && m.tokens.lowerBound - $0.tokens.upperBound <= 16 && [.group, .unit].contains(type($0)) }) {
                addTriple(m.entity, role.value, body.entity, bytes: body.bytes.lowerBound..<m.bytes.upperBound, confidence: conf * 0.7)
            }
            // --- ROLE of ORG named PERSON / ORG ROLE named PERSON: "a commander of the TTP named X"
            // --- ORG1 of (the)? ORG2: "Majeed Brigade of the Baloch Liberation Army"
            if let n = next, Document.subUnitTypes.contains(type(m)), Document.subUnitTypes.contains(type(n)), after < r.upperBound, key(after) == Document.ofKey,
               n.tokens.lowerBound <= after + 4, ((after + 1)..<n.tokens.lowerBound).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].capitalized }), entities[m.entity].type == .group || entities[m.entity].type == .unit || entities[m.entity].type == .organization,
               suffixHeadOfEntity(m.entity) {
                addTriple(m.entity, .partOf, n.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf)
            }
            // --- ORG2 's ORG1: "Pakistan Army's Inter-Services Public Relations", "the group's Fateh Squad"
            if let n = next, after < r.upperBound, key(after) == Document.possessive {
                let gap = (after + 1)..<max(after + 1, n.tokens.lowerBound)
                let plainGap = gap.count <= 3 && gap.allSatisfy { tokens[$0].kind == .word && !tokens[$0].capitalized || key($0) == Document.comma || key($0) == Document.theKey }
                if plainGap, Document.subUnitTypes.contains(type(m)), Document.subUnitTypes.contains(type(n)) {
                    addTriple(n.entity, .partOf, m.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf)
                } else if gap.isEmpty, type(m) == .place, type(n) == .place {
                    addTriple(n.entity, .locatedIn, m.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf)
                    // "Pakistan's Balochistan and Khyber Pakhtunkhwa regions"
                    if let n2 = ms.first(where: { $0.tokens.lowerBound == n.tokens.upperBound + 1 }), key(n.tokens.upperBound) == W.w_and, type(n2) == .place {
                        addTriple(n2.entity, .locatedIn, m.entity, bytes: m.bytes.lowerBound..<n2.bytes.upperBound, confidence: conf)
                    }
                }
            }
            // --- PLACE1 [head] (of|in) PLACE2; FACILITY … in PLACE
            if let n = next, type(n) == .place, type(m) == .place || type(m) == .facility {
                var j = after
                if type(m) == .facility, let inner = ms.first(where: { type($0) == .place && $0.tokens.lowerBound > m.tokens.lowerBound && $0.tokens.upperBound <= m.tokens.upperBound }) {
                    _ = inner
                }
                if j < r.upperBound, key(j) == W.comma { j += 1 }
                if j < r.upperBound, key(j) == Document.ofKey || key(j) == Document.inKey || (type(m) == .facility && key(j) == W.w_at) {
                    j += 1
                    if j < r.upperBound, key(j) == Document.theKey { j += 1 }
                    let possessiveNext = n.tokens.upperBound < r.upperBound && key(n.tokens.upperBound) == Document.possessive && type(m) == .place
                    if n.tokens.lowerBound == j, !possessiveNext, !(type(m) == .place && key(after) == Document.ofKey && entities[n.entity].lexiconIndex == nil && entities[m.entity].lexiconIndex != nil) {
                        addTriple(m.entity, .locatedIn, n.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf)
                    }
                } else if type(m) == .facility, j < r.upperBound {
                    // "the main camp of Pakistan military in Shah Mardan": skip an "of X" complement
                    var k2 = j
                    if key(k2) == Document.ofKey, let o = ms.first(where: { $0.tokens.lowerBound > k2 && $0.tokens.lowerBound <= k2 + 2 }) {
                        k2 = o.tokens.upperBound
                        if k2 < r.upperBound, key(k2) == Document.inKey, let p = ms.first(where: { $0.tokens.lowerBound == k2 + 1 || $0.tokens.lowerBound == k2 + 2 }), type(p) == .place {
                            addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
                        }
                    }
                }
            }
            // "in Malam Fatori, Abadam", "Suárez and Buenos Aires, Cauca": a locative list closed by its region
            if type(m) == .place, let n = next, type(n) == .place, after < r.upperBound, key(after) == Document.comma, n.tokens.lowerBound == after + 1 {
                var start = m.tokens.lowerBound
                var members = [m]
                if let prevIdx = idx > 0 ? idx - 1 : nil, type(ms[prevIdx]) == .place, ms[prevIdx].tokens.upperBound + 1 == start, key(start - 1) == W.w_and {
                    members.insert(ms[prevIdx], at: 0)
                    start = ms[prevIdx].tokens.lowerBound
                }
                let introduced = start > r.lowerBound && Document.placePreps.contains(key(start - 1))
                let closes = n.tokens.upperBound >= r.upperBound || [Document.comma, W.period, W.w_on, W.w_in, W.w_last, W.w_this, W.early, W.late].contains(key(n.tokens.upperBound))
                let notList = n.tokens.upperBound >= r.upperBound || key(n.tokens.upperBound) != W.w_and
                if introduced && closes && notList {
                    for x in members { addTriple(x.entity, .locatedIn, n.entity, bytes: x.bytes.lowerBound..<n.bytes.upperBound, confidence: conf * 0.85) }
                }
            }
            // "El Obeid, the capital of North Kordofan", "Bara, a town north of El Obeid"
            if type(m) == .place || type(m) == .facility, after + 2 < r.upperBound, key(after) == Document.comma, Document.aKeys.contains(key(after + 1)),
               let ofAt = (after + 2..<min(r.upperBound, after + 7)).first(where: { key($0) == Document.ofKey }),
               (after + 2..<ofAt).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].capitalized }),
               let p = ms.first(where: { $0.tokens.lowerBound == ofAt + 1 || ($0.tokens.lowerBound == ofAt + 2 && key(ofAt + 1) == Document.theKey) }), type(p) == .place,
               (after + 2..<ofAt).contains(where: { lexicon.heads.match(tokens, at: $0, limit: ofAt).map { $0.value.type == .place } ?? false || key($0) == W.capital }) {
                addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.9)
            }
            // "in Banmauk township in Myanmar's Sagaing Region": the region, not the country, contains the town
            if type(m) == .place, let n = next, type(n) == .place, after < r.upperBound, key(after) == Document.inKey, n.tokens.lowerBound == after + 1,
               n.tokens.upperBound + 1 < r.upperBound, key(n.tokens.upperBound) == Document.possessive,
               let n2 = ms.first(where: { $0.tokens.lowerBound == n.tokens.upperBound + 1 }), type(n2) == .place {
                addTriple(m.entity, .locatedIn, n2.entity, bytes: m.bytes.lowerBound..<n2.bytes.upperBound, confidence: conf)
            }
            // a facility named with its place ("military camp in Kalat")
            if type(m) == .facility, let p = ms.first(where: { type($0) == .place && $0.tokens.lowerBound > m.tokens.lowerBound && $0.tokens.upperBound <= m.tokens.upperBound }) {
                if !tripleOrder.contains(where: { $0.subject == m.entity && $0.predicate == .locatedIn }) {
                    addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes, confidence: conf)
                }
            }
            // "the country's Balochistan province": the country is the lexicon's parent of the place
            if type(m) == .place, m.tokens.lowerBound >= r.lowerBound + 2, key(m.tokens.lowerBound - 1) == Document.possessive,
               Document.countryWord.contains(key(m.tokens.lowerBound - 2)), let li = entities[m.entity].lexiconIndex, let parent = lexicon.entities[li].parent,
               let pl = lexicon.entity(named: parent), pl.type == .place {
                let pe = entity(surface: parent, type: .place, strength: 3, lexiconIndex: lexicon.entityIndex(named: parent), bytes: m.bytes)
                if entities[pe].forms.contains(where: { $0.lowercased() == parent.lowercased() }) {
                    addTriple(m.entity, .locatedIn, pe, bytes: m.bytes, confidence: conf * 0.9)
                }
            }
            // --- relation phrases between two actors: "X, allied with Y", "rival X and Y"
            if let n = next, Document.agentTypes.contains(type(m)), Document.agentTypes.contains(type(n)), type(m) != .place || type(n) != .place {
                let gap = after..<max(after, n.tokens.lowerBound)
                if gap.count >= 1 && gap.count <= 5 {
                    for s in gap {
                        if let rc = lexicon.relationCues.match(tokens, at: s, limit: gap.upperBound) {
                            let rest = (s + rc.length)..<max(s + rc.length, gap.upperBound)
                            if rest.allSatisfy({ Document.aKeys.contains(key($0)) || key($0) == Document.ofKey || key($0) == W.w_with }) {
                                var fact: Factuality = .asserted
                                for q in max(r.lowerBound, s - 3)..<s where lexicon.negations.contains(tokens, at: q, limit: s) { fact = .denied }
                                if rc.value == .accused || rc.value == .threatened || rc.value == .opposed || type(m) != .person {
                                    addTriple(m.entity, rc.value, n.entity, factuality: fact, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf * 0.9)
                                }
                            }
                            break
                        }
                    }
                }
            }
        }
    }

    /// Whether the entity's name ends in a sub-unit head word (Brigade, Squad, Wing, Front …).
    func suffixHeadOfEntity(_ e: Int) -> Bool {
        let toks = Tokenizer.tokenize(Array(entities[e].name.utf8))
        guard toks.count >= 2 else { return false }
        for s in 1..<toks.count {
            if let h = lexicon.heads.match(toks, at: s, limit: toks.count), s + h.length == toks.count { return true }
        }
        return false
    }

    // MARK: causal links

    /// Event–event links stated by a cue in the current sentence.
    func findCausal() {
        let r = sentenceRange
        guard eventMentions.count >= 1 else { return }
        var i = r.lowerBound
        var lastCause: (event: Int, end: Int)? = nil
        while i < r.upperBound {
            guard let cue = lexicon.cues.match(tokens, at: i, limit: r.upperBound) else { i += 1; continue }
            let cueEnd = i + cue.length
            let c = cue.value
            // a cue word inside an event or entity name is not a cue ("Operation Response")
            if mentions.contains(where: { $0.tokens.contains(i) }) { i = cueEnd; continue }
            let beforeMentions = eventMentions.filter { $0.tokens.upperBound <= i }
            let afterMentions = eventMentions.filter { $0.tokens.lowerBound >= cueEnd }
            let window = c.relation == .followed ? 4 : 10
            guard let right = afterMentions.first(where: { $0.tokens.lowerBound - cueEnd <= window }) else { i = cueEnd; continue }
            var left = beforeMentions.last?.event
            var leftIsAfter = false
            // "In response to the killing, the army launched …": the cue opens the sentence, the effect follows
            if c.order == .effectCause, i - r.lowerBound <= 2,
               let effect = afterMentions.first(where: { $0.tokens.lowerBound > right.tokens.upperBound && $0.event != right.event }) {
                left = effect.event
                leftIsAfter = true
            }
            // "… that triggered protests and led the administration to …": coordinated cues share their cause
            if c.order == .causeEffect, let lc = lastCause, i >= 1, (lc.end..<i).count <= 12,
               (max(r.lowerBound, i - 2)..<i).contains(where: { key($0) == W.w_and }) {
                left = lc.event
            }
            let anaphoricSubject = (r.lowerBound..<i).count <= 4 && (r.lowerBound..<i).contains { [W.w_this, W.w_it, W.w_that, W.w_which].contains(key($0)) }
            if left == nil, c.order == .effectCause, c.relation != .followed, anaphoricSubject {
                left = events.indices.last { !events[$0].dropped && events[$0].type != .claim && events[$0].type != .statement && $0 != right.event }
            }
            guard let l = left, l != right.event else { i = cueEnd; continue }
            if events[l].type == .claim || events[right.event].type == .claim { i = cueEnd; continue }
            if c.relation == .followed && (events[l].type == .statement || events[right.event].type == .statement) { i = cueEnd; continue }
            _ = leftIsAfter
            let base: Double = c.relation == .respondedTo ? 0.85 : c.relation == .caused ? 0.8 : 0.6
            let prov = provenance(tokens: i..<cueEnd)
            // effect-cause: [later/effect] relation [earlier/cause]; cause-effect: "X triggered Y" → for caused, [X, caused, Y];
            // for followed ("X was followed by Y"), [Y, followed, X].
            let link: (Int, CausalRelation, Int)
            switch (c.relation, c.order) {
            case (.caused, .effectCause): link = (right.event, .caused, l)
            case (.caused, .causeEffect): link = (l, .caused, right.event)
            case (_, .causeEffect): link = (right.event, c.relation, l)
            default: link = (l, c.relation, right.event)
            }
            if c.order == .causeEffect { lastCause = (l, cueEnd) }
            if let existing = causal.firstIndex(where: { ($0.from == link.0 && $0.to == link.2) || ($0.from == link.2 && $0.to == link.0) }) {
                // a stated cause or response outranks a bare sequence ("Hours after …" then "in response to …")
                if causal[existing].relation == .followed && link.1 != .followed {
                    causal[existing] = (link.0, link.1, link.2, c.phrase, prov, base * sentenceHedge)
                }
            } else {
                causal.append((link.0, link.1, link.2, c.phrase, prov, base * sentenceHedge))
            }
            i = cueEnd
        }
    }
}

extension Lexicon {
    /// Index of a known entity by name or alias.
    func entityIndex(named name: String) -> Int? {
        let toks = Tokenizer.tokenize(Array(name.utf8))
        if let m = entityPhrases.match(toks, at: 0, limit: toks.count), m.length == toks.count { return m.value.entity }
        return nil
    }
}
