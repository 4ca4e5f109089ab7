import NewsGraphCore

/// Relations read over the token sequence that the parse rules do not cover yet: sub-unit names and possessives, the relation phrases of the `relation` records between adjacent actors,
/// in relative clauses and after a speaker, and partners named with "its".
extension Document {
    static let relativeKeys: KeySet = KeySet(["which", "who", "that"].map(k))
    static let quoteKeys: KeySet = KeySet(["\"", "”", "’", "'"].map(k))
    static let namedKeys: KeySet = KeySet(["called", "named", "dubbed"].map(k))
    static let rivalKeys: KeySet = KeySet(["rival", "rivals", "enemy", "enemies"].map(k))
    static let partnerKeys: KeySet = KeySet(["partner", "partners", "ally", "allies"].map(k))
    static let blameCues: Set<TriplePredicate> = [.accused, .threatened]
    static let itsKeys: KeySet = KeySet(["its", "their"].map(k))
    static let subUnitNouns: KeySet = KeySet(["branch", "wing", "affiliate", "arm", "faction", "offshoot", "franchise", "chapter", "unit",
        "subsidiary", "division", "cell", "province"].map(k))
    static let controlledBy: KeySet = KeySet(["controlled", "run", "commanded", "led", "backed", "created", "formed", "set"].map(k))

    /// "the Majeed Brigade of the Front": a body named with a sub-unit head "of" another is part of it.
    func subUnitOfBody(_ idx: Int, _ m: Mention) {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        let next = idx + 1 < ms.count ? ms[idx + 1] : nil
        let after = m.tokens.upperBound
        if let n = next, Document.subUnitTypes.contains(type(m)), Document.subUnitTypes.contains(type(n)), after < r.upperBound, key(after) == w.ofKey,
           n.tokens.lowerBound <= after + 4, ((after + 1)..<n.tokens.lowerBound).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].capitalized }), entities[m.entity].type == .group || entities[m.entity].type == .unit || entities[m.entity].type == .organization,
           suffixHeadOfEntity(m.entity) {
            addTriple(m.entity, .partOf, n.entity, bytes: m.bytes.lowerBound..<n.bytes.upperBound, confidence: conf)
        }
    }

    /// "the army's Media Wing", "the group's Fateh Squad": a body's possessed body is part of it; "Pakistan's Balochistan" is in it.
    func possessedBody(_ idx: Int, _ m: Mention) {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        let next = idx + 1 < ms.count ? ms[idx + 1] : nil
        let after = m.tokens.upperBound
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
    }

    /// Relation phrases between two adjacent actors: "X, allied with Y", "rival X and Y" (the `relation` records).
    func relationPhrase(_ idx: Int, _ m: Mention) {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        let next = idx + 1 < ms.count ? ms[idx + 1] : nil
        let after = m.tokens.upperBound
        if let n = next, Document.agentTypes.contains(type(m)), Document.agentTypes.contains(type(n)), type(m) != .place || type(n) != .place,
           !entities[m.entity].generic, !entities[n.entity].generic {
            let gap = after..<max(after, n.tokens.lowerBound)
            if gap.count >= 1 && gap.count <= 5 {
                for s in gap {
                    if let rc = lexicon.relationCues.match(tokens, at: s, limit: gap.upperBound) {
                        // a cue the parse stance rules read (accused, warned, allied, backed, fighting …) is theirs
                        if readByStanceRules(lower(s)) { break }
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

    /// Whether a relation cue's first word is one the stance rules of the parse read.
    func readByStanceRules(_ word: String) -> Bool {
        let kinds: [RelationWords.Role] = [.accusationVerb, .attributionVerb, .threatVerb, .fightVerb, .allianceWord, .backingWord, .affiliationWord]
        return kinds.contains { lexicon.relationWords.contains(word, as: $0) }
    }

    /// Sub-units in apposition: "JNIM, al-Qaeda's branch in the Sahel", "X, a unit controlled by Y", "its Radio Andalus station", "their PDF allies".
    func subUnitApposition(_ m: Mention) {
        let r = sentenceRange
        let conf = 0.8 * sentenceHedge
        let ms = mentions
        let after = m.tokens.upperBound
        let tm = type(m)
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
    static let pronounIt: KeySet = KeySet(["it", "them"].map(k))

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
