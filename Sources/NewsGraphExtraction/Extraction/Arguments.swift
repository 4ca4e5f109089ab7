import Foundation
import NewsGraphCore

/// An event's participants as the rules read them from the parse: entity indexes of the article.
struct EventArguments {
    var agents: [Int] = []
    var targets: [Int] = []

    mutating func addAgents(_ list: [Int]) { for e in list where !agents.contains(e) { agents.append(e) } }
    mutating func addTargets(_ list: [Int]) { for e in list where !targets.contains(e) { targets.append(e) } }
}

/// Event arguments from the dependency parse: who did it (agent) and to whom (target), for verbal
/// triggers ("militants attacked the post"), nominal ones ("the BLA's attack on the camp"), the nominal
/// events a verb frames ("killed 19 people in an air attack") and reported speech ("the ISPR said").
/// Each rule is one function, its example in its doc comment; the words they test are `argument`
/// records of the lexicons.
extension Document {
    /// The agent and target of the event whose trigger is document tokens `tr`.
    func arguments(ofTrigger tr: Range<Int>, type: EventType) -> EventArguments {
        guard let h = parseHead(of: tr) else { return EventArguments() }
        if debugSink, let sp = sentenceParse(), let syntax {
            let words = sp.tokens.map { p in "\(syntax.tokens[p].text)/\(syntax.tokens[p].label)>\(syntax.tokens[p].head)\(sp.mentionOf[p - sp.tokens.lowerBound] >= 0 ? "@m\(sp.mentionOf[p - sp.tokens.lowerBound])" : "")" }
            FileHandle.standardError.write(Data("    parse head \(h) \(syntax.tokens[h].text): \(words.joined(separator: " "))\n".utf8))
        }
        var args: EventArguments
        if type == .claim || type == .statement {
            args = speakerArguments(h, type: type)
            if args.agents.isEmpty { args.addAgents(subjectInsideTrigger(tr, head: h)) }
        } else if isVerb(h) {
            args = verbArguments(h, type: type)
        } else {
            args = nominalArguments(h, type: type)
        }
        let metonymic = cityActing(h)
        args.agents = args.agents.filter { canAct($0) || metonymic.contains($0) }
        args.targets = args.targets.filter { canBeTargeted($0) && !args.agents.contains($0) }
        return args
    }

    /// "BLA claims responsibility" (a headline the parser read as a noun phrase, "claims" a modifier of
    /// "responsibility"): the subject of a word inside the trigger phrase is the speaker.
    func subjectInsideTrigger(_ tr: Range<Int>, head h: Int) -> [Int] {
        guard let syntax, let sp = sentenceParse() else { return [] }
        let span = scalarOffset(Int(tokens[tr.lowerBound].start))..<scalarOffset(Int(tokens[tr.upperBound - 1].end))
        for p in syntax.tokens(in: span).clamped(to: sp.tokens) where p != h {
            if let s = treeChildren(p, ["nsubj"]).last {
                let found = entities(ofPhrase: s)
                if !found.isEmpty { return found }
            }
        }
        return []
    }

    /// "Islamabad has accused Kabul of …", "the bombing of its consulate by Tel Aviv", "Tehran fired a barrage of
    /// missiles": a known city named as the subject or by-phrase of an event (or of the verb carrying it out) stands
    /// for its government (a city merely modifying the event noun, "the
    /// Kabul attack", is the event's place).
    func cityActing(_ h: Int) -> [Int] {
        // the names the phrases' heads carry (not `entities(ofPhrase:)`, which may name new entities)
        var phrases = isVerb(h) && !isPassive(h) ? actingSubject(of: h).map { [$0] } ?? [] : byPhraseObjects(of: h)
        if let carrier = carryingVerb(of: h), let s = actingSubject(of: carrier) { phrases.append(s) }
        return phrases.compactMap { mention(atParse: $0)?.entity }.filter { entities[$0].type == .place && entities[$0].lexiconIndex != nil }
    }

    /// "Tehran fired a barrage of missiles at Israel": the verb whose object is the event noun and which carries it
    /// out ("launched", "fired", "carried out"), if any.
    func carryingVerb(of n: Int) -> Int? {
        guard !isVerb(n), label(n) == "dobj", let v = treeHead(n), isVerb(v), !isPassive(v),
              lexicon.argumentWords.contains(lowerWord(v), as: .carryingVerb) else { return nil }
        return v
    }

    /// Whether an entity can carry out an event: an actor, or a country acting ("Russia launched …"); a town in
    /// an argument position is where the event happened, not who did it.
    func canAct(_ e: Int) -> Bool {
        switch entities[e].type {
        case .facility: false
        case .place: isCountry(e)
        default: true
        }
    }

    /// Whether an entity can be an event's target: an actor, a facility, or a country acted on as a whole
    /// ("Israel struck Iran"); a town attacked is the event's place.
    func canBeTargeted(_ e: Int) -> Bool {
        entities[e].type != .place || isCountry(e)
    }

    // MARK: verbs

    /// A verbal trigger: active subject and object, or passive subject and by-phrase.
    func verbArguments(_ v: Int, type: EventType) -> EventArguments {
        var args = EventArguments()
        if isPassive(v) {
            args.addTargets(targetFromPassiveSubject(v))
            args.addTargets(targetsListedAfterColon(v))
            args.addAgents(agentFromByPhrase(v))
        } else if undergoesEvent(v) {
            args.addTargets(targetFromUndergoingSubject(v))
        } else {
            args.addAgents(agentFromSubject(v))
            if args.agents.isEmpty { args.addAgents(agentFromAccusation(v)) }
            // "Israeli warplanes struck the port": the country of an unnamed subject
            if args.agents.isEmpty, let s = actingSubject(of: v) { args.addAgents(countriesOfDemonyms(on: s)) }
            args.addTargets(targetFromObject(v))
            if type == .clash { args.addTargets(targetFromOpponent(v)) }
        }
        if args.targets.isEmpty { args.addTargets(targetFromPreposition(v)) }
        if args.agents.isEmpty { args.addAgents(agentOfFramingEvent(v)) }
        return args
    }

    /// "A relief convoy came under fire near the border", "the outpost came under attack at dawn": a verb that puts
    /// its subject under the event (an `undergoing-preposition` phrase) tells what the subject suffered.
    func undergoesEvent(_ v: Int) -> Bool {
        treeChildren(v, ["dobj", "nsubjpass"]).isEmpty && treeChildren(v, ["prep"]).contains {
            lexicon.argumentWords.contains(lowerWord($0), as: .undergoingPreposition) && !treeChildren($0, ["pobj"]).isEmpty
        }
    }

    /// "A relief convoy of the Tarvel Mission came under fire": the subject that undergoes the event is its target.
    func targetFromUndergoingSubject(_ v: Int) -> [Int] {
        actingSubject(of: v).map { targetEntities(ofPhrase: $0) } ?? []
    }

    /// "Three others were arrested: Omar Halane (alias Abu Tarik), Sami Kessel and Idris Varn.": the names listed
    /// after a colon that closes a passive clause are the ones it was done to (a name in parentheses is an alias).
    func targetsListedAfterColon(_ v: Int) -> [Int] {
        guard let d = documentToken(ofParse: v), d + 1 < sentenceRange.upperBound, key(d + 1) == w.colon else { return [] }
        var out: [Int] = []
        var depth = 0
        var j = d + 2
        while j < sentenceRange.upperBound {
            if key(j) == w.openParen { depth += 1 } else if key(j) == w.closeParen { depth = max(0, depth - 1) }
            if depth == 0, let mi = mentionIndex(at: j), mentions[mi].tokens.lowerBound == j {
                let e = mentions[mi].entity
                if entities[e].type == .person, !out.contains(e) { out.append(e) }
                j = mentions[mi].tokens.upperBound
                continue
            }
            j += 1
        }
        return out
    }

    /// "Four officers were killed by gunmen of the cartel when their patrol was ambushed": an event verb in a
    /// clause that times another names one incident; without an agent of its own it takes the other's.
    func agentOfFramingEvent(_ v: Int) -> [Int] {
        guard label(v) == "advcl", let h = treeHead(v), isVerb(h), !lexicon.argumentWords.contains(lowerWord(h), as: .speechVerb) else { return [] }
        let agents = isPassive(h) ? agentFromByPhrase(h) : agentFromSubject(h)
        return agents.allSatisfy({ [.group, .unit].contains(entities[$0].type) }) ? agents : []
    }

    /// "Militants attacked the checkpoint", "gunmen stormed the village and abducted 20 people": the subject
    /// carries out the event (through coordinated verbs and relative clauses, see `actingSubject`).
    func agentFromSubject(_ v: Int) -> [Int] {
        guard let s = actingSubject(of: v) else { return [] }
        if let speaker = speakerReferredTo(by: s, in: v) { return speaker }
        if lexicon.argumentWords.contains(lowerWord(s), as: .speakerPronoun), let p = recentPerson() { return [p] }
        if let b = bodyReferredTo(byPronoun: s) { return [b] }
        let found = entities(ofPhrase: s)
        if found.isEmpty, case let own = groupTellingItsOwnAct(v, subject: s), !own.isEmpty { return own }
        return found.isEmpty ? speakerActingInReport(v) : found
    }

    /// "The army stated that the situation was under control and launched search operations": an action verb
    /// (carrying an event, or an attack or operation verb) the parser coordinated inside a reported clause (told
    /// after the speaker, with a subject of its own that names no actor) is the speaker's action.
    func speakerActingInReport(_ v: Int) -> [Int] {
        guard label(v) == "conj", !isPassive(v),
              lexicon.argumentWords.contains(lowerWord(v), as: .carryingVerb) || triggerWord(v).map({ Document.family($0.type) <= 1 }) ?? false,
              let h = treeHead(v), label(h) == "ccomp", let say = treeHead(h),
              lexicon.argumentWords.contains(lowerWord(say), as: .speechVerb), say < h, !treeChildren(h, ["nsubj", "nsubjpass"]).isEmpty,
              let s = actingSubject(of: say) else { return [] }
        return entities(ofPhrase: s).filter { [.group, .unit, .organization].contains(entities[$0].type) || isCountry($0) }
    }

    /// "The ELN said it had carried out the attack", "the police said they arrested two men": a pronoun subject
    /// of reported speech is the speaker.
    func speakerReferredTo(by pronoun: Int, in v: Int) -> [Int]? {
        let words = lexicon.argumentWords
        guard words.contains(lowerWord(pronoun), as: .speakerPronoun) || words.contains(lowerWord(pronoun), as: .bodyPronoun)
                || words.contains(lowerWord(pronoun), as: .quotedSpeakerPronoun) else { return nil }
        var clause = v
        for _ in 0..<3 {
            guard let h = treeHead(clause) else { return nil }
            if label(clause) == "ccomp", words.contains(lowerWord(h), as: .speechVerb), let s = actingSubject(of: h), s != pronoun {
                let speaker = entities(ofPhrase: s)
                return speaker.isEmpty ? nil : speaker
            }
            guard ["conj", "xcomp", "ccomp"].contains(label(clause)) else { return nil }
            clause = h
        }
        return nil
    }

    /// "The post was attacked by militants", "a raid by the army": the by-phrase.
    func agentFromByPhrase(_ p: Int) -> [Int] {
        byPhraseObjects(of: p).flatMap { entities(ofPhrase: $0) }
    }

    /// "Militants attacked the checkpoint and a convoy": the direct objects; "attacked and burned the
    /// hospital": the object of the verb coordinated with it, which both verbs share.
    func targetFromObject(_ v: Int) -> [Int] {
        var objects = treeChildren(v, ["dobj"])
        if objects.isEmpty, !hasOwnComplement(v), let shared = treeChildren(v, ["conj"]).first(where: { isVerb($0) && !isPassive($0) }) {
            objects = treeChildren(shared, ["dobj"])
        }
        return objects.flatMap { targetEntities(ofPhrase: $0) }
    }

    /// "Niger condemned what it said was an attack and urged Chad to act": a verb with a clause of its own as its
    /// complement shares no object with the verb coordinated after it ("Chad" is urged, not condemned).
    func hasOwnComplement(_ v: Int) -> Bool {
        !treeChildren(v, ["ccomp", "xcomp", "attr", "oprd"]).isEmpty
    }

    /// The entities of a target phrase: as `entities(ofPhrase:)`, or the unnamed facility attacked.
    func targetEntities(ofPhrase p: Int) -> [Int] {
        let named = entities(ofPhrase: p)
        if !named.isEmpty { return named }
        return facilityDesignation(p).map { [$0] } ?? []
    }

    /// "Three soldiers were killed", "soldiers killed in the ambush": the one acted on by a passive verb.
    /// "The house of a separatist commander in Varnok, Tarik Vell was raided": a second subject the parser gives the
    /// verb is an apposition it split off, which names the target when the first does not.
    func targetFromPassiveSubject(_ v: Int) -> [Int] {
        let first = passiveSubject(of: v).map { entities(ofPhrase: $0) } ?? []
        if !first.isEmpty { return first }
        return treeChildren(v, ["nsubjpass"]).dropFirst().flatMap { entities(ofPhrase: $0) }.filter { entities[$0].type == .person }
    }

    /// "opened fire on the convoy", "an attack on the camp", "an offensive against the rebels"; a country
    /// attacked as a whole ("missile and drone attacks on Israel"), but not a town (the event's place) nor a
    /// country that only qualifies the phrase ("strikes on Yemen's capital").
    func targetFromPreposition(_ p: Int) -> [Int] {
        prepositionObjects(of: p, .targetPreposition).flatMap { o in
            targetEntities(ofPhrase: o).filter { entities[$0].type != .place || isCountry($0) && mention(atParse: o)?.entity == $0 }
        }
    }

    /// "The army clashed with the rebels": the other side of a clash.
    func targetFromOpponent(_ p: Int) -> [Int] {
        prepositionObjects(of: p, .opponentPreposition).flatMap { entities(ofPhrase: $0) }.filter { entities[$0].type != .place }
    }

    // MARK: nouns

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

    /// "attributing the assault to militants of the ISGS", "the attack was blamed on the TTP": the actor an
    /// event is attributed to carried it out.
    func agentFromAttribution(_ v: Int) -> [Int] {
        // (the parser often hangs "on X" on the blamed event noun: "blamed [the abduction on Boko Haram]")
        let phrases = prepositionObjects(of: v, .attributionPreposition)
            + treeChildren(v, ["dobj"]).flatMap { prepositionObjects(of: $0, .attributionPreposition) }
        return phrases.flatMap { entities(ofPhrase: $0) }
    }

    /// Whether event noun `n` is the object of an attribution ("blamed the abduction on …"), whose on-phrase
    /// names the one blamed, not a target.
    func isAttributedEvent(_ n: Int) -> Bool {
        guard label(n) == "dobj", let v = treeHead(n) else { return false }
        return lexicon.argumentWords.contains(lowerWord(v), as: .attributionVerb)
    }

    /// "The group claimed responsibility for a car bombing at the base": the claimant carried out the claimed
    /// event (the claim's own arguments are read by `speakerArguments`).
    func agentFromClaim(_ forPreposition: Int) -> [Int] {
        guard let noun = treeHead(forPreposition), lexicon.argumentWords.contains(lowerWord(noun), as: .claimNoun),
              let verb = treeHead(noun), isVerb(verb) else { return [] }
        return isPassive(verb) ? agentFromByPhrase(verb) : agentFromSubject(verb)
    }

    /// "Russia has accused Ukraine of shelling the plant": the accused carries out the act it is accused of.
    func agentFromAccusation(_ v: Int) -> [Int] {
        guard label(v) == "pcomp", let of = treeHead(v), let accuse = treeHead(of),
              lexicon.argumentWords.contains(lowerWord(accuse), as: .accusationVerb) else { return [] }
        return targetFromObject(accuse)
    }

    /// "an attack on the Chitkan camp of the Frontier Corps", "the Forward Operation Base, 153 Battalion": the force
    /// whose facility was hit is a target too.
    func facilityOwners(of targets: [Int]) -> [Int] {
        var out: [Int] = []
        for t in targets where entities[t].type == .facility {
            guard let m = mentions.first(where: { $0.entity == t }), let head = parseHead(of: m.tokens) else { continue }
            for o in prepositionObjects(of: head, .bodyPreposition) {
                for e in entities(ofPhrase: o) where [.unit, .group].contains(entities[e].type) && !out.contains(e) { out.append(e) }
            }
            // "the Forward Operation Base, 153 Battalion, located in Kessa": the unit set beside the base holds it
            for a in treeChildren(head, ["appos"]) {
                if let e = mention(atParse: a)?.entity, [.unit, .group].contains(entities[e].type), !entities[e].generic, !out.contains(e) { out.append(e) }
            }
        }
        return out
    }
}
