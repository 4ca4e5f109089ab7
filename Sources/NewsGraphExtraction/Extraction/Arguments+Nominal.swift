import Foundation
import NewsGraphCore

/// Event arguments of nominal triggers read from the parse: the possessor, compound and by-phrase of an event noun
/// ("the BLA's attack", "a TTP attack"), its on/against/of phrases, the two sides of a clash, and the arguments a
/// governing or framing verb lends it ("Gunmen killed 19 people in an air attack").
extension Document {
    /// A nominal trigger: its possessor, named modifier and by-phrase; its on/against/of phrase; otherwise
    /// the arguments of the verb that frames it.
    func nominalArguments(_ n: Int, type: EventType) -> EventArguments {
        var args = EventArguments()
        args.addAgents(agentFromPossessor(n))
        if args.agents.isEmpty { args.addAgents(speakerBodyOwning(n)) }
        if args.agents.isEmpty { args.addAgents(agentFromCompound(n)) }
        if args.agents.isEmpty { args.addAgents(countriesOfDemonyms(on: n)) }
        args.addAgents(agentFromByPhrase(n))
        args.addAgents(agentFromParticiple(n))
        if type == .operation { args.addAgents(agentFromPartnerPhrase(n)) }
        if !isAttributedEvent(n) { args.addTargets(targetFromPreposition(n)) }
        if args.targets.isEmpty { args.addTargets(targetOfModifyingClause(n)) }
        if [.killing, .arrest, .abduction].contains(type) { args.addTargets(victimFromOfPhrase(n)) }
        let framed = argumentsFromGoverningVerb(n)
        if type == .clash {
            // "a KNF operative was killed in a clash with law enforcers": the side that lost a man is a side
            if args.agents.isEmpty, framed.agents.isEmpty { args.addAgents(framed.targets) }
            clashSides(n, into: &args)
        }
        if args.agents.isEmpty { args.addAgents(framed.agents) }
        if args.targets.isEmpty { args.addTargets(framed.targets.filter { !args.agents.contains($0) }) }
        return args
    }

    /// "operations targeting Pakistani military positions", "a missile attack that struck near Ben Gurion
    /// Airport": the object (or struck facility) of a participle or relative clause that says what the event hit.
    func targetOfModifyingClause(_ n: Int) -> [Int] {
        var out: [Int] = []
        // (the parser often hangs the clause on the by-phrase's actor: "an attack by the Houthis that struck …")
        let clauses = treeChildren(n, ["acl", "relcl"]) + byPhraseObjects(of: n).flatMap { treeChildren($0, ["relcl"]) }
        for c in clauses where lexicon.argumentWords.contains(lowerWord(c), as: .impactVerb)
            || lexicon.argumentWords.contains(lowerWord(c), as: .targetingParticiple) {
            out += targetFromObject(c)
            for prep in treeChildren(c, ["prep"]) {
                for o in treeChildren(prep, ["pobj"]) {
                    out += targetEntities(ofPhrase: o).filter { entities[$0].type == .facility || lexicon.argumentWords.contains(lowerWord(prep), as: .targetPreposition) && entities[$0].type != .place }
                }
            }
        }
        return out
    }

    /// "the BLA's attack", "Israel's strikes": the possessor carries out the event.
    func agentFromPossessor(_ n: Int) -> [Int] {
        treeChildren(n, ["poss"]).flatMap { entities(ofPhrase: $0) }
    }

    /// "a TTP attack", "an RSF drone strike": a named modifier of the event noun carries it out.
    func agentFromCompound(_ n: Int) -> [Int] {
        var out: [Int] = []
        for c in treeChildren(n, ["compound", "nmod", "amod"]) {
            if let m = mention(atParse: c), entities[m.entity].type != .place || isCountry(m.entity) {
                if !out.contains(m.entity) { out.append(m.entity) }
            } else if let word = syntax?.tokens[c].text, word.first?.isLowercase ?? false {
                out += agentFromCompound(c) // "a TTP suicide attack": the name modifies the (lower-case) modifier
            }
        }
        return out
    }

    /// "an Israeli strike", "a deadly Russian missile attack": the country a demonym on a noun names, when the
    /// article names that country — the event's agent, or the container of "the Iranian city of Isfahan".
    func countriesOfDemonyms(on n: Int) -> [Int] {
        var out: [Int] = []
        for c in treeChildren(n, ["amod", "compound"]) {
            guard let word = syntax?.tokens[c].text, let country = lexicon.demonymNames[word] else {
                if label(c) == "compound" { out += countriesOfDemonyms(on: c) } // "an Israeli drone strike"
                continue
            }
            if let e = entityByForm[Names.normalize(country)], entities[e].type == .place, !out.contains(e) { out.append(e) }
        }
        return out
    }

    /// "an attack carried out by the BLA", "a strike claimed by the ELN": the by-phrase of a participle.
    func agentFromParticiple(_ n: Int) -> [Int] {
        treeChildren(n, ["acl"]).flatMap { agentFromByPhrase($0) }
    }

    /// "a joint operation with the Eskar police", "an offensive alongside allied militias": the partner named with
    /// an operation carries it out too (with a clash, "with" names the other side instead: see `clashSides`).
    func agentFromPartnerPhrase(_ n: Int) -> [Int] {
        prepositionObjects(of: n, .partnerPreposition).flatMap { entities(ofPhrase: $0) }.filter { canAct($0) }
    }

    /// "the killing of Sana Baru", "the abduction of two engineers of the company": the victim.
    func victimFromOfPhrase(_ n: Int) -> [Int] {
        (prepositionObjects(of: n, .victimPreposition) + victimPhrasesAfterPlace(of: n))
            .flatMap { entities(ofPhrase: $0) }.filter { entities[$0].type != .place }
    }

    /// "the arrest in Varnok of Tarik Vell": the parser hangs the victim's "of" phrase on the place named between
    /// it and the event noun; a place's own "of" phrase naming a person is the event's.
    func victimPhrasesAfterPlace(of n: Int) -> [Int] {
        namedPlaces(after: n)
            .flatMap { prepositionObjects(of: $0, .victimPreposition) }
            .filter { o in namedEntities(ofPhrase: o).contains { entities[$0].type == .person } }
    }

    /// "clashes between the army and the rebels", "fighting with the RSF": the first side acts, the other is
    /// the target.
    func clashSides(_ n: Int, into args: inout EventArguments) {
        // ("between Indian and Pakistani troops": the first demonym's force is a side of its own)
        let sides = prepositionObjects(of: n, .opponentPreposition).flatMap { forcesOfCoordinatedDemonyms($0) + entities(ofPhrase: $0) }
            .filter { entities[$0].type != .place }
        guard !sides.isEmpty else { return }
        if args.agents.isEmpty, sides.count > 1 {
            args.addAgents([sides[0]])
            args.addTargets(Array(sides.dropFirst()))
        } else {
            args.addTargets(sides)
        }
    }

    /// "Indian and Pakistani troops": the force a demonym modifier coordinated with another names on its own.
    func forcesOfCoordinatedDemonyms(_ p: Int) -> [Int] {
        treeChildren(p, ["amod", "compound"]).filter { !treeChildren($0, ["conj"]).isEmpty }
            .compactMap { mention(atParse: $0)?.entity }.filter { entities[$0].type == .unit }
    }

    /// The arguments a verb gives the event noun it governs:
    /// - "Rebels launched a raid on the base": a carrying verb's subject carries out its object, and its target
    ///   phrase, when the parser hangs it on the verb ("launched a barrage of missiles at Israel"), is the target;
    /// - "The attack was carried out by the BLA": a carrying verb's by-phrase, for its passive subject;
    /// - "Gunmen killed 19 people in an air attack", "six officers were killed in an ambush": a verb framing
    ///   the event in an in/during phrase shares its agent and target;
    /// - "The blast hit a convoy of the FC": an impact verb's object is the target of its subject event.
    func argumentsFromGoverningVerb(_ n: Int) -> EventArguments {
        var args = EventArguments()
        guard let v = treeHead(n) else { return args }
        let words = lexicon.argumentWords
        if label(n) == "pobj" {
            let involved = agentFromInvolvement(v)
            if !involved.isEmpty { args.addAgents(involved); return args }
        }
        switch label(n) {
        case "conj" where !isVerb(v):
            // "led to the killing of three and the arrest of three others": coordinated events share their frame
            return argumentsFromGoverningVerb(v)
        case "dobj" where words.contains(lowerWord(v), as: .carryingVerb):
            args.addAgents(agentFromSubject(v))
            // "launched a barrage of missiles at Israel": the parser hangs the target phrase on the carrying verb
            args.addTargets(targetFromPreposition(v).filter { entities[$0].type != .person })
        case "nsubjpass" where words.contains(lowerWord(v), as: .carryingVerb):
            args.addAgents(agentFromByPhrase(v))
        case "nsubj" where words.contains(lowerWord(v), as: .impactVerb):
            args.addTargets(targetFromObject(v))
        case "pobj" where words.contains(lowerWord(v), as: .framePreposition):
            guard var verb = treeHead(v) else { break }
            // "killed 12 militants in operations": the phrase the parser hung on the verb's object frames the verb
            if !isVerb(verb), ["dobj", "nsubjpass"].contains(label(verb)), let governor = treeHead(verb), isVerb(governor) { verb = governor }
            guard isVerb(verb) else { break }
            // "Security forces killed nine militants in an operation, the army said": a phrase the parser hung
            // on the reporting verb frames the reported clause
            if words.contains(lowerWord(verb), as: .speechVerb) {
                guard let content = treeChildren(verb, ["ccomp"]).first else { break }
                verb = content
            }
            return argumentsOfFramingVerb(verb)
        case "pobj" where words.contains(lowerWord(v), as: .bodyPreposition):
            // "two days of intense fighting", "a wave of attacks": the measure noun stands in the frame
            guard let measure = treeHead(v), !isVerb(measure) else { break }
            return argumentsFromGoverningVerb(measure)
        case "dobj" where words.contains(lowerWord(v), as: .attributionVerb), "nsubjpass" where words.contains(lowerWord(v), as: .attributionVerb):
            args.addAgents(agentFromAttribution(v))
        case "pobj" where words.contains(lowerWord(v), as: .claimedPreposition):
            args.addAgents(agentFromClaim(v))
        default:
            break
        }
        return args
    }

    /// "Security forces killed nine militants in an operation", "six officers were killed in an ambush": the
    /// verb that frames a nominal event shares its participants (a carried-out event noun as object is not a target).
    func argumentsOfFramingVerb(_ verb: Int) -> EventArguments {
        var args = EventArguments()
        // "the United States did not participate in these operations": a denied frame names no participant
        guard treeChildren(verb, ["neg"]).isEmpty else { return args }
        if isPassive(verb) {
            args.addTargets(targetFromPassiveSubject(verb).filter { !isCountedDead($0, of: verb) })
            args.addAgents(agentFromByPhrase(verb))
        } else {
            args.addAgents(agentFromSubject(verb))
            if !lexicon.argumentWords.contains(lowerWord(verb), as: .carryingVerb) {
                args.addTargets(targetFromObject(verb).filter { !isCountedDead($0, of: verb) })
            }
        }
        return args
    }

    /// "54 soldiers were killed in an attack", "killed 11 troops in an ambush": a generic noun counted as the dead
    /// of a verb of death gives the toll; it does not designate the body attacked (`Six officers of the Varn Police
    /// were killed` still names the police).
    func isCountedDead(_ e: Int, of verb: Int) -> Bool {
        guard entities[e].generic, ew.killWords.contains(wordKey(verb)) else { return false }
        let dead = treeChildren(verb, ["nsubjpass", "dobj"])
        return dead.contains { d in !treeChildren(d, ["nummod"]).isEmpty && entities(ofPhrase: d).contains(e) }
    }
}
