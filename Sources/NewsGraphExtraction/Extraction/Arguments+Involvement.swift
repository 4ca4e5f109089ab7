import NewsGraphCore

/// Who took part in an event, read from words that state involvement ("was involved in the raid", "were behind the
/// ambush") or deny it in someone else's words ("X said that Olem had nothing to do with the raid"). The words are
/// `argument` records (involvement-word, disavowal-word).
extension Document {
    /// "The Tarsk Front was said to be involved in the raid", "Kessa militiamen were behind the ambush", "the group
    /// was responsible for the bombing": the subject of the clause that says someone took part in the event noun
    /// (the object of preposition `p`) carried it out.
    func agentFromInvolvement(_ p: Int) -> [Int] {
        let words = lexicon.argumentWords
        // "behind the ambush": the preposition is the word; "involved in the raid": the word holds the preposition
        var holder = p
        if !words.contains(lowerWord(p), as: .involvementWord) {
            guard let h = treeHead(p), words.contains(lowerWord(h), as: .involvementWord) else { return [] }
            holder = h
        }
        // "were behind", "is responsible for": the copula holds the word; "to be involved": the participle is the verb
        let clause = isVerb(holder) ? holder : (treeHead(holder) ?? holder)
        // "was not involved in the raid" clears its subject (a denial, see `disavowingSpeaker`)
        guard treeChildren(clause, ["neg"]).isEmpty, treeChildren(holder, ["neg"]).isEmpty,
              let s = treeChildren(clause, ["nsubj", "nsubjpass"]).last ?? actingSubject(of: clause) else { return [] }
        if let b = bodyReferredTo(byPronoun: s) { return [b] }
        return entities(ofPhrase: s)
    }

    /// "Tarik Vell, an adviser to the president, said that Olem had nothing to do with the raid": a denial that
    /// clears someone else, reported by a named speaker, is the speaker's statement (the one cleared is no agent).
    /// Nil when the trigger is no such denial or its speaker is not named ("an official said that …").
    func disavowingSpeaker(_ h: Int) -> [Int]? {
        let words = lexicon.argumentWords
        guard words.contains(lowerWord(h), as: .disavowalWord) else { return nil }
        let clause = isVerb(h) ? h : (treeHead(h) ?? h)
        guard label(clause) == "ccomp", let say = treeHead(clause), words.contains(lowerWord(say), as: .speechVerb),
              let speaker = actingSubject(of: say), let cleared = actingSubject(of: clause), cleared != speaker,
              !words.contains(lowerWord(cleared), as: .bodyPronoun), !words.contains(lowerWord(cleared), as: .speakerPronoun)
        else { return nil }
        let named = speakerInApposition(speaker)
        let found = named.isEmpty ? (mention(atParse: speaker).map { [$0.entity] } ?? []) : named
        return found.isEmpty ? nil : found
    }

    /// "According to the Tarsk Front's statement, fighters raided Kessa on Sunday": an armed group giving its own
    /// account of an act whose subject is a plain plural noun naming no one ("fighters") carried the act out.
    func groupTellingItsOwnAct(_ v: Int, subject s: Int) -> [Int] {
        let words = lexicon.argumentWords
        guard parseTag(s) == "NNS", mention(atParse: s).map({ entities[$0.entity].generic }) ?? true,
              treeChildren(s, ["poss", "compound", "amod", "prep"]).isEmpty else { return [] }
        let sources = treeChildren(v, ["prep"]).filter { words.contains(lowerWord($0), as: .sourceWord) }
            .flatMap { treeChildren($0, ["prep"]) }.flatMap { treeChildren($0, ["pobj"]) }
        // "according to the Front", "according to the Front's statement"
        let named = sources.flatMap { [$0] + treeChildren($0, ["poss"]) }.compactMap { mention(atParse: $0)?.entity }
        return named.filter { entities[$0].type == .group && !entities[$0].generic }
    }

    /// "In 2010, Tarik Vell masterminded the ambush on police in Kessa", "he orchestrated the bombing": the person
    /// who masterminded, orchestrated or ordered an attack (the subject of an `instigating-verb` whose object is the
    /// event noun, or the verb trigger itself) is its agent, though persons otherwise carry out only killings,
    /// arrests and abductions.
    func instigators(of tr: Range<Int>) -> [Int] {
        guard let h = parseHead(of: tr) else { return [] }
        let words = lexicon.argumentWords
        let verb: Int
        if words.contains(lowerWord(h), as: .instigatingVerb) {
            verb = h
        } else {
            guard label(h) == "dobj", let v = treeHead(h), words.contains(lowerWord(v), as: .instigatingVerb) else { return [] }
            verb = v
        }
        return agentFromSubject(verb).filter { entities[$0].type == .person }
    }

    /// "Security operations are ongoing around Kessa. Units from the Olem Rifles and the Varnok Police have been
    /// deployed to secure the area": forces said to be deployed in the sentence right after an operation told without
    /// its forces carry it out.
    func lendDeployedForces() {
        guard let sp = sentenceParse(), sentenceIndex > 0 else { return }
        let words = lexicon.argumentWords
        guard let deploy = sp.tokens.first(where: { words.contains(lowerWord($0), as: .deploymentVerb) && isPassive($0) }) else { return }
        // (the parser may split a list of forces into several passive subjects: "units from X, Y, and Z have been deployed")
        let bodies = treeChildren(deploy, ["nsubjpass"]).flatMap { subject in
            prepositionObjects(of: subject, .bodyPreposition).flatMap { entities(ofPhrase: $0) } + entities(ofPhrase: subject)
        }
        let forces = bodies.filter { [.unit, .group].contains(entities[$0].type) && !entities[$0].generic }
        guard !forces.isEmpty else { return }
        for k in events.indices where events[k].type == .operation && !events[k].dropped && events[k].agent.isEmpty
            && events[k].mentions.last?.sentence == sentenceIndex - 1 {
            for f in forces where !events[k].target.contains(f) && !events[k].agent.contains(f) { events[k].agent.append(f) }
        }
    }

    /// "Tarik Vell, the Olem army spokesman, said the raid was meant to stop their joint operation with the Kessa
    /// Rangers": "its"/"their" on an event noun in reported speech is the body the speaker speaks for.
    func speakerBodyOwning(_ n: Int) -> [Int] {
        guard let syntax, treeChildren(n, ["poss"]).contains(where: { lexicon.argumentWords.contains(lowerWord($0), as: .possessivePronoun) }) else { return [] }
        for v in syntax.ancestors(of: n) where lexicon.argumentWords.contains(lowerWord(v), as: .speechVerb) {
            guard let s = actingSubject(of: v) else { return [] }
            let described = treeChildren(s, ["appos"]).flatMap { a in
                entities(ofPhrase: a) + treeChildren(a, ["compound", "poss", "nmod"]).compactMap { mention(atParse: $0)?.entity }
            }
            return (entities(ofPhrase: s) + described).filter { [.group, .unit, .organization].contains(entities[$0].type) && !entities[$0].generic }
        }
        return []
    }
}
