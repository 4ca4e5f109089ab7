import NewsGraphCore

/// Named victims read from the parse: people a sentence names as dead ("X and two other officers were also
/// killed", "the victims were identified as X, 26, and Y, 31", "Among the dead were X and Y"), given to the
/// violent event they died in as its targets, so that the event implies (agent, killed, person).
/// The words are `event-word` records (kill-word, victim-noun, identify-verb).
extension Document {
    /// Every named victim of the sentence, attached to the event of its death.
    func attachNamedVictims() {
        for p in sentenceParseTokens() {
            let frame = ew.killWords.contains(wordKey(p)) ? framedEvent(ofKillVerb: p) : nil
            // "the victims were killed in a drone strike": the event whose dead the next named victims may be
            if isVerb(p), let e = frame { lastToldDeaths = (e, sentenceIndex) }
            // "Tarik Vell, a commander who was killed in an operation near Kessa": the operation's victim
            if let v = appositionVictims(ofKillVerb: p), let e = frame {
                addVictims(v, to: e)
                continue
            }
            let victims: [Int]
            var ofTheDeadToldLast = false
            if let v = passiveVictims(ofKillVerb: p) ?? objectVictims(ofKillVerb: p) ?? relativeVictims(ofKillVerb: p) {
                victims = v
            } else if let v = identifiedVictims(p) ?? victimsAmongTheDead(p) {
                victims = v
                ofTheDeadToldLast = true
            } else {
                continue
            }
            guard !victims.isEmpty, let d = documentToken(ofParse: p),
                  let e = (ofTheDeadToldLast ? eventOfTheDeadToldLast(verb: p) : nil) ?? casualtyEvent(verb: p, near: d) ?? mainIncident() else { continue }
            addVictims(victims, to: e)
        }
    }

    /// "The victims were killed in a drone strike outside the camp. … Six of the victims were identified as Tarik
    /// Vell, 26, …": victims named apart from any event word in their sentence are the dead of the event a verb of
    /// killing last gave its dead to (in any sentence before), not of the incident mentioned last.
    func eventOfTheDeadToldLast(verb p: Int) -> Int? {
        guard let d = documentToken(ofParse: p), violentEvent(atParse: p) == nil, eventDescribedBy(clause: p) == nil,
              !eventMentions.contains(where: { $0.tokens.lowerBound >= sentenceRange.lowerBound && $0.tokens.lowerBound < sentenceRange.upperBound && $0.tokens.lowerBound != d }),
              let told = lastToldDeaths, told.sentence < sentenceIndex, !events[told.event].dropped
        else { return nil }
        return told.event
    }

    /// Adds `victims` to event `e`'s targets, leaving out those already among its participants.
    func addVictims(_ victims: [Int], to e: Int) {
        for v in victims where !events[e].target.contains(v) && !events[e].agent.contains(v) { events[e].target.append(v) }
    }

    /// "At least 13 members of the Kessa Rifles were killed in an ambush", "troops killed 300 fighters from the
    /// Tarsk Front", "two members of the Olem Army were killed by gunmen": the body whose members died is a target of
    /// the violent event they died in, a killing too.
    func attachBodiesOfTheDead() {
        for p in sentenceParseTokens() where ew.killWords.contains(wordKey(p)) && isVerb(p) {
            let dead = treeChildren(p, ["nsubjpass", "dobj"])
            // ("killed 300 fighters from the Tarsk militia": the parser often hangs the from-phrase on the verb)
            let holders = dead + (dead.isEmpty ? [] : [p])
            let bodies = holders.flatMap { n in
                treeChildren(n, ["prep"]).filter { n == p ? lexicon.argumentWords.contains(lowerWord($0), as: .originPreposition)
                                                          : lexicon.argumentWords.contains(lowerWord($0), as: .membershipPreposition) }
                    .flatMap { treeChildren($0, ["pobj"]) }
                    .flatMap { namedEntities(ofPhrase: $0, generic: true) }
            }.filter { Document.orgTypes.contains(entities[$0].type) }
            guard !bodies.isEmpty, let d = documentToken(ofParse: p), let e = casualtyEvent(verb: p, near: d),
                  Document.incidentTypes.contains(events[e].type) || events[e].type == .killing else { continue }
            addVictims(bodies, to: e)
        }
    }

    /// "Tarik Vell, a commander who was killed in a raid": the named person described by the apposition a relative
    /// clause of killing hangs from (the clause's relative pronoun names nobody by itself).
    func appositionVictims(ofKillVerb v: Int) -> [Int]? {
        guard let head = nounOfKilledRelative(v), label(head) == "appos", let described = treeHead(head) else { return nil }
        let named = namedPersons(ofPhrase: described)
        return named.isEmpty ? nil : named
    }

    /// "killed by soldiers in an operation near Kessa", "killed along with three militants … in an operation": the
    /// violent event a verb of killing names as its frame (`frame-preposition`), anywhere in its clause but under
    /// no other verb.
    func framedEvent(ofKillVerb v: Int) -> Int? {
        guard let syntax else { return nil }
        let frames = syntax.subtree(of: v).filter { p in
            label(p) == "prep" && lexicon.argumentWords.contains(lowerWord(p), as: .framePreposition)
                && syntax.ancestors(of: p).first(where: { isVerb($0) }) == v
        }
        return frames.flatMap { treeChildren($0, ["pobj"]) }.lazy.compactMap { self.violentEvent(atParse: $0) }.first
    }

    /// The named people of a phrase and its conjuncts, appositions left aside.
    func namedPersons(ofPhrase p: Int) -> [Int] {
        namedEntities(ofPhrase: p).filter { entities[$0].type == .person }
    }

    /// "General Tarik Vell, a deputy of the commander, and five other officers were also killed": the named
    /// subjects of a passive verb of killing.
    func passiveVictims(ofKillVerb v: Int) -> [Int]? {
        guard parseTag(v) == "VBN", ew.killWords.contains(wordKey(v)) else { return nil }
        let subjects = treeChildren(v, ["nsubjpass"])
        guard !subjects.isEmpty else { return nil }
        return subjects.flatMap { namedPersons(ofPhrase: $0) }
    }

    /// "Security forces killed a commander named Tarik Vell in an operation": the named people inside the object
    /// of an active verb of killing.
    func objectVictims(ofKillVerb v: Int) -> [Int]? {
        guard isVerb(v), !isPassive(v), ew.killWords.contains(wordKey(v)) else { return nil }
        let objects = treeChildren(v, ["dobj"])
        guard !objects.isEmpty else { return nil }
        return personsInside(objects)
    }

    /// "Commander Tarik Vell, who was killed when security forces raided his hideout": the named person a relative
    /// clause of killing hangs from.
    func relativeVictims(ofKillVerb v: Int) -> [Int]? {
        nounOfKilledRelative(v).map { namedPersons(ofPhrase: $0) }
    }

    /// "a commander who was killed": the noun a passive relative clause of killing hangs from, whose relative
    /// pronoun is the one killed.
    func nounOfKilledRelative(_ v: Int) -> Int? {
        guard label(v) == "relcl", isPassive(v), ew.killWords.contains(wordKey(v)),
              treeChildren(v, ["nsubjpass"]).contains(where: { lexicon.argumentWords.contains(lowerWord($0), as: .relativePronoun) })
        else { return nil }
        return treeHead(v)
    }

    /// "Six of the victims were identified as Tarik Vell, 26, and Omar Dask, 22", "three suspects, identified as
    /// …, were killed": the people an identifying verb names "as", when its sentence tells deaths (a victim noun
    /// or a verb of killing).
    func identifiedVictims(_ v: Int) -> [Int]? {
        guard ew.identifyVerbs.contains(wordKey(v)), sentenceTellsDeaths() else { return nil }
        let asPhrases = treeChildren(v, ["prep"]).filter { lowerWord($0) == "as" }
        guard !asPhrases.isEmpty else { return nil }
        // a list of names with ages is parsed in many shapes: every person inside the "as" phrase
        return personsInside(asPhrases)
    }

    /// "Among the dead were Tarik Vell and Omar Dask", "The victims included Tarik Vell", "Tarik Vell was among the
    /// nine killed in the raid": people named as being among the dead or the victims.
    func victimsAmongTheDead(_ v: Int) -> [Int]? {
        guard isVerb(v) || parseTag(v).hasPrefix("VB") else { return nil }
        let among = treeChildren(v, ["prep"]).filter { lowerWord($0) == "among" }
            .flatMap { treeChildren($0, ["pobj"]) }.contains { ew.victimNouns.contains(wordKey($0)) || namesTheKilled($0) }
        let included = ["include", "included", "includes"].contains(lowerWord(v))
            && treeChildren(v, ["nsubj"]).contains { ew.victimNouns.contains(wordKey($0)) }
        guard among || included else { return nil }
        let named = treeChildren(v, among ? ["nsubj", "attr", "nsubjpass"] : ["dobj"])
        let out = personsInside(named)
        return out.isEmpty ? nil : out
    }

    /// "Tarik Vell was among the nine killed in the raid", "among those killed": a phrase whose participle
    /// modifier is a verb of killing names the dead.
    func namesTheKilled(_ n: Int) -> Bool {
        treeChildren(n, ["acl"]).contains { parseTag($0) == "VBN" && ew.killWords.contains(wordKey($0)) }
    }

    /// The named people inside the subtrees of parse tokens `roots`.
    func personsInside(_ roots: [Int]) -> [Int] {
        var out: [Int] = []
        for m in mentions where entities[m.entity].type == .person && !out.contains(m.entity) {
            guard let p = parseHead(of: m.tokens) else { continue }
            if roots.contains(where: { $0 == p || (syntax?.ancestors(of: p).contains($0) ?? false) }) { out.append(m.entity) }
        }
        return out
    }

    /// Whether the sentence tells deaths: a victim noun or a verb of killing.
    func sentenceTellsDeaths() -> Bool {
        sentenceRange.contains { ew.killWords.contains(key($0)) || ew.victimNouns.contains(key($0)) }
    }

    /// The article's main incident when a sentence of victims names none: the violent event with the highest
    /// death toll.
    func mainIncident() -> Int? {
        events.indices.filter { !events[$0].dropped && Document.violentTypes.contains(events[$0].type) && (events[$0].killed ?? 0) > 0 }
            .max { (events[$0].killed ?? 0) < (events[$1].killed ?? 0) }
    }
}
