import NewsGraphCore

/// Entity–entity triples stated by the sentence's grammar: roles (spokesperson, commander, chief),
/// sub-units (part_of), containment (located_in) and relation phrases (allied, rivals, accused, warned).
extension Document {
    static let aKeys: KeySet = KeySet(["a", "an", "the"].map(k))
    static let soCalled: KeySet = KeySet(["so-called", "so", "called", "proscribed", "banned", "outlawed"].map(k))
    static let copula: KeySet = KeySet(["was", "is", "were", "are", "has", "had", "been", "became", "remains", "served"].map(k))
    static let orgTypes: EntityTypes = [.group, .unit, .organization]
    static let subUnitTypes: EntityTypes = [.group, .unit, .organization]

    func type(_ m: Mention) -> EntityType { entities[m.entity].type }

    func findRelations() {
        let r = sentenceRange
        let hedge = sentenceHedge
        let conf = 0.8 * hedge
        let ms = mentions
        for (idx, m) in ms.enumerated() {
            let next = idx + 1 < ms.count ? ms[idx + 1] : nil
            let after = m.tokens.upperBound
            // --- (ROLE)? PERSON of (the)? ORG: "DPO Tariq Saleem Kundi of the Khyber Pakhtunkhwa Police told …"
            if type(m) == .person, after + 1 < r.upperBound, key(after) == w.ofKey, !m.anaphoric,
               let o = mention(at: after + 1) ?? (key(after + 1) == w.theKey ? mention(at: after + 2) : nil),
               Document.orgTypes.contains(type(o)), !entities[o.entity].generic,
               !hasTriple(subject: m.entity, where: { [.memberOf, .leaderOf, .spokespersonOf].contains($0.predicate) && $0.object == o.entity }) {
                let role = m.tokens.lowerBound > r.lowerBound ? roleEnding(at: m.tokens.lowerBound, from: max(r.lowerBound, m.tokens.lowerBound - 3)) : nil
                addTriple(m.entity, role?.value ?? .memberOf, o.entity, bytes: m.bytes.lowerBound..<o.bytes.upperBound, confidence: conf * 0.7)
            }
            // --- ROLE of ORG named PERSON / ORG ROLE named PERSON: "a commander of the TTP named X"
            // --- ORG1 of (the)? ORG2: "Majeed Brigade of the Baloch Liberation Army"
            if let n = next, Document.subUnitTypes.contains(type(m)), Document.subUnitTypes.contains(type(n)), after < r.upperBound, key(after) == w.ofKey,
               n.tokens.lowerBound <= after + 4, ((after + 1)..<n.tokens.lowerBound).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].capitalized }), entities[m.entity].type == .group || entities[m.entity].type == .unit || entities[m.entity].type == .organization,
               suffixHeadOfEntity(m.entity) {
                addTriple(m.entity, .partOf, n.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf)
            }
            // --- ORG2 's ORG1: "Pakistan Army's Inter-Services Public Relations", "the group's Fateh Squad"
            if let n = next, after < r.upperBound, key(after) == w.possessive {
                let gap = (after + 1)..<max(after + 1, n.tokens.lowerBound)
                let plainGap = gap.count <= 3 && gap.allSatisfy { tokens[$0].kind == .word && !tokens[$0].capitalized || key($0) == w.comma || key($0) == w.theKey }
                if plainGap, Document.subUnitTypes.contains(type(m)), Document.subUnitTypes.contains(type(n)) {
                    addTriple(n.entity, .partOf, m.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf)
                } else if gap.isEmpty, type(m) == .place, type(n) == .place {
                    addTriple(n.entity, .locatedIn, m.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf)
                    // "Pakistan's Balochistan and Khyber Pakhtunkhwa regions"
                    if let n2 = ms.first(where: { $0.tokens.lowerBound == n.tokens.upperBound + 1 }), key(n.tokens.upperBound) == w.w_and, type(n2) == .place {
                        addTriple(n2.entity, .locatedIn, m.entity, bytes: m.bytes.lowerBound..<n2.bytes.upperBound, confidence: conf)
                    }
                }
            }
            // --- PLACE1 [head] (of|in) PLACE2; FACILITY … in PLACE
            if let n = next, type(n) == .place, type(m) == .place || type(m) == .facility {
                var j = after
                if j < r.upperBound, key(j) == w.comma { j += 1 }
                if j < r.upperBound, key(j) == w.ofKey || key(j) == w.inKey || (type(m) == .facility && key(j) == w.w_at) {
                    j += 1
                    if j < r.upperBound, key(j) == w.theKey { j += 1 }
                    let possessiveNext = n.tokens.upperBound < r.upperBound && key(n.tokens.upperBound) == w.possessive
                    if n.tokens.lowerBound == j, !possessiveNext, !(type(m) == .place && key(after) == w.ofKey && entities[n.entity].lexiconIndex == nil && entities[m.entity].lexiconIndex != nil) {
                        addTriple(m.entity, .locatedIn, n.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf)
                    }
                } else if type(m) == .facility, j < r.upperBound {
                    // "the main camp of Pakistan military in Shah Mardan": skip an "of X" complement
                    var k2 = j
                    if key(k2) == w.ofKey, let o = ms.first(where: { $0.tokens.lowerBound > k2 && $0.tokens.lowerBound <= k2 + 2 }) {
                        k2 = o.tokens.upperBound
                        if k2 < r.upperBound, key(k2) == w.inKey, let p = ms.first(where: { $0.tokens.lowerBound == k2 + 1 || $0.tokens.lowerBound == k2 + 2 }), type(p) == .place {
                            addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
                        }
                    }
                }
            }
            // "in Malam Fatori, Abadam", "Suárez and Buenos Aires, Cauca": a locative list closed by its region
            if type(m) == .place, let n = next, type(n) == .place, after < r.upperBound, key(after) == w.comma, n.tokens.lowerBound == after + 1 {
                var start = m.tokens.lowerBound
                var members = [m]
                if let prevIdx = idx > 0 ? idx - 1 : nil, type(ms[prevIdx]) == .place, ms[prevIdx].tokens.upperBound + 1 == start, key(start - 1) == w.w_and {
                    members.insert(ms[prevIdx], at: 0)
                    start = ms[prevIdx].tokens.lowerBound
                }
                let introduced = start > r.lowerBound && Document.placePreps.contains(key(start - 1))
                let closes = n.tokens.upperBound >= r.upperBound || [w.comma, w.period, w.w_on, w.w_in, w.w_last, w.w_this, w.early, w.late].contains(key(n.tokens.upperBound))
                let notList = n.tokens.upperBound >= r.upperBound || key(n.tokens.upperBound) != w.w_and
                if introduced && closes && notList {
                    for x in members { addTriple(x.entity, .locatedIn, n.entity, bytes: x.bytes.lowerBound..<n.bytes.upperBound, confidence: conf * 0.85) }
                }
            }
            // "El Obeid, the capital of North Kordofan", "Bara, a town north of El Obeid"
            if type(m) == .place || type(m) == .facility, after + 2 < r.upperBound, key(after) == w.comma, Document.aKeys.contains(key(after + 1)),
               let ofAt = (after + 2..<min(r.upperBound, after + 7)).first(where: { key($0) == w.ofKey }),
               (after + 2..<ofAt).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].capitalized }),
               let p = ms.first(where: { $0.tokens.lowerBound == ofAt + 1 || ($0.tokens.lowerBound == ofAt + 2 && key(ofAt + 1) == w.theKey) }), type(p) == .place,
               (after + 2..<ofAt).contains(where: { lexicon.heads.match(tokens, at: $0, limit: ofAt).map { $0.value.type == .place } ?? false || key($0) == w.capital }) {
                addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.9)
            }
            // "in Banmauk township in Myanmar's Sagaing Region": the region, not the country, contains the town
            if type(m) == .place, let n = next, type(n) == .place, after < r.upperBound, key(after) == w.inKey, n.tokens.lowerBound == after + 1,
               n.tokens.upperBound + 1 < r.upperBound, key(n.tokens.upperBound) == w.possessive,
               let n2 = ms.first(where: { $0.tokens.lowerBound == n.tokens.upperBound + 1 }), type(n2) == .place {
                addTriple(m.entity, .locatedIn, n2.entity, bytes: m.bytes.lowerBound..<n2.bytes.upperBound, confidence: conf)
            }
            // a facility named with its place ("military camp in Kalat")
            if type(m) == .facility, !entities[m.entity].generic, let p = ms.first(where: { type($0) == .place && $0.tokens.lowerBound > m.tokens.lowerBound && $0.tokens.upperBound <= m.tokens.upperBound }) {
                if !hasTriple(subject: m.entity, where: { $0.predicate == .locatedIn }) {
                    addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes, confidence: conf)
                }
            }
            // "the country's Balochistan province": the country is the lexicon's parent of the place
            if type(m) == .place, m.tokens.lowerBound >= r.lowerBound + 2, key(m.tokens.lowerBound - 1) == w.possessive,
               Document.countryWord.contains(key(m.tokens.lowerBound - 2)), let li = entities[m.entity].lexiconIndex, let parent = lexicon.entities[li].parent,
               let pl = lexicon.entity(named: parent), pl.type == .place {
                let pe = entity(surface: parent, type: .place, strength: 3, lexiconIndex: lexicon.entityIndex(named: parent), bytes: m.bytes)
                if entities[pe].forms.contains(where: { $0.lowercased() == parent.lowercased() }) {
                    addTriple(m.entity, .locatedIn, pe, bytes: m.bytes, confidence: conf * 0.9)
                }
            }
            // --- relation phrases between two actors: "X, allied with Y", "rival X and Y"
            if let n = next, Document.agentTypes.contains(type(m)), Document.agentTypes.contains(type(n)), type(m) != .place || type(n) != .place,
               !entities[m.entity].generic, !entities[n.entity].generic {
                let gap = after..<max(after, n.tokens.lowerBound)
                if gap.count >= 1 && gap.count <= 5 {
                    for s in gap {
                        if let rc = lexicon.relationCues.match(tokens, at: s, limit: gap.upperBound) {
                            let rest = (s + rc.length)..<max(s + rc.length, gap.upperBound)
                            if rest.allSatisfy({ Document.aKeys.contains(key($0)) || key($0) == w.ofKey || key($0) == w.w_with }) {
                                var fact: Factuality = .asserted
                                for q in max(r.lowerBound, s - 3)..<s where lexicon.negations.contains(tokens, at: q, limit: s) { fact = .denied }
                                if rc.value == .accused || rc.value == .threatened || rc.value == .opposed || type(m) != .person {
                                    addTriple(m.entity, relationPredicate(rc.value, m.entity, n.entity), n.entity, factuality: fact, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf * 0.9)
                                }
                            }
                            break
                        }
                    }
                }
            }
        }
        findMoreRelations()
        findNounRelations()
        findStanceRelations()
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

// MARK: more entity–entity patterns

extension Document {
    static let placeAdjectives: KeySet = KeySet(["central", "restive", "remote", "neighbouring", "neighboring", "volatile", "troubled",
        "mountainous", "rural", "far", "deep", "upper", "lower", "coastal", "southernmost", "northernmost", "easternmost", "westernmost",
        "conflict-hit", "war-torn", "oil-rich", "insurgency-hit"].map(k))
    static let outsideKeys: KeySet = KeySet(["outside", "near"].map(k))
    static let outskirts: [UInt64] = ["on", "the", "outskirts", "of"].map(k)
    static let relativeKeys: KeySet = KeySet(["which", "who", "that"].map(k))
    static let quoteKeys: KeySet = KeySet(["\"", "”", "’", "'"].map(k))
    static let namedKeys: KeySet = KeySet(["called", "named", "dubbed"].map(k))
    static let rivalKeys: KeySet = KeySet(["rival", "rivals", "enemy", "enemies"].map(k))
    static let partnerKeys: KeySet = KeySet(["partner", "partners", "ally", "allies"].map(k))
    static let blameCues: Set<TriplePredicate> = [.accused, .threatened]
    static let placeNouns: KeySet = KeySet(["department", "province", "state", "region", "district", "county", "municipality", "governorate",
        "territory", "town", "city", "village", "area", "commune", "prefecture", "oblast", "township", "block", "tehsil", "emirate"].map(k))
    static let capitalKeys: KeySet = KeySet(["capital", "seat"].map(k))
    static let bodyNouns: KeySet = KeySet(["ministry", "office", "department", "army", "military", "police", "government", "agency", "embassy"].map(k))
    static let hubKeys: KeySet = KeySet(["hub", "facility", "installation", "complex", "depot"].map(k))
    static let itsKeys: KeySet = KeySet(["its", "their"].map(k))
    static let subUnitNouns: KeySet = KeySet(["branch", "wing", "affiliate", "arm", "faction", "offshoot", "franchise", "chapter", "unit",
        "subsidiary", "division", "cell", "province"].map(k))
    static let controlledBy: KeySet = KeySet(["controlled", "run", "commanded", "led", "backed", "created", "formed", "set"].map(k))
    static let closers: KeySet = KeySet([",", ".", ";", ":", "on", "in", "at", "last", "this", "early", "late", "earlier", "and", "\"", "”", ")"].map(k))

    /// A lower-case word that can qualify a place name: "northeastern", "eastern", "restive".
    func isPlaceAdjective(_ i: Int) -> Bool {
        guard tokens[i].kind == .word, !tokens[i].capitalized, !tokens[i].allCaps else { return false }
        if Document.placeAdjectives.contains(key(i)) { return true }
        // "-ern" adjectives of six to sixteen letters ("northeastern"); ASCII words are read as bytes
        let b = tokens[i].range
        if text[b].allSatisfy({ $0 < 0x80 }) {
            return b.count >= 6 && b.count <= 16 && text[b.upperBound - 3] | 0x20 == 0x65 && text[b.upperBound - 2] | 0x20 == 0x72 && text[b.upperBound - 1] | 0x20 == 0x6E
        }
        let word = lower(i)
        return word.hasSuffix("ern") && word.count >= 6 && word.count <= 16
    }

    func mention(at i: Int) -> Mention? { mentions.first { $0.tokens.lowerBound == i } }

    /// Length of a lower-case place noun at `i` ("department", "district"), by the place heads or the list below.
    func placeNoun(at i: Int) -> Int? {
        guard tokens[i].kind == .word, !tokens[i].capitalized else { return nil }
        if let h = lexicon.heads.match(tokens, at: i, limit: sentenceRange.upperBound), h.value.type == .place { return h.length }
        return Document.placeNouns.contains(key(i)) ? 1 : nil
    }

    /// The place an anaphoric "the district", "the state", "the city" refers to: the last place of the article
    /// (before byte `before`, other than `excluding`) whose name or form ends in that noun, else the last place
    /// mentioned when `anyPlace`.
    func anaphoricPlace(noun: String, before: Int, excluding: Int, anyPlace: Bool) -> Int? {
        var best: (Int, Int)? = nil
        var bestAny: (Int, Int)? = nil
        let suffix = " " + noun
        for i in entities.indices where entities[i].type == .place && i != excluding && !entities[i].generic {
            // seen before the anaphor: in an earlier sentence, or earlier in this one (lastSeen may be a later mention)
            let lastSeen = entities[i].lastSeen
            guard lastSeen < before || mentions.contains(where: { $0.entity == i && $0.bytes.lowerBound < before }) else { continue }
            let seen = min(lastSeen, before - 1)
            if entities[i].forms.contains(where: { Names.lowercasedHasSuffix($0, suffix) }), best == nil || seen > best!.1 { best = (i, seen) }
            if bestAny == nil || seen > bestAny!.1 { bestAny = (i, seen) }
        }
        return best?.0 ?? (anyPlace ? bestAny?.0 : nil)
    }

    /// The place a phrase starting at `j` names as a container: "Arauca", "the northeastern department of Arauca",
    /// "eastern Mali", "Nigeria's northeastern Borno state" (→ Borno), "the town of X". Returns the place and its end.
    func containerPlace(at j0: Int) -> Mention? {
        let r = sentenceRange
        var j = j0
        if j < r.upperBound, key(j) == w.theKey { j += 1 }
        var adj = 0
        while j < r.upperBound, adj < 2, isPlaceAdjective(j), mention(at: j) == nil { j += 1; adj += 1 }
        // "the department of Arauca", "the town of Shebekino"
        if j + 1 < r.upperBound, !tokens[j].capitalized, let len = placeNoun(at: j), j + len < r.upperBound, key(j + len) == w.ofKey {
            j += len + 1
            if j < r.upperBound, key(j) == w.theKey { j += 1 }
        }
        guard j < r.upperBound, let p = mention(at: j), type(p) == .place else { return nil }
        // "Nigeria's (northeastern) Borno state": the inner place is the container
        var k2 = p.tokens.upperBound
        if k2 < r.upperBound, key(k2) == w.possessive {
            k2 += 1
            var a2 = 0
            while k2 < r.upperBound, a2 < 2, isPlaceAdjective(k2) { k2 += 1; a2 += 1 }
            if k2 < r.upperBound, let p2 = mention(at: k2), type(p2) == .place { return p2 }
            return nil
        }
        return p
    }

    /// Containment, sub-unit, role and relation patterns that span more than two adjacent mentions.
    func findMoreRelations() {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        for (idx, m) in ms.enumerated() {
            let after = m.tokens.upperBound
            let tm = type(m)
            // --- located_in
            if tm == .place || tm == .facility {
                // "Saravena, in the northeastern department of Arauca", "near Ménaka, in eastern Mali"; not for a generic
                // facility phrase ("a market in Varnok, in …": the place it names takes the container)
                if tm == .place || !entities[m.entity].generic, after + 1 < r.upperBound, key(after) == w.comma, key(after + 1) == w.inKey,
                   let p = containerPlace(at: after + 2) {
                    addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.85)
                }
                // "Barmal district of Afghanistan's Paktika province", "Marte in Nigeria's northeastern Borno state"
                if after + 1 < r.upperBound, key(after) == w.ofKey || key(after) == w.inKey,
                   let p = containerPlace(at: after + 1),
                   !(p.tokens.lowerBound == after + 1 || (p.tokens.lowerBound == after + 2 && key(after + 1) == w.theKey)) {
                    addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
                }
                // "the displacement camp outside El Fasher", "a base on the outskirts of Y"
                var j: Int? = nil
                if after < r.upperBound, Document.outsideKeys.contains(key(after)), key(after) != w.nearKey || (tm == .facility && !entities[m.entity].generic) { j = after + 1 }
                if after + 4 <= r.upperBound, (0..<4).allSatisfy({ key(after + $0) == Document.outskirts[$0] }) { j = after + 4 }
                if let j, let p = containerPlace(at: j) {
                    addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.85)
                }
            }
            if tm == .place || tm == .facility, after + 2 < r.upperBound, key(after) == w.inKey, key(after + 1) == w.theKey,
               let len = placeNoun(at: after + 2), mention(at: after + 2) == nil,
               after + 2 + len >= r.upperBound || Document.closers.contains(key(after + 2 + len)) || tokens[after + 2 + len].kind != .word,
               let p = anaphoricPlace(noun: lower(after + 2 + len - 1), before: m.bytes.lowerBound, excluding: m.entity, anyPlace: false) {
                // "Borobekra in the district": the district named before
                addTriple(m.entity, .locatedIn, p, bytes: m.bytes.lowerBound..<Int(tokens[after + 2 + len - 1].end), confidence: conf * 0.75)
            }
            if tm == .place, m.tokens.lowerBound >= r.lowerBound + 3, Document.capitalKeys.contains(key(m.tokens.lowerBound - 1)),
               let len = placeNoun(at: m.tokens.lowerBound - 2), len == 1, key(m.tokens.lowerBound - 3) == w.theKey,
               let p = anaphoricPlace(noun: lower(m.tokens.lowerBound - 2), before: Int(tokens[m.tokens.lowerBound - 3].start), excluding: m.entity, anyPlace: false) {
                // "the state capital Sittwe"
                addTriple(m.entity, .locatedIn, p, bytes: Int(tokens[m.tokens.lowerBound - 3].start)..<m.bytes.upperBound, confidence: conf * 0.75)
            }
            if tm == .place || tm == .facility, m.tokens.lowerBound >= r.lowerBound + 3, key(m.tokens.lowerBound - 1) == w.possessive,
               key(m.tokens.lowerBound - 3) == w.theKey, let len = placeNoun(at: m.tokens.lowerBound - 2), len == 1, !Document.countryWord.contains(key(m.tokens.lowerBound - 2)),
               let p = anaphoricPlace(noun: lower(m.tokens.lowerBound - 2), before: Int(tokens[m.tokens.lowerBound - 3].start), excluding: m.entity, anyPlace: false)
                   ?? ms[..<idx].last(where: { type($0) == .place && $0.entity != m.entity })?.entity {
                // "the city's Kyivskyi district": the place of that kind named last, or the sentence's last place
                addTriple(m.entity, .locatedIn, p, bytes: Int(tokens[m.tokens.lowerBound - 3].start)..<m.bytes.upperBound, confidence: conf * 0.7)
            }
            // "Nigeria's northeastern Borno state"
            if tm == .place, after + 1 < r.upperBound, key(after) == w.possessive, isPlaceAdjective(after + 1) {
                var j = after + 1
                while j < min(r.upperBound, after + 3), isPlaceAdjective(j) { j += 1 }
                if let p = mention(at: j), type(p) == .place {
                    addTriple(p.entity, .locatedIn, m.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
                }
            }
            // "the Foreign Office in Islamabad declined to comment": an office is where its capital is named
            if tm == .organization, after + 1 < r.upperBound, key(after) == w.inKey, let p = mention(at: after + 1), type(p) == .place,
               p.tokens.upperBound >= r.upperBound || key(p.tokens.upperBound) != w.possessive,
               m.tokens.lowerBound > r.lowerBound, Document.determinersDefinite.contains(key(m.tokens.lowerBound - 1)) || tokens[m.tokens.lowerBound - 1].kind != .word {
                addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.8)
            }
            if tm == .facility {
                // "the Chitkan camp of the Frontier Corps (FC) in Panjgur district": skip the owner
                if after + 2 < r.upperBound, key(after) == w.ofKey,
                   let o = ms.first(where: { $0.tokens.lowerBound == after + 1 || ($0.tokens.lowerBound == after + 2 && key(after + 1) == w.theKey) }),
                   type(o) != .place, o.tokens.upperBound + 1 < r.upperBound, key(o.tokens.upperBound) == w.inKey,
                   let p = containerPlace(at: o.tokens.upperBound + 1) {
                    addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
                }
                // "Nyala airport, the main RSF supply hub in South Darfur,"
                if after + 3 < r.upperBound, key(after) == w.comma, Document.aKeys.contains(key(after + 1)),
                   let inAt = ((after + 2)..<min(r.upperBound, after + 9)).first(where: { key($0) == w.inKey }),
                   ((after + 2)..<inAt).allSatisfy({ tokens[$0].kind == .word && !Document.speechVerbs.contains(key($0)) && !Document.auxiliaries.contains(key($0)) && !Document.relativeKeys.contains(key($0)) }),
                   ((after + 2)..<inAt).contains(where: { !tokens[$0].capitalized && !tokens[$0].allCaps && lexicon.facilityHeadKeys.contains(key($0)) || Document.hubKeys.contains(key($0)) }),
                   let p = containerPlace(at: inAt + 1), p.tokens.upperBound >= r.upperBound || Document.closers.contains(key(p.tokens.upperBound)) {
                    addTriple(m.entity, .locatedIn, p.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf * 0.85)
                }
                // "Tajori police station", "Kyaukpyu Deep Sea Port": a named facility whose name starts with a place of the article
                if !entities[m.entity].generic, let p = placePrefix(ofFacility: m.entity) {
                    addTriple(m.entity, .locatedIn, p, bytes: m.bytes, confidence: conf * 0.8)
                }
            }
            // once per place: later facilities check their own prefix (above)
            if tm == .place, placesMatchedToFacilities.insert(m.entity).inserted {
                // the place is named after a facility seen earlier: "the Chitkan camp" … "the Chitkan area"
                for f in entities.indices where entities[f].type == .facility && !entities[f].generic && placePrefix(ofFacility: f) == m.entity {
                    addTriple(f, .locatedIn, m.entity, bytes: m.bytes, confidence: conf * 0.8)
                }
            }
            // --- part_of
            if Document.subUnitTypes.contains(tm) {
                // "JNIM, al-Qaeda's branch in the Sahel"
                if after + 3 < r.upperBound, key(after) == w.comma, let o = mention(at: after + 1) ?? (key(after + 1) == w.theKey ? mention(at: after + 2) : nil),
                   Document.subUnitTypes.contains(type(o)), !o.anaphoric,
                   o.tokens.upperBound + 1 < r.upperBound, key(o.tokens.upperBound) == w.possessive {
                    var j = o.tokens.upperBound + 1
                    var a = 0
                    while j < r.upperBound, a < 2, tokens[j].kind == .word, !tokens[j].capitalized, !Document.subUnitNouns.contains(key(j)) { j += 1; a += 1 }
                    if j < r.upperBound, Document.subUnitNouns.contains(key(j)) {
                        addTriple(m.entity, .partOf, o.entity, bytes: m.bytes.lowerBound..<o.bytes.upperBound, confidence: conf)
                    }
                }
                // "The Africa Corps, a unit controlled by the Russian Ministry of Defence", "X, a faction of Y"
                if after + 3 < r.upperBound, key(after) == w.comma, Document.aKeys.contains(key(after + 1)) {
                    var j = after + 2
                    var a = 0
                    while j < r.upperBound, a < 3, tokens[j].kind == .word, !tokens[j].capitalized, !Document.subUnitNouns.contains(key(j)) { j += 1; a += 1 }
                    if j + 1 < r.upperBound, Document.subUnitNouns.contains(key(j)) {
                        var k2 = j + 1
                        if Document.controlledBy.contains(key(k2)), k2 + 1 < r.upperBound, key(k2 + 1) == w.byKey { k2 += 2 }
                        else if key(k2) == w.ofKey { k2 += 1 } else { k2 = -1 }
                        if k2 > 0, let o = ms.first(where: { $0.tokens.lowerBound == k2 || ($0.tokens.lowerBound == k2 + 1 && key(k2) == w.theKey) }),
                           Document.subUnitTypes.contains(type(o)) {
                            addTriple(m.entity, .partOf, o.entity, bytes: m.bytes.lowerBound..<o.bytes.upperBound, confidence: conf * 0.9)
                        }
                    }
                }
                // "its Radio Andalus station": a named sub-body of the sentence's body; "their PDF allies" are allies
                if m.tokens.lowerBound > r.lowerBound, Document.itsKeys.contains(key(m.tokens.lowerBound - 1)), m.tokens.lowerBound - 1 > r.lowerBound,
                   let body = owningBody(before: m.tokens.lowerBound - 1), body != m.entity {
                    if after < r.upperBound, Document.partnerKeys.contains(key(after)) {
                        addTriple(m.entity, .alliedWith, body, bytes: m.bytes, confidence: conf * 0.7)
                    } else if suffixHeadOfEntity(m.entity) || (after < r.upperBound && lexicon.heads.match(tokens, at: after, limit: r.upperBound) != nil) {
                        addTriple(m.entity, .partOf, body, bytes: m.bytes, confidence: conf * 0.8)
                    }
                }
            }
        }
        findBasedOrgs()
        findRelativeRelations()
        findMoreActorRelations()
        findFramedRelations()
    }

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

    /// ORG ROLE PERSON from token `j` (the role or its premodifiers): "spokesman Sarbaz", "spokesman in the sector,
    /// Lieutenant X", "jawan, Head Constable X". `loose` only takes the cases the basic pattern does not.
    func rolePerson(owner m: Mention, from j0: Int, conf: Double, loose: Bool = false) {
        let r = sentenceRange
        var j = j0
        if j < r.upperBound, key(j) == w.possessive { j += 1 }
        var skipped = 0
        while j < r.upperBound, skipped < 3, lexicon.roles.match(tokens, at: j, limit: r.upperBound) == nil, tokens[j].kind == .word, !tokens[j].capitalized { j += 1; skipped += 1 }
        guard let role = lexicon.roles.match(tokens, at: j, limit: r.upperBound) else { return }
        var k2 = j + role.length
        var extended = false
        // "in the sector", "for Sudan": a short complement before the comma
        if k2 < r.upperBound, key(k2) == w.inKey || key(k2) == w.forKey || key(k2) == w.ofKey,
           let c = ((k2 + 1)..<min(r.upperBound, k2 + 5)).first(where: { key($0) == w.comma }),
           ((k2 + 1)..<c).allSatisfy({ tokens[$0].kind == .word }), !mentions.contains(where: { $0.tokens.lowerBound > k2 && $0.tokens.lowerBound < c && Document.orgTypes.contains(type($0)) }) {
            k2 = c; extended = true
        }
        if k2 < r.upperBound, key(k2) == w.comma { k2 += 1 }
        // titles the person mention dropped: "Lieutenant", "Head Constable"
        var titled = false
        while k2 < r.upperBound, mention(at: k2) == nil, let t = lexicon.titles.match(tokens, at: k2, limit: r.upperBound) { k2 += t.length; titled = true }
        if loose && !extended && !titled { return }
        if let p = mention(at: k2), type(p) == .person {
            addTriple(p.entity, role.value, m.entity, bytes: m.bytes.lowerBound..<p.bytes.upperBound, confidence: conf)
        }
    }

    /// The place a named facility's name begins with, when that place is an entity of the article.
    func placePrefix(ofFacility f: Int) -> Int? {
        for norm in facilityPrefixes(f) {
            if let e = entityByForm[norm], entities[e].type == .place, e != f { return e }
        }
        return nil
    }

    /// The normalised proper prefixes of a facility's name, longest first ("tajori police station" → "tajori police",
    /// "tajori"), computed once per facility: names do not change, and every place mention asks again.
    func facilityPrefixes(_ f: Int) -> [String] {
        if let known = facilityPrefixNorms[f] { return known }
        let words = entities[f].name.split(separator: " ")
        var norms: [String] = []
        if words.count >= 2 {
            for n in stride(from: words.count - 1, through: 1, by: -1) { norms.append(Names.normalize(words[0..<n].joined(separator: " "))) }
        }
        facilityPrefixNorms[f] = norms
        return norms
    }

    /// "the Islamabad-based Centre for …", "SCO, a Dakar-based monitoring group": the body is located in the place.
    func findBasedOrgs() {
        let r = sentenceRange
        for i in r where tokens[i].kind == .word && tokens[i].capitalized && isBasedAdjective(i) {
            let word = tokenText(i)
            let placeName = String(word.dropLast(6))
            var subject: Mention? = mention(at: i + 1) ?? mentions.first(where: { $0.tokens.lowerBound == i && $0.tokens.count > 1 })
            if subject == nil || !Document.orgTypes.contains(type(subject!)), i >= r.lowerBound + 2, Document.aKeys.contains(key(i - 1)), key(i - 2) == w.comma {
                subject = mentions.last(where: { $0.tokens.upperBound == i - 2 })
            }
            guard let s = subject, Document.orgTypes.contains(type(s)) else { continue }
            var li = lexicon.entityIndex(named: placeName)
            if let l = li, lexicon.entities[l].type != .place { continue }
            if li == nil, lexicon.demonyms[Document.k(placeName.lowercased())] != nil { li = nil }
            let b0 = Int(tokens[i].start)
            let pb = b0..<(b0 + placeName.utf8.count)
            let p = entity(surface: placeName, type: .place, strength: li == nil ? 1 : 3, lexiconIndex: li, bytes: pb, confidence: 0.7)
            guard entities[p].type == .place else { continue }
            addTriple(s.entity, .locatedIn, p, bytes: min(pb.lowerBound, s.bytes.lowerBound)..<max(pb.upperBound, s.bytes.upperBound), confidence: 0.8 * sentenceHedge * 0.9)
        }
    }

    /// A relation phrase in a relative clause: "The ADF, … which has pledged allegiance to the Islamic State",
    /// "ISSP, which competes with JNIM".
    func findRelativeRelations() {
        let r = sentenceRange
        let ms = mentions
        for (idx, m) in ms.enumerated() where Document.orgTypes.contains(type(m)) {
            var after = m.tokens.upperBound
            // 'a banner signed by "Los Chapitos" which threatened …'
            if after < r.upperBound, tokens[after].kind == .punct, Document.quoteKeys.contains(key(after)) { after += 1 }
            guard after + 2 < r.upperBound, key(after) == w.comma || Document.relativeKeys.contains(key(after)) else { continue }
            if key(after) != w.comma { after -= 1 }
            // the relative pronoun, right after the comma or after a short apposition ("an armed group of Ugandan origin")
            var relFound = (after + 1..<min(r.upperBound, after + 9)).first(where: { Document.relativeKeys.contains(key($0)) })
            if let rf = relFound, !(after + 1..<rf).allSatisfy({ tokens[$0].kind == .word }) { relFound = nil }
            if relFound == nil, key(after) == w.comma, Document.determinersIndefinite.contains(key(after + 1)) { relFound = after + 1 }
            guard let rel = relFound else { continue }
            // the next mention after the pronoun, within eight tokens, with a relation cue right before it
            guard let n = ms[(idx + 1)...].first(where: { $0.tokens.lowerBound > rel }), n.tokens.lowerBound - rel <= 12, !entities[n.entity].generic,
                  Document.agentTypes.contains(type(n)), type(n) != .place, n.entity != m.entity else { continue }
            let gap = (rel + 1)..<n.tokens.lowerBound
            for s in gap {
                guard let rc = lexicon.relationCues.match(tokens, at: s, limit: gap.upperBound) else { continue }
                guard (rel + 1..<s).allSatisfy({ tokens[$0].kind == .word }) else { break }
                let rest = (s + rc.length)..<gap.upperBound
                // "threatened the rival faction, known as La Mayiza"
                var knownAs = false
                if let c = rest.first(where: { key($0) == w.comma }), c + 2 == rest.upperBound, Document.namedKeys.contains(key(c + 1)) {
                    knownAs = true
                } else if let c = rest.first(where: { key($0) == w.comma }), c + 3 == rest.upperBound || (c + 4 == rest.upperBound && Document.aKeys.contains(key(c + 3))),
                          key(c + 1) == w.knownKey, key(c + 2) == w.asKey {
                    knownAs = true
                }
                let head = knownAs ? rest.lowerBound..<rest.first(where: { key($0) == w.comma })! : rest
                guard head.allSatisfy({ Document.aKeys.contains(key($0)) || key($0) == w.ofKey || key($0) == w.w_with || (knownAs && tokens[$0].kind == .word && !tokens[$0].capitalized) }) else { break }
                if knownAs, head.contains(where: { Document.rivalKeys.contains(key($0)) }), rc.value != .opposed {
                    addTriple(m.entity, .opposed, n.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: 0.8 * sentenceHedge * 0.8)
                }
                var fact: Factuality = .asserted
                for q in max(r.lowerBound, s - 3)..<s where lexicon.negations.contains(tokens, at: q, limit: s) { fact = .denied }
                addTriple(m.entity, relationPredicate(rc.value, m.entity, n.entity), n.entity, factuality: fact, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: 0.8 * sentenceHedge * 0.85)
                break
            }
        }
    }
}

extension Document {
    /// Relations whose subject is not next to the cue, sub-units and roles named by apposition.
    func findMoreActorRelations() {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        for (idx, m) in ms.enumerated() {
            let tm = type(m)
            let after = m.tokens.upperBound
            // "the ISPR said in a statement that … and accused Fitna al-Khawarij of …": the speaker of the sentence
            if idx > 0, Document.agentTypes.contains(tm), tm != .place {
                var s = m.tokens.lowerBound - 1
                while s > r.lowerBound, Document.aKeys.contains(key(s)) { s -= 1 }
                if s > r.lowerBound + 1, let rc = (max(r.lowerBound, s - 2)...s).lazy.compactMap({ q in self.lexicon.relationCues.match(self.tokens, at: q, limit: s + 1).flatMap { q + $0.length == s + 1 ? (q, $0.value) : nil } }).first,
                   Document.blameCues.contains(rc.1), rc.0 > r.lowerBound, key(rc.0 - 1) == w.w_and || (rc.0 - 2 >= r.lowerBound && key(rc.0 - 2) == w.w_and && tokens[rc.0 - 1].kind == .word && !tokens[rc.0 - 1].capitalized),
                   !ms[..<idx].contains(where: { $0.tokens.upperBound <= rc.0 && rc.0 - $0.tokens.upperBound <= 3 && Document.agentTypes.contains(type($0)) }),
                   let speaker = ms[..<idx].first(where: { Document.agentTypes.contains(type($0)) && type($0) != .place && $0.tokens.upperBound < r.upperBound && Document.speechVerbs.contains(key($0.tokens.upperBound)) }),
                   speaker.entity != m.entity {
                    var fact: Factuality = .asserted
                    for q in max(r.lowerBound, rc.0 - 3)..<rc.0 where lexicon.negations.contains(tokens, at: q, limit: rc.0) { fact = .denied }
                    addTriple(speaker.entity, rc.1, m.entity, factuality: fact, bytes: speaker.bytes.lowerBound..<m.bytes.upperBound, confidence: conf * 0.8)
                }
            }
            // "FAMa and its Russian partners of the Africa Corps": the partners are allied with the owner
            if Document.subUnitTypes.contains(tm), m.tokens.lowerBound >= r.lowerBound + 3 {
                var s = m.tokens.lowerBound - 1
                if key(s) == w.theKey { s -= 1 }
                if s > r.lowerBound, key(s) == w.ofKey || key(s) == w.fromKey { s -= 1 }
                if s > r.lowerBound, Document.partnerKeys.contains(key(s)) {
                    var q = s - 1
                    var a = 0
                    while q > r.lowerBound, a < 2, tokens[q].kind == .word, !Document.itsKeys.contains(key(q)), mention(at: q) == nil { q -= 1; a += 1 }
                    if q >= r.lowerBound, Document.itsKeys.contains(key(q)), let owner = owningBody(before: q), owner != m.entity {
                        addTriple(m.entity, .alliedWith, owner, bytes: m.bytes, confidence: conf * 0.8)
                    }
                }
            }
            // "The group's suicide wing, the Majeed Brigade, …"
            if Document.subUnitTypes.contains(tm), after + 2 < r.upperBound, key(after) == w.possessive {
                var j = after + 1
                var a = 0
                while j < r.upperBound, a < 2, tokens[j].kind == .word, !tokens[j].capitalized, !Document.subUnitNouns.contains(key(j)) { j += 1; a += 1 }
                if j + 2 < r.upperBound, Document.subUnitNouns.contains(key(j)), key(j + 1) == w.comma {
                    var k2 = j + 2
                    if key(k2) == w.theKey { k2 += 1 }
                    if let o = mention(at: k2), Document.subUnitTypes.contains(type(o)), o.entity != m.entity {
                        addTriple(o.entity, .partOf, m.entity, bytes: m.bytes.lowerBound..<o.bytes.upperBound, confidence: conf * 0.9)
                    }
                }
            }
        }
    }
}

extension Document {
    static let fightNouns: KeySet = KeySet(["clashes", "clash", "fighting", "fight", "battles", "battle", "war", "rivalry", "feud", "conflict", "hostilities", "gunbattles"].map(k))
    static let pronounIt: KeySet = KeySet(["it", "them"].map(k))
    static let auxHave: KeySet = KeySet(["has", "have", "had", "also", "repeatedly", "again", "previously"].map(k))

    /// Opposition and blame stated around the two actors rather than between them.
    func findFramedRelations() {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        for (idx, m) in ms.enumerated() where Document.orgTypes.contains(type(m)) && !entities[m.entity].generic {
            let after = m.tokens.upperBound
            // "The TTP … has long been allied with it": the pronoun is the other body of the sentence
            if m.tokens.lowerBound <= r.lowerBound + 1 {
                for s in after..<r.upperBound {
                    guard let rc = lexicon.relationCues.match(tokens, at: s, limit: r.upperBound), rc.value == .alliedWith || rc.value == .opposed else { continue }
                    let e = s + rc.length
                    if e < r.upperBound, Document.pronounIt.contains(key(e)), e + 1 >= r.upperBound || tokens[e + 1].kind == .punct,
                       let o = ms[(idx + 1)...].last(where: { $0.tokens.upperBound <= s && Document.orgTypes.contains(type($0)) && $0.entity != m.entity && !entities[$0.entity].generic }) {
                        addTriple(m.entity, rc.value, o.entity, bytes: m.bytes.lowerBound..<Int(tokens[e].end), confidence: conf * 0.7)
                    }
                    break
                }
            }
        }
    }
}
