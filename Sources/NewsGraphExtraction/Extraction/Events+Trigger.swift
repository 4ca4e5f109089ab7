import Foundation
import NewsGraphCore

/// How a trigger is written: verb or noun, definite or not, plural, passive — what decides whether it names a
/// new incident or refers to one already told.
struct TriggerForm {
    var text: String
    var passive = false
    var definite = false
    var distinct = false
    var pluralNoun = false
    var nounish = false
    var demonstrative = false
}

/// One trigger of the current sentence, from its form to the event it names: background mentions are left
/// out, the factuality is read, the arguments are taken from the parse (Arguments.swift), and the mention is
/// merged with the event it refers to or starts a new one.
extension Document {
    func handleTrigger(_ tr: Range<Int>, _ info: TriggerInfo, dates: [DateMention]) {
        let form = triggerForm(tr)
        guard !isBackground(tr, info, form) else {
            explain("\(form.text): background, habitual or planned — not an incident")
            recordHabitualAttacks(tr, info, definite: form.definite)
            return
        }
        guard let (factuality, confidence) = triggerFactuality(tr, info) else { explain("\(form.text): hypothetical or negated — not an incident"); return }
        if attachResult(tr, info) { explain("\(form.text): the result of an incident already told"); return }
        if info.type == .statement, announcesWhatHappened(tr) { explain("\(form.text): reports what happened (an ordinary 'X said')"); return }

        let args = arguments(ofTrigger: tr, type: info.type)
        let info = retyped(info, contextualType(of: tr, info.type, agents: args.agents))
        var agents = args.agents.isEmpty ? causedInfinitiveActors(tr) : args.agents
        var targets = args.targets
        if [.attack, .bombing, .operation].contains(info.type) {
            for owner in facilityOwners(of: targets) where !targets.contains(owner) { targets.append(owner) }
        }
        agents = agents.filter { !targets.contains($0) }
        // "two persons were arrested" during an operation: the operation's forces made the arrest
        if info.type == .arrest, form.passive, agents.isEmpty, let host = eventMentions.last(where: { events[$0.event].type == .operation }) {
            agents = events[host.event].agent
        }
        if info.type != .claim && info.type != .statement {
            let instigating = instigators(of: tr)
            agents = agents.filter { entities[$0].type != .person || info.type == .killing || info.type == .arrest || info.type == .abduction }
            for p in instigating where !agents.contains(p) && !targets.contains(p) { agents.append(p) }
        }
        // (a country that acts or is acted on is a participant, not the event's place: "Israel struck Hodeida")
        let participants = Set(agents + targets)
        let (after, before) = mentionsAround(tr)
        let place = participants.isEmpty ? placeFor(trigger: tr, after: after, before: before)
            : placeFor(trigger: tr, after: ArraySlice(after.filter { !participants.contains($0.entity) }), before: ArraySlice(before.filter { !participants.contains($0.entity) }))
        if debugSink { FileHandle.standardError.write(Data("    agents \(agents.map { entities[$0].name }) targets \(targets.map { entities[$0].name }) place \(place.map { entities[$0.entity].name } ?? "-") passive \(form.passive) nounish \(form.nounish)\n".utf8)) }
        // (the sentence's day is not the day of an earlier incident it measures from: "since the 2019 Kessa bombing")
        let head = parseHead(of: tr)
        let verbal = head.map { isVerb($0) } ?? false
        // (nor is the day of a speech that reports it: "Dask stated on Monday that … the Olem attack")
        let ownDates = head.map { t in isDefiniteNoun(t) ? dates.filter { !datesSpeechAboutIncident($0, definiteNoun: t) } : dates } ?? dates
        let date = verbal || !namesEarlierIncident(tr.lowerBound) ? dateFor(trigger: tr, type: info.type, dates: ownDates) : nil
        record(tr, info, form, EventArguments(agents: agents, targets: targets), place: place, date: date, factuality: factuality, confidence: confidence)
    }

    /// The mentions after and before the trigger, as slices (no array per trigger): mentions are found left to
    /// right, so their starts increase; their ends do too unless a facility phrase swallowed a place.
    func mentionsAround(_ tr: Range<Int>) -> (after: ArraySlice<Mention>, before: ArraySlice<Mention>) {
        let after = mentions[(mentions.firstIndex { $0.tokens.lowerBound >= tr.upperBound } ?? mentions.count)...]
        let before = zip(mentions, mentions.dropFirst()).allSatisfy({ $0.tokens.upperBound <= $1.tokens.upperBound })
            ? mentions[..<(mentions.firstIndex { $0.tokens.upperBound > tr.lowerBound } ?? mentions.count)]
            : ArraySlice(mentions.filter { $0.tokens.upperBound <= tr.lowerBound })
        return (after, before)
    }

    /// "A man mourns his father, who lost his life in one of the attacks": a plural event noun after a quantity
    /// and "of" names a part of a set of incidents told elsewhere, not an incident of its own.
    func isPartitive(_ tr: Range<Int>) -> Bool {
        guard let h = parseHead(of: tr), parseTag(h) == "NNS", label(h) == "pobj", let of = treeHead(h), wordKey(of) == w.ofKey,
              let quantity = treeHead(of) else { return false }
        return ew.partitiveWords.contains(wordKey(quantity))
    }

    /// The form of the trigger at `tr`: "attacked" (past verb), "was attacked" (passive), "the attack" (definite),
    /// "another attack" (distinct), "attacks" (plural noun), "that attack" (demonstrative).
    func triggerForm(_ tr: Range<Int>) -> TriggerForm {
        let r = sentenceRange
        let first = tr.lowerBound
        let prev = first > r.lowerBound ? first - 1 : nil
        var form = TriggerForm(text: span(tr))
        let lowerTrigger = form.text.lowercased()
        // "attacked", and phrasal verbs whose verb is past: "gunned down", "blown up", "shot dead"
        let firstWord = Names.firstWord(lowerTrigger)
        let isVerbPast = lowerTrigger.hasSuffix("ed") && !lowerTrigger.hasSuffix("ied") || lowerTrigger == "shot dead"
            || (firstWord != lowerTrigger && (firstWord.hasSuffix("ed") || firstWord == "blown" || firstWord == "shot") && tokens[first].kind == .word)
        form.passive = isVerbPast && prev.map { ew.beAux.contains(key($0)) || (tokens[$0].kind == .word && lower($0).hasSuffix("ly") && $0 > r.lowerBound && ew.beAux.contains(key($0 - 1))) } ?? false
        let indefinite = prev.map { Document.determinersIndefinite.contains(key($0)) || tokens[$0].kind == .number } ?? false
        // "the deadly attack": one modifier between; "said that an airstrike …" is no such modifier
        form.definite = prev.map { Document.determinersDefinite.contains(key($0)) || key($0) == w.possessive } ?? false
            || (first >= r.lowerBound + 2 && Document.determinersDefinite.contains(key(first - 2)) && tokens[first - 1].kind == .word && !tokens[first - 1].capitalized && !indefinite)
        form.distinct = (max(r.lowerBound, first - 3)..<first).contains { ew.distinctWords.contains(key($0)) } || opensAsAnotherIncident(before: first)
        form.pluralNoun = !isVerbPast && lowerTrigger.hasSuffix("s") && !lowerTrigger.hasSuffix("ss") && prev.map { !ew.beAux.contains(key($0)) && tokens[$0].kind == .word && !lexicon.descriptors.contains(tokens, at: $0, limit: first) } ?? false
        form.nounish = form.definite || indefinite || !(isVerbPast || lowerTrigger.hasSuffix("s") && !lowerTrigger.hasSuffix("ss") || lowerTrigger.hasSuffix("ing"))
        form.demonstrative = prev.map { key($0) == w.w_that || key($0) == w.w_this } ?? false
        return form
    }

    /// The trigger's factuality and confidence (hedged, denied, quoted), or nil when the trigger is used up:
    /// "No group has claimed responsibility" names no claim; "denied that the camp had been overrun" is a
    /// disputed detail of the event already reported.
    func triggerFactuality(_ tr: Range<Int>, _ info: TriggerInfo) -> (Factuality, Double)? {
        let r = sentenceRange
        let first = tr.lowerBound
        var factuality: Factuality = sentenceHedge < 1 ? .reported : .asserted
        var confidence = 0.85 * sentenceHedge
        if info.type != .statement {
            for j in max(r.lowerBound, first - 6)..<first where lexicon.negations.contains(tokens, at: j, limit: first) {
                // a negation in another clause does not count
                if (j..<first).contains(where: { key($0) == w.comma || ew.clauseBreak.contains(key($0)) }) { continue }
                factuality = .denied
                confidence *= 0.6
                break
            }
            if factuality == .denied && info.type == .claim { return nil }
            if factuality == .denied, let prior = events.indices.last(where: { !events[$0].dropped && Document.family(events[$0].type) == Document.family(info.type) }) {
                eventMentions.append(EventMention(tokens: tr, event: prior))
                return nil
            }
        }
        if quoted(first) { confidence *= 0.85 }
        return (factuality, confidence)
    }

    /// "Militants stormed the post, killing three soldiers": a killing participle modifying an event verb is that
    /// event's result, not a new event; its named victims are the event's targets. True when attached.
    func attachResult(_ tr: Range<Int>, _ info: TriggerInfo) -> Bool {
        guard info.type == .killing, let h = parseHead(of: tr), parseTag(h) == "VBG", label(h) == "advcl" || label(h) == "conj",
              let host = eventMentions.last(where: { [.attack, .bombing, .clash, .operation].contains(events[$0.event].type) }) else { return false }
        for v in personsInObject(of: h) where !events[host.event].target.contains(v) {
            events[host.event].target.append(v)
        }
        eventMentions.append(EventMention(tokens: tr, event: host.event))
        return true
    }

    /// The persons named in participle `v`'s phrase: "killing terrorists along with a commander named Amar Kessel".
    func personsInObject(of v: Int) -> [Int] {
        guard let syntax else { return [] }
        var out: [Int] = []
        for p in syntax.subtree(of: v) where p != v {
            if let m = mention(atParse: p), entities[m.entity].type == .person, !out.contains(m.entity) { out.append(m.entity) }
        }
        return out
    }

    /// Records the trigger's event: a plural reference or a second noun of the sentence's incident joins that
    /// event, a reference joins the event it corefers with, anything else starts a new event.
    func record(_ tr: Range<Int>, _ info: TriggerInfo, _ form: TriggerForm, _ args: EventArguments, place: Mention?, date: DateMention?,
                factuality: Factuality, confidence: Double) {
        let r = sentenceRange
        let first = tr.lowerBound
        let (agents, targets) = (args.agents, args.targets)
        let prov = provenance(tokens: tr)
        // the cause named after a cue ("the attack was revenge for a US airstrike") is never the sentence's own effect
        let causeOfSentenceEvent = !eventMentions.isEmpty && (max(r.lowerBound, first - 5)..<first).contains { prevIsCueEnd($0) }
        if form.pluralNoun && agents.isEmpty && targets.isEmpty && place == nil && info.type != .statement && info.type != .protest && !causeOfSentenceEvent {
            // "both attacks", "the operations": a reference, not a new incident
            if let prior = events.indices.last(where: { !events[$0].dropped && events[$0].type == info.type })
                ?? events.indices.last(where: { !events[$0].dropped && Document.family(events[$0].type) == Document.family(info.type) }) {
                eventMentions.append(EventMention(tokens: tr, event: prior))
            }
            return
        }
        if let prior = incidentOfParticipleModifier(tr, info) {
            explain("\(form.text): a participle describing whom it was done to, of \(events[prior].trigger) (\(eventLabel(prior)))")
            // (a mention of the incident, but the sentence's place and day are the later act's)
            merge(into: prior, agents: [], targets: [], place: nil, date: nil, prov: prov, factuality: factuality, confidence: confidence)
            eventMentions.append(EventMention(tokens: tr, event: prior))
            return
        }
        if let host = sentenceIncident(for: tr, info, form, agents: agents, place: place) ?? incidentDescribedByRelativeClause(tr, info) {
            explain("\(form.text): a second name for \(events[host].trigger) (\(eventLabel(host))), the incident of its sentence")
            // "killed 75 people in a drone strike": the more specific type names the incident (a noun; "stormed
            // the camp, blowing up a bridge" is a further act of the attack)
            if events[host].type == .attack, info.type == .bombing, !(parseHead(of: tr).map { isVerb($0) } ?? false) {
                events[host].type = .bombing
                events[host].cameo = info.cameo
                events[host].acled = info.acled
            }
            merge(into: host, agents: agents, targets: targets, place: place, date: date, prov: prov, factuality: factuality, confidence: confidence)
            eventMentions.append(EventMention(tokens: tr, event: host))
            return
        }
        // coreference with an existing event
        // "in retaliation for an ambush two days earlier": an indefinite cause with nothing to join it by is an
        // incident of its own, not the last one told
        let newCause = causeOfSentenceEvent && !form.definite && !form.demonstrative && agents.isEmpty && targets.isEmpty && place == nil
        // "Pakistan's retaliatory action": a response is never the incident it answers, only a response told before
        let answered = tellsAResponse(tr) ? Set(events.indices.filter { !isToldAsResponse($0) }) : []
        let ev = form.distinct || newCause ? nil : resolveEvent(type: info.type, definite: form.definite, demonstrative: form.demonstrative, agents: agents, targets: targets,
                                                    place: place?.entity, date: date?.inferred == true ? nil : date?.date, byte: Int(tokens[first].start),
                                                    excluding: (causeOfSentenceEvent ? Set(eventMentions.map(\.event)) : []).union(answered))
        if let e = ev {
            explain("\(form.text): refers to \(events[e].trigger) (\(eventLabel(e)))")
            merge(into: e, agents: agents, targets: targets, place: place, date: date, prov: prov, factuality: factuality, confidence: confidence)
            eventMentions.append(EventMention(tokens: tr, event: e))
            return
        }
        // a bare definite reference with nothing to corefer to and no arguments is background ("the attack" in a claim)
        if form.definite && agents.isEmpty && targets.isEmpty && place == nil && info.type != .claim && info.type != .statement && tokens[first].capitalized == false {
            explain("\(form.text): a definite reference with no incident to refer to")
            return
        }
        var e = DocEvent(type: info.type, trigger: form.text, cameo: info.cameo, acled: info.acled, confidence: confidence,
                         firstByte: Int(tokens[first].start), lastSeen: Int(tokens[first].start))
        e.factuality = factuality
        // (an incident named after "since" is another incident: never joined to the one the article tells)
        e.distinct = form.distinct || namesEarlierIncident(first)
        e.several = [.attack, .bombing].contains(info.type) && tellsSeveralIncidents(tr)
        e.yearStated = statesAYear(tr)
        events.append(e)
        let idx = events.count - 1
        merge(into: idx, agents: agents, targets: targets, place: place, date: date, prov: prov, factuality: factuality, confidence: confidence)
        eventMentions.append(EventMention(tokens: tr, event: idx))
    }

    /// "The deadliest raid in the district since the 2019 Kessa bombing": an event noun after "since" names an earlier
    /// incident, never a second name for the sentence's own.
    func namesEarlierIncident(_ first: Int) -> Bool {
        let r = sentenceRange
        for j in stride(from: first - 1, through: max(r.lowerBound, first - 5), by: -1) {
            if tokens[j].kind == .word, lexicon.argumentWords.contains(lower(j), as: .earlierIncidentPreposition) { return true }
            if tokens[j].kind != .word && tokens[j].kind != .number { return false }
        }
        return false
    }

    /// The event of this sentence a nominal trigger is a second name for: "explosives-laden drones hit a base …,
    /// in an attack claimed by the ELN"; "drove a car bomb into the base, after which the fighters stormed the
    /// base" (the next phase of the same incident).
    func sentenceIncident(for tr: Range<Int>, _ info: TriggerInfo, _ form: TriggerForm, agents: [Int], place: Mention?) -> Int? {
        if let host = incidentElaborated(by: tr, info) { return host }
        let r = sentenceRange
        let first = tr.lowerBound
        let continuation = (max(r.lowerBound, first - 6)..<first).contains { j in key(j) == w.afterKey && j + 1 < first && key(j + 1) == w.w_which }
        guard !form.distinct, !namesEarlierIncident(first), form.nounish || continuation && Document.family(info.type) == 0, info.type != .statement, info.type != .claim,
              let host = eventMentions.last(where: { !events[$0.event].dropped && (events[$0.event].type == info.type || Document.family(events[$0.event].type) == 0 && Document.family(info.type) == 0) }),
              continuation || !(host.tokens.upperBound..<first).contains(where: { lexicon.cues.contains(tokens, at: $0, limit: first) || key($0) == w.semicolon }),
              agents.isEmpty || events[host.event].agent.isEmpty || agentsRelated(agents, events[host.event].agent),
              place.map({ p in events[host.event].place.map { placesCompatible(p.entity, $0) } ?? true }) ?? true
        else { return nil }
        return host.event
    }

    /// "Militants went on a rampage across the province, storming police stations": a participle clause of an event
    /// verb that tells an act of the same type elaborates that incident; it is no incident of its own.
    func incidentElaborated(by tr: Range<Int>, _ info: TriggerInfo) -> Int? {
        guard let h = parseHead(of: tr), parseTag(h) == "VBG", label(h) == "advcl", let v = treeHead(h) else { return nil }
        return eventMentions.last { m in
            !events[m.event].dropped && events[m.event].type == info.type && parseHead(of: m.tokens) == v
        }?.event
    }
}
