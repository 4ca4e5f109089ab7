import NewsGraphCore

/// Trigger mentions that tell no incident of their own: attributions, purposes and calls, statistics, ranks, parts of
/// a set, predicate nominals, habitual and planned activity, what a habit noun or a verb of intention carries, and a
/// participle describing whom an incident already told was done to.
extension Document {
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
            if describesTheEventNoun(j, trigger: tr) { continue }
            return true
        }
        // "in response to the repeated attacks by X": a cause named by the text is an event even when habitual
        let afterCue = (max(r.lowerBound, first - 4)..<first).contains { prevIsCueEnd($0) }
        if !afterCue {
            if habituallyMarked(tr, definite: form.definite), !statesItsDay(tr) { return true }
        }
        return false
    }

    /// "The meticulously planned operation struck camps", "a well-planned attack": a modal word that is a participle
    /// or adjective modifying the event noun describes how the incident was carried out; it does not make it a plan.
    func describesTheEventNoun(_ j: Int, trigger tr: Range<Int>) -> Bool {
        guard let p = cueParseToken(j), let h = parseHead(of: tr), !isVerb(h), ["amod", "compound"].contains(label(p)),
              ["VBN", "JJ"].contains(parseTag(p)), let up = treeHead(p) else { return false }
        return up == h || syntax.map { $0.subtree(of: h).contains(up) } ?? false
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
}
