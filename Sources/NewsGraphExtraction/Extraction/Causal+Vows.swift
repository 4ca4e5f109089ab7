import NewsGraphCore

/// A vow or warning to punish someone "for" an act answers that act: "The governor vowed to punish the Front for
/// the attack on the post" → [vow, responded_to, attack]. Read from the parse (vow-verb, threat-verb and
/// hostile-verb are `relation-word` records).
extension Document {
    /// Links each vow of the sentence to the event its hostile clause gives as the reason ("for the attack").
    func findVowResponses() {
        for m in eventMentions where events[m.event].type == .statement {
            guard let v = parseHead(of: m.tokens), isRelationWord(v, .vowVerb) || isRelationWord(v, .threatVerb) else { continue }
            let hostile = treeChildren(v, ["xcomp"]).filter { isRelationWord($0, .hostileVerb) }
            let reasons = hostile.flatMap { treeChildren($0, ["prep"]) }.filter { lowerWord($0) == "for" }.flatMap { treeChildren($0, ["pobj"]) }
            for r in reasons {
                guard let cause = eventMentions.first(where: { em in
                    em.event != m.event && Document.violentTypes.contains(events[em.event].type) && parseHead(of: em.tokens) == r
                }) else { continue }
                addLink(m.event, .respondedTo, cause.event, cue: "for", prov: provenance(tokens: m.tokens), confidence: 0.75 * sentenceHedge)
            }
        }
    }
}

/// A speaker announcing a response: "Tarik Vell said Kessa would retaliate to the attack on the depot" is Tarik
/// Vell's vow of response, answering that attack.
extension Document {
    /// "Tarik Vell stated that Kessa would retaliate to the attack on the depot", "Kessa will respond to the raid,
    /// Tarik Vell said": a speech verb reporting a clause whose verb is a `response-verb` under a modal ("would",
    /// "will") and whose "to" or "for" phrase names a violent event of the sentence is the speaker's vow — a
    /// statement (the speech act's own when it already is one) that responds to that event; the vow threatens the
    /// event's agent. A vow the same speaker already made to the same event is told again, not repeated.
    func findAnnouncedResponses() {
        guard let sp = sentenceParse() else { return }
        for say in sp.tokens where lexicon.argumentWords.contains(lowerWord(say), as: .speechVerb) {
            let speakers = agentFromSubject(say).filter { entities[$0].type != .place }
            guard !speakers.isEmpty, let d = documentToken(ofParse: say) else { continue }
            for v in treeChildren(say, ["ccomp"]) where ew.responseVerbs.contains(wordKey(v))
                && treeChildren(v, ["aux"]).contains(where: { ew.modals.contains(wordKey($0)) }) {
                let objects = treeChildren(v, ["prep"]).filter { ["to", "for"].contains(lowerWord($0)) }.flatMap { treeChildren($0, ["pobj"]) }
                guard let cause = objects.lazy.compactMap({ self.violentEvent(atParse: $0) }).first else { continue }
                let vow = responseVow(at: d, by: speakers, threatening: events[cause].agent, answering: cause)
                explain("'\(lowerWord(v))' reported by '\(lowerWord(say))': a vow of response to \(eventLabel(cause))")
                guard !causal.contains(where: { $0.from == vow && $0.relation == .respondedTo }) else { continue }
                addLink(vow, .respondedTo, cause, cue: lowerWord(v), prov: provenance(tokens: d..<(d + 1)), confidence: 0.7 * sentenceHedge)
            }
        }
    }

    /// The statement at token `d` (made for it when the speech verb tells none), or the speakers' vow already
    /// answering `cause` (or an incident of its type by the same actor), which this speech act tells again.
    func responseVow(at d: Int, by speakers: [Int], threatening threatened: [Int], answering cause: Int) -> Int {
        let prov = provenance(tokens: d..<(d + 1))
        if let told = eventMentions.first(where: { $0.tokens.contains(d) && events[$0.event].type == .statement })?.event { return told }
        // (the incident answered may still be told twice: "the attack" of the lead and of the next sentence are joined later)
        if let again = causal.first(where: { c in
            c.relation == .respondedTo && events[c.from].type == .statement && sameSpeaker(events[c.from].agent, speakers)
                && (c.to == cause || events[c.to].type == events[cause].type && agentsRelated(events[c.to].agent, events[cause].agent))
        })?.from {
            events[again].mentions.append(prov)
            eventMentions.append(EventMention(tokens: d..<(d + 1), event: again))
            return again
        }
        let info = lexicon.trigger(named: "vowed")
        var e = DocEvent(type: .statement, trigger: tokenText(d), cameo: info?.cameo ?? "13", acled: info?.acled ?? "Strategic developments/Other",
                         confidence: 0.7 * sentenceHedge, firstByte: Int(tokens[d].start), lastSeen: Int(tokens[d].start))
        e.agent = speakers
        e.target = threatened.filter { !speakers.contains($0) }
        e.mentions = [prov]
        events.append(e)
        eventMentions.append(EventMention(tokens: d..<(d + 1), event: events.count - 1))
        return events.count - 1
    }
}
