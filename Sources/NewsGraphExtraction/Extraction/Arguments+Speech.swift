import NewsGraphCore

/// Event type from context and the arguments of reported speech (claims and statements), read from the parse.
extension Document {
    // MARK: event type from context

    /// The event type its context gives a trigger:
    /// - "killed 19 people in an air attack", "a drone attack on the base": the instrument makes it a bombing;
    /// - "ISWAP launched a deadly raid on a military base": an armed group's raid or offensive is an attack.
    func contextualType(of tr: Range<Int>, _ type: EventType, agents: [Int]) -> EventType {
        guard let h = parseHead(of: tr) else { return type }
        if type == .attack || type == .operation,
           treeChildren(h, ["compound", "amod", "nmod"]).contains(where: { lexicon.argumentWords.contains(lowerWord($0), as: .bombingInstrument) }) {
            return .bombing
        }
        if type == .operation, !agents.isEmpty, agents.allSatisfy({ entities[$0].type == .group }) { return .attack }
        if type == .operation, agents.isEmpty, raidedByArmedMembers(h) { return .attack }
        return type
    }

    /// "Fighters raided the town on Sunday, killing four people": a raid whose subject is a plain noun for members
    /// of an armed group (`argument` records, armed-member-noun) is an armed group's attack, though nobody is named.
    func raidedByArmedMembers(_ h: Int) -> Bool {
        isVerb(h) && treeChildren(h, ["nsubj"]).contains { lexicon.argumentWords.contains(lowerWord($0), as: .armedMemberNoun) }
    }

    // MARK: reported speech

    /// "Sharifi said that the ministry 'strongly condemns' the act": a statement reported by a named person,
    /// whose subject is only a description ("the ministry"), is that person's (and, through the role triples,
    /// the body's they speak for).
    func reportingSpeaker(of h: Int) -> Int? {
        guard label(h) == "ccomp", let say = treeHead(h), lexicon.argumentWords.contains(lowerWord(say), as: .speechVerb),
              let subject = actingSubject(of: h), let m = mention(atParse: subject), m.anaphoric,
              let speaker = actingSubject(of: say), let person = mention(atParse: speaker)?.entity, entities[person].type == .person
        else { return nil }
        return person
    }

    /// "The interior minister, Salifou Modi, condemned …", "the ministry's spokesman, X, said": the named
    /// person in apposition to the speaker speaks too.
    func speakerInApposition(_ s: Int) -> [Int] {
        treeChildren(s, ["appos"]).compactMap { mention(atParse: $0) }.map(\.entity).filter { entities[$0].type == .person }
    }

    /// "'This act of violence is unacceptable,' said the governor, Tarik Vell": the speaker of a condemning word in
    /// a quote is the subject of the verb of speech the quote is the complement of.
    func quotedSpeaker(of h: Int) -> [Int] {
        var a = h
        for _ in 0..<8 {
            guard let up = treeHead(a), up != a else { return [] }
            if ["ccomp", "parataxis"].contains(label(a)), lexicon.argumentWords.contains(lowerWord(up), as: .speechVerb) {
                let speakers = agentFromSubject(up)
                return speakers + (actingSubject(of: up).map { speakerInApposition($0) } ?? [])
            }
            a = up
        }
        return []
    }

    /// Claims and statements: the speaker is the agent ("The BLA claimed responsibility", "a statement
    /// issued by the ISPR", "the army said in a statement"); the one accused, condemned or warned is the
    /// target ("Russia has accused Ukraine", "the ministry warned the group").
    func speakerArguments(_ h: Int, type: EventType) -> EventArguments {
        var args = EventArguments()
        if isVerb(h) {
            if isPassive(h) { args.addAgents(agentFromByPhrase(h)) } else { args.addAgents(agentFromSubject(h)) }
            if let reporter = reportingSpeaker(of: h) { args.agents = [reporter] }
            if let s = actingSubject(of: h) { args.addAgents(speakerInApposition(s)) }
            if type == .statement {
                args.addTargets(targetFromObject(h).filter { entities[$0].type != .facility })
                args.addTargets(agentFromAttribution(h)) // "blamed the abduction on Boko Haram"
                args.addTargets(prepositionObjects(of: h, .targetPreposition).flatMap { entities(ofPhrase: $0) })
                if args.targets.isEmpty { args.addTargets(targetOfVow(h)) }
            }
        } else {
            args.addAgents(agentFromPossessor(h))
            if args.agents.isEmpty { args.addAgents(agentFromCompound(h)) }
            args.addAgents(agentFromByPhrase(h))
            args.addAgents(agentFromParticiple(h))
            // "X issued a statement", "X said in a statement", "X claimed responsibility"
            if args.agents.isEmpty, let v = treeHead(h), isVerb(v), ["dobj", "pobj", "nsubjpass"].contains(label(h)) || label(v) == "prep" {
                let verb = label(h) == "pobj" ? treeHead(v) ?? v : v
                args.addAgents(isPassive(verb) ? agentFromByPhrase(verb) : agentFromSubject(verb))
            }
        }
        if type == .statement, args.agents.isEmpty, parseTag(h).hasPrefix("JJ") { args.addAgents(quotedSpeaker(of: h)) }
        if type == .statement, let speakers = disavowingSpeaker(h) { args.agents = speakers }
        return args
    }

    /// "Khamenei vowed to punish Israel", "the group threatened to attack the army", "the Front warned they would
    /// keep targeting Nigerien airports": the actor a vow's or a warning's hostile clause acts on (through a verb
    /// of continuing, and a demonym naming the country) is the statement's target.
    func targetOfVow(_ v: Int) -> [Int] {
        guard isRelationWord(v, .vowVerb) || isRelationWord(v, .threatVerb) else { return [] }
        var clauses = treeChildren(v, ["xcomp", "ccomp"])
        // "continue targeting", "keep attacking": the hostile verb is one clause down
        clauses += clauses.filter { !isRelationWord($0, .hostileVerb) }.flatMap { treeChildren($0, ["xcomp", "ccomp"]) }
        return clauses.filter { isRelationWord($0, .hostileVerb) }
            .flatMap { h in
                let named = stanceObjects(of: h) + againstObjects(of: h)
                return named.isEmpty ? treeChildren(h, ["dobj"]).flatMap { countriesOfDemonyms(on: $0) } : named
            }
            .filter { canHoldStance($0) }
    }
}
