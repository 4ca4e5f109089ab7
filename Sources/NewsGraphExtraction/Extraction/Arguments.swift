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
