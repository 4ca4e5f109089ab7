import NewsGraphCore

/// Responses named by their own trigger: "retaliated", "a retaliatory strike", "reprisal attacks" say that the
/// event answers an incident, even with no cue phrase naming it.
extension Document {
    /// "Militants ambushed an army convoy near Tarvek on Monday. … The troops retaliated, killing two of the
    /// attackers": a trigger holding a `response-word` answers an incident already told — the last one in which the
    /// responder was attacked (its agent among that incident's targets, or its target that incident's agent), else
    /// the last violent incident told before it. A response already linked by a cue keeps that link.
    func findRetaliations() {
        for m in eventMentions where events[m.event].type != .statement && events[m.event].type != .claim {
            let e = m.event
            guard !events[e].dropped, m.tokens.contains(where: { ew.responseWords.contains(key($0)) }) || precededByResponseWord(m.tokens),
                  !causal.contains(where: { $0.from == e && $0.relation == .respondedTo }) else { continue }
            let at = Int(tokens[m.tokens.lowerBound].start)
            let earlier = events.indices.filter { i in
                i != e && !events[i].dropped && Document.violentTypes.contains(events[i].type) && events[i].firstByte < at
                    && !causal.contains(where: { $0.from == i && $0.to == e })
            }
            let answered = earlier.filter { i in
                !events[e].agent.isEmpty && !events[i].target.isEmpty && sameSpeaker(events[e].agent, events[i].target)
                    || !events[e].target.isEmpty && !events[i].agent.isEmpty && sameSpeaker(events[e].target, events[i].agent)
                    || isStruckOnItsSoil(responder: events[e].agent, by: i)
            }
            // a one-sided attack on the responder answers before a clash it fought in (where each side attacked)
            let attacks = answered.filter { events[$0].type != .clash }
            let candidates = !attacks.isEmpty ? attacks : !answered.isEmpty ? answered : earlier
            guard let cause = candidates.max(by: { events[$0].lastSeen < events[$1].lastSeen }) else { continue }
            explain("\(span(m.tokens)): a response word — answers \(eventLabel(cause))")
            addLink(e, .respondedTo, cause, cue: span(m.tokens), prov: provenance(tokens: m.tokens), confidence: 0.6 * sentenceHedge)
        }
    }

    /// "Following the attack, the terrorists fled, while the army, supported by police, retaliated": a verb of
    /// retaliation (`response-word`) in the past, with no object and no instrument, whose subject is an armed actor
    /// (a state force or an armed group), tells that actor fighting back — a clash (`findRetaliations` links it to
    /// the incident it answers). "retaliated with airstrikes" and "vowed to retaliate" are not read here. The
    /// document tokens of the verbs.
    func returnedFireVerbs() -> [Int] {
        guard let sp = sentenceParse() else { return [] }
        var out: [Int] = []
        for v in sp.tokens where isVerb(v) && parseTag(v) == "VBD" && ew.responseWords.contains(wordKey(v)) {
            guard treeChildren(v, ["dobj", "prep", "neg", "aux", "xcomp"]).isEmpty, let d = documentToken(ofParse: v),
                  agentFromSubject(v).contains(where: { [.group, .unit].contains(entities[$0].type) }) else { continue }
            out.append(d)
        }
        return out
    }

    /// "India attacked settlements in six areas of Pakistan … Pakistan's retaliatory action": a country responding
    /// was attacked when another actor's incident took place on its soil (a place inside it).
    func isStruckOnItsSoil(responder: [Int], by i: Int) -> Bool {
        guard let p = events[i].place, !events[i].agent.isEmpty, !sameSpeaker(responder, events[i].agent) else { return false }
        return responder.contains { isCountry($0) && (p == $0 || contained(p, in: $0)) }
    }

    /// "retaliated", "a retaliatory strike", "Pakistan's retaliatory action": the trigger holds a response word or
    /// follows one.
    func tellsAResponse(_ tr: Range<Int>) -> Bool {
        tr.contains { ew.responseWords.contains(key($0)) } || precededByResponseWord(tr)
    }

    /// "a retaliatory attack", "reprisal raids": the response word modifies the trigger noun.
    func precededByResponseWord(_ tr: Range<Int>) -> Bool {
        tr.lowerBound > sentenceRange.lowerBound && ew.responseWords.contains(key(tr.lowerBound - 1))
    }
}
