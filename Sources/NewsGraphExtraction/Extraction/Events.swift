import Foundation
import NewsGraphCore

/// Event triggers, their arguments, in-article event coreference, casualty figures and claims.
extension Document {
    static let agentTypes: EntityTypes = [.group, .unit, .organization, .person, .place]

    static func family(_ t: EventType) -> Int {
        switch t {
        case .attack, .bombing, .clash: 0
        case .operation: 1
        case .killing: 2
        default: 10 + t.ordinal
        }
    }

    /// Index of the mention covering or starting at token `i`.
    func mentionIndex(at i: Int) -> Int? { mentions.firstIndex { $0.tokens.contains(i) } }

    func quoted(_ i: Int) -> Bool { i - sentenceRange.lowerBound < quoteDepthAt.count ? quoteDepthAt[i - sentenceRange.lowerBound] : false }

    /// Marks which tokens of the sentence are inside quotation marks.
    func computeQuotes() {
        quoteDepthAt.removeAll(keepingCapacity: true)
        var inside = false
        let straight = w.straightQuote, open = w.openQuote, close = w.closeQuote
        // most sentences quote nobody: no table then (`quoted` answers false past its end)
        guard sentenceRange.contains(where: { let kk = key($0); return kk == open || kk == close || kk == straight }) else { return }
        for i in sentenceRange {
            let kk = key(i)
            if kk == open { inside = true } else if kk == close { inside = false } else if kk == straight { inside.toggle() }
            quoteDepthAt.append(inside)
        }
    }

    /// The sentence's trigger words and phrases from the lexicon, in order: a capitalised trigger mid-sentence is a
    /// name ("March 8", "Strike Force"), a trigger inside an entity name is none, and a named operation takes the
    /// capitalised span ending in its trigger ("Intelligence Based Operations").
    func lexicalTriggers() -> [(Range<Int>, TriggerInfo)] {
        let r = sentenceRange
        var matches: [(Range<Int>, TriggerInfo)] = []
        var i = r.lowerBound
        while i < r.upperBound {
            guard tokens[i].kind == .word, let m = lexicon.triggers.match(tokens, at: i, limit: r.upperBound) else { i += 1; continue }
            // "March 8", "Strike Force": a capitalised trigger word mid-sentence is a name, not an event
            if tokens[i].capitalized, !isSentenceInitial(i), Document.monthNames[key(i)] != nil || !(i + m.length < r.upperBound && tokens[i + m.length].kind == .word && !tokens[i + m.length].capitalized) && i > r.lowerBound && tokens[i - 1].capitalized == false && m.value.type == .protest {
                i += m.length; continue
            }
            var tr = i..<(i + m.length)
            // a trigger inside an entity name ("Frontier Corps Camp") is not an event
            if let mi = mentionIndex(at: i), !isEventName(mentions[mi].tokens) { i = mentions[mi].tokens.upperBound; continue }
            // named operations: the capitalised span ending in the trigger ("Intelligence Based Operations")
            if tokens[i].capitalized && !isSentenceInitial(i) {
                var s = i
                // never back over the previous trigger ("NE Youth 's Death Sparks Protest")
                let floor = max(r.lowerBound, matches.last?.0.upperBound ?? r.lowerBound)
                while s > floor, tokens[s - 1].kind == .word, tokens[s - 1].capitalized, !lexicon.stops.contains(key(s - 1)), mentionIndex(at: s - 1) == nil { s -= 1 }
                if s < i { tr = s..<tr.upperBound }
            }
            matches.append((tr, m.value))
            i = tr.upperBound
        }
        return matches
    }

    /// Triggers the context gives beside the lexicon's, in order: a condemning adjective beside a verb of statement
    /// is no second statement; an armed group killing people is an attack; the killing of one person when nothing
    /// else violent is told; an armed actor's strike verb; sending suicidal fighters.
    func addTriggersFromContext(_ matches: inout [(Range<Int>, TriggerInfo)]) {
        // "condemned the attack as deplorable": a condemning adjective beside a verb of statement is no second statement
        if matches.contains(where: { $0.1.type == .statement && isVerb(atToken: $0.0.lowerBound) == true }) {
            matches.removeAll { $0.1.type == .statement && $0.0.count == 1 && isAdjective(atToken: $0.0.lowerBound) }
        }
        let told = matches.count
        // an event the context tells at token `v`, coded by the lexicon's `context-trigger` record for `kind`
        func add(_ kind: ContextTrigger, at v: Int) {
            guard !matches.contains(where: { $0.0.contains(v) }), let info = lexicon.contextTrigger(kind, form: tokenText(v)) else { return }
            matches.append((v..<(v + 1), info))
        }
        // "ISSP … killed at least 40 villagers near Ménaka": an armed group killing people is an attack
        if let v = groupKillingVerb(), !matches.contains(where: { [.attack, .bombing, .clash, .operation, .killing].contains($0.1.type) && $0.0.lowerBound < v }) {
            add(.groupKilling, at: v)
        }
        // "Gunmen killed a local chief in Kessa": the killing of one person, when nothing else violent is told
        if !matches.contains(where: { Document.violentTypes.contains($0.1.type) }), let v = killingOfOnePerson() {
            add(.killingOfOne, at: v)
        }
        // "Israeli warplanes struck the port": an armed actor's strike
        for s in actorStrikeVerbs() { add(s.aerial ? .aerialStrike : .actorStrike, at: s.token) }
        // "the Front sent suicidal fighters to a camp"
        for v in suicideFighterVerbs() { add(.suicideFighters, at: v) }
        // "the army, supported by police, retaliated": an armed actor fighting back
        for v in returnedFireVerbs() { add(.returnedFire, at: v) }
        if matches.count > told { matches.sort { $0.0.lowerBound < $1.0.lowerBound } }
    }

    /// Finds triggers in the current sentence, resolves each to a new or existing event, fills arguments.
    func findEvents(dates: [DateMention]) {
        eventMentions.removeAll(keepingCapacity: true)
        let r = sentenceRange
        var matches = lexicalTriggers()
        addTriggersFromContext(&matches)
        var deferred: [(Range<Int>, Int)] = [] // killing-noun mentions waiting for the event they name
        var deferredVictims: [Int: [Int]] = [:] // their named victims, by the match index of that event
        for (n, (tr, info)) in matches.enumerated() {
            // "the killing of four of its members in a raid": the killing is the raid's result
            if info.type == .killing, n + 1 < matches.count, matches[n + 1].1.type != .killing, matches[n + 1].1.type != .statement, matches[n + 1].1.type != .claim {
                let nextStart = matches[n + 1].0.lowerBound
                // "the killing of its commander Zarwali in an intelligence-based operation": the named victim is the operation's target
                let victims = mentions.filter { $0.tokens.lowerBound >= tr.upperBound && $0.tokens.upperBound <= nextStart && entities[$0.entity].type == .person }
                let host = matches[n + 1].1.type
                if nextStart - tr.upperBound <= 9, (tr.upperBound..<nextStart).contains(where: { key($0) == w.inKey }),
                   victims.isEmpty || [.operation, .attack, .bombing, .clash].contains(host) {
                    deferred.append((tr, n + 1))
                    deferredVictims[n + 1, default: []] += victims.map(\.entity)
                    continue
                }
            }
            let before = eventMentions.count
            if debugSink { FileHandle.standardError.write(Data("  trigger \(span(tr)) \(info.type)\n".utf8)) }
            handleTrigger(tr, info, dates: dates)
            if eventMentions.count > before, let ev = eventMentions.last?.event {
                for (dtr, target) in deferred where target == n { eventMentions.append(EventMention(tokens: dtr, event: ev)) }
                for v in deferredVictims[n] ?? [] where !events[ev].target.contains(v) && !events[ev].agent.contains(v) { events[ev].target.append(v) }
            }
            // an acronym right after a named operation: "(IBOs)"
            let e = tr.upperBound
            if e + 2 < r.upperBound, key(e) == w.openParen, key(e + 2) == w.closeParen, let last = eventMentions.last, last.tokens == tr {
                eventAcronyms[key(e + 1)] = last.event
            }
        }
        attributeBlame()
        // acronyms of events defined earlier ("IBOs")
        for j in r where tokens[j].kind == .word && tokens[j].allCaps {
            if let ev = eventAcronyms[key(j)], !eventMentions.contains(where: { $0.tokens.contains(j) }), !(j > r.lowerBound && key(j - 1) == w.openParen) {
                eventMentions.append(EventMention(tokens: j..<(j + 1), event: ev))
                events[ev].lastSeen = Int(tokens[j].start)
            }
        }
        eventMentions.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }
    /// `info` with another event type, its CAMEO and ACLED codes those of the type's own trigger word.
    func retyped(_ info: TriggerInfo, _ type: EventType) -> TriggerInfo {
        guard type != info.type, let base = lexicon.trigger(named: type.rawValue) else { return info }
        return TriggerInfo(type: type, cameo: base.cameo, acled: base.acled, form: info.form)
    }

    /// Distance from a trigger to a date expression; dates after the trigger in its clause are closer.
    func dateDistance(_ d: Int, _ t: Int) -> Int {
        d >= t ? (d - t) : (t - d) * 2
    }

    func prevIsCueEnd(_ j: Int) -> Bool {
        // "in response to", "revenge for": a cue ending at j
        for s in max(sentenceRange.lowerBound, j - 4)...j {
            if let c = lexicon.cues.match(tokens, at: s, limit: j + 1), s + c.length == j + 1 { return true }
        }
        return false
    }

    /// The person most recently mentioned before the current sentence, preferring one with a stated role.
    func recentPerson() -> Int? {
        lastNamed(within: 3) { entities[$0].type == .person }
    }

    /// The entity satisfying `isWanted` mentioned last before the current sentence, when that mention is at most
    /// `sentences` sentences back.
    func lastNamed(within sentences: Int, where isWanted: (Int) -> Bool) -> Int? {
        var best: (entity: Int, sentence: Int, start: Int)? = nil
        for i in entities.indices where isWanted(i) {
            guard let m = entities[i].mentions.last(where: { $0.sentence < sentenceIndex }) else { continue }
            if best == nil || (m.sentence, m.start) > (best!.sentence, best!.start) { best = (i, m.sentence, m.start) }
        }
        guard let b = best, sentenceIndex - b.sentence <= sentences else { return nil }
        return b.entity
    }

    /// Whether the trigger's clause counts over a period ("in the first seven months of the year", "so far this year",
    /// "between January and July", "between 2004 and 2025", "since 2006"): a statistic, not an incident.
    func statistic(near first: Int) -> Bool {
        let r = sentenceRange
        let lo = max(r.lowerBound, first - 12), hi = min(r.upperBound, first + 14)
        guard lo < hi else { return false }
        for j in lo..<hi {
            if key(j) == w.firstKey, j + 2 < hi, number(at: j + 1, limit: hi) != nil, ew.periodUnits.contains(key(j + 2)) { return true }
            if key(j) == w.soKey, j + 3 < r.upperBound, key(j + 1) == w.farKey, key(j + 2) == w.w_this { return true }
            if key(j) == w.betweenKey, j + 3 < r.upperBound, Document.monthNames[key(j + 1)] != nil, key(j + 2) == w.w_and, Document.monthNames[key(j + 3)] != nil { return true }
        }
        return countsOverYears(in: lo..<hi)
    }

    /// "Between January 2004 and January 2025, … resulting in 7,683 deaths", "has claimed 480,000 lives since 2006": the
    /// sentence counts over years, so every figure in it is a statistic.
    func countsOverYears(in range: Range<Int>? = nil) -> Bool {
        let r = sentenceRange
        for j in range ?? r where key(j) == w.betweenKey || key(j) == w.sinceKey {
            if key(j) == w.sinceKey, j + 1 < r.upperBound, isYear(j + 1) { return true }
            if key(j) == w.betweenKey, j + 2 < r.upperBound, let and = (j + 2..<min(r.upperBound, j + 5)).first(where: { key($0) == w.w_and }),
               (j + 1..<and).contains(where: isYear), (and + 1..<min(r.upperBound, and + 3)).contains(where: isYear) { return true }
        }
        return false
    }

    /// Whether the entity is a country of the lexicon (countries act: "Russia launched 214 drones"; towns do not).
    func isCountry(_ e: Int) -> Bool {
        guard entities[e].type == .place, let li = entities[e].lexiconIndex else { return false }
        return lexicon.entities[li].parent == nil
    }

    /// "the Pahalgam terror attack", "the 2019 Pulwama attack": a place named as a modifier of the event noun is
    /// the event's place (a country so named is a participant instead: "an Israeli strike", "the Iran attack").
    func placeModifier(of tr: Range<Int>) -> Mention? {
        guard let head = parseHead(of: tr) else { return nil }
        for c in treeChildren(head, ["compound", "nmod", "npadvmod"]) {
            if let m = mention(atParse: c), entities[m.entity].type == .place, !isCountry(m.entity), m.tokens.upperBound <= tr.lowerBound { return m }
        }
        return nil
    }

    /// "in Tarsk province's Kipeta district", "in Eskar's northern port city of Varnok": a place the place after the
    /// preposition possesses lies inside it and is the more specific place.
    func possessedPlace(of m: Mention) -> Mention? {
        let r = sentenceRange
        let e = m.tokens.upperBound
        guard e + 1 < r.upperBound, key(e) == w.possessive else { return nil }
        var j = e + 1
        while j < min(r.upperBound, e + 7) {
            if let mi = mentionIndex(at: j) {
                let p = mentions[mi]
                return p.tokens.lowerBound == j && entities[p.entity].type == .place && p.entity != m.entity ? p : nil
            }
            // only the lower-case words of a description ("northern port city of") may come between
            guard tokens[j].kind == .word, !tokens[j].capitalized else { return nil }
            j += 1
        }
        return nil
    }

    /// "strikes on Eskar's Red Sea port city of Varnok": a place that only modifies a place noun ("port city") is
    /// not the place; the place the noun names with "of" is, and it is the more specific one.
    func placeNamed(byNounModifiedBy m: Mention) -> Mention? {
        guard let p = parseHead(of: m.tokens), ["compound", "nmod", "amod"].contains(label(p)), let noun = treeHead(p),
              let d = documentToken(ofParse: noun), Document.placeNouns.contains(key(d)) else { return nil }
        for o in ofObjects(of: noun) {
            if let named = placeMention(atParse: o), named.entity != m.entity { return named }
        }
        return nil
    }

    /// "attacked the Suárez police station", "a kiosk outside Mandera police station": a facility whose name begins
    /// with a town (listed, or a place the article names) and goes on in common nouns is in that town. Countries
    /// aside ("the Olem embassy").
    func placeNamingFacility(_ f: Mention) -> Mention? {
        let start = f.tokens.lowerBound
        guard f.tokens.count >= 2, tokens[start].capitalized else { return nil }
        var found: (Range<Int>, Int)? = nil
        if let m = lexicon.entityPhrases.match(tokens, at: start, limit: f.tokens.upperBound - 1), lexicon.entities[m.value.entity].type == .place {
            let r = start..<(start + m.length)
            found = (r, entity(surface: span(r), type: .place, strength: 3, lexiconIndex: m.value.entity, bytes: bytes(r), confidence: 0.9))
        } else {
            for n in stride(from: min(3, f.tokens.count - 1), through: 1, by: -1) {
                let r = start..<(start + n)
                if let e = entityByForm[Names.normalize(span(r))], entities[e].type == .place, !entities[e].generic { found = (r, e); break }
            }
        }
        // (a name whose every word is capitalised is a name of its own: "The Washington Post", "Varnok International Airport")
        guard let (r, e) = found, !isCountry(e), (r.upperBound..<f.tokens.upperBound).contains(where: { tokens[$0].kind == .word && !tokens[$0].capitalized }) else { return nil }
        return Mention(tokens: r, bytes: bytes(r), entity: e)
    }

    /// "Fighters raided Kolvane Town on Sunday", "the rebels overran Tessit": a town that is the direct object of the
    /// event verb is where the event happened (a town is never a target, see `canBeTargeted`; a country is one).
    func objectPlace(of tr: Range<Int>) -> Mention? {
        guard let v = parseHead(of: tr), isVerb(v), !isPassive(v) else { return nil }
        for o in treeChildren(v, ["dobj"]) {
            if let m = mention(atParse: o), entities[m.entity].type == .place, !isCountry(m.entity) { return m }
            if let m = placeOfObjectNoun(o) { return m }
        }
        return nil
    }

    /// "Jets struck Varnok port", "jets struck the port of Varnok": an object that is a common noun named after a
    /// town, by a compound or by "of", puts the event in that town.
    func placeOfObjectNoun(_ o: Int) -> Mention? {
        guard mention(atParse: o) == nil else { return nil }
        for n in treeChildren(o, ["compound"]) + ofObjects(of: o) {
            if let m = placeMention(atParse: n), !isCountry(m.entity) { return m }
        }
        return nil
    }

    /// "JNIM, an affiliate based in Mali, claimed the attack", "the brigade, which operates in Kivu, said the raid …":
    /// a place inside a clause or apposition that describes another noun is where that noun is, not where the
    /// event happened. So is a place inside the speaker's phrase: "The embassy in Varnok reported that the
    /// casualties occurred during an attack on a convoy", "the consulates in Olem condemn this attack" (where
    /// the speaker is).
    func describesAnotherNoun(_ m: Mention, trigger tr: Range<Int>) -> Bool {
        guard let p = parseHead(of: m.tokens), let t = parseHead(of: tr) else { return false }
        var a = p
        for _ in 0..<12 {
            guard let h = treeHead(a), h != a else { return false }
            if ["acl", "relcl", "appos"].contains(label(a)) { return a != t && !(syntax?.ancestors(of: t).contains(a) ?? false) }
            if label(a) == "nsubj", lexicon.argumentWords.contains(lowerWord(h), as: .speechVerb) || triggerWord(h)?.type == .statement { return !dominates(a, t) }
            a = h
        }
        return false
    }

    /// "killing the Kessa garrison commander, Colonel Tarik Vell": a facility named as a compound of a person's
    /// noun (a role or a title) tells who the person is, not where the event happened.
    func modifiesPersonNoun(_ m: Mention) -> Bool {
        guard let p = parseHead(of: m.tokens), label(p) == "compound", let h = treeHead(p),
              let d = documentToken(ofParse: h), !m.tokens.contains(d) else { return false }
        return lexicon.roles.contains(tokens, at: d, limit: d + 1) || lexicon.titles.match(tokens, at: d, limit: d + 1) != nil
            || mentions.contains { $0.tokens.contains(d) && entities[$0.entity].type == .person }
    }

    /// "Jets struck targets in Iraq in retaliation for an attack on a factory": a causal cue between a place and a
    /// trigger separates the effect told before the cue from the cause named after it.
    func causalCue(between a: Int, and b: Int) -> Bool {
        (a..<max(a, b)).contains { tokens[$0].kind == .word && lexicon.cues.contains(tokens, at: $0, limit: b) }
    }

    /// Whether parse token `a` is `d` or one of its ancestors.
    func dominates(_ a: Int, _ d: Int) -> Bool {
        var x = d
        for _ in 0..<40 {
            if x == a { return true }
            guard let h = treeHead(x), h != x else { return false }
            x = h
        }
        return false
    }

    /// The most specific place of the trigger's clause: "in Shah Mardan area of Kalat" → Shah Mardan.
    func placeFor(trigger tr: Range<Int>, after: ArraySlice<Mention>, before: ArraySlice<Mention>) -> Mention? {
        func isPlace(_ m: Mention) -> Bool { entities[m.entity].type == .place }
        func prepositioned(_ m: Mention) -> Bool {
            var p = m.tokens.lowerBound - 1
            // "in the mountainous Daraban tehsil", "in northeastern Borno": one adjective between
            if p > sentenceRange.lowerBound, tokens[p].kind == .word, !tokens[p].capitalized, !ew.placePreps.contains(key(p)), key(p) != w.w_the,
               key(p - 1) == w.w_the || ew.placePreps.contains(key(p - 1)), lexicon.heads.match(tokens, at: p, limit: p + 1) == nil { p -= 1 }
            if p >= sentenceRange.lowerBound, key(p) == w.w_the { p -= 1 }
            // "in the city's Kyivskyi district"
            if p >= sentenceRange.lowerBound + 3, key(p) == w.possessive, ew.anaphoricPlaceNouns.contains(key(p - 1)), key(p - 2) == w.w_the,
               ew.placePreps.contains(key(p - 3)) { return true }
            if p >= sentenceRange.lowerBound, key(p) == w.possessive { return false }
            // "on the outskirts of Mogadishu", "in the vicinity of Kyaukpyu", "near the town of Shebekino"
            if p > sentenceRange.lowerBound, key(p) == w.ofKey, ew.edgeNouns.contains(key(p - 1)) || ew.anaphoricPlaceNouns.contains(key(p - 1)) || Document.placeNouns.contains(key(p - 1)) { return true }
            return p >= sentenceRange.lowerBound && ew.placePreps.contains(key(p))
        }
        // the place belongs to this trigger only up to the next event word ("… the attack was in retaliation for a raid in Gichk")
        var horizon = min(sentenceRange.upperBound, tr.upperBound + 25)
        for j in tr.upperBound..<horizon where tokens[j].kind == .word {
            if let t = lexicon.triggers.match(tokens, at: j, limit: sentenceRange.upperBound), t.value.type != .claim, t.value.type != .statement { horizon = j; break }
            if lexicon.cues.contains(tokens, at: j, limit: sentenceRange.upperBound) { horizon = j; break }
        }
        // "attacked the Suárez police station in the department of Cauca": the town a facility is named after
        // (the facility is often the target, which `after` leaves out)
        // (read only where it decides: naming the town may add the town to the article's entities)
        let facility = mentions.first { entities[$0.entity].type == .facility && $0.tokens.lowerBound >= tr.upperBound && $0.tokens.lowerBound - tr.upperBound <= 6
            && !modifiesPersonNoun($0) }
        if let m = after.first(where: { isPlace($0) && prepositioned($0) && $0.tokens.lowerBound < horizon }) {
            if let f = facility, f.tokens.lowerBound < m.tokens.lowerBound, let town = placeNamingFacility(f) { return town }
            let place = possessedPlace(of: m) ?? m
            return placeNamed(byNounModifiedBy: place) ?? place
        }
        if let f = facility, let town = placeNamingFacility(f) { return town }
        if let m = objectPlace(of: tr) { return m }
        if let m = placeModifier(of: tr) { return m }
        // a facility target named with its place: "camp in Kalat"
        if let m = after.first(where: { entities[$0.entity].type == .facility && $0.tokens.lowerBound - tr.upperBound <= 6 && !modifiesPersonNoun($0) }),
           let p = mentions.first(where: { isPlace($0) && $0.tokens.lowerBound >= m.tokens.lowerBound && $0.tokens.upperBound <= m.tokens.upperBound }) {
            return p
        }
        if let m = before.last(where: { isPlace($0) && prepositioned($0) && tr.lowerBound - $0.tokens.upperBound <= 12 && !describesAnotherNoun($0, trigger: tr)
            && !causalCue(between: $0.tokens.upperBound, and: tr.lowerBound) }) {
            return m
        }
        // "protests in the town", "a sit-in in the district": the last place below country level
        for j in tr.upperBound..<max(tr.upperBound, min(horizon, sentenceRange.upperBound - 2)) where ew.placePreps.contains(key(j)) && key(j + 1) == w.w_the && ew.anaphoricPlaceNouns.contains(key(j + 2)) {
            if let p = mentions.last(where: { isPlace($0) && !isCountry($0.entity) && $0.tokens.upperBound <= tr.lowerBound }) ?? recentEntity([.place], before: Int(tokens[tr.lowerBound].start), excluding: { self.isCountry($0) }).map({ Mention(tokens: j..<(j + 3), bytes: bytes(j..<(j + 3)), entity: $0, anaphoric: true) }) {
                return p
            }
            break
        }
        // "Kharkiv: two people were killed" (live blogs), "Belgorod: …"
        if let m = before.first, isPlace(m), m.tokens.lowerBound == sentenceRange.lowerBound || (m.tokens.lowerBound <= sentenceRange.lowerBound + 3 && key(m.tokens.upperBound) == w.colon) { return m }
        return nil
    }
}
