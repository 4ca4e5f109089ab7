import Foundation
import NewsGraphCore

/// In-article event coreference: which event a mention refers to, and how mentions merge into one event.
extension Document {
    /// An existing event this trigger refers to, if any.
    func resolveEvent(type: EventType, definite: Bool, demonstrative: Bool = false, agents: [Int], targets: [Int], place: Int?, date: String?, byte: Int, excluding: Set<Int> = []) -> Int? {
        var best: (Int, Int)? = nil
        let family = Document.family(type)
        let violent: EventTypes = [.attack, .bombing, .clash, .operation]
        // fields are read through `events[idx]` rather than a copy of the event: a copy retains and releases
        // its strings and arrays, for every event of the article, on every trigger
        // (an event telling several incidents at once takes none of them: "attacked four bases … attacked a base in X")
        for idx in events.indices.reversed() where !events[idx].dropped && !excluding.contains(idx) && !events[idx].several {
            let eType = events[idx].type
            let sameType = eType == type
            let sameFamily = Document.family(eType) == family
            // "The killings triggered a protest": the deaths of an incident already reported
            let deathsOf = type == .killing && definite && targets.isEmpty && violent.contains(eType) && (events[idx].killed ?? 0) > 0
            guard sameType || (definite && sameFamily) || (type == .killing && !targets.isEmpty && (eType == .operation || eType == .attack)) || deathsOf else { continue }
            // conflicts
            if let d = date, let ed = events[idx].date, d != ed, !definite { continue }
            // (a clash has two sides: the side told as the subject may be the other mention's opponent)
            let sides = type == .clash && eType == .clash ? events[idx].agent + events[idx].target : events[idx].agent
            if !agents.isEmpty, !events[idx].agent.isEmpty, !agentsRelated(agents, sides), !(type == .claim) { continue }
            let ePlace = events[idx].place
            // "Tuesday's ambush" names its day: a place the definite reference picked up from its clause does not
            // keep it apart from that day's ambush
            let sameDay = definite && sameType && date != nil && date == events[idx].date
            if let p = place, let ep = ePlace, !placesCompatible(p, ep), !sameDay { continue }
            // one statement per speech act: "The government declared a day of mourning. The minister condemned the
            // attack. The government vowed …" are three statements; a statement verb joins a statement of its own
            // sentence, or the same speaker's of the sentence before ("X condemned the attacks. He accused …")
            if type == .statement, eType == .statement, let last = events[idx].mentions.last?.sentence, last != sentenceIndex,
               last < sentenceIndex - 1 || !sameSpeaker(agents, events[idx].agent) { continue }
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

    /// Whether two speakers are one: the same entity, or a body and its spokesperson or member ("the ministry",
    /// "its spokesperson Amar Kessel"). Unlike `agentsRelated`, a generic designation ("the government") is not
    /// everyone: it is only itself.
    func sameSpeaker(_ a: [Int], _ b: [Int]) -> Bool {
        for x in a { for y in b where x == y || partOf(x, y) || partOf(y, x) { return true } }
        return false
    }

    /// Whether two agent lists name the same actor, a body and its parent ("ISPR" and "Pakistan Army"), or a
    /// country and a city of it acting as its government ("Tehran" and "Iran").
    /// A generic designation ("gunmen") is compatible with any actor: the text may name them later.
    func agentsRelated(_ a: [Int], _ b: [Int]) -> Bool {
        if a.allSatisfy({ entities[$0].generic }) || b.allSatisfy({ entities[$0].generic }) { return true }
        for x in a { for y in b where x == y || partOf(x, y) || partOf(y, x) || cityActs(x, for: y) || cityActs(y, for: x) { return true } }
        return false
    }

    /// "Tehran fired a barrage of missiles at Israel" and "Iran launched waves of attacks": a city named as an
    /// actor (see `cityActing`) stands for the government of the country that holds it.
    func cityActs(_ city: Int, for country: Int) -> Bool {
        entities[city].type == .place && !isCountry(city) && isCountry(country) && contained(city, in: country)
    }

    func partOf(_ a: Int, _ b: Int) -> Bool {
        hasTriple(subject: a) { $0.object == b && ($0.predicate == .partOf || $0.predicate == .spokespersonOf || $0.predicate == .memberOf) }
    }

    func placesCompatible(_ a: Int, _ b: Int) -> Bool {
        a == b || contained(a, in: b) || contained(b, in: a) || hyphenNames(a, b) || hyphenNames(b, a)
    }

    /// "the attack in Tarvek-Kessa … the attack in Tarvek": a place named by joining two names with a hyphen holds
    /// (or neighbours) each place it names; an event told at one is compatible with the other.
    func hyphenNames(_ joined: Int, _ part: Int) -> Bool {
        let parts = entities[joined].name.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count >= 2 else { return false }
        let name = Names.normalize(entities[part].name)
        return parts.contains { Names.normalize(String($0)) == name }
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
        // a named actor replaces a generic designation ("gunmen … the attack by the Red Ridge Front")
        if agents.contains(where: { !entities[$0].generic }), !events[e].agent.isEmpty, events[e].agent.allSatisfy({ entities[$0].generic }) {
            events[e].agent.removeAll()
        }
        // (a clash's side already told as its opponent stays the opponent)
        for a in agents where !events[e].agent.contains(a) && !(events[e].type == .clash && events[e].target.contains(a))
            && !events[e].agent.contains(where: { partOf(a, $0) && entities[a].type == .organization })
            && !(entities[a].generic && events[e].agent.contains { !entities[$0].generic }) {
            events[e].agent.append(a)
        }
        for t in targets where !events[e].target.contains(t) && !events[e].agent.contains(t) { events[e].target.append(t) }
        if let p = place {
            if let cur = events[e].place {
                // a more specific place: one inside the current one, or any place below country or province level
                if isFinerPlace(p.entity, than: cur) { events[e].place = p.entity }
            } else {
                events[e].place = p.entity
            }
        }
        events[e].date = mergedDate(events[e].date, date)
        if events[e].mentions.count < 200 { events[e].mentions.append(prov) }
        events[e].lastSeen = max(events[e].lastSeen, prov.start)
        if factuality == .asserted, events[e].factuality == .reported { events[e].factuality = .asserted; events[e].confidence = max(events[e].confidence, confidence) }
        if factuality == .denied && events[e].mentions.count == 1 { events[e].factuality = .denied }
    }

    /// Moves everything of event `k` into event `e` and drops `k`: arguments, mentions, causal links, claims.
    func mergeEvent(_ k: Int, into e: Int) {
        guard k != e, !events[k].dropped, !events[e].dropped else { return }
        for a in events[k].agent where !events[e].agent.contains(a) { events[e].agent.append(a) }
        for t in events[k].target where !events[e].target.contains(t) && !events[e].agent.contains(t) { events[e].target.append(t) }
        // a more specific place of the other mentions ("in Jiribam district" … "a post in Jakuradhor")
        if let kp = events[k].place, events[e].place.map({ isFinerPlace(kp, than: $0) }) ?? true { events[e].place = kp }
        if events[e].date == nil { events[e].date = events[k].date }
        // the larger toll of two read as surely, as `give(killed:to:strength:)` weighs two figures of one event ("three killed" in the
        // headline, "at least five killed" in the lead)
        if events[k].killedStrength > events[e].killedStrength
            || events[k].killedStrength == events[e].killedStrength && events[k].killedStrength < 4 && (events[k].killed ?? -1) > (events[e].killed ?? -1) {
            events[e].killed = events[k].killed; events[e].killedStrength = events[k].killedStrength
        }
        if events[k].injuredStrength > events[e].injuredStrength { events[e].injured = events[k].injured; events[e].injuredStrength = events[k].injuredStrength }
        events[e].mentions += events[k].mentions.prefix(max(0, 200 - events[e].mentions.count))
        events[k].dropped = true
        for i in causal.indices {
            if causal[i].from == k { causal[i].from = e }
            if causal[i].to == k { causal[i].to = e }
        }
        // as in `addLink`, a stated cause or response outranks a bare sequence between the same two events, also when
        // the two were found for tellings joined only now ("Following the attack, …, the army retaliated")
        let stated = Set(causal.filter { $0.relation != .followed }.map { [$0.from, $0.to].sorted() })
        causal.removeAll { $0.from == $0.to || $0.relation == .followed && stated.contains([$0.from, $0.to].sorted()) }
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

    /// "Police blame the Front for an attack on Monday in which gunmen opened fire at a depot near Kessa": a verb
    /// trigger in a relative clause opened by a preposition with "which" ("in which", "during which") tells the
    /// violent incident named by the noun that clause describes (the clause may hang on a modifier of that noun,
    /// "on Monday"). Nil when the trigger is not in such a clause, or a verb lies between the clause and the noun.
    func incidentDescribedByRelativeClause(_ tr: Range<Int>, _ info: TriggerInfo) -> Int? {
        guard Document.family(info.type) == 0, let v = parseHead(of: tr), isVerb(v), let syntax else { return nil }
        // "in which fighters set off explosives and opened fire": a coordinated verb shares the clause
        var clause = v
        if label(clause) == "conj", let h = treeHead(clause), isVerb(h) { clause = h }
        guard label(clause) == "relcl",
              treeChildren(clause, ["prep"]).contains(where: { p in treeChildren(p, ["pobj"]).contains { wordKey($0) == w.w_which } })
        else { return nil }
        for a in syntax.ancestors(of: clause) {
            if isVerb(a) { return nil }
            if let m = eventMentions.last(where: { parseHead(of: $0.tokens) == a && !events[$0.event].dropped }) {
                return Document.family(events[m.event].type) == 0 ? m.event : nil
            }
        }
        return nil
    }
}
