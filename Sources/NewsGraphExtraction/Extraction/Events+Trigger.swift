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

    /// Whether the trigger names no incident of its own: an attribution, a planned statement, a verb whose
    /// object noun carries the event, a purpose, a call, a statistic, a modal or habitual mention.
    func isBackground(_ tr: Range<Int>, _ info: TriggerInfo, _ form: TriggerForm) -> Bool {
        let r = sentenceRange
        let first = tr.lowerBound
        let prev = first > r.lowerBound ? first - 1 : nil
        // "police blamed Boko Haram for the abduction", "the attack was blamed on X": an attribution (see
        // attributeBlame), not a statement
        if info.type == .statement, isAttribution(tr) { return true }
        // "urged the government to deny", "will announce": a planned statement is not one
        // ("led the council to impose a curfew" tells what the cause brought about)
        if info.type == .statement, let p = prev, key(p) == w.w_to && !isCausedInfinitive(tr) || key(p) == w.w_will || key(p) == w.would { return true }
        // "repelled the attack", "repulsed a cowardly attack": the noun that follows carries the event
        if info.type == .clash || info.type == .operation,
           (tr.upperBound..<min(r.upperBound, tr.upperBound + 4)).contains(where: { j in
               tokens[j].kind == .word && (lexicon.triggers.match(tokens, at: j, limit: r.upperBound).map { Document.family($0.value.type) <= 1 && $0.value.type != info.type } ?? false)
           }) { return true }
        guard info.type != .statement && info.type != .claim else { return false }
        // "… on October 10 in protest": a purpose, not a protest of its own
        if info.type == .protest, let p = prev, key(p) == w.w_in { return true }
        // "called for a bandh", "calls for a general strike": a call, not the action
        if (min(first, max(r.lowerBound + 1, first - 3))..<first).contains(where: { key($0) == w.forKey && ew.callWords.contains(key($0 - 1)) }) { return true }
        // "412 people were kidnapped in Burkina Faso in the first seven months of the year": a statistic
        if statistic(near: first) { return true }
        if ranksTheSentenceIncident(tr) { explain("\(form.text): ranks the incident its sentence tells ('the deadliest attack since …')"); return true }
        if isPartitive(tr) { explain("\(form.text): one of a set of incidents ('one of the attacks'), none of its own"); return true }
        if isPredicateNominal(tr) { explain("\(form.text): the complement of 'be' (says what something already told was)"); return true }
        if isIntended(tr) { explain("\(form.text): what a verb of intention's infinitive tells has not happened ('were going to commit an attack')"); return true }
        if tellsAHabit(tr) { explain("\(form.text): what a habit noun's 'of' phrase tells ('a history of attacking') is no incident"); return true }
        if isHabitualPlural(tr, form) { explain("\(form.text): a plural event noun in the perfect or present tense (habitual activity)"); return true }
        if listsKindsOfActivity(tr, form) { explain("\(form.text): one of three or more plural event nouns listed together (kinds of activity)"); return true }
        for j in max(r.lowerBound, first - 3)..<first where ew.modals.contains(key(j)) {
            // "to" only counts directly before a verb form ("to attack"), not "in response to the attack"
            if key(j) == w.w_to && (j != first - 1 || lexicon.cues.match(tokens, at: max(r.lowerBound, j - 3), limit: j + 1) != nil || prevIsCueEnd(j)) { continue }
            if key(j) == w.w_to, isCausedInfinitive(tr) { continue }
            return true
        }
        // "in response to the repeated attacks by X": a cause named by the text is an event even when habitual
        let afterCue = (max(r.lowerBound, first - 4)..<first).contains { prevIsCueEnd($0) }
        if !afterCue {
            if habituallyMarked(tr, definite: form.definite), !statesItsDay(tr) { return true }
        }
        return false
    }

    /// "has repeatedly attacked", "the many attacks": a habitual word right before the trigger, or one word before
    /// it when the trigger is not definite.
    /// "In the deadliest attack in the region since 2019, 28 people were killed when gunmen opened fire on a
    /// market": a superlative event noun ranks the incident its sentence tells, and the verb that tells it names
    /// it (with its agent, place and toll).
    func ranksTheSentenceIncident(_ tr: Range<Int>) -> Bool {
        guard let h = parseHead(of: tr), !isVerb(h),
              treeChildren(h, ["amod"]).contains(where: { parseTag($0) == "JJS" || treeChildren($0, ["advmod"]).contains { lowerWord($0) == "most" } })
        else { return false }
        let r = sentenceRange
        return (tr.upperBound..<r.upperBound).contains { j in
            guard tokens[j].kind == .word, let t = lexicon.triggers.match(tokens, at: j, limit: r.upperBound), Document.family(t.value.type) <= 1 else { return false }
            return isVerb(atToken: j) ?? false
        }
    }

    /// "Insurgents attacked four military bases between Monday and Tuesday": an attack verb whose object is
    /// counted in the plural tells several incidents in one clause (each may be told on its own later); verbs
    /// that count their victims ("killed 30", "abducted 12") tell one.
    func tellsSeveralIncidents(_ tr: Range<Int>) -> Bool {
        // (a kill verb counts its victims, one incident: "killed 30 officials")
        guard let h = parseHead(of: tr), isVerb(h), !isPassive(h), !ew.killWords.contains(wordKey(h)) else { return false }
        return treeChildren(h, ["dobj"]).contains { o in ["NNS", "NNPS"].contains(parseTag(o)) && (countOf(o) ?? 0) >= 2 }
    }

    /// "This deplorable act is an attack on all of us", "China condemned what it said was a terrorist attack": an
    /// event noun as the complement of "be" says what something already told was; it tells no incident of its own.
    func isPredicateNominal(_ tr: Range<Int>) -> Bool {
        guard let h = parseHead(of: tr), let pos = syntax?.tokens[h].pos else { return false }
        return label(h) == "attr" && pos == "NOUN"
    }

    /// "Recent attacks" are background, "a recent attack on the camp" one incident: a `plural-habitual` word
    /// marks only a plural noun.
    func habituallyMarked(_ tr: Range<Int>, definite: Bool) -> Bool {
        let r = sentenceRange
        let first = tr.lowerBound
        let plural = parseHead(of: tr).map { ["NNS", "NNPS"].contains(parseTag($0)) } ?? false
        func marks(_ j: Int) -> Bool { ew.habitual.contains(key(j)) || plural && ew.pluralHabitual.contains(key(j)) }
        if first > r.lowerBound, marks(first - 1) { return true }
        return first >= r.lowerBound + 2 && marks(first - 2) && !definite
    }

    /// "The group still poses threats through hit-and-run attacks, bombings and abductions": three or more plural
    /// event nouns listed together name kinds of activity, not incidents.
    func listsKindsOfActivity(_ tr: Range<Int>, _ form: TriggerForm) -> Bool {
        // (the form's plural test needs a word before the noun; a listed noun often follows a comma)
        let text = Names.lowercased(form.text)
        guard text.hasSuffix("s"), !text.hasSuffix("ss"), !form.definite, let h = parseHead(of: tr), !isVerb(h) else { return false }
        var first = h
        for _ in 0..<8 {
            guard label(first) == "conj", let p = treeHead(first), p != first else { break }
            first = p
        }
        var members = [first]
        var k = 0
        while k < members.count, members.count < 12 {
            members += treeChildren(members[k], ["conj"])
            k += 1
        }
        return members.filter { m in triggerWord(m) != nil && lowerWord(m).hasSuffix("s") }.count >= 3
    }

    /// "The army announced on Friday that its troops killed 300 fighters": announcing that something happened
    /// reports it, like "said" — not a statement event (announcing a decision, a toll or a curfew is one: "announced
    /// the death toll"); an armed group announcing what it did is read by the claim rules.
    func announcesWhatHappened(_ tr: Range<Int>) -> Bool {
        guard let v = parseHead(of: tr), isVerb(v), lexicon.argumentWords.contains(lowerWord(v), as: .announcingVerb),
              !treeChildren(v, ["ccomp"]).isEmpty, treeChildren(v, ["dobj"]).isEmpty else { return false }
        return !agentFromSubject(v).contains { entities[$0].type == .group }
    }

    /// "In a separate incident on Sunday, a roadside bomb injured two policemen", "Elsewhere, gunmen …": a sentence
    /// that opens by announcing another incident tells a new one, whatever its trigger is near.
    func opensAsAnotherIncident(before first: Int) -> Bool {
        let r = sentenceRange
        let opening = r.lowerBound..<min(first, r.lowerBound + 10)
        guard let comma = opening.first(where: { key($0) == w.comma }) else { return false }
        return (r.lowerBound..<comma).contains { ew.distinctWords.contains(key($0)) || ew.elsewhereWords.contains(key($0)) }
    }

    /// "The abducted manager was rescued in Varnok on Friday": a past participle describing the one it was done to
    /// refers to the incident of its type already told; the rescue's place and day are not the abduction's.
    func incidentOfParticipleModifier(_ tr: Range<Int>, _ info: TriggerInfo) -> Int? {
        // (the tagger calls the participle an adjective as often as a participle)
        guard tr.count == 1, let p = parseHead(of: tr), label(p) == "amod", ["VBN", "JJ"].contains(parseTag(p)), lowerWord(p).hasSuffix("ed") else { return nil }
        return events.indices.last { !events[$0].dropped && events[$0].type == info.type }
    }

    /// "Two fighters died when they were going to commit an attack on a police station", "planning to carry out a
    /// bombing": the event noun carried by the infinitive of a verb of intention has not happened. The verbs are
    /// `event-word` records (intention-verb).
    func isIntended(_ tr: Range<Int>) -> Bool {
        guard let p = parseHead(of: tr), ["dobj", "xcomp"].contains(label(p)), let v = treeHead(p), v != p else { return false }
        let infinitive = label(p) == "xcomp" ? p : v
        guard label(infinitive) == "xcomp", let intending = treeHead(infinitive), intending != infinitive else { return false }
        return ew.intentionVerbs.contains(wordKey(intending))
    }

    /// "Criminals in the region have a history of planting mines and attacking security forces", "a pattern of
    /// attacks on convoys": the event a habit noun's "of" phrase tells (or a conjunct of it) is a habit, not an
    /// incident. The nouns are `event-word` records (habit-noun).
    func tellsAHabit(_ tr: Range<Int>) -> Bool {
        guard let syntax, var p = parseHead(of: tr) else { return false }
        // up the phrase the trigger is part of, within its clause
        while !["relcl", "ccomp", "advcl", "acl", "parataxis", "ROOT"].contains(label(p)), let h = treeHead(p), h != p {
            if lowerWord(h) == "of", ["pobj", "pcomp"].contains(label(p)), let noun = treeHead(h), noun != h,
               syntax.tokens[noun].pos == "NOUN", ew.habitNouns.contains(wordKey(noun)) { return true }
            p = h
        }
        return false
    }

    /// "ISWAP has carried out attacks in Borno", "the group regularly carries out bombings in the capital": a plural
    /// event noun carried by a verb ("carry out", "launch", "stage") in the present perfect or the simple present
    /// tells what an actor does, not one incident ("security forces launched search operations" and "had been
    /// launching attacks on the town" tell incidents).
    func isHabitualPlural(_ tr: Range<Int>, _ form: TriggerForm) -> Bool {
        guard form.pluralNoun, !form.definite, let p = parseHead(of: tr), label(p) == "dobj", let v = treeHead(p), v != p,
              lexicon.argumentWords.contains(lowerWord(v), as: .carryingVerb) else { return false }
        let perfect = treeChildren(v, ["aux"]).contains { documentToken(ofParse: $0).map { ew.perfectAux.contains(key($0)) } ?? false }
        return perfect || ["VBZ", "VBP"].contains(parseTag(v))
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
        let ev = form.distinct || newCause ? nil : resolveEvent(type: info.type, definite: form.definite, demonstrative: form.demonstrative, agents: agents, targets: targets,
                                                    place: place?.entity, date: date?.inferred == true ? nil : date?.date, byte: Int(tokens[first].start),
                                                    excluding: causeOfSentenceEvent ? Set(eventMentions.map(\.event)) : [])
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
