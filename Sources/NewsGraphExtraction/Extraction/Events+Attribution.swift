import NewsGraphCore

/// Who an event is attributed to, read from the parse: blame ("police blamed Boko Haram for the abduction"),
/// a group saying it did it ("the ELN said it had carried out the attack"), and an armed group killing a
/// number of people ("ISSP killed at least 40 villagers"), which is an attack.
extension Document {
    /// The event whose trigger's syntactic head is parse token `p`, among the sentence's event mentions.
    func eventMentioned(atParse p: Int) -> Int? {
        eventMentions.first { parseHead(of: $0.tokens) == p }?.event
    }

    /// The blame a blame verb states: the actors blamed and the event they are blamed for.
    /// - "Police blamed Boko Haram for the abduction": object and `for` phrase;
    /// - "the bombing was blamed on al-Shabaab", "blamed the abduction on Boko Haram": `on`/`to` phrase;
    /// - "the rebels, who are blamed for the attack": the passive subject is the one blamed.
    func blame(statedBy v: Int) -> (actors: [Int], event: Int)? {
        guard lexicon.argumentWords.contains(lowerWord(v), as: .attributionVerb) else { return nil }
        let actorTypes: EntityTypes = [.group, .unit, .person]
        for noun in prepositionObjects(of: v, .blamePreposition) {
            guard let event = eventMentioned(atParse: noun) else { continue }
            let blamed = isPassive(v) ? passiveSubject(of: v).map { entities(ofPhrase: $0) } ?? [] : targetFromObject(v)
            let actors = blamed.filter { actorTypes.contains(entities[$0].type) }
            if !actors.isEmpty { return (actors, event) }
        }
        let actors = agentFromAttribution(v).filter { actorTypes.contains(entities[$0].type) }
        guard !actors.isEmpty else { return nil }
        var blamedEvent = isPassive(v) ? passiveSubject(of: v) : treeChildren(v, ["dobj"]).first
        // "an attack that the police blamed on the TTP": the relative pronoun stands for the noun the clause modifies
        if let o = blamedEvent, lexicon.argumentWords.contains(lowerWord(o), as: .relativePronoun), label(v) == "relcl" { blamedEvent = treeHead(v) }
        guard let e = blamedEvent.flatMap({ eventMentioned(atParse: $0) }) else { return nil }
        return (actors, e)
    }

    /// Whether the blame verb at document tokens `tr` attributes an event (then it is not a statement event).
    func isAttribution(_ tr: Range<Int>) -> Bool {
        guard let v = parseHead(of: tr), lexicon.argumentWords.contains(lowerWord(v), as: .attributionVerb) else { return false }
        func namesEvent(_ p: Int) -> Bool { triggerWord(p) != nil }
        if isPassive(v) { return !prepositionObjects(of: v, .blamePreposition).isEmpty || passiveSubject(of: v).map(namesEvent) ?? false }
        if prepositionObjects(of: v, .blamePreposition).contains(where: namesEvent) { return true }
        // "blamed the attack on X", "an incident that residents blamed on the security forces": an on/to phrase
        // attributes what is blamed, whatever names it
        return !treeChildren(v, ["dobj"]).isEmpty && !agentFromAttribution(v).isEmpty
    }

    /// Gives each event of the sentence blamed on an actor that actor as agent, when the text names no other.
    func attributeBlame() {
        guard let sp = sentenceParse() else { return }
        for v in sp.tokens where isVerb(v) {
            guard let b = blame(statedBy: v), !hasNamedAgent(b.event) else { continue }
            events[b.event].agent = b.actors
        }
    }

    /// Whether an event's agent names somebody: "gunmen" or "security forces" alone do not, and give way to
    /// the actor the text blames or who claims it.
    func hasNamedAgent(_ e: Int) -> Bool {
        events[e].agent.contains { !entities[$0].generic }
    }

    /// "ISSP … killed at least 40 villagers near Ménaka": an active killing verb whose subject is an armed group
    /// and whose object is a number of people; the document token of the verb.
    func groupKillingVerb() -> Int? {
        guard let sp = sentenceParse(), let syntax else { return nil }
        for v in sp.tokens where isVerb(v) && !isPassive(v) && lexicon.argumentWords.contains(lowerWord(v), as: .groupKillingVerb) {
            guard agentFromSubject(v).contains(where: { entities[$0].type == .group }),
                  let object = treeChildren(v, ["dobj"]).first,
                  syntax.tokens[object].tag == "CD" || !treeChildren(object, ["nummod"]).isEmpty else { continue }
            return documentToken(ofParse: v)
        }
        return nil
    }

    /// "Gunmen killed a local chief in Kessa", "Tarik Vell was killed by soldiers on Monday", "two soldiers were
    /// killed in Varnok by former regime loyalists": a verb of killing whose killer is named and whose victim is one
    /// person (named or a singular noun), or a passive one with a by-phrase and a place of its own, tells a
    /// killing; used when the sentence names no other violent incident. (Without a killer, "Tarik Vell was also
    /// killed" is mostly a victim of the incident being told.) The document token of the verb.
    func killingOfOnePerson() -> Int? {
        guard let sp = sentenceParse() else { return nil }
        for v in sp.tokens where casualtyWord(v) == .killed && parseTag(v).hasPrefix("VB") {
            let passive = isPassive(v)
            let victims = treeChildren(v, passive ? ["nsubjpass"] : ["dobj"])
            let byPhrase = treeChildren(v, ["agent"]).flatMap { treeChildren($0, ["pobj"]) }
            let named = passive ? byPhrase.contains { mention(atParse: $0) != nil } : !agentFromSubject(v).isEmpty
            guard named && victims.contains(where: { isOnePerson($0) }) || passive && !byPhrase.isEmpty && killedAtItsOwnPlace(v) else { continue }
            return documentToken(ofParse: v)
        }
        return nil
    }

    /// "Two soldiers were killed in Varnok by fighters of the Front": a passive verb of killing with its killer and
    /// a place of its own tells a killing of its own, whatever the number of victims.
    func killedAtItsOwnPlace(_ v: Int) -> Bool {
        treeChildren(v, ["prep"]).contains { prep in
            documentToken(ofParse: prep).map { ew.placePreps.contains(key($0)) } ?? false
                && treeChildren(prep, ["pobj"]).contains { o in placeMention(atParse: o) != nil || treeChildren(o, ["prep"]).flatMap { treeChildren($0, ["pobj"]) }.contains { placeMention(atParse: $0) != nil } }
        }
    }

    /// Whether noun `n` names one person: a named person with no conjunct ("Tarik Vell"), or a singular common
    /// noun with an indefinite determiner ("a local commander", "another operative").
    func isOnePerson(_ n: Int) -> Bool {
        if let m = mention(atParse: n) { return entities[m.entity].type == .person && treeChildren(n, ["conj"]).isEmpty }
        return isOneCountedVictim(n)
    }

    /// "Israeli warplanes struck the port", "Turkey’s Air Force has struck Kurdish targets": an active verb of striking
    /// with an object, whose subject is an armed actor (a group, a state force, a country) or an aircraft, tells a
    /// strike of its own — from the air (a bombing) when an aircraft or an air force strikes. The document tokens of
    /// the verbs and whether each strike came from the air.
    func actorStrikeVerbs() -> [(token: Int, aerial: Bool)] {
        guard let sp = sentenceParse() else { return [] }
        let words = lexicon.argumentWords
        var out: [(token: Int, aerial: Bool)] = []
        for v in sp.tokens where isVerb(v) && !isPassive(v) && words.contains(lowerWord(v), as: .strikeVerb) {
            guard !treeChildren(v, ["dobj"]).isEmpty, let s = actingSubject(of: v), let d = documentToken(ofParse: v) else { continue }
            let aircraft = words.contains(lowerWord(s), as: .aircraftNoun)
            let actors = agentFromSubject(v)
            guard aircraft || actors.contains(where: { [.group, .unit].contains(entities[$0].type) || isCountry($0) }) else { continue }
            let airForce = actors.contains { a in
                entities[a].type == .unit && entities[a].name.split(separator: " ").contains { words.contains($0.lowercased(), as: .bombingInstrument) }
            }
            out.append((d, aircraft || airForce))
        }
        return out
    }

    /// A group (or its spokesperson) saying it carried out an attack is a claim of responsibility:
    /// "The ELN said it had carried out the attack", "X, spokesperson of the BLA, said the assault was carried out
    /// by its fighters", "the Front announced that its fighters had beheaded a farmer" (a killing or an abduction
    /// the group says it did is claimed too; an announcing verb that was read as a statement becomes the claim).
    func findSpeechClaims() {
        guard !eventMentions.contains(where: { events[$0.event].type == .claim }), let sp = sentenceParse(), let syntax else { return }
        for say in sp.tokens where lexicon.argumentWords.contains(lowerWord(say), as: .speechVerb) {
            let speakers = agentFromSubject(say)
            guard let group = speakers.first(where: { entities[$0].type == .group })
                    ?? speakers.lazy.compactMap({ self.bodyOf($0) }).first(where: { self.entities[$0].type == .group }),
                  let content = treeChildren(say, ["ccomp"]).first else { continue }
            let clause = syntax.subtree(of: content)
            let carried = clause.contains { lexicon.argumentWords.contains(lowerWord($0), as: .carryingVerb) }
            guard let em = eventMentions.first(where: { m in
                [.attack, .bombing, .killing, .abduction].contains(events[m.event].type) && parseHead(of: m.tokens).map { clause.contains($0) } ?? false
            }) else { continue }
            let agentMatch = events[em.event].agent.contains { $0 == group || partOf($0, group) }
            guard carried || agentMatch, let v = documentToken(ofParse: say) else { continue }
            // a killing or an abduction is claimed only when the text makes the group its agent
            if ![.attack, .bombing].contains(events[em.event].type), !agentMatch { continue }
            if events.contains(where: { !$0.dropped && $0.type == .claim && $0.agent.contains(group) && $0.claimed == em.event }) { continue }
            if let said = eventMentions.first(where: { $0.tokens.contains(v) && events[$0.event].type == .statement }) {
                announcementIsClaim(said.event, by: group, of: em.event)
                return
            }
            addClaim(at: v, by: [group] + speakers.filter { $0 != group && entities[$0].type == .person }, of: em.event)
            return
        }
    }

    /// A claim whose trigger is the one word at token `v`, by `claimants` (the group first), of event `claimed`;
    /// the group becomes the claimed event's agent when the text names none.
    func addClaim(at v: Int, by claimants: [Int], of claimed: Int) {
        guard let info = lexicon.contextTrigger(.spokenClaim, form: tokenText(v)) else { return }
        let prov = provenance(tokens: v..<(v + 1))
        var c = DocEvent(type: info.type, trigger: tokenText(v), cameo: info.cameo, acled: info.acled, confidence: 0.6 * sentenceHedge,
                         firstByte: Int(tokens[v].start), lastSeen: Int(tokens[v].start))
        c.factuality = .reported
        c.agent = claimants
        c.claimed = claimed
        c.mentions = [prov]
        events.append(c)
        eventMentions.append(EventMention(tokens: v..<(v + 1), event: events.count - 1))
        if !hasNamedAgent(claimed), let group = claimants.first { events[claimed].agent = [group] }
    }

    /// "An officer was shot dead in the province, the responsibility of which was claimed by the group",
    /// "Responsibility for the bombing was claimed by the Tarsk Front": a verb whose passive subject is a claim noun
    /// is a claim by its by-phrase's group, of the event its for-phrase names, else of the event its relative clause
    /// hangs from, else of the sentence's last violent event before it.
    func findPassiveClaims() {
        guard !eventMentions.contains(where: { events[$0.event].type == .claim }) else { return }
        for v in sentenceParseTokens() where isVerb(v) && isPassive(v) {
            let nouns = treeChildren(v, ["nsubjpass"]).filter { lexicon.argumentWords.contains(lowerWord($0), as: .claimNoun) }
            guard !nouns.isEmpty, let d = documentToken(ofParse: v),
                  let group = agentFromByPhrase(v).first(where: { entities[$0].type == .group }) else { continue }
            let named = nouns.flatMap { prepositionObjects(of: $0, .claimedPreposition) }.lazy.compactMap { self.violentEvent(atParse: $0) }.first
            let hung = treeHead(v).flatMap { violentEvent(atParse: $0) }
            let before = eventMentions.last { $0.tokens.upperBound <= d && Document.violentTypes.contains(events[$0.event].type) }?.event
            guard let claimed = named ?? hung ?? before else { continue }
            addClaim(at: d, by: [group], of: claimed)
            return
        }
    }

    /// "The Front announced that its fighters had beheaded a farmer": the announcing verb, read first as a statement,
    /// is the group's claim of the event it announces.
    func announcementIsClaim(_ statement: Int, by group: Int, of claimed: Int) {
        events[statement].type = .claim
        if let c = lexicon.trigger(named: "claimed responsibility") {
            events[statement].cameo = c.cameo
            events[statement].acled = c.acled
        }
        events[statement].target = []
        events[statement].place = nil
        if !events[statement].agent.contains(group) { events[statement].agent.insert(group, at: 0) }
        events[statement].claimed = claimed
        if !hasNamedAgent(claimed) { events[claimed].agent = [group] }
    }
}
