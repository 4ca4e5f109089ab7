import NewsGraphCore

/// A cue whose subject names no event stands for the article's incident in focus: "The move comes two days after
/// the Front launched a barrage …" (an anaphoric "this", "the move", "this escalation" placed after the event its
/// "after" clause tells); "The killings led to a demonstration …" (a definite description causing the event the
/// cue names).
extension Document {
    /// "Militants overran a post near Tarvek on Monday. … This escalation comes days after the Olem Defence Forces
    /// bombed a camp near Kessa": the "after" of the cue hangs (as the mark of its clause, or as a preposition) on a
    /// form of "come" whose subject holds no event mention; the later event is the article's incident in focus.
    /// Nil when the cue is not read so.
    func focusIncident(comingAfter cue: Range<Int>, cause: Int) -> Int? {
        guard let after = cueParseToken(cue.upperBound - 1) else { return nil }
        var verb = treeHead(after)
        if label(after) == "mark", let clause = verb, label(clause) == "advcl" { verb = treeHead(clause) }
        guard let v = verb, v != after, ew.sequenceVerbs.contains(wordKey(v)), subjectsNamingNoEvent(v) != nil
        else { return nil }
        return firstIncidentTold(before: cue, other: cause, why: "'\(lowerWord(v))' with a subject that names no event")
    }

    /// "Gunmen attacked a camp near Kessa on Monday. … The killings led to a demonstration in Tarvek": the verb of a
    /// cause-effect cue has for subject a definite description holding no event mention (`determinersDefinite`);
    /// the cause is the article's incident in focus. Nil when the cue is not read so.
    func focusIncident(causing cue: Range<Int>, effect: Int) -> Int? {
        guard let v = cueParseToken(cue.lowerBound), isVerb(v), let subjects = subjectsNamingNoEvent(v),
              subjects.allSatisfy({ s in treeChildren(s, ["det"]).contains { Document.determinersDefinite.contains(wordKey($0)) } })
        else { return nil }
        return firstIncidentTold(before: cue, other: effect, why: "a definite subject that names no event")
    }

    /// The parse token of document token `t` in the current sentence.
    func cueParseToken(_ t: Int) -> Int? {
        guard let p = parseTokens(ofToken: t)?.lowerBound, let sp = sentenceParse(), sp.tokens.contains(p) else { return nil }
        return p
    }

    /// The subjects of verb `v` when it has some and none holds an event mention ("The attack comes days after …"
    /// is read by the cue rule itself) or a possessor ("His message came a day after …": somebody's act, not the
    /// incident in focus); nil otherwise.
    func subjectsNamingNoEvent(_ v: Int) -> [Int]? {
        let subjects = treeChildren(v, ["nsubj"])
        guard !subjects.isEmpty, !subjects.contains(where: { !treeChildren($0, ["poss"]).isEmpty }) else { return nil }
        let tells = subjects.contains { s in
            let sub = syntax.map { $0.subtree(of: s) } ?? s...s
            return eventMentions.contains { m in parseHead(of: m.tokens).map { sub.contains($0) } ?? false }
        }
        return tells ? nil : subjects
    }

    /// The article's incident in focus before the cue: the first violent incident it told, other than `other` (an
    /// operation only when no incident of another kind was told: it is often the campaign the incident belongs to),
    /// and told before `other`.
    func firstIncidentTold(before cue: Range<Int>, other: Int, why: String) -> Int? {
        let told = events.indices.filter { i in
            i != other && !events[i].dropped && Document.violentTypes.contains(events[i].type) && events[i].firstByte < Int(tokens[cue.lowerBound].start)
        }
        let incidents = told.filter { events[$0].type != .operation }
        guard let f = (incidents.isEmpty ? told : incidents).min(by: { events[$0].firstByte < events[$1].firstByte }) else { return nil }
        // "The decision comes a day after the attack": when the other event is the first incident told, it is the
        // incident in focus itself, and the subject is something else
        guard events[f].firstByte < events[other].firstByte else { return nil }
        explain("cue '\(span(cue))': \(why) — the incident in focus, \(eventLabel(f))")
        return f
    }

    /// Whether an event is told as a response: its trigger holds a `response-word` ("a retaliatory strike", "the
    /// troops retaliated"), or it already answers another event.
    func isToldAsResponse(_ e: Int) -> Bool {
        events[e].trigger.split(separator: " ").contains { ew.responseWords.contains(Tokenizer.hash($0.utf8)) }
            || causal.contains { $0.from == e && $0.relation == .respondedTo }
            || sameSpeaker(events[e].agent, Array(responders))
    }

    /// "Kessa hits camps in Tarvek in retaliation for the Front's raids": the subject of the verb a response cue
    /// hangs on acts in response, whether or not the sentence tells an event ("hits targets" is none); a later
    /// "The move comes two days after …" then tells what that actor's incident answered.
    func noteResponders() {
        let r = sentenceRange
        var i = r.lowerBound
        while i < r.upperBound {
            guard let cue = lexicon.cues.match(tokens, at: i, limit: r.upperBound) else { i += 1; continue }
            if cue.value.relation == .respondedTo, cue.value.order == .effectCause, let p = cueParseToken(i),
               let verb = syntax?.ancestors(of: p).first(where: { isVerb($0) }) {
                responders.formUnion(agentFromSubject(verb))
            }
            i += cue.length
        }
    }
}
