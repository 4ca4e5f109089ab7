import Foundation
import NewsGraphCore

/// Event triggers, their arguments, in-article event coreference, casualty figures and claims.
extension Document {
    static let distinctWords: KeySet = KeySet(["separate", "another", "second", "third", "new", "fresh", "earlier", "different", "further"].map(k))
    static let beAux: KeySet = KeySet(["was", "were", "been", "being", "is", "are", "be", "got", "get", "had", "have", "has"].map(k))
    static let edgeNouns: KeySet = KeySet(["outskirts", "edge", "edges", "vicinity", "suburbs", "outskirt", "heart", "centre", "center"].map(k))
    static let anaphoricPlaceNouns: KeySet = KeySet(["town", "city", "village", "district", "township", "area"].map(k))
    static let callWords: KeySet = KeySet(["called", "call", "calls", "calling"].map(k))
    static let periodUnits: KeySet = KeySet(["months", "weeks", "days", "years", "quarters", "half"].map(k))
    static let openingPreps: KeySet = KeySet(["on", "in", "after", "during", "at"].map(k))
    static let subordinators: KeySet = KeySet(["when", "while", "whereas", "after", "before", "because", "although", "though", "until", "where", "since", "whilst"].map(k))
    static let modals: KeySet = KeySet(["will", "would", "shall", "plan", "plans", "planned", "planning", "intend", "intends", "threatened", "threatens", "vowed", "vow", "vows", "could", "might", "may", "to", "warned", "should"].map(k))
    static let habitual: KeySet = KeySet(["similar", "several", "multiple", "frequent", "repeated", "numerous", "many", "past", "previous", "series", "spate", "wave", "recent", "such", "future", "further", "more"].map(k))
    static let placePreps: KeySet = KeySet(["in", "at", "near", "outside", "around", "across", "inside", "from", "into", "off", "close", "on"].map(k))
    static let clauseBreak: KeySet = KeySet([";", ":", "—", "–", "\"", "“", "”"].map(k))
    static let killWords: KeySet = KeySet(["killed", "dead", "died", "martyred", "slain", "perished", "killing", "kill", "kills", "deaths", "dies", "lost"].map(k))
    static let injureWords: KeySet = KeySet(["injured", "wounded", "hurt", "injuring", "wounding", "injuries", "injures", "wounds", "harmed"].map(k))
    static let noneWords: KeySet = KeySet(["no", "nobody", "none"].map(k))
    static let tollWords: KeySet = KeySet(["toll", "tally"].map(k))
    static let riseVerbs: KeySet = KeySet(["risen", "rose", "climbed", "increased", "reached", "jumped", "grown", "grew"].map(k))
    static let partWords: KeySet = KeySet(["including", "includes", "among"].map(k))
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

    /// Finds triggers in the current sentence, resolves each to a new or existing event, fills arguments.
    func findEvents(dates: [DateMention]) {
        eventMentions.removeAll(keepingCapacity: true)
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
        // "ISSP … killed at least 40 villagers near Ménaka": an armed group killing people is an attack
        if let v = groupKillingVerb(), !matches.contains(where: { [.attack, .bombing, .clash, .operation, .killing].contains($0.1.type) && $0.0.lowerBound < v }) {
            matches.append((v..<(v + 1), TriggerInfo(type: .attack, cameo: "180", acled: "Violence against civilians/Attack", form: tokenText(v))))
            matches.sort { $0.0.lowerBound < $1.0.lowerBound }
        }
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

    func handleTrigger(_ tr: Range<Int>, _ info: TriggerInfo, dates: [DateMention]) {
        let r = sentenceRange
        let first = tr.lowerBound
        let prev = first > r.lowerBound ? first - 1 : nil
        let triggerText = span(tr)
        let lowerTrigger = triggerText.lowercased()
        // "attacked", and phrasal verbs whose verb is past: "gunned down", "blown up", "shot dead"
        let firstWord = Names.firstWord(lowerTrigger)
        let isVerbPast = lowerTrigger.hasSuffix("ed") && !lowerTrigger.hasSuffix("ied") || lowerTrigger == "shot dead"
            || (firstWord != lowerTrigger && (firstWord.hasSuffix("ed") || firstWord == "blown" || firstWord == "shot") && tokens[first].kind == .word)
        let passive = isVerbPast && prev.map { Document.beAux.contains(key($0)) || (tokens[$0].kind == .word && lower($0).hasSuffix("ly") && $0 > r.lowerBound && Document.beAux.contains(key($0 - 1))) } ?? false
        let definite = prev.map { Document.determinersDefinite.contains(key($0)) || key($0) == w.possessive } ?? false
            || (first >= r.lowerBound + 2 && Document.determinersDefinite.contains(key(first - 2)) && tokens[first - 1].kind == .word && !tokens[first - 1].capitalized)
        let indefinite = prev.map { Document.determinersIndefinite.contains(key($0)) || tokens[$0].kind == .number } ?? false
        let distinct = (max(r.lowerBound, first - 3)..<first).contains { Document.distinctWords.contains(key($0)) }
        let pluralNoun = !isVerbPast && lowerTrigger.hasSuffix("s") && !lowerTrigger.hasSuffix("ss") && prev.map { !Document.beAux.contains(key($0)) && tokens[$0].kind == .word && !lexicon.descriptors.contains(tokens, at: $0, limit: first) } ?? false

        // "police blamed Boko Haram for the abduction", "the attack was blamed on X": an attribution (see
        // attributeBlame), not a statement
        if info.type == .statement, isAttribution(tr) { return }
        // "urged the government to deny", "will announce": a planned statement is not one
        if info.type == .statement, let p = prev, key(p) == w.w_to || key(p) == w.w_will || key(p) == w.would { return }
        // "repelled the attack", "repulsed a cowardly attack": the noun that follows carries the event
        if info.type == .clash || info.type == .operation,
           (tr.upperBound..<min(r.upperBound, tr.upperBound + 4)).contains(where: { j in
               tokens[j].kind == .word && (lexicon.triggers.match(tokens, at: j, limit: r.upperBound).map { Document.family($0.value.type) <= 1 && $0.value.type != info.type } ?? false)
           }) { return }
        // planned, habitual or hypothetical: no event
        if info.type != .statement && info.type != .claim {
            // "… on October 10 in protest": a purpose, not a protest of its own
            if info.type == .protest, let p = prev, key(p) == w.w_in { return }
            // "called for a bandh", "calls for a general strike": a call, not the action
            if (min(first, max(r.lowerBound + 1, first - 3))..<first).contains(where: { key($0) == w.forKey && Document.callWords.contains(key($0 - 1)) }) { return }
            // "412 people were kidnapped in Burkina Faso in the first seven months of the year": a statistic
            if statistic(near: first) { return }
            for j in max(r.lowerBound, first - 3)..<first where Document.modals.contains(key(j)) {
                // "to" only counts directly before a verb form ("to attack"), not "in response to the attack"
                if key(j) == w.w_to && (j != first - 1 || lexicon.cues.match(tokens, at: max(r.lowerBound, j - 3), limit: j + 1) != nil || prevIsCueEnd(j)) { continue }
                return
            }
            // "in response to the repeated attacks by X": a cause named by the text is an event even when habitual
            let afterCue = (max(r.lowerBound, first - 4)..<first).contains { prevIsCueEnd($0) }
            if !afterCue {
                if let p = prev, Document.habitual.contains(key(p)) { return }
                if first >= r.lowerBound + 2, Document.habitual.contains(key(first - 2)), !definite { return }
            }
        }

        var factuality: Factuality = .asserted
        var confidence = 0.85 * sentenceHedge
        if sentenceHedge < 1 { factuality = .reported }
        if info.type != .statement {
            for j in max(r.lowerBound, first - 6)..<first where lexicon.negations.contains(tokens, at: j, limit: first) {
                // a negation in another clause does not count
                if (j..<first).contains(where: { key($0) == w.comma || Document.clauseBreak.contains(key($0)) }) { continue }
                factuality = .denied
                confidence *= 0.6
                break
            }
            if factuality == .denied && info.type == .claim { return } // "No group has claimed responsibility"
            if factuality == .denied, let prior = events.indices.last(where: { !events[$0].dropped && Document.family(events[$0].type) == Document.family(info.type) }) {
                // "denied that the camp had been overrun": a disputed detail of an event already reported
                eventMentions.append(EventMention(tokens: tr, event: prior))
                return
            }
        }
        if quoted(first) { confidence *= 0.85 }

        // ", killing X": the result of an event already mentioned in this sentence, not a new event
        if info.type == .killing, lowerTrigger.hasSuffix("ing"), let p = prev, key(p) == w.comma,
           let host = eventMentions.last(where: { [.attack, .bombing, .clash, .operation].contains(events[$0.event].type) }) {
            let persons = mentions.filter { $0.tokens.lowerBound >= tr.upperBound && $0.tokens.lowerBound <= tr.upperBound + 14 && entities[$0.entity].type == .person }
            for m in persons where !events[host.event].target.contains(m.entity) { events[host.event].target.append(m.entity) }
            eventMentions.append(EventMention(tokens: tr, event: host.event))
            return
        }

        // arguments, from the parse (Arguments.swift)
        let isNounish = definite || indefinite || !(isVerbPast || lowerTrigger.hasSuffix("s") && !lowerTrigger.hasSuffix("ss") || lowerTrigger.hasSuffix("ing"))
        // the mentions after and before the trigger, as slices (no array per trigger): mentions are found left to
        // right, so their starts increase; their ends do too unless a facility phrase swallowed a place
        let after = mentions[(mentions.firstIndex { $0.tokens.lowerBound >= tr.upperBound } ?? mentions.count)...]
        let before = zip(mentions, mentions.dropFirst()).allSatisfy({ $0.tokens.upperBound <= $1.tokens.upperBound })
            ? mentions[..<(mentions.firstIndex { $0.tokens.upperBound > first } ?? mentions.count)]
            : ArraySlice(mentions.filter { $0.tokens.upperBound <= first })
        let args = arguments(ofTrigger: tr, type: info.type)
        var agents = args.agents
        var targets = args.targets
        let info = retyped(info, contextualType(of: tr, info.type, agents: agents))
        if [.attack, .bombing, .operation].contains(info.type) {
            for owner in facilityOwners(of: targets) where !targets.contains(owner) { targets.append(owner) }
        }
        agents = agents.filter { !targets.contains($0) }
        // "two persons were arrested" during an operation: the operation's forces made the arrest
        if info.type == .arrest, passive, agents.isEmpty, let host = eventMentions.last(where: { events[$0.event].type == .operation }) {
            agents = events[host.event].agent
        }
        if info.type != .claim && info.type != .statement {
            agents = agents.filter { entities[$0].type != .person || info.type == .killing || info.type == .arrest || info.type == .abduction }
        }

        // place and date
        let place = placeFor(trigger: tr, after: after, before: before)
        if debugSink { FileHandle.standardError.write(Data("    agents \(agents.map { entities[$0].name }) targets \(targets.map { entities[$0].name }) passive \(passive) nounish \(isNounish)\n".utf8)) }
        let date = dateFor(trigger: tr, type: info.type, dates: dates)

        // the cause named after a cue ("the attack was revenge for a US airstrike") is never the sentence's own effect
        let causeOfSentenceEvent = !eventMentions.isEmpty && (max(r.lowerBound, first - 5)..<first).contains { prevIsCueEnd($0) }
        if pluralNoun && agents.isEmpty && targets.isEmpty && place == nil && info.type != .statement && info.type != .protest && !causeOfSentenceEvent {
            // "both attacks", "the operations": a reference, not a new incident
            if let prior = events.indices.last(where: { !events[$0].dropped && events[$0].type == info.type })
                ?? events.indices.last(where: { !events[$0].dropped && Document.family(events[$0].type) == Document.family(info.type) }) {
                eventMentions.append(EventMention(tokens: tr, event: prior))
            }
            return
        }
        // "drove a car bomb into the base, after which the fighters stormed the base": the next phase of the same incident
        let continuation = (max(r.lowerBound, first - 6)..<first).contains { j in key(j) == w.afterKey && j + 1 < first && key(j + 1) == w.w_which }
        // "explosives-laden drones hit a base …, in an attack claimed by the ELN": a second noun for the sentence's incident
        if !distinct, isNounish || continuation && Document.family(info.type) == 0, info.type != .statement, info.type != .claim,
           let host = eventMentions.last(where: { !events[$0.event].dropped && (events[$0.event].type == info.type || Document.family(events[$0.event].type) == 0 && Document.family(info.type) == 0) }),
           continuation || !(host.tokens.upperBound..<first).contains(where: { lexicon.cues.contains(tokens, at: $0, limit: first) || key($0) == w.semicolon }),
           agents.isEmpty || events[host.event].agent.isEmpty || agentsRelated(agents, events[host.event].agent),
           place.map({ p in events[host.event].place.map { placesCompatible(p.entity, $0) } ?? true }) ?? true {
            merge(into: host.event, agents: agents, targets: targets, place: place, date: date, prov: provenance(tokens: tr), factuality: factuality, confidence: confidence)
            eventMentions.append(EventMention(tokens: tr, event: host.event))
            return
        }
        // coreference with an existing event
        let demonstrative = prev.map { key($0) == w.w_that || key($0) == w.w_this } ?? false
        let ev = distinct ? nil : resolveEvent(type: info.type, definite: definite, demonstrative: demonstrative, agents: agents, targets: targets, place: place?.entity, date: date?.inferred == true ? nil : date?.date, byte: Int(tokens[first].start),
                                                     excluding: causeOfSentenceEvent ? Set(eventMentions.map(\.event)) : [])
        let prov = provenance(tokens: tr)
        if let e = ev {
            merge(into: e, agents: agents, targets: targets, place: place, date: date, prov: prov, factuality: factuality, confidence: confidence)
            eventMentions.append(EventMention(tokens: tr, event: e))
            return
        }
        // a bare definite reference with nothing to corefer to and no arguments is background ("the attack" in a claim)
        if definite && agents.isEmpty && targets.isEmpty && place == nil && info.type != .claim && info.type != .statement && tokens[first].capitalized == false {
            if !(info.type == .killing && !targets.isEmpty) { return }
        }
        var e = DocEvent(type: info.type, trigger: triggerText, cameo: info.cameo, acled: info.acled, confidence: confidence,
                         firstByte: Int(tokens[first].start), lastSeen: Int(tokens[first].start))
        e.factuality = factuality
        events.append(e)
        let idx = events.count - 1
        merge(into: idx, agents: agents, targets: targets, place: place, date: date, prov: prov, factuality: factuality, confidence: confidence)
        eventMentions.append(EventMention(tokens: tr, event: idx))
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
        var best: (entity: Int, sentence: Int, start: Int)? = nil
        for i in entities.indices where entities[i].type == .person {
            guard let m = entities[i].mentions.last(where: { $0.sentence < sentenceIndex }) else { continue }
            if best == nil || (m.sentence, m.start) > (best!.sentence, best!.start) { best = (i, m.sentence, m.start) }
        }
        guard let b = best, sentenceIndex - b.sentence <= 3 else { return nil }
        return b.entity
    }

    /// Whether the trigger's clause counts over a period ("in the first seven months of the year", "so far this year",
    /// "between January and July"): a statistic, not an incident.
    func statistic(near first: Int) -> Bool {
        let r = sentenceRange
        let lo = max(r.lowerBound, first - 12), hi = min(r.upperBound, first + 14)
        guard lo < hi else { return false }
        for j in lo..<hi {
            if key(j) == w.firstKey, j + 2 < hi, number(at: j + 1, limit: hi) != nil, Document.periodUnits.contains(key(j + 2)) { return true }
            if key(j) == w.soKey, j + 3 < r.upperBound, key(j + 1) == w.farKey, key(j + 2) == w.w_this { return true }
            if key(j) == w.betweenKey, j + 3 < r.upperBound, Document.monthNames[key(j + 1)] != nil, key(j + 2) == w.w_and, Document.monthNames[key(j + 3)] != nil { return true }
        }
        return false
    }

    /// Whether the entity is a country of the lexicon (countries act: "Russia launched 214 drones"; towns do not).
    func isCountry(_ e: Int) -> Bool {
        guard entities[e].type == .place, let li = entities[e].lexiconIndex else { return false }
        return lexicon.entities[li].parent == nil
    }

    /// The most specific place of the trigger's clause: "in Shah Mardan area of Kalat" → Shah Mardan.
    func placeFor(trigger tr: Range<Int>, after: ArraySlice<Mention>, before: ArraySlice<Mention>) -> Mention? {
        func isPlace(_ m: Mention) -> Bool { entities[m.entity].type == .place }
        func prepositioned(_ m: Mention) -> Bool {
            var p = m.tokens.lowerBound - 1
            // "in the mountainous Daraban tehsil", "in northeastern Borno": one adjective between
            if p > sentenceRange.lowerBound, tokens[p].kind == .word, !tokens[p].capitalized, !Document.placePreps.contains(key(p)), key(p) != w.w_the,
               key(p - 1) == w.w_the || Document.placePreps.contains(key(p - 1)), lexicon.heads.match(tokens, at: p, limit: p + 1) == nil { p -= 1 }
            if p >= sentenceRange.lowerBound, key(p) == w.w_the { p -= 1 }
            // "in the city's Kyivskyi district"
            if p >= sentenceRange.lowerBound + 3, key(p) == w.possessive, Document.anaphoricPlaceNouns.contains(key(p - 1)), key(p - 2) == w.w_the,
               Document.placePreps.contains(key(p - 3)) { return true }
            if p >= sentenceRange.lowerBound, key(p) == w.possessive { return false }
            // "on the outskirts of Mogadishu", "in the vicinity of Kyaukpyu", "near the town of Shebekino"
            if p > sentenceRange.lowerBound, key(p) == w.ofKey, Document.edgeNouns.contains(key(p - 1)) || Document.anaphoricPlaceNouns.contains(key(p - 1)) { return true }
            return p >= sentenceRange.lowerBound && Document.placePreps.contains(key(p))
        }
        // the place belongs to this trigger only up to the next event word ("… the attack was in retaliation for a raid in Gichk")
        var horizon = min(sentenceRange.upperBound, tr.upperBound + 25)
        for j in tr.upperBound..<horizon where tokens[j].kind == .word {
            if let t = lexicon.triggers.match(tokens, at: j, limit: sentenceRange.upperBound), t.value.type != .claim, t.value.type != .statement { horizon = j; break }
            if lexicon.cues.contains(tokens, at: j, limit: sentenceRange.upperBound) { horizon = j; break }
        }
        if let m = after.first(where: { isPlace($0) && prepositioned($0) && $0.tokens.lowerBound < horizon }) { return m }
        // a facility target named with its place: "camp in Kalat"
        if let m = after.first(where: { entities[$0.entity].type == .facility && $0.tokens.lowerBound - tr.upperBound <= 6 }),
           let p = mentions.first(where: { isPlace($0) && $0.tokens.lowerBound >= m.tokens.lowerBound && $0.tokens.upperBound <= m.tokens.upperBound }) {
            return p
        }
        if let m = before.last(where: { isPlace($0) && prepositioned($0) && tr.lowerBound - $0.tokens.upperBound <= 12 }) { return m }
        // "protests in the town", "a sit-in in the district": the last place below country level
        for j in tr.upperBound..<max(tr.upperBound, min(horizon, sentenceRange.upperBound - 2)) where Document.placePreps.contains(key(j)) && key(j + 1) == w.w_the && Document.anaphoricPlaceNouns.contains(key(j + 2)) {
            if let p = mentions.last(where: { isPlace($0) && !isCountry($0.entity) && $0.tokens.upperBound <= tr.lowerBound }) ?? recentEntity([.place], before: Int(tokens[tr.lowerBound].start), excluding: { self.isCountry($0) }).map({ Mention(tokens: j..<(j + 3), bytes: bytes(j..<(j + 3)), entity: $0, anaphoric: true) }) {
                return p
            }
            break
        }
        // "Kharkiv: two people were killed" (live blogs), "Belgorod: …"
        if let m = before.first, isPlace(m), m.tokens.lowerBound == sentenceRange.lowerBound || (m.tokens.lowerBound <= sentenceRange.lowerBound + 3 && key(m.tokens.upperBound) == w.colon) { return m }
        return nil
    }

    /// An existing event this trigger refers to, if any.
    func resolveEvent(type: EventType, definite: Bool, demonstrative: Bool = false, agents: [Int], targets: [Int], place: Int?, date: String?, byte: Int, excluding: Set<Int> = []) -> Int? {
        var best: (Int, Int)? = nil
        let family = Document.family(type)
        let violent: EventTypes = [.attack, .bombing, .clash, .operation]
        // fields are read through `events[idx]` rather than a copy of the event: a copy retains and releases
        // its strings and arrays, for every event of the article, on every trigger
        for idx in events.indices.reversed() where !events[idx].dropped && !excluding.contains(idx) {
            let eType = events[idx].type
            let sameType = eType == type
            let sameFamily = Document.family(eType) == family
            // "The killings triggered a protest": the deaths of an incident already reported
            let deathsOf = type == .killing && definite && targets.isEmpty && violent.contains(eType) && (events[idx].killed ?? 0) > 0
            guard sameType || (definite && sameFamily) || (type == .killing && !targets.isEmpty && (eType == .operation || eType == .attack)) || deathsOf else { continue }
            // conflicts
            if let d = date, let ed = events[idx].date, d != ed, !definite { continue }
            if !agents.isEmpty, !events[idx].agent.isEmpty, !agentsRelated(agents, events[idx].agent), !(type == .claim) { continue }
            let ePlace = events[idx].place
            // "Tuesday's ambush" names its day: a place the definite reference picked up from its clause does not
            // keep it apart from that day's ambush
            let sameDay = definite && sameType && date != nil && date == events[idx].date
            if let p = place, let ep = ePlace, !placesCompatible(p, ep), !sameDay { continue }
            if type == .claim || type == .statement {
                if !agents.isEmpty && !events[idx].agent.isEmpty && !agentsRelated(agents, events[idx].agent) { continue }
            }
            var score = 0
            if let p = place, let ep = ePlace, placesCompatible(p, ep) { score += 2 }
            let sharesTarget = !targets.isEmpty && targets.contains(where: { events[idx].target.contains($0) })
            if sharesTarget { score += 3 }
            if !agents.isEmpty, agentsRelated(agents, events[idx].agent) { score += 1 }
            if let d = date, d == events[idx].date { score += 1 }
            // a protest told in several verbs ("protest in Butembo … hundreds marched") is one protest
            if type == .protest, eType == .protest, place == nil || ePlace == nil { score += 2 }
            // a trigger that says nothing new ("attacking it") continues the last event of its family
            let bare = agents.isEmpty && targets.isEmpty && place == nil && date == nil && sameType
            let positive = score >= 2 || bare || (type == .claim && (agents.isEmpty || score >= 1)) || (type == .statement && score >= 1 && agents.count > 0)
            if type == .killing && !targets.isEmpty && !sharesTarget { continue }
            if definite || positive {
                // definite references go to the most salient compatible event: same type, often mentioned, recent
                // "that attack", "this operation": the one just spoken of, whatever was mentioned most
                let lastSeen = events[idx].lastSeen
                let s = demonstrative ? (sameType ? 1_000_000_000 : 0) + lastSeen
                    : definite ? (sameType ? 100 : 0) + min(events[idx].mentions.count, 6) * 10 + (idx == events.count - 1 ? 5 : 0) + score
                    : score * 1000 + lastSeen / 1_000_000
                if best == nil || s > best!.1 { best = (idx, s) }
            }
        }
        return best?.0
    }

    /// Whether two agent lists name the same actor, or a body and its parent ("ISPR" and "Pakistan Army").
    func agentsRelated(_ a: [Int], _ b: [Int]) -> Bool {
        for x in a { for y in b where x == y || partOf(x, y) || partOf(y, x) { return true } }
        return false
    }

    func partOf(_ a: Int, _ b: Int) -> Bool {
        hasTriple(subject: a) { $0.object == b && ($0.predicate == .partOf || $0.predicate == .spokespersonOf || $0.predicate == .memberOf) }
    }

    func placesCompatible(_ a: Int, _ b: Int) -> Bool {
        a == b || contained(a, in: b) || contained(b, in: a)
    }

    func contained(_ a: Int, in b: Int) -> Bool {
        // the containers of `a`, transitively (most places have none: no set or list is made for them)
        if a < triplesBySubject.count, triplesBySubject[a].contains(where: { tripleOrder[$0].predicate == .locatedIn }) {
            var seen: Set<Int> = [a]
            var frontier = [a]
            while let x = frontier.popLast() {
                guard x < triplesBySubject.count else { continue }
                for i in triplesBySubject[x] where tripleOrder[i].predicate == .locatedIn && !seen.contains(tripleOrder[i].object) {
                    let o = tripleOrder[i].object
                    if o == b { return true }
                    seen.insert(o)
                    frontier.append(o)
                }
            }
        }
        if let la = entities[a].lexiconIndex, let lb = entities[b].lexiconIndex {
            var p = lexicon.entities[la].parent
            var hops = 0
            while let name = p, hops < 4 {
                if name.lowercased() == lexicon.entities[lb].name.lowercased() { return true }
                p = lexicon.entity(named: name)?.parent
                hops += 1
            }
        }
        return false
    }

    func merge(into e: Int, agents: [Int], targets: [Int], place: Mention?, date: DateMention?, prov: Provenance, factuality: Factuality, confidence: Double) {
        for a in agents where !events[e].agent.contains(a) && !events[e].agent.contains(where: { partOf(a, $0) && entities[a].type == .organization }) {
            events[e].agent.append(a)
        }
        for t in targets where !events[e].target.contains(t) && !events[e].agent.contains(t) { events[e].target.append(t) }
        if let p = place {
            if let cur = events[e].place {
                if cur != p.entity, contained(p.entity, in: cur) { events[e].place = p.entity }
            } else {
                events[e].place = p.entity
            }
        }
        if events[e].date == nil, let d = date?.date { events[e].date = d }
        if events[e].mentions.count < 200 { events[e].mentions.append(prov) }
        events[e].lastSeen = max(events[e].lastSeen, prov.start)
        if factuality == .asserted, events[e].factuality == .reported { events[e].factuality = .asserted; events[e].confidence = max(events[e].confidence, confidence) }
        if factuality == .denied && events[e].mentions.count == 1 { events[e].factuality = .denied }
    }

    // MARK: casualties

    /// Casualty figures in the current sentence, given to the event mentioned nearest to each figure.
    func findCasualties() {
        let r = sentenceRange
        guard !events.isEmpty else { return }
        // a figure told by an armed group or its spokesperson is a partisan claim
        let speakerIsGroup = sentenceParse().map { sp in
            sp.tokens.contains { say in
                lexicon.argumentWords.contains(lowerWord(say), as: .speechVerb)
                    && agentFromSubject(say).contains { self.entities[$0].type == .group || self.bodyOf($0).map { self.entities[$0].type == .group } ?? false }
            }
        } ?? false
        let claimHere = eventMentions.contains { events[$0.event].type == .claim }
        var i = r.lowerBound
        while i < r.upperBound {
            // "No one was killed", "nobody was hurt"
            if Document.noneWords.contains(key(i)) {
                var j = i + 1
                while j < min(r.upperBound, i + 5) {
                    if Document.killWords.contains(key(j)) { assign(killed: 0, near: i, strength: 3); break }
                    if Document.injureWords.contains(key(j)) { assign(injured: 0, near: i, strength: 3); break }
                    j += 1
                }
            }
            guard let n = number(at: i, limit: r.upperBound) else { i += 1; continue }
            let quotedFigure = quoted(i)
            var strength = quotedFigure ? 1 : 3
            if sentenceHedge < 1 { strength = 2 }
            if claimHere || speakerIsGroup { i += n.length; continue }
            // "25 kilometres", "900 pesos": a measure, not a count of people
            if i + n.length < r.upperBound, lexicon.measures.contains(key(i + n.length)) { i += n.length; continue }
            // "the death toll … rose to three": an update
            var tollUpdate = false
            if i >= r.lowerBound + 2, key(i - 1) == w.w_to {
                for j in max(r.lowerBound, i - 8)..<i where Document.tollWords.contains(key(j)) { tollUpdate = true }
                // "The death toll from Saturday's massacre in …, has risen to 27"
                if Document.riseVerbs.contains(key(i - 2)), (r.lowerBound..<i).contains(where: { Document.tollWords.contains(key($0)) }) { tollUpdate = true }
            }
            // "nine people, including four soldiers, were killed": the part is not the total
            if i > r.lowerBound, Document.partWords.contains(key(i - 1)) { i += n.length; continue }
            if tollUpdate { assign(killed: n.value, near: i, strength: 4); i += n.length; continue }
            // NUM … killed / injured within a short window (no other number in between)
            var j = i + n.length
            var found = false
            var window = 8
            while j < min(r.upperBound, i + n.length + window) {
                // skip a parenthetical part: ", including four soldiers,"
                if Document.partWords.contains(key(j)), let p = number(at: j + 1, limit: r.upperBound) {
                    var k2 = j + 1 + p.length
                    while k2 < min(r.upperBound, j + 8), key(k2) != w.comma { k2 += 1 }
                    window += k2 - j + 1
                    j = k2 + 1
                    continue
                }
                if j > i + n.length, number(at: j, limit: r.upperBound) != nil { break }
                if Document.clauseBreak.contains(key(j)) { break }
                if (Document.killWords.contains(key(j)) || Document.injureWords.contains(key(j))), let e = nearestEvent(i), [.attack, .bombing].contains(events[e].type), !quotedFigure {
                    for m in mentions where m.tokens.lowerBound > i && m.tokens.upperBound <= j && [.unit, .group].contains(entities[m.entity].type) && !events[e].agent.contains(m.entity) && !events[e].target.contains(m.entity) {
                        events[e].target.append(m.entity)
                    }
                }
                if Document.killWords.contains(key(j)) || (key(j) == w.shot && j + 1 < r.upperBound && key(j + 1) == w.dead) || (key(j) == w.embraced && j + 1 < r.upperBound && key(j + 1) == w.martyrdom) || (key(j) == w.lost && j + 2 < r.upperBound && key(j + 2) == w.lives) {
                    assign(killed: n.value, near: i, strength: strength); found = true; break
                }
                if Document.injureWords.contains(key(j)) { assign(injured: n.value, near: i, strength: strength); found = true; break }
                j += 1
            }
            if !found, i > r.lowerBound {
                // killing NUM / injuring NUM / killed at least NUM
                var b = i - 1
                while b > r.lowerBound, Document.approx.contains(key(b)) { b -= 1 }
                if Document.killWords.contains(key(b)) { assign(killed: n.value, near: i, strength: strength) } else if Document.injureWords.contains(key(b)) { assign(injured: n.value, near: i, strength: strength) }
            }
            i += n.length
        }
    }

    /// Named victims of a violent event: "Security forces killed a commander named X in an operation".
    func attachVictims() {
        let r = sentenceRange
        for j in r where key(j) == w.killed || key(j) == w.assassinated || key(j) == w.executed {
            let named = mentions.filter { $0.tokens.lowerBound > j && $0.tokens.lowerBound <= j + 6 && entities[$0.entity].type == .person }
            var victims2 = named
            // "commander Zarwali Mahsud, who was killed … when security forces raided …"
            if named.isEmpty, j >= r.lowerBound + 3, (max(r.lowerBound, j - 4)..<j).contains(where: { key($0) == w.who }),
               let p = mentions.last(where: { $0.tokens.upperBound <= j && j - $0.tokens.upperBound <= 5 && entities[$0.entity].type == .person }) {
                victims2 = [p]
            }
            let hosts = eventMentions.filter { [.attack, .bombing, .clash, .operation].contains(events[$0.event].type) }
            guard !victims2.isEmpty, let e = hosts.min(by: { abs($0.tokens.lowerBound - j) < abs($1.tokens.lowerBound - j) })?.event else { continue }
            let victims = victims2
            for v in victims where !events[e].target.contains(v.entity) && !events[e].agent.contains(v.entity) { events[e].target.append(v.entity) }
        }
    }

    func nearestEvent(_ i: Int) -> Int? {
        let violent: EventTypes = [.attack, .bombing, .clash, .operation, .killing]
        if let m = eventMentions.filter({ violent.contains(events[$0.event].type) }).min(by: { abs($0.tokens.lowerBound - i) < abs($1.tokens.lowerBound - i) }) { return m.event }
        return nil
    }

    func assign(killed v: Int, near i: Int, strength: Int) {
        guard let e = nearestEvent(i) else { return }
        if strength > events[e].killedStrength || (strength == events[e].killedStrength && strength < 4 && v > (events[e].killed ?? -1)) {
            events[e].killed = v
            events[e].killedStrength = strength
        }
    }

    func assign(injured v: Int, near i: Int, strength: Int) {
        guard let e = nearestEvent(i) else { return }
        if strength > events[e].injuredStrength || (strength == events[e].injuredStrength && v > (events[e].injured ?? -1)) {
            events[e].injured = v
            events[e].injuredStrength = strength
        }
    }

    // MARK: claims

    /// The body a person speaks for or belongs to, from the article's role triples.
    func bodyOf(_ person: Int) -> Int? {
        firstTriple(subject: person) { $0.predicate == .spokespersonOf || $0.predicate == .memberOf || $0.predicate == .leaderOf }?.object
    }

    /// Links each claim of the sentence to the event it claims ("claimed responsibility for the strike").
    func linkClaims() {
        findSpeechClaims()
        for cm in eventMentions where events[cm.event].type == .claim {
            let claim = cm.event
            let claimable: EventTypes = [.attack, .bombing, .clash, .killing, .abduction]
            let target = eventMentions.first { $0.tokens.lowerBound > cm.tokens.lowerBound && claimable.contains(events[$0.event].type) }?.event
                ?? events.indices.last { events[$0].type != .claim && events[$0].type != .statement && [.attack, .bombing, .clash, .killing, .abduction].contains(events[$0].type) && events[$0].firstByte < Int(tokens[cm.tokens.lowerBound].start) }
            if let t = target, events[claim].claimed == nil { events[claim].claimed = t }
            if events[claim].agent.isEmpty, let t = events[claim].claimed, let g = events[t].agent.first(where: { entities[$0].type == .group }) {
                events[claim].agent = [g]
            }
            // a group claiming an attack is its agent when the text names no other
            if let t = events[claim].claimed, !hasNamedAgent(t) {
                events[t].agent = events[claim].agent.filter { entities[$0].type == .group }
            }
        }
    }
}

extension Document {
    /// Moves everything of event `k` into event `e` and drops `k`: arguments, mentions, causal links, claims.
    func mergeEvent(_ k: Int, into e: Int) {
        guard k != e, !events[k].dropped, !events[e].dropped else { return }
        for a in events[k].agent where !events[e].agent.contains(a) { events[e].agent.append(a) }
        for t in events[k].target where !events[e].target.contains(t) && !events[e].agent.contains(t) { events[e].target.append(t) }
        if events[e].place == nil { events[e].place = events[k].place }
        if events[e].date == nil { events[e].date = events[k].date }
        if events[k].killedStrength > events[e].killedStrength { events[e].killed = events[k].killed; events[e].killedStrength = events[k].killedStrength }
        if events[k].injuredStrength > events[e].injuredStrength { events[e].injured = events[k].injured; events[e].injuredStrength = events[k].injuredStrength }
        events[e].mentions += events[k].mentions.prefix(max(0, 200 - events[e].mentions.count))
        events[k].dropped = true
        for i in causal.indices {
            if causal[i].from == k { causal[i].from = e }
            if causal[i].to == k { causal[i].to = e }
        }
        causal.removeAll { $0.from == $0.to }
        for i in events.indices where events[i].claimed == k { events[i].claimed = e }
        for (key, v) in eventAcronyms where v == k { eventAcronyms[key] = e }
    }

    /// Article-level event coreference once every sentence is read: a killing named by its victim
    /// ("the killing of Baru") is the operation or attack that killed that person, when the article has one.
    func resolveKillings() {
        for k in events.indices where events[k].type == .killing && !events[k].dropped {
            let victims = Set(events[k].target.filter { entities[$0].type == .person })
            guard !victims.isEmpty else { continue }
            let host = events.indices.first { e in
                e != k && !events[e].dropped && [.operation, .attack, .bombing, .clash].contains(events[e].type)
                    && !victims.isDisjoint(with: events[e].target)
            }
            if let h = host { mergeEvent(k, into: h) }
        }
    }
}
